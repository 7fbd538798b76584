<?php
/**
 * Finds, links or creates the WordPress user of a WorkOS user (seed spec §3.5, with our decisions).
 *
 * Two steps, so that the entitlement gate can run between them (before anything is created or
 * linked): locate() decides without writing, apply() writes.
 *
 * 1. By WorkOS id (_workos_user_id): update e-mail, names and display name from WorkOS.
 * 2. By e-mail: link, but only when WorkOS says the address is verified, and never an
 *    administrator (that takes the console, on purpose).
 * 3. Otherwise create a user with the deterministic username, a random password and the site's
 *    default role, without any of WordPress's new-user e-mails.
 * Deactivated users (_workos_deactivated) are refused at every step.
 * Links and creates are written under LinkLock and checked again there (a users batch or another
 * webhook may give the same WorkOS id a user at the same moment).
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Sync;

use WorkOSCompanion\Auth\AccountLock;
use WorkOSCompanion\Users\UserRecords;
use WP_Error;
use WP_User;

defined( 'ABSPATH' ) || exit;

final class UserLinker {
	public const META_USER_ID     = '_workos_user_id';
	public const META_ORG_ID      = '_workos_org_id';
	public const META_SYNCED_AT   = '_workos_last_synced_at';
	public const META_HASH        = '_workos_profile_hash';
	public const META_FIRST_LOGIN = '_workos_first_login';
	public const META_DEACTIVATED = '_workos_deactivated';

	public const ACTION_UPDATE = 'update';
	public const ACTION_LINK   = 'link';
	public const ACTION_CREATE = 'create';

	/** @var int While > 0 this class is writing users: WP→WorkOS sync hooks must not echo it back. */
	private static $syncing = 0;

	public static function is_syncing(): bool {
		return self::$syncing > 0;
	}

	/**
	 * Locate then apply, for callers without a gate in between.
	 *
	 * @param array<string,mixed> $workos_user WorkOS user object.
	 * @return WP_User|WP_Error
	 */
	public static function find_or_create( array $workos_user, string $organization_id = '' ) {
		$plan = self::locate( $workos_user );
		return is_wp_error( $plan ) ? $plan : self::apply( $plan, $workos_user, $organization_id );
	}

	/**
	 * Decides what a sign-in of this WorkOS user means here, without writing anything.
	 *
	 * @param array<string,mixed> $workos_user WorkOS user object.
	 * @return array{action:string,user:WP_User|null}|WP_Error
	 */
	public static function locate( array $workos_user ) {
		$id    = trim( (string) ( $workos_user['id'] ?? '' ) );
		$email = trim( (string) ( $workos_user['email'] ?? '' ) );
		if ( '' === $id || '' === $email || ! is_email( $email ) ) {
			return new WP_Error(
				'workos_invalid_user',
				__( 'WorkOS did not send an e-mail address for this account, so it cannot be matched to a user of this site. Please contact your administrator.', 'workos-companion' ),
				array( 'status' => 400 )
			);
		}

		$linked = self::find_by_workos_id( $id );
		if ( $linked ) {
			return self::is_deactivated( $linked->ID ) ? self::deactivated_error() : array(
				'action' => self::ACTION_UPDATE,
				'user'   => $linked,
			);
		}

		$existing = get_user_by( 'email', $email );
		if ( ! $existing ) {
			return array(
				'action' => self::ACTION_CREATE,
				'user'   => null,
			);
		}
		if ( self::is_deactivated( $existing->ID ) ) {
			return self::deactivated_error();
		}
		if ( true !== ( $workos_user['email_verified'] ?? false ) ) {
			return new WP_Error(
				'workos_email_unverified',
				__( 'An account with this e-mail address already exists on this site, but WorkOS has not verified that the address is yours, so the accounts were not linked. Verify your e-mail address with WorkOS, or ask an administrator to link your account.', 'workos-companion' ),
				array( 'status' => 403 )
			);
		}
		if ( self::is_administrator( $existing ) ) {
			return new WP_Error(
				'workos_admin_link_required',
				__( 'This e-mail address belongs to an administrator of this site. Administrator accounts are never linked automatically: an administrator must link it from the WorkOS Console first.', 'workos-companion' ),
				array( 'status' => 403 )
			);
		}
		return array(
			'action' => self::ACTION_LINK,
			'user'   => $existing,
		);
	}

	/**
	 * Carries out what locate() decided.
	 *
	 * @param array{action:string,user:WP_User|null} $plan        From locate().
	 * @param array<string,mixed>                    $workos_user WorkOS user object.
	 * @return WP_User|WP_Error
	 */
	public static function apply( array $plan, array $workos_user, string $organization_id = '' ) {
		if ( self::ACTION_UPDATE === $plan['action'] ) {
			return self::write( $plan, $workos_user, $organization_id );
		}
		// Creating or linking gives a WorkOS id its holder: under the lock a users batch holds
		// too, decided again from what the database holds now (locate() ran without the lock, and
		// a batch or another webhook may have created or linked this WorkOS user since).
		return LinkLock::run(
			static function () use ( $plan, $workos_user, $organization_id ) {
				$plan = self::relocate( $plan, $workos_user );
				return is_wp_error( $plan ) ? $plan : self::write( $plan, $workos_user, $organization_id );
			}
		);
	}

	/**
	 * A create or link plan checked again under LinkLock with fresh reads (no cache): when the
	 * WorkOS id has a holder now, that user is the one to update; when a create's e-mail address
	 * has been taken, locate() decides again.
	 *
	 * @param array{action:string,user:WP_User|null} $plan
	 * @param array<string,mixed>                    $workos_user
	 * @return array{action:string,user:WP_User|null}|WP_Error
	 */
	private static function relocate( array $plan, array $workos_user ) {
		$holder = UserRecords::id_by_workos_id( trim( (string) ( $workos_user['id'] ?? '' ) ) );
		if ( $holder > 0 && ( self::ACTION_CREATE === $plan['action'] || $holder !== (int) $plan['user']->ID ) ) {
			clean_user_cache( $holder );
			$user = get_userdata( $holder );
			if ( ! $user ) {
				return new WP_Error( 'workos_link_conflict', __( 'This WorkOS user is already linked to another WordPress user.', 'workos-companion' ), array( 'status' => 409 ) );
			}
			return self::is_deactivated( $holder ) ? self::deactivated_error() : array(
				'action' => self::ACTION_UPDATE,
				'user'   => $user,
			);
		}
		if ( self::ACTION_CREATE === $plan['action'] && UserRecords::id_by_email( sanitize_email( (string) ( $workos_user['email'] ?? '' ) ) ) > 0 ) {
			return self::locate( $workos_user );
		}
		return $plan;
	}

	/**
	 * @param array{action:string,user:WP_User|null} $plan
	 * @param array<string,mixed>                    $workos_user
	 * @return WP_User|WP_Error
	 */
	private static function write( array $plan, array $workos_user, string $organization_id ) {
		++self::$syncing;
		try {
			switch ( $plan['action'] ) {
				case self::ACTION_UPDATE:
					return self::update( $plan['user'], $workos_user );
				case self::ACTION_LINK:
					self::link( $plan['user']->ID, $workos_user, $organization_id );
					return get_userdata( $plan['user']->ID );
				default:
					return self::create( $workos_user, $organization_id );
			}
		} finally {
			--self::$syncing;
		}
	}

	public static function find_by_workos_id( string $workos_user_id ): ?WP_User {
		if ( '' === $workos_user_id ) {
			return null;
		}
		$ids = get_users(
			array(
				'meta_key'    => self::META_USER_ID, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_key -- indexed meta_key lookup.
				'meta_value'  => $workos_user_id, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_value
				'number'      => 1,
				'orderby'     => 'ID',
				'order'       => 'ASC',
				'fields'      => 'ID',
				'count_total' => false,
				'blog_id'     => 0,
			)
		);
		return $ids ? ( get_userdata( (int) $ids[0] ) ?: null ) : null;
	}

	/** Deactivated as Auth\AccountLock (which refuses the account on every other path) sees it. */
	public static function is_deactivated( int $user_id ): bool {
		return AccountLock::is_deactivated( $user_id );
	}

	public static function is_administrator( WP_User $user ): bool {
		return in_array( 'administrator', (array) $user->roles, true )
			|| user_can( $user, 'manage_options' )
			|| ( is_multisite() && is_super_admin( $user->ID ) );
	}

	/** @param array<string,mixed> $workos_user */
	public static function profile_hash( array $workos_user ): string {
		return hash( 'sha256', (string) ( $workos_user['email'] ?? '' ) . '|' . (string) ( $workos_user['first_name'] ?? '' ) . '|' . (string) ( $workos_user['last_name'] ?? '' ) );
	}

	/** @param array<string,mixed> $workos_user */
	public static function display_name( array $workos_user ): string {
		$name = trim( (string) ( $workos_user['first_name'] ?? '' ) . ' ' . (string) ( $workos_user['last_name'] ?? '' ) );
		return '' === $name ? (string) $workos_user['email'] : $name;
	}

	private static function deactivated_error(): WP_Error {
		return AccountLock::error();
	}

	/**
	 * @param array<string,mixed> $workos_user
	 * @return WP_User|WP_Error
	 */
	private static function update( WP_User $user, array $workos_user ) {
		$email   = sanitize_email( (string) $workos_user['email'] );
		$changes = array(
			'ID'           => $user->ID,
			'display_name' => self::display_name( $workos_user ),
		);
		$owner   = get_user_by( 'email', $email );
		if ( strtolower( $email ) !== strtolower( $user->user_email ) && ( ! $owner || $owner->ID === $user->ID ) ) {
			$changes['user_email'] = $email; // another user holding the address keeps it; never a failed login for that
		}
		foreach ( array( 'first_name', 'last_name' ) as $field ) {
			if ( '' !== trim( (string) ( $workos_user[ $field ] ?? '' ) ) ) {
				$changes[ $field ] = sanitize_text_field( (string) $workos_user[ $field ] );
			}
		}
		// WorkOS is the source of this change: no "your e-mail changed" mail from WordPress.
		add_filter( 'send_email_change_email', '__return_false', 99 );
		$result = wp_update_user( $changes );
		remove_filter( 'send_email_change_email', '__return_false', 99 );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		self::mark_synced( $user->ID, $workos_user );
		return get_userdata( $user->ID );
	}

	/** @param array<string,mixed> $workos_user */
	private static function link( int $user_id, array $workos_user, string $organization_id ): void {
		update_user_meta( $user_id, self::META_USER_ID, sanitize_text_field( (string) $workos_user['id'] ) );
		$org = '' !== $organization_id ? $organization_id : (string) ( $workos_user['organization_id'] ?? '' );
		if ( '' !== $org ) {
			update_user_meta( $user_id, self::META_ORG_ID, sanitize_text_field( $org ) );
		}
		self::mark_synced( $user_id, $workos_user );
	}

	/** @param array<string,mixed> $workos_user */
	private static function mark_synced( int $user_id, array $workos_user ): void {
		update_user_meta( $user_id, self::META_SYNCED_AT, gmdate( 'Y-m-d H:i:s' ) );
		update_user_meta( $user_id, self::META_HASH, self::profile_hash( $workos_user ) );
	}

	/**
	 * @param array<string,mixed> $workos_user
	 * @return WP_User|WP_Error
	 */
	private static function create( array $workos_user, string $organization_id ) {
		$role = (string) get_option( 'default_role', 'subscriber' );
		if ( '' === $role || ! wp_roles()->is_role( $role ) ) {
			$role = 'subscriber';
		}
		$email = sanitize_email( (string) $workos_user['email'] );
		$data  = array(
			'user_login'   => UsernameGenerator::generate( $email ),
			'user_pass'    => wp_generate_password( 64, true, true ),
			'user_email'   => $email,
			'first_name'   => sanitize_text_field( (string) ( $workos_user['first_name'] ?? '' ) ),
			'last_name'    => sanitize_text_field( (string) ( $workos_user['last_name'] ?? '' ) ),
			'display_name' => self::display_name( $workos_user ),
			'role'         => $role,
		);
		// wp_insert_user() sends nothing itself; these keep other code paths from mailing too.
		add_filter( 'wp_send_new_user_notification_to_user', '__return_false', 99 );
		add_filter( 'wp_send_new_user_notification_to_admin', '__return_false', 99 );
		$user_id = wp_insert_user( $data );
		remove_filter( 'wp_send_new_user_notification_to_user', '__return_false', 99 );
		remove_filter( 'wp_send_new_user_notification_to_admin', '__return_false', 99 );
		if ( is_wp_error( $user_id ) ) {
			return $user_id;
		}
		self::link( $user_id, $workos_user, $organization_id );
		update_user_meta( $user_id, self::META_FIRST_LOGIN, '1' );
		/**
		 * A WordPress user was created for a WorkOS user.
		 *
		 * @param int                 $user_id     The new WordPress user.
		 * @param array<string,mixed> $workos_user The WorkOS user object.
		 */
		do_action( 'workos_user_created', $user_id, $workos_user );
		return get_userdata( $user_id );
	}
}
