<?php
/**
 * Deprovisioning of a WordPress user that WorkOS removed (seed spec §9.4, §17 fixed), and its
 * undoing when WorkOS brings the user back.
 *
 * By the active environment's `deprovision_action` (unknown values behave as `deactivate`):
 * - deactivate: AccountLock::deactivate (login refused on every path, every session ended);
 *   content, role and profile stay.
 * - demote: the user's roles are replaced by the lowest role (subscriber, else the role with the
 *   fewest capabilities) and their sessions are ended; they may still sign in with that role.
 * - delete: wp_delete_user() with the content reassigned to `reassign_user`. Without a valid
 *   reassign target (unset, missing, the user itself, or itself deactivated) the user is
 *   deactivated instead: deleting would delete their posts, which nobody asked for.
 * The site's last administrator is never demoted or deleted: they are deactivated instead, which
 * ends their access and keeps the account for recovery (WP-CLI can clear the flag).
 *
 * What was done is remembered in usermeta `_workos_deprovisioned` ({action, reason, at, roles}),
 * so that reprovision() can undo exactly that: clear the flag, give the old roles back.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Sync;

use WorkOSCompanion\ActivityLog\Logger;
use WorkOSCompanion\Auth\AccountLock;
use WorkOSCompanion\Config\Config;
use WP_Session_Tokens;

defined( 'ABSPATH' ) || exit;

final class Deprovisioner {
	public const META = '_workos_deprovisioned';

	public const DEACTIVATED               = 'deactivated';
	public const DEMOTED                   = 'demoted';
	public const DELETED                   = 'deleted';
	public const DEACTIVATED_NO_REASSIGN   = 'deactivated_no_reassign_user';
	public const DEACTIVATED_LAST_ADMIN    = 'deactivated_last_administrator';
	public const ALREADY                   = 'already_deprovisioned';
	public const NOT_FOUND                 = 'user_not_found';
	public const REACTIVATED               = 'reactivated';
	public const NOT_DEPROVISIONED         = 'not_deprovisioned';

	/**
	 * @param string $reason Why (the event type, "console"...), kept in the record and the log.
	 * @return string One of the constants above.
	 */
	public static function deprovision( int $wp_user_id, string $reason ): string {
		$user = $wp_user_id > 0 ? get_userdata( $wp_user_id ) : false;
		if ( ! $user ) {
			return self::NOT_FOUND;
		}
		$action = (string) Config::get( 'deprovision_action' );
		$action = in_array( $action, array( 'deactivate', 'demote', 'delete' ), true ) ? $action : 'deactivate';
		$record = get_user_meta( $wp_user_id, self::META, true );
		if ( is_array( $record ) && ( $record['action'] ?? '' ) === $action && ( 'demote' === $action || AccountLock::is_deactivated( $wp_user_id ) ) ) {
			return self::ALREADY;
		}
		$roles      = is_array( $record ) && isset( $record['roles'] ) ? (array) $record['roles'] : array_values( (array) $user->roles );
		$last_admin = in_array( 'administrator', (array) $user->roles, true ) && RoleMapper::administrator_count() <= 1;

		if ( 'delete' === $action && ! $last_admin ) {
			$reassign = self::reassign_target( $wp_user_id );
			if ( $reassign > 0 ) {
				self::log( 'user_deprovisioned', $wp_user_id, $reason, self::DELETED, array( 'reassign_user' => $reassign ) );
				require_once ABSPATH . 'wp-admin/includes/user.php';
				ProfilePush::without_push(
					static function () use ( $wp_user_id, $reassign ) {
						wp_delete_user( $wp_user_id, $reassign );
					}
				);
				return self::DELETED;
			}
			$outcome = self::DEACTIVATED_NO_REASSIGN;
		} elseif ( 'demote' === $action && ! $last_admin ) {
			$lowest = self::lowest_role();
			ProfilePush::without_push(
				static function () use ( $user, $lowest ) {
					$user->set_role( $lowest );
				}
			);
			WP_Session_Tokens::get_instance( $wp_user_id )->destroy_all();
			self::remember( $wp_user_id, 'demote', $reason, $roles );
			self::log( 'user_deprovisioned', $wp_user_id, $reason, self::DEMOTED, array( 'role' => $lowest ) );
			return self::DEMOTED;
		} else {
			$outcome = $last_admin && 'deactivate' !== $action ? self::DEACTIVATED_LAST_ADMIN : self::DEACTIVATED;
		}
		AccountLock::deactivate( $wp_user_id );
		self::remember( $wp_user_id, 'deactivate', $reason, $roles );
		self::log( 'user_deprovisioned', $wp_user_id, $reason, $outcome );
		return $outcome;
	}

	/**
	 * Deactivates a user because an administrator asked (the console), whatever
	 * deprovision_action says: the flag set, every session ended, and a record reprovision() can
	 * undo. A record already there (a demotion) is kept, so that reprovision() still gives the
	 * old roles back. The caller makes sure it is not the site's last administrator.
	 *
	 * @param string $reason Why, kept in the record and the log ("console"...).
	 * @return string DEACTIVATED, ALREADY or NOT_FOUND.
	 */
	public static function deactivate( int $wp_user_id, string $reason ): string {
		$user = $wp_user_id > 0 ? get_userdata( $wp_user_id ) : false;
		if ( ! $user ) {
			return self::NOT_FOUND;
		}
		if ( AccountLock::is_deactivated( $wp_user_id ) ) {
			return self::ALREADY;
		}
		AccountLock::deactivate( $wp_user_id );
		if ( ! self::is_deprovisioned( $wp_user_id ) ) {
			self::remember( $wp_user_id, 'deactivate', $reason, array_values( (array) $user->roles ) );
		}
		self::log( 'user_deprovisioned', $wp_user_id, $reason, self::DEACTIVATED );
		return self::DEACTIVATED;
	}

	/** Undoes deprovision(): the flag cleared, a demoted user's roles given back. */
	public static function reprovision( int $wp_user_id ): string {
		$user = $wp_user_id > 0 ? get_userdata( $wp_user_id ) : false;
		if ( ! $user ) {
			return self::NOT_FOUND;
		}
		$record = get_user_meta( $wp_user_id, self::META, true );
		if ( ! is_array( $record ) ) {
			return self::NOT_DEPROVISIONED;
		}
		if ( 'demote' === ( $record['action'] ?? '' ) ) {
			$roles = array_values( array_filter( (array) ( $record['roles'] ?? array() ), array( wp_roles(), 'is_role' ) ) );
			if ( $roles ) {
				ProfilePush::without_push(
					static function () use ( $user, $roles ) {
						$user->set_role( (string) array_shift( $roles ) );
						foreach ( $roles as $role ) {
							$user->add_role( (string) $role );
						}
					}
				);
			}
		}
		AccountLock::reactivate( $wp_user_id );
		delete_user_meta( $wp_user_id, self::META );
		self::log( 'user_reprovisioned', $wp_user_id, (string) ( $record['reason'] ?? '' ), self::REACTIVATED );
		return self::REACTIVATED;
	}

	public static function is_deprovisioned( int $wp_user_id ): bool {
		return is_array( get_user_meta( $wp_user_id, self::META, true ) );
	}

	/** The configured reassign_user when it is a usable target for this user's content, else 0. */
	public static function reassign_target( int $wp_user_id ): int {
		$target = (int) Config::get( 'reassign_user' );
		if ( $target <= 0 || $target === $wp_user_id || ! get_userdata( $target ) || AccountLock::is_deactivated( $target ) ) {
			return 0;
		}
		if ( is_multisite() && ! is_user_member_of_blog( $target ) ) {
			return 0;
		}
		return $target;
	}

	/** subscriber when it exists, else the role with the fewest capabilities. */
	public static function lowest_role(): string {
		$roles = wp_roles();
		if ( $roles->is_role( 'subscriber' ) ) {
			return 'subscriber';
		}
		$lowest = '';
		$count  = PHP_INT_MAX;
		foreach ( $roles->roles as $slug => $role ) {
			$caps = count( array_filter( (array) ( $role['capabilities'] ?? array() ) ) );
			if ( $caps < $count ) {
				$lowest = (string) $slug;
				$count  = $caps;
			}
		}
		return $lowest;
	}

	/** @param string[] $roles */
	private static function remember( int $wp_user_id, string $action, string $reason, array $roles ): void {
		update_user_meta(
			$wp_user_id,
			self::META,
			array(
				'action' => $action,
				'reason' => $reason,
				'at'     => gmdate( 'Y-m-d H:i:s' ),
				'roles'  => array_values( $roles ),
			)
		);
	}

	/** @param array<string,mixed> $extra */
	private static function log( string $type, int $wp_user_id, string $reason, string $outcome, array $extra = array() ): void {
		Logger::log(
			$type,
			array(
				'user_id'  => $wp_user_id,
				'metadata' => array_merge(
					array(
						'reason'  => $reason,
						'outcome' => $outcome,
					),
					$extra
				),
			)
		);
	}
}
