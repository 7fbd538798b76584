<?php
/**
 * dsync.group.* events: directory groups → WordPress roles through the role map.
 *
 * Mapping rule (decision): a group maps to a WordPress role when a key of the active role map
 * (§7.1) equals the group's name case-insensitively, or equals its slug (sanitize_title: "Site
 * Admins" → "site-admins"). The role map therefore accepts directory group names as keys next
 * to WorkOS role slugs ({"Engineering": "author", "admin": "administrator"}); a group named
 * like a WorkOS role ("admin") gets that role's mapping. Keys that are not slugs are ignored by
 * the reverse (WP → WorkOS) mapping.
 *
 * The groups of each provisioned user are remembered (`_workos_directory_groups`, {id: name})
 * from these events, and the user's role is the highest (most capabilities) role among their
 * mapped groups:
 * - user_added: the group is recorded; if it maps, the role is recomputed (adding a lesser group
 *   never demotes). A user not yet provisioned is provisioned from `data.user` first.
 * - user_removed: the group is forgotten; if it mapped, the role is recomputed from the remaining
 *   mapped groups, else the `member` mapping (default subscriber).
 * The last administrator is never demoted (RoleMapper::apply), deprovisioned users keep their
 * role until reprovisioned, and no role change is pushed back to WorkOS (RoleMapper's flag).
 * created / updated / deleted of a group change nobody's role: a no-op with a reason.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Webhook\Handlers;

use WorkOSCompanion\Sync\Deprovisioner;
use WorkOSCompanion\Sync\DirectoryUserLinker;
use WorkOSCompanion\Sync\RoleMapper;
use WorkOSCompanion\Webhook\HandlerResult;

defined( 'ABSPATH' ) || exit;

final class DsyncGroupHandler {
	/** @param array<string,mixed> $event The whole envelope {id, event, data, created_at}. */
	public function handle( string $action, array $event ): HandlerResult {
		$data = is_array( $event['data'] ?? null ) ? $event['data'] : array();
		if ( in_array( $action, array( 'created', 'updated', 'deleted' ), true ) ) {
			return HandlerResult::skipped( 'group_' . $action . '_changes_no_role' )->about( array( 'directory_group_id' => (string) ( $data['id'] ?? '' ) ) );
		}
		if ( ! in_array( $action, array( 'user_added', 'user_removed' ), true ) ) {
			return HandlerResult::skipped( 'unknown_action' )->about( array() );
		}
		$group      = is_array( $data['group'] ?? null ) ? $data['group'] : array();
		$dir_user   = is_array( $data['user'] ?? null ) ? $data['user'] : array();
		$group_id   = (string) ( $group['id'] ?? '' );
		$group_name = (string) ( $group['name'] ?? '' );
		$user_id    = (string) ( $dir_user['id'] ?? '' );
		$ids        = array( 'directory_group_id' => $group_id, 'directory_user_id' => $user_id );
		if ( '' === $group_id || '' === $group_name || '' === $user_id ) {
			return HandlerResult::skipped( 'missing_group_or_user' )->about( $ids );
		}
		$user = DirectoryUserLinker::find( $user_id );
		if ( ! $user && 'user_added' === $action && 'active' === strtolower( (string) ( $dir_user['state'] ?? 'active' ) ) ) {
			$user = DirectoryUserLinker::provision( $dir_user );
			if ( is_wp_error( $user ) ) {
				return HandlerResult::failed( $user->get_error_code() )->about( $ids );
			}
		}
		if ( ! $user ) {
			return HandlerResult::skipped( 'not_linked' )->about( $ids );
		}
		$ids['wp_user_id'] = $user->ID;

		$groups = self::groups( $user->ID );
		if ( 'user_added' === $action ) {
			$groups[ $group_id ] = $group_name;
		} else {
			unset( $groups[ $group_id ] );
		}
		update_user_meta( $user->ID, DirectoryUserLinker::META_GROUPS, $groups );

		if ( '' === self::role_for_group( $group_name ) ) {
			return HandlerResult::skipped( 'group_not_mapped' )->about( $ids );
		}
		if ( Deprovisioner::is_deprovisioned( $user->ID ) ) {
			return HandlerResult::skipped( 'user_deprovisioned' )->about( $ids );
		}
		$role    = self::role_for_groups( $groups );
		$role    = '' !== $role ? $role : RoleMapper::map( 'member' );
		$outcome = RoleMapper::apply( $user->ID, $role );
		if ( RoleMapper::KEPT_LAST_ADMIN === $outcome ) {
			return HandlerResult::skipped( 'last_administrator_not_demoted' )->about( $ids );
		}
		if ( RoleMapper::UNKNOWN_WP_ROLE === $outcome || RoleMapper::NO_ROLE === $outcome ) {
			return HandlerResult::skipped( $outcome )->about( $ids );
		}
		$ids['wp_role'] = $role;
		return HandlerResult::applied()->about( $ids, $outcome );
	}

	/** The WordPress role a group maps to, or "" (the rule in the class comment). */
	public static function role_for_group( string $group_name ): string {
		$slug = sanitize_title( $group_name );
		foreach ( RoleMapper::role_map() as $key => $wp_role ) {
			if ( 0 === strcasecmp( (string) $key, $group_name ) || ( '' !== $slug && (string) $key === $slug ) ) {
				return (string) $wp_role;
			}
		}
		return '';
	}

	/**
	 * The highest (most capabilities) mapped role of these groups, or "".
	 *
	 * @param array<string,string> $groups {id: name}.
	 */
	public static function role_for_groups( array $groups ): string {
		$best       = '';
		$best_count = -1;
		foreach ( $groups as $name ) {
			$role = self::role_for_group( (string) $name );
			$obj  = '' !== $role ? get_role( $role ) : null;
			if ( $obj ) {
				$count = count( array_filter( (array) $obj->capabilities ) );
				if ( $count > $best_count ) {
					$best       = $role;
					$best_count = $count;
				}
			}
		}
		return $best;
	}

	/** @return array<string,string> */
	private static function groups( int $user_id ): array {
		$groups = get_user_meta( $user_id, DirectoryUserLinker::META_GROUPS, true );
		return is_array( $groups ) ? $groups : array();
	}
}
