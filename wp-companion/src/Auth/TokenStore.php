<?php
/**
 * A signed-in user's WorkOS tokens, in the reference plugin's usermeta keys but encrypted
 * (libsodium secretbox, key derived from the site's salts): a database dump does not hand out
 * live sessions.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Auth;

defined( 'ABSPATH' ) || exit;

final class TokenStore {
	public const ACCESS_TOKEN  = '_workos_access_token';
	public const REFRESH_TOKEN = '_workos_refresh_token';
	public const SESSION_ID    = '_workos_session_id';
	public const ORG_ID        = '_workos_org_id';

	private const PREFIX = 'enc:v1:';

	/**
	 * Stores what an authenticate response carries; empty values keep what is stored.
	 *
	 * @param array<string,mixed> $response WorkOS authenticate response.
	 */
	public static function store( int $user_id, array $response ): void {
		$access = (string) ( $response['access_token'] ?? '' );
		if ( '' !== $access ) {
			update_user_meta( $user_id, self::ACCESS_TOKEN, self::seal( $access ) );
			$sid = (string) ( self::unverified_claims( $access )['sid'] ?? '' );
			if ( '' !== $sid ) {
				update_user_meta( $user_id, self::SESSION_ID, $sid );
			}
		}
		if ( ! empty( $response['refresh_token'] ) ) {
			update_user_meta( $user_id, self::REFRESH_TOKEN, self::seal( (string) $response['refresh_token'] ) );
		}
		if ( ! empty( $response['organization_id'] ) ) {
			update_user_meta( $user_id, self::ORG_ID, sanitize_text_field( (string) $response['organization_id'] ) );
		}
	}

	public static function access_token( int $user_id ): string {
		return self::open( (string) get_user_meta( $user_id, self::ACCESS_TOKEN, true ) );
	}

	public static function refresh_token( int $user_id ): string {
		return self::open( (string) get_user_meta( $user_id, self::REFRESH_TOKEN, true ) );
	}

	public static function session_id( int $user_id ): string {
		return (string) get_user_meta( $user_id, self::SESSION_ID, true );
	}

	/** Forgets the tokens and the session id; the link (_workos_user_id) stays. */
	public static function clear( int $user_id ): void {
		delete_user_meta( $user_id, self::ACCESS_TOKEN );
		delete_user_meta( $user_id, self::REFRESH_TOKEN );
		delete_user_meta( $user_id, self::SESSION_ID );
	}

	/**
	 * The payload of a JWT without checking its signature: only for reading our own stored
	 * token's session id, never for trusting anything.
	 *
	 * @return array<string,mixed>
	 */
	public static function unverified_claims( string $jwt ): array {
		$parts = explode( '.', $jwt );
		if ( 3 !== count( $parts ) ) {
			return array();
		}
		$json = base64_decode( strtr( $parts[1], '-_', '+/' ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- JWT payload.
		$data = false === $json ? null : json_decode( $json, true );
		return is_array( $data ) ? $data : array();
	}

	private static function key(): string {
		return hash( 'sha256', wp_salt( 'auth' ) . '|workos-token-store', true );
	}

	public static function seal( string $plain ): string {
		$nonce = random_bytes( SODIUM_CRYPTO_SECRETBOX_NONCEBYTES );
		return self::PREFIX . base64_encode( $nonce . sodium_crypto_secretbox( $plain, $nonce, self::key() ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- binary to text.
	}

	/** The plain token, or "" when the stored value cannot be opened (salts changed, tampered). */
	public static function open( string $stored ): string {
		if ( 0 !== strpos( $stored, self::PREFIX ) ) {
			return ''; // never trust a plaintext value (e.g. left by the reference plugin)
		}
		$raw = base64_decode( substr( $stored, strlen( self::PREFIX ) ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- text to binary.
		if ( false === $raw || strlen( $raw ) <= SODIUM_CRYPTO_SECRETBOX_NONCEBYTES ) {
			return '';
		}
		$plain = sodium_crypto_secretbox_open( substr( $raw, SODIUM_CRYPTO_SECRETBOX_NONCEBYTES ), substr( $raw, 0, SODIUM_CRYPTO_SECRETBOX_NONCEBYTES ), self::key() );
		return false === $plain ? '' : $plain;
	}
}
