<?php
/**
 * The one check every redirect target we accept goes through (seed spec §3.12, stricter than
 * wp_validate_redirect): a site-relative path starting with a single "/" (resolved against
 * home_url()), or an absolute http(s) URL on the site's own host (plus `allowed_redirect_hosts`).
 *
 * Refused, whatever the casing or percent-encoding: protocol-relative `//host`, backslashes
 * (browsers read `/\host` as `//host`), other schemes (`javascript:`, `data:`...), user info
 * (`https://site@evil`), control characters (`%0d%0a` header injection), any whitespace, and
 * another host or port.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Http;

defined( 'ABSPATH' ) || exit;

final class SafeRedirect {
	/** Longer targets are refused (no legitimate redirect needs more). */
	public const MAX_LENGTH = 2048;

	/** Percent-decoding rounds looked through; a target still changing after them is refused. */
	private const DECODE_ROUNDS = 4;

	/**
	 * @param mixed  $target   The requested redirect (string; anything else is refused).
	 * @param string $fallback Returned unchanged when the target is refused (the caller's safe default).
	 * @return string The absolute safe URL, or the fallback.
	 */
	public static function validate( $target, string $fallback = '' ): string {
		$url = self::resolve( $target );
		return null === $url ? $fallback : $url;
	}

	/** @param mixed $target The requested redirect. */
	public static function is_safe( $target ): bool {
		return null !== self::resolve( $target );
	}

	/**
	 * @param mixed $target The requested redirect.
	 * @return string|null The absolute URL, or null when refused.
	 */
	private static function resolve( $target ): ?string {
		if ( ! is_string( $target ) || '' === $target || strlen( $target ) > self::MAX_LENGTH ) {
			return null;
		}
		// Raw: no whitespace, no control character, no backslash anywhere (browsers strip the first
		// two and turn "\" into "/", which is how "/\evil.example" becomes "//evil.example").
		if ( preg_match( '/[\x00-\x20\x7f\\\\]/', $target ) ) {
			return null;
		}
		$decoded = self::decode( $target );
		if ( null === $decoded || preg_match( '/[\x00-\x1f\x7f]/', $decoded ) ) {
			return null; // %0d%0a and friends, however deeply encoded
		}
		if ( '/' === $target[0] ) {
			return self::resolve_path( $target );
		}
		return self::resolve_absolute( $target );
	}

	/** A site-relative path: a single leading "/" and nothing that decodes to "//" or "\". */
	private static function resolve_path( string $target ): ?string {
		$path = self::decode( (string) preg_replace( '/[?#].*$/s', '', $target ) );
		if ( null === $path || 0 === strpos( $path, '//' ) || false !== strpos( $path, '\\' ) ) {
			return null;
		}
		return home_url( $target );
	}

	private static function resolve_absolute( string $target ): ?string {
		if ( ! preg_match( '#^(https?)://#i', $target, $scheme ) ) {
			return null; // javascript:, data:, //host, relative paths, "http:host"...
		}
		$parts = wp_parse_url( $target );
		if ( ! is_array( $parts ) || empty( $parts['host'] ) || isset( $parts['user'] ) || isset( $parts['pass'] ) ) {
			return null;
		}
		$host = strtolower( $parts['host'] );
		if ( strpbrk( $host, ':/?#@%' ) && '[' !== $host[0] ) {
			return null; // odd parse results, and encoded hosts no browser resolves like ours
		}
		$scheme = strtolower( $scheme[1] );
		if ( ! self::host_allowed( $host, $scheme, $parts['port'] ?? null ) ) {
			return null;
		}
		$path = self::decode( (string) ( $parts['path'] ?? '' ) );
		if ( null === $path || false !== strpos( $path, '\\' ) ) {
			return null;
		}
		return $scheme . substr( $target, strlen( $scheme ) );
	}

	/**
	 * The site's own hosts must also match its port; hosts added through `allowed_redirect_hosts`
	 * are matched by name, as WordPress does.
	 *
	 * @param int|null $port The explicit port of the target, if any.
	 */
	private static function host_allowed( string $host, string $scheme, ?int $port ): bool {
		$own = array();
		foreach ( array( home_url(), site_url() ) as $site ) {
			$parts = wp_parse_url( $site );
			if ( is_array( $parts ) && ! empty( $parts['host'] ) ) {
				$own[] = array( strtolower( $parts['host'] ), $parts['port'] ?? null );
			}
		}
		foreach ( $own as list( $own_host, $own_port ) ) {
			if ( $own_host !== $host ) {
				continue;
			}
			if ( null !== $own_port ? $port === $own_port : ( null === $port || ( 'https' === $scheme ? 443 : 80 ) === $port ) ) {
				return true;
			}
		}
		$home_host = $own ? $own[0][0] : '';
		/** This filter is documented in wp-includes/pluggable.php (wp_validate_redirect). */
		$extra = (array) apply_filters( 'allowed_redirect_hosts', array( $home_host ), $host );
		foreach ( $extra as $allowed ) {
			if ( is_string( $allowed ) && '' !== $allowed && $allowed !== $home_host && strtolower( $allowed ) === $host ) {
				return true;
			}
		}
		return false;
	}

	/** Percent-decodes until stable; null when it keeps changing (a target nobody needs). */
	private static function decode( string $value ): ?string {
		for ( $round = 0; $round < self::DECODE_ROUNDS; $round++ ) {
			$next = rawurldecode( $value );
			if ( $next === $value ) {
				return $value;
			}
			$value = $next;
		}
		return rawurldecode( $value ) === $value ? $value : null;
	}
}
