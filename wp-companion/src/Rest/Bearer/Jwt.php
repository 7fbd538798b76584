<?php
/**
 * Strict verification of a WorkOS access token (compact JWS, workos-api.md §9.2).
 *
 * In this order: exactly three base64url parts with JSON object header and payload; header alg
 * exactly RS256 (none, HS256, RS512 and a missing alg are refused before any key is looked at, so
 * an HMAC "signed" with the public key never reaches a verifier); no crit extensions; a kid, looked
 * up in the site's JWKS (never in the token's own jku/jwk/x5u); RSASSA-PKCS1-v1_5 SHA-256 signature;
 * then the claims: exp required and not past, nbf and iat (when present) not in the future, all
 * with LEEWAY seconds; iss one of the expected issuers; sub a non-empty string.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Bearer;

use WP_Error;

defined( 'ABSPATH' ) || exit;

final class Jwt {
	/** Allowed clock skew in seconds for exp, nbf and iat. */
	public const LEEWAY = 60;
	/** The only signature algorithm accepted. */
	public const ALGORITHM = 'RS256';
	/** Longer tokens are refused before any parsing. */
	private const MAX_LENGTH = 16384;

	/**
	 * @param string   $token       The compact JWS.
	 * @param callable $key_for_kid function ( string $kid ): string|WP_Error, the PEM public key.
	 * @param string[] $issuers     Accepted iss values (exact match).
	 * @param int|null $now         Unix time (defaults to time()).
	 * @return array<string,mixed>|WP_Error The claims, or a workos_token_* / workos_jwks_* error with status 401.
	 */
	public static function verify( string $token, callable $key_for_kid, array $issuers, ?int $now = null ) {
		$parts = self::decode( $token );
		if ( is_wp_error( $parts ) ) {
			return $parts;
		}
		list( $header, $claims, $signing_input, $signature ) = $parts;

		if ( ! isset( $header['alg'] ) || self::ALGORITHM !== $header['alg'] ) {
			return self::error(
				'workos_token_alg',
				isset( $header['alg'] ) && is_string( $header['alg'] )
					/* translators: %s: the algorithm named in the token */
					? sprintf( __( 'The bearer token is signed with %s; only RS256 is accepted.', 'workos-companion' ), self::printable( $header['alg'] ) )
					: __( 'The bearer token names no signature algorithm; only RS256 is accepted.', 'workos-companion' )
			);
		}
		if ( array_key_exists( 'crit', $header ) ) {
			return self::error( 'workos_token_malformed', __( 'The bearer token uses critical header extensions, which are not supported.', 'workos-companion' ) );
		}
		if ( ! isset( $header['kid'] ) || ! is_string( $header['kid'] ) || '' === $header['kid'] ) {
			return self::error( 'workos_token_kid_missing', __( 'The bearer token has no key id (kid).', 'workos-companion' ) );
		}
		if ( '' === $signature ) {
			return self::error( 'workos_token_signature', __( 'The bearer token has no signature.', 'workos-companion' ) );
		}

		$pem = call_user_func( $key_for_kid, $header['kid'] );
		if ( is_wp_error( $pem ) ) {
			return $pem;
		}
		$key = openssl_pkey_get_public( $pem );
		if ( false === $key || 1 !== openssl_verify( $signing_input, $signature, $key, OPENSSL_ALGO_SHA256 ) ) {
			while ( openssl_error_string() ) {
				// Drain OpenSSL's error queue so it does not leak into later calls.
			}
			return self::error( 'workos_token_signature', __( 'The bearer token\'s signature is not valid.', 'workos-companion' ) );
		}

		return self::check_claims( $claims, $issuers, $now ?? time() );
	}

	/**
	 * Splits and decodes a compact JWS without checking anything but its shape.
	 *
	 * @return array{0:array<string,mixed>,1:array<string,mixed>,2:string,3:string}|WP_Error
	 *         Header, claims, signing input and raw signature (possibly empty).
	 */
	public static function decode( string $token ) {
		if ( '' === $token || strlen( $token ) > self::MAX_LENGTH ) {
			return self::error( 'workos_token_malformed', __( 'The bearer token is empty or too long.', 'workos-companion' ) );
		}
		$parts = explode( '.', $token );
		if ( 3 !== count( $parts ) ) {
			return self::error( 'workos_token_malformed', __( 'The bearer token is not a JWT: it must have exactly three dot-separated parts.', 'workos-companion' ) );
		}
		$header    = self::json_object( $parts[0] );
		$claims    = self::json_object( $parts[1] );
		$signature = self::base64url_decode( $parts[2] );
		if ( null === $header || null === $claims ) {
			return self::error( 'workos_token_malformed', __( 'The bearer token is not a JWT: its header or payload is not base64url-encoded JSON.', 'workos-companion' ) );
		}
		if ( null === $signature ) {
			return self::error( 'workos_token_malformed', __( 'The bearer token is not a JWT: its signature is not base64url-encoded.', 'workos-companion' ) );
		}
		return array( $header, $claims, $parts[0] . '.' . $parts[1], $signature );
	}

	/**
	 * @param array<string,mixed> $claims  Decoded payload.
	 * @param string[]            $issuers Accepted iss values.
	 * @return array<string,mixed>|WP_Error
	 */
	private static function check_claims( array $claims, array $issuers, int $now ) {
		foreach ( array( 'exp', 'nbf', 'iat' ) as $name ) {
			if ( array_key_exists( $name, $claims ) && ! self::is_time( $claims[ $name ] ) ) {
				/* translators: %s: claim name */
				return self::error( 'workos_token_claims', sprintf( __( 'The bearer token\'s %s claim is not a number of seconds.', 'workos-companion' ), $name ) );
			}
		}
		if ( ! array_key_exists( 'exp', $claims ) ) {
			return self::error( 'workos_token_claims', __( 'The bearer token has no expiry (exp claim).', 'workos-companion' ) );
		}
		if ( $claims['exp'] <= $now - self::LEEWAY ) {
			return self::error( 'workos_token_expired', __( 'The bearer token has expired.', 'workos-companion' ) );
		}
		if ( array_key_exists( 'nbf', $claims ) && $claims['nbf'] > $now + self::LEEWAY ) {
			return self::error( 'workos_token_not_yet_valid', __( 'The bearer token is not valid yet (nbf is in the future).', 'workos-companion' ) );
		}
		if ( array_key_exists( 'iat', $claims ) && $claims['iat'] > $now + self::LEEWAY ) {
			return self::error( 'workos_token_not_yet_valid', __( 'The bearer token claims to be issued in the future (iat).', 'workos-companion' ) );
		}
		if ( ! isset( $claims['iss'] ) || ! is_string( $claims['iss'] ) || ! in_array( $claims['iss'], $issuers, true ) ) {
			return self::error( 'workos_token_issuer', __( 'The bearer token was not issued by this site\'s WorkOS environment (unexpected iss).', 'workos-companion' ) );
		}
		if ( ! isset( $claims['sub'] ) || ! is_string( $claims['sub'] ) || '' === $claims['sub'] ) {
			return self::error( 'workos_token_claims', __( 'The bearer token names no user (sub claim).', 'workos-companion' ) );
		}
		return $claims;
	}

	/**
	 * Strict base64url (RFC 4648 §5, no padding): null for anything else.
	 */
	public static function base64url_decode( string $value ): ?string {
		if ( ! preg_match( '/^[A-Za-z0-9_-]*$/', $value ) || 1 === strlen( $value ) % 4 ) {
			return null;
		}
		$decoded = base64_decode( strtr( $value, '-_', '+/' ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- JWS encoding.
		return false === $decoded ? null : $decoded;
	}

	/** @return array<string,mixed>|null A base64url JSON object, or null. */
	private static function json_object( string $part ): ?array {
		$json = self::base64url_decode( $part );
		if ( null === $json || '' === $json || '{' !== $json[0] ) {
			return null;
		}
		$value = json_decode( $json, true, 32 );
		return is_array( $value ) ? $value : null;
	}

	/** @param mixed $value A claim value. */
	private static function is_time( $value ): bool {
		return is_int( $value ) || ( is_float( $value ) && is_finite( $value ) );
	}

	/** @param mixed $value A header value, shortened and stripped to printable ASCII. */
	private static function printable( $value ): string {
		return substr( preg_replace( '/[^\x20-\x7e]/', '?', (string) $value ), 0, 32 );
	}

	private static function error( string $code, string $message ): WP_Error {
		return new WP_Error( $code, $message, array( 'status' => 401 ) );
	}
}
