<?php
/**
 * The visitor's IP address, without trusting headers anyone can send.
 *
 * Decision (seed spec preface): the client IP is REMOTE_ADDR. Only when REMOTE_ADDR is one of the
 * proxies the site trusts (filter workos_trusted_proxies: IP addresses or CIDR ranges) is
 * X-Forwarded-For read, from the right, skipping trusted hops: the first address not added by a
 * trusted proxy is the client. CF-Connecting-IP, X-Real-IP and the left-most X-Forwarded-For
 * entry (all spoofable) are never used on their own.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\ActivityLog;

defined( 'ABSPATH' ) || exit;

final class ClientIp {
	/** The client IP, or '' when REMOTE_ADDR is missing or not an IP address. */
	public static function get(): string {
		$remote = self::valid( wp_unslash( $_SERVER['REMOTE_ADDR'] ?? '' ) ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- validated as an IP.
		if ( '' === $remote ) {
			return '';
		}
		/**
		 * Proxies (IP addresses or CIDR ranges such as 10.0.0.0/8) whose X-Forwarded-For is believed.
		 *
		 * @param string[] $proxies Empty by default: no header is trusted.
		 */
		$proxies = (array) apply_filters( 'workos_trusted_proxies', array() );
		$proxies = array_values( array_filter( array_map( 'strval', $proxies ) ) );
		if ( ! $proxies || ! self::in_list( $remote, $proxies ) ) {
			return $remote;
		}
		$header = (string) wp_unslash( $_SERVER['HTTP_X_FORWARDED_FOR'] ?? '' ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- every entry is validated as an IP.
		$hops   = array_reverse( array_map( 'trim', explode( ',', $header ) ) );
		foreach ( $hops as $hop ) {
			$ip = self::valid( $hop );
			if ( '' === $ip ) {
				break; // a malformed entry: nothing to its left can be believed.
			}
			if ( ! self::in_list( $ip, $proxies ) ) {
				return $ip;
			}
		}
		return $remote;
	}

	/** The address in canonical form, or '' when it is not an IP address. */
	public static function valid( $value ): string {
		if ( ! is_string( $value ) ) {
			return '';
		}
		$value = trim( $value );
		if ( false === filter_var( $value, FILTER_VALIDATE_IP ) ) {
			return '';
		}
		$packed = inet_pton( $value );
		return false === $packed ? '' : (string) inet_ntop( $packed );
	}

	/**
	 * @param string[] $list IP addresses or CIDR ranges.
	 */
	public static function in_list( string $ip, array $list ): bool {
		foreach ( $list as $entry ) {
			if ( self::matches( $ip, trim( $entry ) ) ) {
				return true;
			}
		}
		return false;
	}

	private static function matches( string $ip, string $entry ): bool {
		$bits = null;
		if ( false !== strpos( $entry, '/' ) ) {
			list( $entry, $suffix ) = explode( '/', $entry, 2 );
			if ( ! ctype_digit( $suffix ) ) {
				return false;
			}
			$bits = (int) $suffix;
		}
		$address = @inet_pton( $ip ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- invalid input is answered with false.
		$network = @inet_pton( $entry ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- invalid input is answered with false.
		if ( false === $address || false === $network || strlen( $address ) !== strlen( $network ) ) {
			return false;
		}
		$length = strlen( $address ) * 8;
		$bits   = null === $bits ? $length : $bits;
		if ( $bits < 0 || $bits > $length ) {
			return false;
		}
		$whole = intdiv( $bits, 8 );
		if ( substr( $address, 0, $whole ) !== substr( $network, 0, $whole ) ) {
			return false;
		}
		$rest = $bits % 8;
		if ( 0 === $rest ) {
			return true;
		}
		$mask = ( 0xff << ( 8 - $rest ) ) & 0xff;
		return ( ord( $address[ $whole ] ) & $mask ) === ( ord( $network[ $whole ] ) & $mask );
	}
}
