<?php
/**
 * Signing out of WordPress signs out of WorkOS too (seed spec §3.9, with the endpoint
 * workos-api.md documents): the stored tokens are forgotten, then the WorkOS session is revoked
 * with POST /user_management/sessions/revoke. The revoke has a short timeout and its failure is
 * only logged: WorkOS being slow or down never keeps anyone signed in. The link to WorkOS
 * (`_workos_user_id`) stays; where the browser goes next is LoginRedirects' job.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Auth;

use WorkOSCompanion\Config\Config;
use WorkOSCompanion\WorkOS\Client;
use WP_Error;

defined( 'ABSPATH' ) || exit;

final class Logout {
	/** Seconds the revoke may take before the sign-out goes on without it. */
	public const REVOKE_TIMEOUT = 3;

	public function register(): void {
		add_action( 'wp_logout', array( $this, 'on_logout' ) );
	}

	/** @param int $user_id The user who signed out (WordPress 5.5+ passes it; 0 otherwise). */
	public function on_logout( $user_id = 0 ): void {
		self::end_workos_session( (int) $user_id );
	}

	/**
	 * Forgets a user's tokens and revokes their WorkOS session.
	 *
	 * @return true|WP_Error|null True when revoked, null when there was nothing to revoke (no session
	 *                            id, or WorkOS not enabled), the WorkOS error otherwise.
	 */
	public static function end_workos_session( int $user_id ) {
		if ( $user_id <= 0 ) {
			return null;
		}
		$session_id = TokenStore::session_id( $user_id );
		if ( '' === $session_id ) {
			$session_id = (string) ( TokenStore::unverified_claims( TokenStore::access_token( $user_id ) )['sid'] ?? '' );
		}
		TokenStore::clear( $user_id );
		if ( '' === $session_id || ! Config::is_enabled() ) {
			return null;
		}
		$result = self::client()->revoke_session( $session_id );
		if ( is_wp_error( $result ) ) {
			// phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the operator's record of a revoke that did not happen.
			error_log( sprintf( 'WorkOS Companion: the WorkOS session of user %d was not revoked at logout: %s (%s)', $user_id, $result->get_error_message(), $result->get_error_code() ) );
			return $result;
		}
		return true;
	}

	private static function client(): Client {
		return new Client(
			Config::api_base_url()[0],
			(string) Config::get( 'api_key' ),
			(string) Config::get( 'client_id' ),
			self::REVOKE_TIMEOUT
		);
	}
}
