<?php
/**
 * Headless mode (seed spec §3.7): WordPress's own login form, the password checked by WorkOS in
 * the `authenticate` filter (priority 10, before core's password check at 20), then the same
 * linking, deactivation, entitlement and role rules as the callback (LoginCompleter). WordPress
 * core sets the cookie and fires wp_login afterwards.
 *
 * A WorkOS error (wrong password, WorkOS down) passes through, so core's own check may still
 * succeed where other rules allow it. Once WorkOS accepted the password but this site refuses the
 * user (deactivated, gate, unverified e-mail, administrator), the refusal is final: a late filter
 * keeps core's password check from overriding it.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Auth;

use WorkOSCompanion\Config\Config;
use WorkOSCompanion\WorkOS\Client;
use WP_Error;
use WP_User;

defined( 'ABSPATH' ) || exit;

final class Headless {
	/** @var WP_Error|null The refusal of the current authentication, final for this request. */
	private $refusal = null;

	public function register(): void {
		add_filter( 'authenticate', array( $this, 'authenticate' ), 10, 3 );
		add_filter( 'authenticate', array( $this, 'enforce_refusal' ), PHP_INT_MAX - 10, 1 );
	}

	/**
	 * @param WP_User|WP_Error|null $user     What earlier filters decided.
	 * @param string                $username The login or e-mail typed.
	 * @param string                $password The password typed.
	 * @return WP_User|WP_Error|null
	 */
	public function authenticate( $user, $username = '', $password = '' ) {
		$this->refusal = null;
		if ( $user instanceof WP_User || ! Config::is_enabled() || RedirectMode::MODE_HEADLESS !== RedirectMode::login_mode() ) {
			return $user;
		}
		$username = is_string( $username ) ? trim( $username ) : '';
		$password = is_string( $password ) ? $password : '';
		if ( '' === $username || '' === $password ) {
			return $user;
		}
		$email = self::email_for( $username );
		if ( '' === $email ) {
			return $user;
		}

		$result = Client::for_environment()->authenticate_with_password( $email, $password, RequestInfo::ip(), RequestInfo::user_agent() );
		if ( is_wp_error( $result ) && 'organization_selection_required' !== $result->get_error_code() ) {
			return $user; // WorkOS said no (or is down): WordPress's own rules decide
		}
		$completed = LoginCompleter::complete( $result, '', false );
		if ( is_wp_error( $completed ) ) {
			$this->refusal = $completed;
			return $completed;
		}
		return $completed['user'];
	}

	/**
	 * @param WP_User|WP_Error|null $user What the authenticate filters decided.
	 * @return WP_User|WP_Error|null
	 */
	public function enforce_refusal( $user ) {
		if ( null === $this->refusal ) {
			return $user;
		}
		$refusal       = $this->refusal;
		$this->refusal = null;
		return $refusal;
	}

	/** The e-mail address to send WorkOS: the username when it is one, else that user's address. */
	public static function email_for( string $username ): string {
		if ( is_email( $username ) ) {
			return $username;
		}
		$user = get_user_by( 'login', $username );
		return $user ? (string) $user->user_email : '';
	}
}
