<?php
/**
 * Redirect mode (seed spec §3.2): wp-login.php sends the browser to WorkOS's hosted AuthKit.
 *
 * On login_init, a GET of a login screen redirects when the plugin is enabled, the login mode is
 * "redirect", the action is a login action, the visitor did not ask for the password form with
 * ?fallback=1 (while allow_password_fallback is on) and no login bypass (?workos=0, off unless
 * enabled by filter) is active. The requested redirect_to is validated (off-site → admin_url())
 * and travels in the signed, single-use state. POSTs are never redirected: they come from the
 * password form, which other rules allow or forbid.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Auth;

use WorkOSCompanion\Config\Config;

defined( 'ABSPATH' ) || exit;

final class RedirectMode {
	public const MODE_REDIRECT = 'redirect';
	public const MODE_HEADLESS = 'headless';

	/** wp-login.php actions that are not a sign-in and stay with WordPress. */
	public const PASSTHROUGH_ACTIONS = array( 'logout', 'lostpassword', 'retrievepassword', 'rp', 'resetpass', 'register', 'confirmaction', 'postpass', 'confirm_admin_email' );

	public function register(): void {
		add_action( 'login_init', array( $this, 'maybe_redirect' ), 10 );
	}

	/**
	 * The effective login mode of the active environment: "redirect" (the default) or "headless".
	 * The reference's "custom" (its React login, not part of this plugin) signs in like "redirect".
	 */
	public static function login_mode(): string {
		$mode = Config::get( 'login_mode' );
		return self::MODE_HEADLESS === $mode ? self::MODE_HEADLESS : self::MODE_REDIRECT;
	}

	public function maybe_redirect(): void {
		$method = isset( $_SERVER['REQUEST_METHOD'] ) ? strtoupper( sanitize_key( wp_unslash( $_SERVER['REQUEST_METHOD'] ) ) ) : 'GET';
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a redirect decision, nothing is changed.
		$url = self::redirect_url( wp_unslash( $_GET ), $method );
		if ( null === $url ) {
			return;
		}
		NoCache::send();
		// The WorkOS host is not one of the site's: wp_redirect, not wp_safe_redirect.
		wp_redirect( $url, 302, 'WorkOS Companion' ); // phpcs:ignore WordPress.Security.SafeRedirect.wp_redirect_wp_redirect -- the authorize URL is built by us.
		exit;
	}

	/**
	 * Where a wp-login.php request goes, or null when WordPress's own page should be shown.
	 *
	 * @param array<string,mixed> $query  The request's query parameters (unslashed).
	 * @param string              $method HTTP method.
	 */
	public static function redirect_url( array $query, string $method = 'GET' ): ?string {
		if ( ! self::should_redirect( $query, $method ) ) {
			return null;
		}
		return AuthorizeUrl::build( self::requested_redirect( $query ) );
	}

	/** @param array<string,mixed> $query */
	public static function should_redirect( array $query, string $method = 'GET' ): bool {
		if ( ! in_array( strtoupper( $method ), array( 'GET', 'HEAD' ), true ) ) {
			return false;
		}
		if ( ! Config::is_enabled() || self::MODE_REDIRECT !== self::login_mode() ) {
			return false;
		}
		$action = isset( $query['action'] ) && is_string( $query['action'] ) && '' !== $query['action'] ? $query['action'] : 'login';
		if ( in_array( $action, self::PASSTHROUGH_ACTIONS, true ) ) {
			return false;
		}
		if ( isset( $query['fallback'] ) && '1' === (string) $query['fallback'] && wp_validate_boolean( Config::get( 'allow_password_fallback' ) ) ) {
			return false;
		}
		if ( self::bypass_active( $query ) ) {
			// The activity log records it (bypass_activated); integrators may alert on it.
			do_action( 'workos_bypass_activated' );
			return false;
		}
		return true;
	}

	/**
	 * The ?workos=0 login bypass (§3.8): only when enabled by the workos_bypass_enabled filter and
	 * allowed by workos_bypass_check.
	 *
	 * @param array<string,mixed> $query
	 */
	public static function bypass_active( array $query ): bool {
		if ( ! isset( $query['workos'] ) || '0' !== (string) $query['workos'] ) {
			return false;
		}
		return (bool) apply_filters( 'workos_bypass_enabled', false ) && (bool) apply_filters( 'workos_bypass_check', true );
	}

	/**
	 * The validated redirect_to of a request: same-site targets only, admin_url() otherwise (and
	 * never the login page itself).
	 *
	 * @param array<string,mixed> $query
	 */
	public static function requested_redirect( array $query ): string {
		$target = RequestInfo::safe_redirect( $query['redirect_to'] ?? '', admin_url() );
		// Back to the login page would send a signed-in visitor straight to WorkOS again.
		$path = (string) wp_parse_url( $target, PHP_URL_PATH );
		return '' === $target || 'wp-login.php' === basename( $path ) ? admin_url() : $target;
	}
}
