<?php
/**
 * Verifies the WorkOS-Signature header (workos-api.md §10.1): `t=<unix ms>, v1=<hex>`, split on
 * ",", each part on the first "=", trimmed; v1 = lowercase hex HMAC-SHA256 over "t.rawbody" with
 * the webhook secret, compared in constant time; |now − t| ≤ tolerance (both directions).
 *
 * Tolerance (seconds, default 180): constant WORKOS_WEBHOOK_TOLERANCE, else option
 * `workos_webhook_tolerance`, then filter `workos_webhook_tolerance`.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Webhook;

use WP_Error;

defined( 'ABSPATH' ) || exit;

final class Signature {
	public const DEFAULT_TOLERANCE = 180;
	public const TOLERANCE_OPTION  = 'workos_webhook_tolerance';

	/** Below this a `t` is seconds, not milliseconds (10^11 ms is 1973; 10^11 s is year 5138). */
	private const MS_THRESHOLD = 100000000000;

	public static function tolerance(): int {
		if ( defined( 'WORKOS_WEBHOOK_TOLERANCE' ) && is_numeric( constant( 'WORKOS_WEBHOOK_TOLERANCE' ) ) ) {
			$seconds = (int) constant( 'WORKOS_WEBHOOK_TOLERANCE' );
		} else {
			$stored  = get_option( self::TOLERANCE_OPTION, '' );
			$seconds = is_numeric( $stored ) ? (int) $stored : self::DEFAULT_TOLERANCE;
		}
		/**
		 * Filters how far (seconds, past or future) a webhook timestamp may be from now.
		 *
		 * @param int $seconds Tolerance.
		 */
		return max( 1, (int) apply_filters( 'workos_webhook_tolerance', $seconds ) );
	}

	/** The header value as WorkOS signs it, for tests and tools. */
	public static function header( string $body, string $secret, ?int $timestamp_ms = null ): string {
		$t = null === $timestamp_ms ? (int) floor( microtime( true ) * 1000 ) : $timestamp_ms;
		return 't=' . $t . ', v1=' . hash_hmac( 'sha256', $t . '.' . $body, $secret );
	}

	/**
	 * @param string $header The WorkOS-Signature header value.
	 * @param string $body   The raw request body.
	 * @param string $secret The webhook secret.
	 * @param int    $now_ms Current time, Unix ms.
	 * @return true|WP_Error
	 */
	public static function verify( string $header, string $body, string $secret, int $now_ms ) {
		if ( '' === trim( $header ) ) {
			return new WP_Error( 'workos_missing_signature', __( 'The WorkOS-Signature header is missing.', 'workos-companion' ), array( 'status' => 401 ) );
		}
		$parts = array();
		foreach ( explode( ',', $header ) as $part ) {
			$pair = explode( '=', $part, 2 );
			if ( 2 === count( $pair ) ) {
				$parts[ trim( $pair[0] ) ] = trim( $pair[1] );
			}
		}
		$t  = $parts['t'] ?? '';
		$v1 = strtolower( $parts['v1'] ?? '' );
		if ( '' === $t || '' === $v1 || ! ctype_digit( $t ) || ! ctype_xdigit( $v1 ) ) {
			return self::invalid( 'malformed_header', __( 'The WorkOS-Signature header is not of the form "t=<timestamp>, v1=<signature>".', 'workos-companion' ) );
		}
		if ( ! hash_equals( hash_hmac( 'sha256', $t . '.' . $body, $secret ), $v1 ) ) {
			return self::invalid( 'signature_mismatch', __( 'The webhook signature does not match: check that the webhook secret of this site is the one WorkOS shows for this endpoint.', 'workos-companion' ) );
		}
		$t_ms = (int) $t;
		if ( $t_ms < self::MS_THRESHOLD ) {
			return self::invalid( 'timestamp_in_seconds', __( 'The webhook timestamp is in seconds; WorkOS signs with milliseconds.', 'workos-companion' ) );
		}
		$tolerance_ms = self::tolerance() * 1000;
		if ( $now_ms - $t_ms > $tolerance_ms ) {
			return self::invalid( 'timestamp_too_old', __( 'The webhook timestamp is too old (replayed or delayed delivery).', 'workos-companion' ) );
		}
		if ( $t_ms - $now_ms > $tolerance_ms ) {
			return self::invalid( 'timestamp_in_future', __( 'The webhook timestamp is in the future: check the clock of this server.', 'workos-companion' ) );
		}
		return true;
	}

	private static function invalid( string $reason, string $message ): WP_Error {
		return new WP_Error( 'workos_invalid_signature', $message, array( 'status' => 401, 'reason' => $reason ) );
	}
}
