<?php
/**
 * The one permission check of the management API: an authenticated user (Application Password or
 * cookie + nonce) who can manage_options on this site.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Admin;

use WP_Error;

defined( 'ABSPATH' ) || exit;

final class Permissions {
	/** @return true|WP_Error */
	public static function manage_options() {
		if ( ! is_user_logged_in() ) {
			return new WP_Error(
				'workos_unauthorized',
				__( 'Authentication required. Use an Application Password of a user who can manage options.', 'workos-companion' ),
				array( 'status' => 401 )
			);
		}
		if ( ! current_user_can( 'manage_options' ) ) {
			return new WP_Error(
				'workos_forbidden',
				__( 'You are not allowed to manage WorkOS on this site.', 'workos-companion' ),
				array( 'status' => 403 )
			);
		}
		return true;
	}
}
