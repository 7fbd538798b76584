<?php
/**
 * Requests this site makes to itself, as a visitor or the console would: the sign-in callback
 * must not be cacheable, and the Authorization header must reach PHP.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Diagnostics;

use WP_Error;

defined( 'ABSPATH' ) || exit;

final class LoopbackChecks {
	public const TIMEOUT = 10;

	/** Headers that caching layers add to say an answer came from their cache. */
	private const CACHE_STATUS_HEADERS = array( 'x-cache', 'cf-cache-status', 'x-cache-status', 'x-proxy-cache', 'x-litespeed-cache', 'x-wp-super-cache', 'x-nginx-cache' );

	public function callback_cache(): CheckResult {
		$url      = home_url( '/workos/callback' );
		$response = $this->get( $url, array() );
		$details  = array( 'url' => $url );
		if ( is_wp_error( $response ) ) {
			/* translators: %s: the transport error */
			return CheckResult::warn( 'callback_cache', sprintf( __( 'The site could not request its own callback URL: %s', 'workos-companion' ), $response->get_error_message() ), __( 'Loopback requests are blocked (firewall, hosts file, basic auth in front of the site); check the callback URL from outside instead.', 'workos-companion' ), $details );
		}
		$status        = (int) wp_remote_retrieve_response_code( $response );
		$cache_control = strtolower( self::header( $response, 'cache-control' ) );
		$age           = self::header( $response, 'age' );
		$details      += array(
			'http_status'   => $status,
			'cache_control' => $cache_control,
			'expires'       => self::header( $response, 'expires' ),
		);
		if ( 404 === $status ) {
			return CheckResult::fail( 'callback_cache', __( 'The callback URL answers 404: its rewrite rule is missing.', 'workos-companion' ), __( 'Visit Settings → Permalinks and save, so WordPress rebuilds its rewrite rules; sign-ins fail until then.', 'workos-companion' ), $details );
		}
		foreach ( self::CACHE_STATUS_HEADERS as $name ) {
			$value = strtolower( self::header( $response, $name ) );
			if ( '' !== $value && false !== strpos( $value, 'hit' ) ) {
				$details['cache_status'] = $name . ': ' . $value;
				return CheckResult::fail( 'callback_cache', __( 'A cache answered the callback URL.', 'workos-companion' ), self::exclude_advice(), $details );
			}
		}
		if ( '' !== $age && (int) $age > 0 ) {
			$details['age'] = (int) $age;
			return CheckResult::fail( 'callback_cache', __( 'A cache answered the callback URL (it carries an Age header).', 'workos-companion' ), self::exclude_advice(), $details );
		}
		if ( '' === $cache_control ) {
			return CheckResult::warn( 'callback_cache', __( 'The callback URL answers without a Cache-Control header.', 'workos-companion' ), self::exclude_advice(), $details );
		}
		$forbids   = (bool) preg_match( '/\b(no-store|no-cache|private)\b|\bmax-age\s*=\s*0\b/', $cache_control );
		$shareable = (bool) preg_match( '/\bpublic\b|\bs-maxage\s*=\s*[1-9]/', $cache_control );
		if ( ! $forbids || $shareable ) {
			/* translators: %s: the Cache-Control header value */
			return CheckResult::fail( 'callback_cache', sprintf( __( 'The callback URL may be cached: Cache-Control: %s.', 'workos-companion' ), $cache_control ), self::exclude_advice(), $details );
		}
		/* translators: %s: the Cache-Control header value */
		return CheckResult::pass( 'callback_cache', sprintf( __( 'The callback URL is not cacheable (Cache-Control: %s).', 'workos-companion' ), $cache_control ), '', $details );
	}

	public function authorization_header(): CheckResult {
		$url      = AuthorizationProbe::url();
		$response = $this->get( $url, array( 'Authorization' => AuthorizationProbe::header_value() ) );
		$details  = array( 'url' => $url );
		if ( is_wp_error( $response ) ) {
			/* translators: %s: the transport error */
			return CheckResult::warn( 'authorization_header', sprintf( __( 'The site could not request itself, so the Authorization header was not tested: %s', 'workos-companion' ), $response->get_error_message() ), __( 'Loopback requests are blocked on this server. If the console can sign in with an Application Password, the header does arrive.', 'workos-companion' ), $details );
		}
		$status                 = (int) wp_remote_retrieve_response_code( $response );
		$body                   = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		$details['http_status'] = $status;
		if ( 200 !== $status || ! is_array( $body ) || ! isset( $body['received'] ) ) {
			/* translators: %d: HTTP status */
			return CheckResult::warn( 'authorization_header', sprintf( __( 'The test request to this site answered HTTP %d instead of the probe\'s answer: not tested.', 'workos-companion' ), $status ), __( 'Something in front of WordPress (basic auth, a security plugin, a firewall) intercepts REST requests.', 'workos-companion' ), $details );
		}
		if ( empty( $body['received'] ) ) {
			return CheckResult::fail(
				'authorization_header',
				__( 'The Authorization header does not reach PHP: Application Passwords and WorkOS bearer tokens cannot work.', 'workos-companion' ),
				__( 'Apache: add "CGIPassAuth On" (2.4.13+) or "SetEnvIf Authorization \"(.*)\" HTTP_AUTHORIZATION=$1" to .htaccess. nginx with PHP-FPM: pass it with "fastcgi_param HTTP_AUTHORIZATION $http_authorization;".', 'workos-companion' ),
				$details
			);
		}
		if ( empty( $body['verified'] ) ) {
			return CheckResult::warn( 'authorization_header', __( 'An Authorization header reaches PHP, but not the one sent: something in between replaces it.', 'workos-companion' ), __( 'Check proxies or security plugins that rewrite the Authorization header.', 'workos-companion' ), $details );
		}
		return CheckResult::pass( 'authorization_header', __( 'The Authorization header reaches PHP.', 'workos-companion' ), '', $details );
	}

	/**
	 * @param array<string,string> $headers
	 * @return array<string,mixed>|WP_Error
	 */
	private function get( string $url, array $headers ) {
		return wp_remote_get(
			$url,
			array(
				'timeout'     => self::TIMEOUT,
				'redirection' => 0,
				'headers'     => $headers,
				'cookies'     => array(),
				/** This filter is documented in wp-includes/class-wp-http-streams.php */
				'sslverify'   => apply_filters( 'https_local_ssl_verify', false ), // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress's own hook.
			)
		);
	}

	/** @param array<string,mixed> $response */
	private static function header( array $response, string $name ): string {
		$value = wp_remote_retrieve_header( $response, $name );
		return is_array( $value ) ? implode( ', ', $value ) : (string) $value;
	}

	private static function exclude_advice(): string {
		return __( 'Exclude /workos/callback (and wp-login.php) from every page cache and CDN rule: a cached callback replays another visitor\'s sign-in step or an error page.', 'workos-companion' );
	}
}
