<?php
/**
 * GET /workos/callback (seed spec §3.3): where AuthKit sends the browser back with a code.
 *
 * handle() does the work and returns the outcome (a redirect target or a WP_Error), so tests run
 * it in-process; maybe_handle() is the thin hook that redirects or renders the error page and
 * ends the request. The route works with pretty permalinks (rewrite rule, flushed once softly
 * when a site activated the plugin before the rule existed) and without them (path match).
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Auth;

use WorkOSCompanion\Config\Config;
use WorkOSCompanion\WorkOS\Client;
use WP;
use WP_Error;
use WP_User;

defined( 'ABSPATH' ) || exit;

final class Callback {
	public const QUERY_VAR     = 'workos_callback';
	public const PATH          = 'workos/callback';
	public const REWRITE_REGEX = '^workos/callback/?$';
	private const FLUSH_GUARD  = 'workos_callback_rules_flushed';

	public function register(): void {
		add_action( 'init', array( self::class, 'add_rewrite_rule' ) );
		add_action( 'init', array( self::class, 'maybe_flush_rules' ), 99 );
		add_filter( 'query_vars', array( self::class, 'query_vars' ) );
		add_action( 'parse_request', array( $this, 'maybe_handle' ), 1 );
	}

	public static function add_rewrite_rule(): void {
		add_rewrite_rule( self::REWRITE_REGEX, 'index.php?' . self::QUERY_VAR . '=1', 'top' );
	}

	/**
	 * The plugin may have been activated before this rule existed: when the stored rules lack it,
	 * flush them once (soft: no .htaccess write). The guard keeps a site whose rules are filtered
	 * away from flushing on every request.
	 */
	public static function maybe_flush_rules(): void {
		if ( '' === (string) get_option( 'permalink_structure' ) ) {
			return;
		}
		$rules = get_option( 'rewrite_rules' );
		if ( ! is_array( $rules ) || ! $rules || isset( $rules[ self::REWRITE_REGEX ] ) ) {
			return; // empty rules are rebuilt by WordPress with ours in them
		}
		if ( get_transient( self::FLUSH_GUARD ) ) {
			return;
		}
		set_transient( self::FLUSH_GUARD, 1, HOUR_IN_SECONDS );
		flush_rewrite_rules( false );
	}

	/**
	 * @param string[] $vars Public query variables.
	 * @return string[]
	 */
	public static function query_vars( $vars ): array {
		$vars   = (array) $vars;
		$vars[] = self::QUERY_VAR;
		return $vars;
	}

	public static function is_callback_request( WP $wp ): bool {
		if ( ! empty( $wp->query_vars[ self::QUERY_VAR ] ) ) {
			return true;
		}
		// Without pretty permalinks there are no rewrite rules: match the path itself.
		$uri  = isset( $_SERVER['REQUEST_URI'] ) ? (string) wp_parse_url( esc_url_raw( wp_unslash( $_SERVER['REQUEST_URI'] ) ), PHP_URL_PATH ) : '';
		$home = (string) wp_parse_url( home_url( '/' ), PHP_URL_PATH );
		if ( '' !== $home && 0 === strpos( $uri, $home ) ) {
			$uri = substr( $uri, strlen( $home ) );
		}
		return self::PATH === trim( $uri, '/' );
	}

	/** @param WP $wp The request being parsed. */
	public function maybe_handle( $wp ): void {
		if ( ! $wp instanceof WP || ! self::is_callback_request( $wp ) ) {
			return;
		}
		$result = self::handle( self::request_query() );
		if ( is_wp_error( $result ) ) {
			ErrorPage::render( $result );
			return; // render() exits
		}
		NoCache::send();
		wp_safe_redirect( $result['redirect_to'] );
		exit;
	}

	/**
	 * The callback's query parameters as the browser sent them. Not $_GET alone: when a rewrite
	 * rule matches, WP::parse_request() unsets $_GET['error'] (its own 404 marker), which is
	 * exactly where AuthKit reports a failed sign-in.
	 *
	 * @return array<string,mixed>
	 */
	public static function request_query(): array {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- the signed state is the CSRF check.
		$query = wp_unslash( $_GET );
		if ( isset( $_SERVER['QUERY_STRING'] ) && is_string( $_SERVER['QUERY_STRING'] ) ) {
			parse_str( $_SERVER['QUERY_STRING'], $raw ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- every value is sanitized in handle().
			$query = array_merge( $query, $raw );
		}
		return $query;
	}

	/**
	 * Finishes a sign-in from the callback's query parameters.
	 *
	 * @param array<string,mixed> $query code, state, or error and error_description.
	 * @return array{user:WP_User,redirect_to:string}|WP_Error
	 */
	public static function handle( array $query ) {
		if ( ! Config::is_enabled() ) {
			return new WP_Error( 'workos_not_configured', __( 'Sign-in with WorkOS is not configured on this site.', 'workos-companion' ), array( 'status' => 503 ) );
		}
		$error = self::param( $query, 'error' );
		if ( '' !== $error ) {
			$description = self::param( $query, 'error_description' );
			return new WP_Error(
				'workos_authkit_error',
				sprintf(
					/* translators: %s: WorkOS's explanation */
					__( 'WorkOS could not sign you in: %s', 'workos-companion' ),
					'' !== $description ? $description : $error
				),
				array(
					'status'       => 403,
					'workos_error' => $error,
				)
			);
		}
		$code = self::param( $query, 'code' );
		if ( '' === $code ) {
			return new WP_Error( 'workos_missing_code', __( 'The answer from WorkOS did not include a sign-in code. Please try logging in again.', 'workos-companion' ), array( 'status' => 400 ) );
		}
		$state = State::consume( self::param( $query, 'state' ) );
		if ( is_wp_error( $state ) ) {
			return $state;
		}

		$exchanged = Client::for_environment()->authenticate_with_code( $code, RequestInfo::ip(), RequestInfo::user_agent() );
		if ( is_wp_error( $exchanged ) && 'organization_selection_required' !== $exchanged->get_error_code() ) {
			return self::exchange_error( $exchanged );
		}
		return LoginCompleter::complete( $exchanged, RequestInfo::safe_redirect( $state['redirect_to'], '' ) );
	}

	/** @param array<string,mixed> $query */
	private static function param( array $query, string $name ): string {
		return isset( $query[ $name ] ) && is_string( $query[ $name ] ) ? sanitize_text_field( $query[ $name ] ) : '';
	}

	/** A failed code exchange, told so that a visitor knows what to do. */
	private static function exchange_error( WP_Error $error ): WP_Error {
		$data = (array) $error->get_error_data();
		$keep = array( 'request_id' => (string) ( $data['request_id'] ?? '' ) );
		switch ( $error->get_error_code() ) {
			case 'workos_unreachable':
				return new WP_Error( 'workos_unreachable', __( 'WorkOS could not be reached to finish signing you in. Please try again in a moment.', 'workos-companion' ), array( 'status' => 502 ) + $keep );
			case 'invalid_grant':
				return new WP_Error( 'workos_invalid_code', __( 'This sign-in link has expired or was already used. Please try logging in again.', 'workos-companion' ), array( 'status' => 400 ) + $keep );
		}
		$status = (int) ( $data['status'] ?? 0 );
		return new WP_Error(
			(string) $error->get_error_code(),
			sprintf(
				/* translators: %s: WorkOS's error message */
				__( 'WorkOS refused the sign-in: %s', 'workos-companion' ),
				$error->get_error_message()
			),
			array( 'status' => $status >= 500 || 0 === $status ? 502 : 403 ) + $keep
		);
	}
}
