<?php
/**
 * Deactivated users (usermeta `_workos_deactivated`, set when WorkOS deprovisions them) cannot get
 * in on any path (seed spec §17.3 fixed): password sign-in (whatever authenticator accepted it),
 * Application Passwords, and existing cookie sessions, which are destroyed when the flag is set
 * and refused while it stays set. Lost-password requests are refused by PasswordPaths; bearer
 * tokens by the bearer authenticator, both through is_deactivated().
 *
 * Enforced whether or not WorkOS is configured: clearing the credentials must not bring a
 * deprovisioned account back.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Auth;

use WP_Error;
use WP_Session_Tokens;
use WP_User;

defined( 'ABSPATH' ) || exit;

final class AccountLock {
	public const META       = '_workos_deactivated';
	public const ERROR_CODE = 'workos_user_deactivated';

	public function register(): void {
		// After every authenticator (core's run at 20, the spam check at 99): whoever accepted the
		// credentials, a deactivated account is refused. Only a correct password learns why.
		add_filter( 'authenticate', array( $this, 'refuse_authenticated' ), 100 );
		add_action( 'wp_authenticate_application_password_errors', array( $this, 'refuse_application_password' ), 10, 2 );
		// Cookie (and any other) sessions of a deactivated user resolve to nobody.
		add_filter( 'determine_current_user', array( $this, 'refuse_current_user' ), 100 );
		// Whoever sets the flag (webhooks, the console, WP-CLI), the user's sessions end with it.
		add_action( 'added_user_meta', array( $this, 'on_meta_change' ), 10, 4 );
		add_action( 'updated_user_meta', array( $this, 'on_meta_change' ), 10, 4 );
	}

	public static function is_deactivated( int $user_id ): bool {
		if ( $user_id <= 0 ) {
			return false;
		}
		return self::truthy( get_user_meta( $user_id, self::META, true ) );
	}

	/** Flags a user as deactivated and ends every session they have, here and in stored tokens. */
	public static function deactivate( int $user_id ): void {
		if ( $user_id <= 0 ) {
			return;
		}
		update_user_meta( $user_id, self::META, '1' );
		self::end_sessions( $user_id );
	}

	/** Lets a user sign in again (their old sessions stay ended). */
	public static function reactivate( int $user_id ): void {
		if ( $user_id > 0 ) {
			delete_user_meta( $user_id, self::META );
		}
	}

	public static function error(): WP_Error {
		return new WP_Error(
			self::ERROR_CODE,
			__( 'Your account has been deactivated. Please contact the site administrator.', 'workos-companion' ),
			array( 'status' => 403 )
		);
	}

	/**
	 * @param WP_User|WP_Error|null $user What the authenticators decided.
	 * @return WP_User|WP_Error|null
	 */
	public function refuse_authenticated( $user ) {
		if ( $user instanceof WP_User && self::is_deactivated( (int) $user->ID ) ) {
			return self::error();
		}
		return $user;
	}

	/**
	 * @param WP_Error $errors Errors of an Application Password sign-in so far.
	 * @param WP_User  $user   The user the password belongs to.
	 */
	public function refuse_application_password( $errors, $user ): void {
		if ( $errors instanceof WP_Error && $user instanceof WP_User && self::is_deactivated( (int) $user->ID ) ) {
			$errors->add( self::ERROR_CODE, self::error()->get_error_message(), array( 'status' => 403 ) );
		}
	}

	/**
	 * @param int|false $user_id The user the request authenticated as.
	 * @return int|false
	 */
	public function refuse_current_user( $user_id ) {
		if ( is_numeric( $user_id ) && self::is_deactivated( (int) $user_id ) ) {
			// A flag written without the meta hooks left sessions behind: end them now.
			self::end_sessions( (int) $user_id );
			return false;
		}
		return $user_id;
	}

	/**
	 * @param int    $meta_id    Meta row id.
	 * @param int    $user_id    User id.
	 * @param string $meta_key   Meta key.
	 * @param mixed  $meta_value New value.
	 */
	public function on_meta_change( $meta_id, $user_id, $meta_key, $meta_value ): void {
		if ( self::META === $meta_key && self::truthy( $meta_value ) ) {
			self::end_sessions( (int) $user_id );
		}
	}

	private static function end_sessions( int $user_id ): void {
		WP_Session_Tokens::get_instance( $user_id )->destroy_all();
		TokenStore::clear( $user_id );
	}

	/**
	 * Whether a stored `_workos_deactivated` value means deactivated, for callers that read the
	 * usermeta themselves (many users in one query).
	 *
	 * @param mixed $value The stored value.
	 */
	public static function is_flag_set( $value ): bool {
		return self::truthy( $value );
	}

	/** @param mixed $value A stored flag ("1", true, "yes"...; "", "0", "false", "no" are off). */
	private static function truthy( $value ): bool {
		if ( is_string( $value ) ) {
			return ! in_array( strtolower( trim( $value ) ), array( '', '0', 'false', 'no', 'off' ), true );
		}
		return ! empty( $value );
	}
}
