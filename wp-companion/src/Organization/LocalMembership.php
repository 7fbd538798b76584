<?php
/**
 * The user's row in the site's organization (seed spec §8.4): on every WorkOS sign-in and on a
 * `user.created` webhook, when the environment has an `organization_id`, that organization is
 * cached locally (fetched from WorkOS when missing) and the user gets a membership row in it.
 *
 * A sign-in knows the user's role and membership id and updates the row with them; a
 * `user.created` event knows neither, so it only adds a missing row (role "member") and never
 * overwrites what a membership event or a sign-in stored.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Organization;

use WorkOSCompanion\Config\Config;
use WorkOSCompanion\Sync\RoleMapper;
use WP_Error;

defined( 'ABSPATH' ) || exit;

final class LocalMembership {
	public const NO_ORGANIZATION = 'no_organization_configured';
	public const ORG_NOT_FOUND   = 'organization_not_found';
	public const SAVED           = 'membership_saved';
	public const KEPT            = 'membership_kept';
	public const NOT_SAVED       = 'membership_not_saved';

	/**
	 * @param string $workos_role   The role WorkOS gave (sign-in); '' when unknown (user.created).
	 * @param string $membership_id The WorkOS membership id when known.
	 * @return string|WP_Error One of the constants, or WP_Error when WorkOS could not be asked.
	 */
	public static function ensure( int $wp_user_id, string $workos_role = '', string $membership_id = '' ) {
		$configured = (string) Config::get( 'organization_id' );
		if ( '' === $configured ) {
			return self::NO_ORGANIZATION;
		}
		$org = OrganizationRepository::cached_or_fetched( $configured );
		if ( is_wp_error( $org ) ) {
			return $org;
		}
		if ( $org <= 0 ) {
			return self::ORG_NOT_FOUND;
		}
		if ( '' === $workos_role && OrganizationRepository::find_membership( $org, $wp_user_id ) ) {
			return self::KEPT;
		}
		$role = '' === $workos_role ? 'member' : $workos_role;
		return OrganizationRepository::save_membership( $org, $wp_user_id, $membership_id, $role, RoleMapper::map( $role ) ) ? self::SAVED : self::NOT_SAVED;
	}
}
