<?php
/**
 * Activity-log rows for the sign-in path (seed spec §10.2): login, logout, login_failed,
 * login_denied and bypass_activated. Every handler is a no-op while the log is disabled.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\ActivityLog;

defined( 'ABSPATH' ) || exit;

final class LoginActivity {
	public function register(): void {
		// Late, so the row is written after role and membership sync ran (§3.4 handler order).
		add_action( 'workos_user_authenticated', array( self::class, 'on_authenticated' ), 100, 2 );
		add_action( 'wp_logout', array( self::class, 'on_logout' ), 10, 1 );
		add_action( 'wp_login_failed', array( self::class, 'on_login_failed' ), 10, 2 );
		add_action( 'workos_login_denied', array( self::class, 'on_login_denied' ), 10, 3 );
		add_action( 'workos_bypass_activated', array( self::class, 'on_bypass' ), 10, 0 );
	}

	/**
	 * @param int|string $user_id  The WordPress user who signed in.
	 * @param mixed      $response The WorkOS authenticate response.
	 */
	public static function on_authenticated( $user_id, $response = array() ): void {
		$response = is_array( $response ) ? $response : array();
		$metadata = array( 'method' => empty( $response['access_token'] ) ? 'headless' : 'authkit' );
		if ( ! empty( $response['authentication_method'] ) && is_string( $response['authentication_method'] ) ) {
			$metadata['authentication_method'] = sanitize_text_field( $response['authentication_method'] );
		}
		$data = array(
			'user_id'  => (int) $user_id,
			'metadata' => $metadata,
		);
		if ( ! empty( $response['user']['id'] ) && is_string( $response['user']['id'] ) ) {
			$data['workos_user_id'] = $response['user']['id'];
		}
		Logger::log( 'login', $data );
	}

	/** @param int|string $user_id The user signing out (WordPress 5.5+ passes it). */
	public static function on_logout( $user_id = 0 ): void {
		$user_id = (int) $user_id;
		Logger::log( 'logout', array( 'user_id' => $user_id > 0 ? $user_id : get_current_user_id() ) );
	}

	/**
	 * @param mixed $username What was typed in the username field.
	 * @param mixed $error    WP_Error (WordPress 5.4+).
	 */
	public static function on_login_failed( $username, $error = null ): void {
		Logger::log(
			'login_failed',
			array(
				'user_id'        => 0,
				'user_email'     => '',
				'workos_user_id' => '',
				'metadata'       => array(
					'username' => substr( sanitize_text_field( (string) $username ), 0, 191 ),
					'error'    => is_wp_error( $error ) ? (string) $error->get_error_code() : '',
				),
			)
		);
	}

	/**
	 * @param int|string $user_id  The WordPress user refused by the entitlement gate.
	 * @param mixed      $reason   no_active_membership, filter_denied...
	 * @param mixed      $response The WorkOS authenticate response.
	 */
	public static function on_login_denied( $user_id, $reason = '', $response = array() ): void {
		$data = array(
			'user_id'  => (int) $user_id,
			'metadata' => array( 'reason' => sanitize_key( (string) $reason ) ),
		);
		if ( is_array( $response ) && ! empty( $response['user']['id'] ) && is_string( $response['user']['id'] ) ) {
			$data['workos_user_id'] = $response['user']['id'];
		}
		// The gate runs before any user is created or linked: there may be no WordPress user yet.
		if ( $data['user_id'] <= 0 && is_array( $response ) && ! empty( $response['user']['email'] ) && is_string( $response['user']['email'] ) ) {
			$data['user_email'] = $response['user']['email'];
		}
		Logger::log( 'login_denied', $data );
	}

	public static function on_bypass(): void {
		Logger::log(
			'bypass_activated',
			array(
				'user_id'  => 0,
				'metadata' => array( 'ip' => ClientIp::get() ),
			)
		);
	}
}
