<?php
/**
 * WordPress's own password paths while WorkOS signs people in (seed spec §3.8, §3.11).
 *
 * - `allow_password_fallback` off (and WorkOS enabled): WordPress's username/email password
 *   authenticators are taken out of `authenticate` (Application Passwords stay), `?fallback=1` is
 *   ignored, and the lost-password page sends the visitor to WorkOS.
 * - `allow_password_fallback` on: `?fallback=1` on wp-login.php keeps WordPress's own form (the
 *   break-glass path that works while WorkOS is down); RedirectMode asks fallback_requested().
 * - Registration always goes to WorkOS's sign-up page while WorkOS is enabled.
 * - A native password reset is refused for users linked to WorkOS and for deactivated users.
 *
 * The lostpassword_url and register_url filters point at wp-login.php, which hands over to WorkOS
 * with a fresh single-use state when visited: a state minted for every rendered link would write
 * to the database on each page view, expire in ten minutes and be replayed by page caches.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Auth;

use WorkOSCompanion\Config\Config;
use WorkOSCompanion\Http\SafeRedirect;
use WP_Error;

defined( 'ABSPATH' ) || exit;

final class PasswordPaths {
	public const FALLBACK_PARAM = 'fallback';
	public const NO_RESET_CODE  = 'workos_no_password_reset';

	/** WordPress's password authenticators (Application Passwords are not among them). */
	private const NATIVE_AUTHENTICATORS = array( 'wp_authenticate_username_password', 'wp_authenticate_email_password' );

	/** @var bool Whether this class took WordPress's password authenticators out (so it may put them back). */
	private static $removed = false;

	public function register(): void {
		add_action( 'init', array( self::class, 'sync_native_authenticators' ) );
		// Again right before the authenticators run: the settings may have changed since init.
		add_filter( 'authenticate', array( $this, 'before_authenticators' ), 1 );
		add_action( 'login_form', array( $this, 'keep_fallback_in_form' ) );
		add_action( 'login_form_lostpassword', array( $this, 'lost_password_page' ) );
		add_action( 'login_form_retrievepassword', array( $this, 'lost_password_page' ) );
		add_action( 'login_form_register', array( $this, 'registration_page' ) );
		add_filter( 'lostpassword_url', array( $this, 'filter_lostpassword_url' ), 20, 2 );
		add_filter( 'register_url', array( $this, 'filter_register_url' ), 20 );
		add_filter( 'allow_password_reset', array( $this, 'filter_allow_password_reset' ), 10, 2 );
		add_action( 'validate_password_reset', array( $this, 'refuse_reset_form' ), 10, 2 );
	}

	// ----------------------------------------------------------------------- the switch

	/** The `allow_password_fallback` setting of the active environment. */
	public static function fallback_allowed(): bool {
		return wp_validate_boolean( Config::get( 'allow_password_fallback' ) );
	}

	/** Whether WordPress's own passwords are accepted: always unless WorkOS is enabled without fallback. */
	public static function native_passwords_allowed(): bool {
		return ! Config::is_enabled() || self::fallback_allowed();
	}

	/**
	 * True when this request asks for WordPress's own login form with `fallback=1` (query string or
	 * the form's hidden field) and the site allows it. The hosted redirect must not happen then.
	 */
	public static function fallback_requested(): bool {
		// phpcs:disable WordPress.Security.NonceVerification, WordPress.Security.ValidatedSanitizedInput -- a display switch compared with "1", not an action.
		$value = $_GET[ self::FALLBACK_PARAM ] ?? $_POST[ self::FALLBACK_PARAM ] ?? '';
		// phpcs:enable WordPress.Security.NonceVerification, WordPress.Security.ValidatedSanitizedInput
		return is_string( $value ) && '1' === $value && self::fallback_allowed();
	}

	/** Takes WordPress's password authenticators out of `authenticate`, or puts back the ones we took. */
	public static function sync_native_authenticators(): void {
		if ( self::native_passwords_allowed() ) {
			if ( self::$removed ) {
				foreach ( self::NATIVE_AUTHENTICATORS as $callback ) {
					add_filter( 'authenticate', $callback, 20, 3 );
				}
				self::$removed = false;
			}
			return;
		}
		foreach ( self::NATIVE_AUTHENTICATORS as $callback ) {
			if ( false !== has_filter( 'authenticate', $callback ) ) {
				remove_filter( 'authenticate', $callback, 20 );
				self::$removed = true;
			}
		}
	}

	/**
	 * @param mixed $user Passed through untouched.
	 * @return mixed
	 */
	public function before_authenticators( $user ) {
		self::sync_native_authenticators();
		return $user;
	}

	/** Keeps `fallback=1` on the sign-in POST (the form posts to wp-login.php without a query string), so fallback_requested() stays true there. */
	public function keep_fallback_in_form(): void {
		if ( self::fallback_requested() ) {
			echo '<input type="hidden" name="' . esc_attr( self::FALLBACK_PARAM ) . '" value="1" />';
		}
	}

	// -------------------------------------------------------- lost password, registration

	/** The WorkOS URL the lost-password page sends to, or null when WordPress's form is shown. */
	public static function lost_password_target(): ?string {
		if ( ! Config::is_enabled() || self::fallback_allowed() ) {
			return null;
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- only a destination, checked by SafeRedirect below.
		$requested = isset( $_REQUEST['redirect_to'] ) && is_string( $_REQUEST['redirect_to'] ) ? wp_unslash( $_REQUEST['redirect_to'] ) : '';
		return AuthorizeUrl::build( SafeRedirect::validate( $requested, admin_url() ), 'sign-in' );
	}

	/** The WorkOS sign-up URL registration sends to, or null when WorkOS is not enabled. */
	public static function registration_target(): ?string {
		if ( ! Config::is_enabled() ) {
			return null;
		}
		return AuthorizeUrl::build( admin_url(), 'sign-up' );
	}

	public function lost_password_page(): void {
		$target = self::lost_password_target();
		if ( null !== $target ) {
			self::redirect( $target );
		}
	}

	public function registration_page(): void {
		$target = self::registration_target();
		if ( null !== $target ) {
			self::redirect( $target );
		}
	}

	/**
	 * @param string $url      The lost-password URL so far.
	 * @param string $redirect Where to go after the reset.
	 */
	public function filter_lostpassword_url( $url, $redirect = '' ): string {
		if ( ! Config::is_enabled() || self::fallback_allowed() ) {
			return (string) $url;
		}
		$args = array( 'action' => 'lostpassword' );
		if ( '' !== (string) $redirect ) {
			$args['redirect_to'] = rawurlencode( (string) $redirect );
		}
		return add_query_arg( $args, site_url( 'wp-login.php', 'login' ) );
	}

	/** @param string $url The registration URL so far. */
	public function filter_register_url( $url ): string {
		return Config::is_enabled() ? site_url( 'wp-login.php?action=register', 'login' ) : (string) $url;
	}

	// ------------------------------------------------------------------- native reset

	/** Why a native password reset is refused for a user, or null when it is allowed. */
	public static function reset_refusal( int $user_id ): ?WP_Error {
		if ( AccountLock::is_deactivated( $user_id ) ) {
			return AccountLock::error();
		}
		if ( Config::is_enabled() && '' !== (string) get_user_meta( $user_id, LoginRedirects::WORKOS_ID_META, true ) ) {
			return new WP_Error(
				self::NO_RESET_CODE,
				__( 'Password reset is managed by your organization. Please use your SSO provider to reset your password.', 'workos-companion' ),
				array( 'status' => 403 )
			);
		}
		return null;
	}

	/**
	 * @param bool|WP_Error $allow   Whether the reset is allowed so far.
	 * @param int           $user_id The user asking.
	 * @return bool|WP_Error
	 */
	public function filter_allow_password_reset( $allow, $user_id ) {
		$refusal = self::reset_refusal( (int) $user_id );
		return null === $refusal ? $allow : $refusal;
	}

	/**
	 * The reset form itself, for keys issued before the user was linked or deactivated.
	 *
	 * @param WP_Error                 $errors Errors of the reset form.
	 * @param \WP_User|WP_Error|false $user   The user the key belongs to.
	 */
	public function refuse_reset_form( $errors, $user ): void {
		if ( ! $errors instanceof WP_Error || ! $user instanceof \WP_User ) {
			return;
		}
		$refusal = self::reset_refusal( (int) $user->ID );
		if ( null !== $refusal ) {
			$errors->add( $refusal->get_error_code(), $refusal->get_error_message() );
		}
	}

	/** A no-cache 302 to WorkOS (not a safe redirect: WorkOS is another host by design). */
	private static function redirect( string $url ): void {
		NoCache::send(); // browser and CDN: a cached hand-over would replay a used state
		// phpcs:ignore WordPress.Security.SafeRedirect.wp_redirect_wp_redirect -- the WorkOS authorize URL we built.
		wp_redirect( $url, 302, 'WorkOS' );
		exit;
	}
}
