<?php
/**
 * organization_membership.created / updated / deleted (seed spec §4.3, §7.2, §8.2).
 *
 * Needs `user_id` and `organization_id`; the WorkOS user must be linked to a WordPress user
 * (else skipped). An organization not cached yet is fetched from WorkOS and cached (WorkOS
 * unreachable → transient, retried).
 * - created/updated: the {prefix}workos_org_memberships row gets the membership id, the WorkOS role
 *   (`role` as {slug} or a plain string, else `roles[0]`, else "member") and the mapped WordPress
 *   role. The WordPress role itself changes (RoleMapper: replaces the roles, never demotes the
 *   last administrator) only for an active membership of the site's organization — the
 *   environment's organization_id, or any organization when none is configured — so a user in
 *   several organizations is not flipped by the others.
 * - deleted: the row is removed; the WordPress role stays.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Webhook\Handlers;

use WorkOSCompanion\Config\Config;
use WorkOSCompanion\Organization\OrganizationRepository;
use WorkOSCompanion\Sync\RoleMapper;
use WorkOSCompanion\Sync\UserLinker;
use WorkOSCompanion\Webhook\HandlerResult;
use WorkOSCompanion\Webhook\TransientFailure;

defined( 'ABSPATH' ) || exit;

final class OrganizationMembershipHandler {
	/** @param array<string,mixed> $event */
	public function handle( string $action, array $event ): HandlerResult {
		$data    = (array) $event['data'];
		$user_id = is_string( $data['user_id'] ?? null ) ? trim( $data['user_id'] ) : '';
		$org_id  = is_string( $data['organization_id'] ?? null ) ? trim( $data['organization_id'] ) : '';
		$ids     = array_filter(
			array(
				'membership'   => is_string( $data['id'] ?? null ) ? $data['id'] : '',
				'user'         => $user_id,
				'organization' => $org_id,
			)
		);
		if ( '' === $user_id || '' === $org_id ) {
			return HandlerResult::failed( 'missing_user_or_organization_id', $ids );
		}
		if ( ! in_array( $action, array( 'created', 'updated', 'deleted' ), true ) ) {
			return HandlerResult::skipped( 'unsupported_action', $ids );
		}
		$user = UserLinker::find_by_workos_id( $user_id );
		if ( ! $user ) {
			return HandlerResult::skipped( 'user_not_linked', $ids );
		}
		$org = OrganizationRepository::find_by_workos_id( $org_id );
		if ( 'deleted' === $action ) {
			if ( ! $org || ! OrganizationRepository::find_membership( (int) $org['id'], $user->ID ) ) {
				return HandlerResult::skipped( 'membership_not_cached', $ids, $user->ID );
			}
			OrganizationRepository::delete_membership( (int) $org['id'], $user->ID );
			return HandlerResult::applied( 'membership_deleted', $ids, $user->ID );
		}
		$local_org = $org ? (int) $org['id'] : self::fetch_organization( $org_id );
		if ( $local_org <= 0 ) {
			return HandlerResult::skipped( 'organization_not_found', $ids, $user->ID );
		}

		$slug    = self::role_slug( $data );
		$wp_role = RoleMapper::map( $slug );
		if ( ! OrganizationRepository::save_membership( $local_org, $user->ID, (string) ( $ids['membership'] ?? '' ), $slug, $wp_role ) ) {
			return HandlerResult::failed( 'membership_not_saved', $ids, $user->ID );
		}

		$configured = (string) Config::get( 'organization_id' );
		$status     = is_string( $data['status'] ?? null ) ? $data['status'] : 'active';
		if ( 'active' !== $status ) {
			return HandlerResult::applied( 'membership_saved_role_kept_' . sanitize_key( $status ), $ids, $user->ID );
		}
		if ( '' !== $configured && $configured !== $org_id ) {
			return HandlerResult::applied( 'membership_saved_other_organization', $ids, $user->ID );
		}
		$applied = RoleMapper::apply( $user->ID, $wp_role );
		return HandlerResult::applied( 'membership_saved_role_' . $applied, $ids, $user->ID );
	}

	/** @param array<string,mixed> $data */
	public static function role_slug( array $data ): string {
		foreach ( array( $data['role'] ?? null, $data['roles'][0] ?? null ) as $role ) {
			if ( is_array( $role ) ) {
				$role = $role['slug'] ?? '';
			}
			if ( is_string( $role ) && '' !== sanitize_key( $role ) ) {
				return sanitize_key( $role );
			}
		}
		return 'member';
	}

	/** Caches an organization from WorkOS; its local id, 0 when WorkOS does not know it. */
	private static function fetch_organization( string $org_id ): int {
		$local = OrganizationRepository::cached_or_fetched( $org_id );
		if ( is_wp_error( $local ) ) {
			throw new TransientFailure( 'organization_fetch_failed: ' . $local->get_error_code() );
		}
		return $local;
	}
}
