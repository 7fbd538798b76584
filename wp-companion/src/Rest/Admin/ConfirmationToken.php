<?php
/**
 * Two-step confirmation of destructive calls: the first call gets a random token, bound to the
 * user, the action and its scope (e.g. which rows), valid TTL seconds and good for one use; the
 * second call presents it. Only a hash of the token is stored (as a transient key).
 *
 * Single use under concurrency: the transient is deleted before the action runs and only the
 * request whose delete removed it goes on.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Admin;

defined( 'ABSPATH' ) || exit;

final class ConfirmationToken {
	public const TTL     = 300;
	public const PATTERN = '^[A-Za-z0-9]{32}$';

	/** @param array<string,mixed> $scope What the token allows (compared exactly on redemption). */
	public static function issue( string $action, int $user_id, array $scope ): string {
		$token = wp_generate_password( 32, false, false );
		set_transient(
			self::key( $action, $user_id, $token ),
			array(
				'scope'   => $scope,
				'expires' => time() + self::TTL,
			),
			self::TTL
		);
		return $token;
	}

	/**
	 * True once for a token issued to this user for this action and scope within TTL seconds.
	 * A token presented with another scope stays valid for its own.
	 *
	 * @param array<string,mixed> $scope
	 */
	public static function redeem( string $action, int $user_id, string $token, array $scope ): bool {
		if ( ! preg_match( '/' . self::PATTERN . '/', $token ) ) {
			return false;
		}
		$key    = self::key( $action, $user_id, $token );
		$stored = get_transient( $key );
		if ( ! is_array( $stored ) ) {
			return false;
		}
		if ( (int) ( $stored['expires'] ?? 0 ) < time() ) {
			delete_transient( $key );
			return false;
		}
		if ( ( $stored['scope'] ?? null ) !== $scope ) {
			return false;
		}
		return delete_transient( $key );
	}

	private static function key( string $action, int $user_id, string $token ): string {
		return 'workos_confirm_' . substr( hash_hmac( 'sha256', $action . '|' . $user_id . '|' . $token, wp_salt( 'nonce' ) ), 0, 40 );
	}
}
