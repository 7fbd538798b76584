<?php
/**
 * The WordPress username of a user created from WorkOS (seed spec §3.5): deterministic, a handful
 * of lookups at most, whatever the number of similar usernames on the site.
 *
 * base = the e-mail's local part (lower-cased, trimmed, WordPress's strict username characters,
 * at most 47 characters; "workos_user" when nothing is left). Then, first free of: base,
 * base_ + 5 hex of sha256(email), base_ + 12 hex, base_ + 12 hex of sha256("email|1"), "|2", "|3";
 * the last candidate is returned even when taken.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Sync;

defined( 'ABSPATH' ) || exit;

final class UsernameGenerator {
	public const MAX_BASE = 47; // 47 + "_" + 12 hex = 60, WordPress's user_login limit
	public const FALLBACK = 'workos_user';
	public const SALTED   = 3;

	/**
	 * @param string        $email  The WorkOS user's e-mail address.
	 * @param callable|null $exists Username lookup (defaults to username_exists()).
	 */
	public static function generate( string $email, ?callable $exists = null ): string {
		$exists     = $exists ?? static function ( string $login ): bool {
			return (bool) username_exists( $login );
		};
		$candidates = self::candidates( $email );
		foreach ( $candidates as $candidate ) {
			if ( ! $exists( $candidate ) ) {
				return $candidate;
			}
		}
		return end( $candidates );
	}

	/** @return string[] The candidates in the order they are tried. */
	public static function candidates( string $email ): array {
		$email = strtolower( trim( $email ) );
		$base  = self::base( $email );
		$hash  = hash( 'sha256', $email );
		$list  = array( $base, $base . '_' . substr( $hash, 0, 5 ), $base . '_' . substr( $hash, 0, 12 ) );
		for ( $i = 1; $i <= self::SALTED; $i++ ) {
			$list[] = $base . '_' . substr( hash( 'sha256', $email . '|' . $i ), 0, 12 );
		}
		return $list;
	}

	public static function base( string $email ): string {
		$email = strtolower( trim( $email ) );
		$at    = strrpos( $email, '@' );
		$local = false === $at ? $email : substr( $email, 0, $at );
		$base  = substr( trim( sanitize_user( $local, true ) ), 0, self::MAX_BASE );
		return '' === $base ? self::FALLBACK : $base;
	}
}
