<?php
/**
 * The OAuth `state` of a sign-in: signed (HMAC with the site's salt), short-lived, single use.
 * It carries the page the visitor asked for. Single use is kept in the database (a transient per
 * state), so it holds across several PHP nodes and page caches never replay it.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Auth;

use WP_Error;

defined( 'ABSPATH' ) || exit;

final class State {
	public const LIFETIME = 600; // seconds; WorkOS's authorization codes live 10 minutes too

	/** A new state for a sign-in that should end at $redirect_to. */
	public static function create( string $redirect_to ): string {
		$nonce   = self::b64( random_bytes( 18 ) );
		$payload = self::b64(
			(string) wp_json_encode(
				array(
					'n' => $nonce,
					'r' => $redirect_to,
					'e' => time() + self::LIFETIME,
				)
			)
		);
		set_transient( self::key( $nonce ), 1, self::LIFETIME );
		return $payload . '.' . self::sign( $payload );
	}

	/**
	 * Checks and uses up a state.
	 *
	 * @return array{redirect_to:string}|WP_Error
	 */
	public static function consume( string $state ) {
		$invalid = new WP_Error( 'workos_invalid_state', __( 'The sign-in request could not be verified. Please try logging in again.', 'workos-companion' ), array( 'status' => 403 ) );
		$parts   = explode( '.', $state );
		if ( 2 !== count( $parts ) || ! hash_equals( self::sign( $parts[0] ), $parts[1] ) ) {
			return $invalid;
		}
		$data = json_decode( (string) base64_decode( strtr( $parts[0], '-_', '+/' ), true ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- our own payload.
		if ( ! is_array( $data ) || ! isset( $data['n'], $data['r'], $data['e'] ) ) {
			return $invalid;
		}
		if ( (int) $data['e'] < time() ) {
			return new WP_Error( 'workos_state_expired', __( 'The sign-in took too long. Please try logging in again.', 'workos-companion' ), array( 'status' => 403 ) );
		}
		if ( ! get_transient( self::key( (string) $data['n'] ) ) ) {
			return new WP_Error( 'workos_state_used', __( 'This sign-in link was already used. Please try logging in again.', 'workos-companion' ), array( 'status' => 403 ) );
		}
		delete_transient( self::key( (string) $data['n'] ) );
		return array( 'redirect_to' => (string) $data['r'] );
	}

	private static function key( string $nonce ): string {
		return 'workos_state_' . substr( hash( 'sha256', $nonce ), 0, 32 );
	}

	private static function sign( string $payload ): string {
		return self::b64( hash_hmac( 'sha256', $payload, wp_salt( 'nonce' ) . '|workos-state', true ) );
	}

	private static function b64( string $bytes ): string {
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- URL-safe token.
	}
}
