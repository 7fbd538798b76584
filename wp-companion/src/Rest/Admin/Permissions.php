<?php
/**
 * Who may use the management API: an authenticated user (Application Password or cookie +
 * nonce) who can manage_options on this site — on a multisite, an administrator of this site —
 * and, for the network routes (/admin/network/…), a super admin (manage_network_options).
 *
 * guard() runs the same check before WordPress validates the arguments, so an unauthenticated
 * or unauthorised caller always gets 401/403 and learns nothing from argument errors.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Admin;

use WorkOSCompanion\Plugin;
use WP_Error;
use WP_REST_Request;

defined( 'ABSPATH' ) || exit;

final class Permissions {
	public const NETWORK_PREFIX = 'network/';

	/** @return true|WP_Error */
	public static function manage_options() {
		return self::check( 'manage_options', __( 'You are not allowed to manage WorkOS on this site.', 'workos-companion' ) );
	}

	/** @return true|WP_Error */
	public static function manage_network() {
		$site_admin = self::manage_options();
		if ( true !== $site_admin ) {
			return $site_admin; // 401 / 403 before telling whether this is a network
		}
		if ( ! is_multisite() ) {
			return new WP_Error( 'workos_not_multisite', __( 'This WordPress is not a multisite network.', 'workos-companion' ), array( 'status' => 404 ) );
		}
		return self::check( 'manage_network_options', __( 'Only a super admin may manage WorkOS for the whole network.', 'workos-companion' ) );
	}

	/**
	 * rest_pre_dispatch: the permission check of /workos/v1/admin/* before argument validation.
	 *
	 * @param mixed           $result  A response already decided by an earlier filter, or null.
	 * @param mixed           $server  The REST server.
	 * @param WP_REST_Request $request The request.
	 * @return mixed
	 */
	public static function guard( $result, $server, $request ) {
		if ( null !== $result || ! $request instanceof WP_REST_Request ) {
			return $result;
		}
		$prefix = '/' . Plugin::REST_NAMESPACE . '/admin/';
		$route  = (string) $request->get_route();
		if ( 0 !== strpos( $route, $prefix ) ) {
			return $result;
		}
		$allowed = 0 === strpos( substr( $route, strlen( $prefix ) ), self::NETWORK_PREFIX ) ? self::manage_network() : self::manage_options();
		return true === $allowed ? $result : NoStore::apply( rest_convert_error_to_response( $allowed ) );
	}

	/** @return true|WP_Error */
	private static function check( string $capability, string $refusal ) {
		if ( ! is_user_logged_in() ) {
			return new WP_Error(
				'workos_unauthorized',
				__( 'Authentication required. Use an Application Password of a user who can manage options.', 'workos-companion' ),
				array( 'status' => 401 )
			);
		}
		if ( ! current_user_can( $capability ) ) {
			return new WP_Error( 'workos_forbidden', $refusal, array( 'status' => 403 ) );
		}
		return true;
	}
}
