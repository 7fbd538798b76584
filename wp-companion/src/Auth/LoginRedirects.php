<?php
/**
 * Role-based login and logout redirects (seed spec §3.10), for users linked to WorkOS.
 *
 * Login: the `redirect_urls` map (role or `__default__` → {url, first_login_only}) of the active
 * environment, unless the visitor asked for a page explicitly; first-login-only entries apply once,
 * on the login that created the account (`_workos_first_login`). Logout: the
 * `logout_redirect_urls` map (role or `__default__` → URL). Every target goes through
 * SafeRedirect: an off-site URL in the map or from a filter is refused, never followed.
 *
 * The sign-in core calls for_login() for logins that do not go through wp-login.php.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Auth;

use WorkOSCompanion\Config\Config;
use WorkOSCompanion\Http\SafeRedirect;
use WP_User;

defined( 'ABSPATH' ) || exit;

final class LoginRedirects {
	public const DEFAULT_ROLE     = '__default__';
	public const FIRST_LOGIN_META = '_workos_first_login';
	public const WORKOS_ID_META   = '_workos_user_id';

	public function register(): void {
		add_filter( 'login_redirect', array( $this, 'filter_login_redirect' ), 10, 3 );
		add_filter( 'logout_redirect', array( $this, 'filter_logout_redirect' ), 10, 3 );
	}

	/**
	 * @param string           $redirect_to           Where WordPress will send the user.
	 * @param string           $requested_redirect_to The redirect_to the request carried.
	 * @param WP_User|\WP_Error $user                 The user who signed in (an error when sign-in failed).
	 */
	public function filter_login_redirect( $redirect_to, $requested_redirect_to, $user ): string {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only reads whether this is the re-auth modal.
		if ( ! $user instanceof WP_User || ! self::applies_to( $user ) || ! empty( $_REQUEST['interim-login'] ) ) {
			return (string) $redirect_to;
		}
		return self::for_login( $user, (string) $redirect_to );
	}

	/**
	 * @param string  $redirect_to           Where WordPress will send the user.
	 * @param string  $requested_redirect_to The redirect_to the request carried.
	 * @param WP_User $user                  The user who signed out.
	 */
	public function filter_logout_redirect( $redirect_to, $requested_redirect_to, $user ): string {
		if ( ! $user instanceof WP_User || ! self::applies_to( $user ) ) {
			return (string) $redirect_to;
		}
		return self::for_logout( $user, (string) $redirect_to );
	}

	/** Linked users of an enabled site only; everybody else keeps WordPress's behaviour. */
	public static function applies_to( WP_User $user ): bool {
		return $user->ID > 0 && Config::is_enabled() && '' !== (string) get_user_meta( $user->ID, self::WORKOS_ID_META, true );
	}

	/**
	 * Where a user goes after signing in.
	 *
	 * @param string $requested The page asked for ("" for none); refused targets count as none.
	 * @return string A safe absolute URL.
	 */
	public static function for_login( WP_User $user, string $requested ): string {
		$safe     = SafeRedirect::validate( $requested, '' );
		$fallback = '' !== $safe ? $safe : admin_url();

		if ( ! apply_filters( 'workos_redirect_should_apply', true, $user, $requested ) ) {
			return self::skip_login( $user, 'filtered_out', $fallback );
		}
		$explicit = '' !== $safe && untrailingslashit( $safe ) !== untrailingslashit( admin_url() );
		if ( apply_filters( 'workos_redirect_is_explicit', $explicit, $safe, $user ) ) {
			return self::skip_login( $user, 'explicit_redirect', $fallback );
		}

		$role           = self::primary_role( $user );
		$map            = (array) apply_filters( 'workos_redirect_urls', self::login_map(), $user );
		$entry          = self::normalise_entry( $map[ $role ] ?? $map[ self::DEFAULT_ROLE ] ?? null );
		$is_first_login = '1' === (string) get_user_meta( $user->ID, self::FIRST_LOGIN_META, true );
		$first_only     = (bool) apply_filters( 'workos_redirect_first_login_only', $entry['first_login_only'], $role, $user );
		if ( $first_only && ! $is_first_login ) {
			return self::skip_login( $user, 'not_first_login', $fallback );
		}

		$url = (string) apply_filters( 'workos_redirect_url', $entry['url'], $user, $role, $is_first_login );
		if ( '' === $url ) {
			return self::skip_login( $user, 'no_matching_role_url', $fallback );
		}
		$url = self::safe_target( $url );
		if ( '' === $url ) {
			return self::skip_login( $user, 'unsafe_url', $fallback );
		}
		do_action( 'workos_redirect_before', $url, $user, $is_first_login );
		delete_user_meta( $user->ID, self::FIRST_LOGIN_META );
		return $url;
	}

	/**
	 * Where a user goes after signing out.
	 *
	 * @param string $requested Where WordPress would send them; returned when no role URL applies.
	 */
	public static function for_logout( WP_User $user, string $requested ): string {
		if ( ! apply_filters( 'workos_logout_redirect_should_apply', true, $user, $requested ) ) {
			do_action( 'workos_logout_redirect_skipped', $user, 'filtered_out' );
			return $requested;
		}
		$role  = self::primary_role( $user );
		$map   = (array) apply_filters( 'workos_logout_redirect_urls', self::logout_map(), $user );
		$entry = $map[ $role ] ?? $map[ self::DEFAULT_ROLE ] ?? '';
		$url   = is_array( $entry ) ? (string) ( $entry['url'] ?? '' ) : (string) $entry;
		$url   = (string) apply_filters( 'workos_logout_redirect_url', $url, $user, $role );
		if ( '' === $url ) {
			do_action( 'workos_logout_redirect_skipped', $user, 'no_matching_role_url' );
			return $requested;
		}
		$url = self::safe_target( $url );
		if ( '' === $url ) {
			do_action( 'workos_logout_redirect_skipped', $user, 'unsafe_url' );
			return $requested;
		}
		do_action( 'workos_logout_redirect_before', $url, $user );
		return $url;
	}

	/** @return array<string,mixed> The login map of the active environment. */
	public static function login_map(): array {
		$map = Config::get( 'redirect_urls' );
		return is_array( $map ) ? $map : array();
	}

	/** @return array<string,mixed> The logout map of the active environment. */
	public static function logout_map(): array {
		$map = Config::get( 'logout_redirect_urls' );
		return is_array( $map ) ? $map : array();
	}

	/**
	 * A map entry as {url, first_login_only}; legacy plain strings take the legacy global flag.
	 *
	 * @param mixed $entry A stored entry.
	 * @return array{url:string,first_login_only:bool}
	 */
	public static function normalise_entry( $entry ): array {
		if ( is_string( $entry ) ) {
			return array(
				'url'              => trim( $entry ),
				'first_login_only' => (bool) Config::get( 'redirect_first_login_only' ),
			);
		}
		if ( is_array( $entry ) ) {
			return array(
				'url'              => trim( (string) ( $entry['url'] ?? '' ) ),
				'first_login_only' => ! empty( $entry['first_login_only'] ),
			);
		}
		return array(
			'url'              => '',
			'first_login_only' => false,
		);
	}

	public static function primary_role( WP_User $user ): string {
		$roles = array_values( (array) $user->roles );
		return isset( $roles[0] ) ? (string) $roles[0] : '';
	}

	/**
	 * A configured URL made absolute ("welcome" and "/welcome" are pages of the site) and checked;
	 * "" when it is refused. The console's redirects route checks with it too.
	 */
	public static function safe_target( string $url ): string {
		if ( '' === $url ) {
			return '';
		}
		if ( ! preg_match( '#^[a-z][a-z0-9+.\-]*:#i', $url ) && '/' !== $url[0] && '\\' !== $url[0] ) {
			$url = '/' . $url;
		}
		return SafeRedirect::validate( $url, '' );
	}

	private static function skip_login( WP_User $user, string $reason, string $fallback ): string {
		do_action( 'workos_redirect_skipped', $user, $reason );
		return $fallback;
	}
}
