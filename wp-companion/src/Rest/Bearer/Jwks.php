<?php
/**
 * The public keys WorkOS signs access tokens with (GET /sso/jwks/{client_id}), as PEM public keys
 * by kid, cached per client id and API base URL.
 *
 * Three transients per client id and base URL:
 * - the key set, for one hour;
 * - a "last known good" copy, for 30 days, used when the JWKS endpoint cannot be reached (the
 *   one-hour copy is then refilled from it for a minute, so an outage costs one attempt a minute,
 *   not one per request);
 * - a refetch stamp: a kid missing from the cached set triggers one refetch (keys rotate), at most
 *   once a minute per client, so tokens with made-up kids cannot make the site hammer WorkOS.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Bearer;

use WorkOSCompanion\Config\Config;
use WorkOSCompanion\WorkOS\Client;
use WP_Error;

defined( 'ABSPATH' ) || exit;

final class Jwks {
	/** Lifetime of the cached key set. */
	public const TTL = HOUR_IN_SECONDS;
	/** Lifetime of the last known good key set, used while the JWKS endpoint is down. */
	public const LAST_KNOWN_GOOD_TTL = 30 * DAY_IN_SECONDS;
	/** An unknown kid refetches at most once in this many seconds per client. */
	public const REFETCH_INTERVAL = MINUTE_IN_SECONDS;
	/** While the endpoint is down, the last known good keys are served this long between attempts. */
	public const RETRY_WHEN_DOWN = MINUTE_IN_SECONDS;
	/** Seconds a JWKS request may take: a REST request waits for it. */
	public const TIMEOUT = 5;

	/** RSA moduli shorter than this are refused (WorkOS uses 2048 bits). */
	private const MIN_MODULUS_BITS = 2048;
	private const MAX_MODULUS_BITS = 8192;

	/** DER of AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
	private const RSA_ALGORITHM_IDENTIFIER = "\x30\x0d\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01\x05\x00";

	/** @var string */
	private $base_url;
	/** @var string */
	private $client_id;

	public function __construct( string $base_url, string $client_id ) {
		$this->base_url  = untrailingslashit( $base_url );
		$this->client_id = $client_id;
	}

	/** The key set of the active environment's client id (or of $env's). */
	public static function for_environment( ?string $env = null ): self {
		return new self( Config::api_base_url()[0], (string) Config::get( 'client_id', $env ) );
	}

	public function base_url(): string {
		return $this->base_url;
	}

	public function client_id(): string {
		return $this->client_id;
	}

	/**
	 * Transient name of one of the three copies: '' (the key set), 'lkg' (last known good) or
	 * 'refetch' (the refetch stamp). Includes the client id and a hash of the base URL, so two
	 * environments or a moved base URL never share keys.
	 */
	public function transient_name( string $kind = '' ): string {
		$client = preg_replace( '/[^A-Za-z0-9_]/', '', $this->client_id );
		if ( strlen( $client ) > 64 || $client !== $this->client_id ) {
			$client = md5( $this->client_id );
		}
		return 'workos_jwks_' . ( '' === $kind ? '' : $kind . '_' ) . $client . '_' . substr( md5( $this->base_url ), 0, 12 );
	}

	/**
	 * The PEM public key for a kid: from the cache, else fetched; an unknown kid refetches once
	 * (rate-limited) before failing.
	 *
	 * @return string|WP_Error PEM, or workos_token_kid_unknown / workos_jwks_unavailable.
	 */
	public function find_key( string $kid ) {
		$fetched = false;
		$keys    = $this->cached();
		if ( null === $keys ) {
			$keys    = $this->load();
			$fetched = true;
			if ( is_wp_error( $keys ) ) {
				return $keys;
			}
		}
		if ( isset( $keys[ $kid ] ) ) {
			return $keys[ $kid ];
		}
		if ( ! $fetched && false === get_transient( $this->transient_name( 'refetch' ) ) ) {
			set_transient( $this->transient_name( 'refetch' ), time(), self::REFETCH_INTERVAL );
			$fresh = $this->refresh();
			if ( ! is_wp_error( $fresh ) && isset( $fresh[ $kid ] ) ) {
				return $fresh[ $kid ];
			}
		}
		return new WP_Error(
			'workos_token_kid_unknown',
			__( 'The bearer token is signed with a key that WorkOS does not publish for this site.', 'workos-companion' ),
			array( 'status' => 401 )
		);
	}

	/**
	 * The cached key set, or null when there is none.
	 *
	 * @return array<string,string>|null PEM by kid.
	 */
	public function cached(): ?array {
		$keys = get_transient( $this->transient_name() );
		return is_array( $keys ) && $keys ? $keys : null;
	}

	/**
	 * Fetches the key set; when that fails, falls back to the last known good copy and serves it
	 * for RETRY_WHEN_DOWN seconds before the next attempt.
	 *
	 * @return array<string,string>|WP_Error
	 */
	private function load() {
		$keys = $this->refresh();
		if ( ! is_wp_error( $keys ) ) {
			return $keys;
		}
		$last_known_good = get_transient( $this->transient_name( 'lkg' ) );
		if ( is_array( $last_known_good ) && $last_known_good ) {
			set_transient( $this->transient_name(), $last_known_good, self::RETRY_WHEN_DOWN );
			return $last_known_good;
		}
		if ( defined( 'WP_DEBUG' ) && WP_DEBUG ) {
			// The reason stays in the site's log: REST clients are told no more than that it failed.
			error_log( '[WorkOS][ERROR] JWKS of ' . $this->client_id . ' at ' . $this->base_url . ' unavailable: ' . $keys->get_error_code() . ' ' . $keys->get_error_message() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log
		}
		return new WP_Error(
			'workos_jwks_unavailable',
			__( 'The bearer token cannot be checked right now: the signing keys of WorkOS could not be loaded. Try again later.', 'workos-companion' ),
			array( 'status' => 401 )
		);
	}

	/**
	 * Fetches the key set now and, when it holds at least one usable key, stores it (both the
	 * one-hour and the last known good copies). A failed or empty answer changes nothing.
	 *
	 * @return array<string,string>|WP_Error PEM by kid.
	 */
	public function refresh() {
		$client = new Client( $this->base_url, '', $this->client_id, self::TIMEOUT );
		$answer = $client->jwks();
		if ( is_wp_error( $answer ) ) {
			return $answer;
		}
		$keys = self::usable_keys( $answer );
		if ( ! $keys ) {
			return new WP_Error( 'workos_jwks_invalid', __( 'The JWKS answer of WorkOS holds no usable RS256 signing key.', 'workos-companion' ), array( 'status' => 502 ) );
		}
		set_transient( $this->transient_name(), $keys, self::TTL );
		set_transient( $this->transient_name( 'lkg' ), $keys, self::LAST_KNOWN_GOOD_TTL );
		return $keys;
	}

	/** Deletes the cached copies and the refetch stamp. */
	public function forget(): void {
		foreach ( array( '', 'lkg', 'refetch' ) as $kind ) {
			delete_transient( $this->transient_name( $kind ) );
		}
	}

	/**
	 * The RSA signature keys of a JWKS answer, as PEM by kid; anything else is left out.
	 *
	 * @param array<string,mixed> $jwks A decoded JWKS document.
	 * @return array<string,string>
	 */
	public static function usable_keys( array $jwks ): array {
		$keys = array();
		if ( ! isset( $jwks['keys'] ) || ! is_array( $jwks['keys'] ) ) {
			return $keys;
		}
		foreach ( $jwks['keys'] as $jwk ) {
			if ( ! is_array( $jwk ) || ! isset( $jwk['kid'] ) || ! is_string( $jwk['kid'] ) || '' === $jwk['kid'] ) {
				continue;
			}
			$pem = self::pem_from_jwk( $jwk );
			if ( is_string( $pem ) ) {
				$keys[ $jwk['kid'] ] = $pem;
			}
		}
		return $keys;
	}

	/**
	 * An RSA JWK (n, e) as a PEM SubjectPublicKeyInfo, built in DER here and checked by OpenSSL.
	 *
	 * @param array<string,mixed> $jwk The JWK.
	 * @return string|WP_Error
	 */
	public static function pem_from_jwk( array $jwk ) {
		$unsupported = static function ( string $why ): WP_Error {
			return new WP_Error( 'workos_jwk_unsupported', $why );
		};
		if ( 'RSA' !== ( $jwk['kty'] ?? null ) ) {
			return $unsupported( 'kty is not RSA' );
		}
		if ( isset( $jwk['use'] ) && 'sig' !== $jwk['use'] ) {
			return $unsupported( 'use is not sig' );
		}
		if ( isset( $jwk['alg'] ) && 'RS256' !== $jwk['alg'] ) {
			return $unsupported( 'alg is not RS256' );
		}
		$n = is_string( $jwk['n'] ?? null ) ? Jwt::base64url_decode( $jwk['n'] ) : null;
		$e = is_string( $jwk['e'] ?? null ) ? Jwt::base64url_decode( $jwk['e'] ) : null;
		if ( null === $n || null === $e ) {
			return $unsupported( 'n or e is missing or not base64url' );
		}
		$n    = ltrim( $n, "\0" );
		$e    = ltrim( $e, "\0" );
		$bits = strlen( $n ) * 8 - ( '' === $n ? 0 : 8 - strlen( decbin( ord( $n[0] ) ) ) );
		if ( $bits < self::MIN_MODULUS_BITS || $bits > self::MAX_MODULUS_BITS ) {
			return $unsupported( 'modulus size out of range' );
		}
		if ( '' === $e || strlen( $e ) > 8 || 0 === ( ord( substr( $e, -1 ) ) & 1 ) || "\x01" === $e ) {
			return $unsupported( 'bad public exponent' );
		}
		$rsa_public_key = self::der( 0x30, self::der_integer( $n ) . self::der_integer( $e ) );
		$spki           = self::der( 0x30, self::RSA_ALGORITHM_IDENTIFIER . self::der( 0x03, "\0" . $rsa_public_key ) );
		$pem            = "-----BEGIN PUBLIC KEY-----\n" . chunk_split( base64_encode( $spki ), 64, "\n" ) . "-----END PUBLIC KEY-----\n"; // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- PEM armour.
		if ( false === openssl_pkey_get_public( $pem ) ) {
			return $unsupported( 'OpenSSL refused the key' );
		}
		return $pem;
	}

	/** A DER INTEGER of an unsigned big-endian number without leading zero bytes. */
	private static function der_integer( string $unsigned ): string {
		if ( ord( $unsigned[0] ) & 0x80 ) {
			$unsigned = "\0" . $unsigned; // Keep it positive.
		}
		return self::der( 0x02, $unsigned );
	}

	/** A DER TLV with a definite length. */
	private static function der( int $tag, string $value ): string {
		$length = strlen( $value );
		if ( $length < 0x80 ) {
			return chr( $tag ) . chr( $length ) . $value;
		}
		$bytes = ltrim( pack( 'N', $length ), "\0" );
		return chr( $tag ) . chr( 0x80 | strlen( $bytes ) ) . $bytes . $value;
	}
}
