<?php
/**
 * REST API authentication with a WorkOS access token (seed spec §6, strict): a request to the REST
 * API carrying "Authorization: Bearer <access token>" is run as the WordPress user linked to the
 * token's sub (usermeta _workos_user_id).
 *
 * determine_current_user at priority 15: after the cookie (10), before Application Passwords (20),
 * and only when no user is determined yet, the request is a REST request, the companion is enabled
 * and the Authorization header uses the Bearer scheme (Basic credentials are left alone). Any
 * failure leaves the request unauthenticated and is reported through rest_authentication_errors as
 * a 401 in WordPress's error shape, with a WWW-Authenticate challenge (RFC 6750).
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Bearer;

use WorkOSCompanion\Auth\AccountLock;
use WorkOSCompanion\Config\Config;
use WP_Error;
use WP_HTTP_Response;

defined( 'ABSPATH' ) || exit;

final class BearerAuth {
	/** Usermeta linking a WordPress user to a WorkOS user. */
	public const USER_ID_META = '_workos_user_id';
	/** Usermeta set on deprovisioned users. */
	public const DEACTIVATED_META = '_workos_deactivated';

	/** @var WP_Error|null The failure of this request's bearer token. */
	private $error;

	/** @var array<string,int|WP_Error> Outcome by token hash, so a token is verified once per request. */
	private $outcomes = array();

	public function register(): void {
		add_filter( 'determine_current_user', array( $this, 'determine_current_user' ), 15 );
		add_filter( 'rest_authentication_errors', array( $this, 'authentication_errors' ) );
		add_filter( 'rest_post_dispatch', array( $this, 'add_challenge' ) );
	}

	/**
	 * @param int|false $user_id The user determined so far.
	 * @return int|false
	 */
	public function determine_current_user( $user_id ) {
		if ( ! empty( $user_id ) || ! self::is_rest_request() ) {
			return $user_id;
		}
		$header = self::authorization_header();
		$token  = null === $header ? null : self::bearer_token( $header );
		if ( null === $token || ! Config::is_enabled() ) {
			return $user_id;
		}
		$key = md5( $token );
		if ( ! isset( $this->outcomes[ $key ] ) ) {
			$this->outcomes[ $key ] = self::authenticate( $token );
		}
		$outcome = $this->outcomes[ $key ];
		if ( is_wp_error( $outcome ) ) {
			$this->error = $outcome;
			return $user_id;
		}
		$this->error = null;
		return $outcome;
	}

	/**
	 * Reports this request's bearer failure; an error (or success) already set by others wins.
	 *
	 * @param WP_Error|null|true $result The authentication result so far.
	 * @return WP_Error|null|true
	 */
	public function authentication_errors( $result ) {
		if ( ! empty( $result ) ) {
			return $result;
		}
		wp_get_current_user(); // Make sure determine_current_user has run.
		return $this->error ?? $result;
	}

	/**
	 * Adds the RFC 6750 challenge to the 401 of a refused bearer token.
	 *
	 * @param WP_HTTP_Response $response The REST response.
	 * @return WP_HTTP_Response
	 */
	public function add_challenge( $response ) {
		if ( null !== $this->error && $response instanceof WP_HTTP_Response && 401 === $response->get_status() ) {
			$response->header( 'WWW-Authenticate', 'Bearer error="invalid_token"' );
		}
		return $response;
	}

	/**
	 * Verifies a token and finds the WordPress user it stands for.
	 *
	 * @return int|WP_Error The user id, or the reason (status 401).
	 */
	public static function authenticate( string $token ) {
		if ( '' === $token ) {
			return new WP_Error( 'workos_token_missing', __( 'The Authorization header uses the Bearer scheme but carries no token.', 'workos-companion' ), array( 'status' => 401 ) );
		}
		$jwks   = Jwks::for_environment();
		$claims = Jwt::verify( $token, array( $jwks, 'find_key' ), self::issuers( $jwks->base_url(), $jwks->client_id() ) );
		if ( is_wp_error( $claims ) ) {
			return $claims;
		}
		$users = get_users(
			array(
				'meta_key'    => self::USER_ID_META, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_key -- the link is usermeta.
				'meta_value'  => $claims['sub'], // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_value
				'number'      => 2,
				'fields'      => 'ID',
				'count_total' => false,
			)
		);
		if ( 1 !== count( $users ) ) {
			return new WP_Error(
				'workos_token_user_unknown',
				0 === count( $users )
					? __( 'The bearer token is valid, but its WorkOS user is not linked to a user of this site.', 'workos-companion' )
					: __( 'The bearer token is valid, but its WorkOS user is linked to more than one user of this site.', 'workos-companion' ),
				array( 'status' => 401 )
			);
		}
		$user_id = (int) $users[0];
		if ( self::is_deactivated( $user_id ) || ( is_multisite() && is_user_spammy( get_userdata( $user_id ) ) ) ) {
			return new WP_Error( 'workos_token_user_deactivated', __( 'The bearer token belongs to a deactivated account.', 'workos-companion' ), array( 'status' => 401 ) );
		}
		return $user_id;
	}

	/** The account lock's rule: one meaning of the flag everywhere. */
	private static function is_deactivated( int $user_id ): bool {
		return AccountLock::is_deactivated( $user_id );
	}

	/**
	 * The iss values WorkOS uses for this client: the API base URL (older environments) and
	 * "<base URL>/user_management/<client id>" (newer ones). Filter: workos_jwt_issuers.
	 *
	 * @return string[]
	 */
	public static function issuers( string $base_url, string $client_id ): array {
		$issuers = array( $base_url, $base_url . '/user_management/' . $client_id );
		/**
		 * Filters the accepted iss values of WorkOS access tokens (e.g. for a custom auth domain).
		 *
		 * @param string[] $issuers   Exact iss values.
		 * @param string   $client_id The WorkOS client id.
		 * @param string   $base_url  The WorkOS API base URL.
		 */
		$issuers = apply_filters( 'workos_jwt_issuers', $issuers, $client_id, $base_url );
		return array_values( array_filter( (array) $issuers, 'is_string' ) );
	}

	/** The Authorization header: HTTP_AUTHORIZATION, REDIRECT_HTTP_AUTHORIZATION, else getallheaders(). */
	public static function authorization_header(): ?string {
		foreach ( array( 'HTTP_AUTHORIZATION', 'REDIRECT_HTTP_AUTHORIZATION' ) as $name ) {
			if ( isset( $_SERVER[ $name ] ) && is_string( $_SERVER[ $name ] ) && '' !== trim( $_SERVER[ $name ] ) ) { // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- a credential, compared, never output.
				return wp_unslash( $_SERVER[ $name ] ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized
			}
		}
		if ( function_exists( 'getallheaders' ) ) {
			foreach ( (array) getallheaders() as $name => $value ) {
				if ( is_string( $name ) && 0 === strcasecmp( $name, 'Authorization' ) && is_string( $value ) && '' !== trim( $value ) ) {
					return $value;
				}
			}
		}
		return null;
	}

	/**
	 * The token of a "Bearer <token>" header (scheme case-insensitive, separated by whitespace),
	 * '' for a bearer header without a token, null for another scheme.
	 */
	public static function bearer_token( string $header ): ?string {
		if ( ! preg_match( '/^\s*Bearer(?:\s+(.*?))?\s*$/is', $header, $match ) ) {
			return null;
		}
		return $match[1] ?? '';
	}

	/** A REST request: REST_REQUEST, a /{rest prefix}/ path, or ?rest_route=. */
	public static function is_rest_request(): bool {
		if ( defined( 'REST_REQUEST' ) && REST_REQUEST ) {
			return true;
		}
		if ( ! empty( $_GET['rest_route'] ) ) { // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- routing, not processing.
			return true;
		}
		$path   = (string) wp_parse_url( isset( $_SERVER['REQUEST_URI'] ) ? wp_unslash( $_SERVER['REQUEST_URI'] ) : '', PHP_URL_PATH ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- compared only.
		$prefix = '/' . trim( rest_get_url_prefix(), '/' );
		return false !== strpos( $path . '/', $prefix . '/' );
	}
}
