<?php
/**
 * Does an `Authorization` request header reach PHP on this server? Application Passwords (the
 * console's sign-in) and WorkOS bearer tokens both depend on it, and Apache with PHP-CGI/FPM
 * drops it unless told otherwise.
 *
 * The diagnostics request this site's own public route GET /wp-json/workos/v1/diagnostics/
 * authorization-probe with `Authorization: WorkOS-Probe <t>.<hmac>`; the route answers whether a
 * header arrived and whether it is the one sent (HMAC with the site's nonce salt, 60 s). The
 * scheme is neither Basic nor Bearer, so no authentication handler acts on it. The route tells an
 * anonymous caller nothing but "an Authorization header arrived", which the caller knows.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Diagnostics;

use WorkOSCompanion\Plugin;
use WorkOSCompanion\Rest\Admin\NoStore;
use WorkOSCompanion\Rest\Bearer\BearerAuth;
use WP_REST_Request;
use WP_REST_Response;

defined( 'ABSPATH' ) || exit;

final class AuthorizationProbe {
	public const ROUTE  = '/diagnostics/authorization-probe';
	public const SCHEME = 'WorkOS-Probe';
	public const TTL    = 60;

	public static function register_route(): void {
		register_rest_route(
			Plugin::REST_NAMESPACE,
			self::ROUTE,
			array(
				'methods'             => 'GET',
				'callback'            => array( self::class, 'answer' ),
				// Public on purpose: the request under test carries no credentials, only the probe header.
				'permission_callback' => '__return_true',
			)
		);
	}

	public static function url(): string {
		return rest_url( Plugin::REST_NAMESPACE . self::ROUTE );
	}

	/** The header value for a probe made at $time. */
	public static function header_value( ?int $time = null ): string {
		$t = null === $time ? time() : $time;
		return self::SCHEME . ' ' . $t . '.' . self::mac( $t );
	}

	public static function verify( string $value ): bool {
		if ( ! preg_match( '/^' . preg_quote( self::SCHEME, '/' ) . ' ([0-9]{1,12})\.([0-9a-f]{64})$/', trim( $value ), $m ) ) {
			return false;
		}
		$t = (int) $m[1];
		return abs( time() - $t ) <= self::TTL && hash_equals( self::mac( $t ), $m[2] );
	}

	public static function answer( WP_REST_Request $request ): WP_REST_Response {
		$header = (string) $request->get_header( 'authorization' );
		if ( '' === $header ) {
			$header = (string) BearerAuth::authorization_header();
		}
		return NoStore::apply(
			new WP_REST_Response(
				array(
					'received' => '' !== trim( $header ),
					'verified' => '' !== $header && self::verify( $header ),
				)
			)
		);
	}

	private static function mac( int $t ): string {
		return hash_hmac( 'sha256', 'workos-authorization-probe|' . $t, wp_salt( 'nonce' ) );
	}
}
