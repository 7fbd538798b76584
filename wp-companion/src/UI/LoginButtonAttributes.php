<?php
/**
 * The login button's attributes (seed spec §12, shared by the shortcode, the block and the
 * widget), cleaned: unknown enum values fall back to their default, colours are hex or nothing,
 * booleans accept true/1/yes/on, and redirect_to is kept only when it stays on this site.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\UI;

defined( 'ABSPATH' ) || exit;

final class LoginButtonAttributes {
	/** Attribute => default, as the reference's block stores them (plus class). */
	public const DEFAULTS = array(
		'mode'                   => 'auto',
		'redirect_to'            => '',
		'logged_in_display'      => 'user_info',
		'button_text'            => '',
		'logout_text'            => '',
		'alignment'              => 'left',
		'size'                   => 'medium',
		'style'                  => 'filled',
		'bg_color'               => '',
		'text_color'             => '',
		'border_color'           => '',
		'border_radius'          => '',
		'show_icon'              => false,
		'show_registration'      => false,
		'show_password_fallback' => false,
		'registration_text'      => '',
		'password_fallback_text' => '',
		'class'                  => '',
	);

	public const ENUMS = array(
		'mode'              => array( 'auto', 'redirect', 'headless' ),
		'logged_in_display' => array( 'user_info', 'logout', 'hide' ),
		'alignment'         => array( 'left', 'center', 'right' ),
		'size'              => array( 'small', 'medium', 'large' ),
		'style'             => array( 'filled', 'outline', 'link' ),
	);

	private const BOOLEANS = array( 'show_icon', 'show_registration', 'show_password_fallback' );
	private const COLORS   = array( 'bg_color', 'text_color', 'border_color' );
	private const TEXTS    = array( 'button_text', 'logout_text', 'registration_text', 'password_fallback_text' );

	/**
	 * @param array<string,mixed> $raw Shortcode attributes, block attributes or widget settings.
	 *                                 Aliases: label → button_text, className → class.
	 * @return array<string,mixed>
	 */
	public static function normalize( array $raw ): array {
		if ( isset( $raw['label'] ) && ( ! isset( $raw['button_text'] ) || '' === $raw['button_text'] ) ) {
			$raw['button_text'] = $raw['label'];
		}
		if ( isset( $raw['className'] ) && ( ! isset( $raw['class'] ) || '' === $raw['class'] ) ) {
			$raw['class'] = $raw['className'];
		}
		$attrs = array();
		foreach ( self::DEFAULTS as $key => $default ) {
			$value = $raw[ $key ] ?? $default;
			if ( isset( self::ENUMS[ $key ] ) ) {
				$value = is_string( $value ) && in_array( strtolower( $value ), self::ENUMS[ $key ], true ) ? strtolower( $value ) : $default;
			} elseif ( in_array( $key, self::BOOLEANS, true ) ) {
				$value = self::boolean( $value );
			} elseif ( in_array( $key, self::COLORS, true ) ) {
				$value = self::color( $value );
			} elseif ( in_array( $key, self::TEXTS, true ) ) {
				$value = is_scalar( $value ) ? sanitize_text_field( (string) $value ) : '';
			}
			$attrs[ $key ] = $value;
		}
		$attrs['border_radius'] = self::radius( $attrs['border_radius'] );
		$attrs['redirect_to']   = self::same_site_url( $attrs['redirect_to'] );
		$attrs['class']         = self::classes( $attrs['class'] );
		return $attrs;
	}

	/** @param mixed $value */
	public static function boolean( $value ): bool {
		if ( is_string( $value ) ) {
			return in_array( strtolower( trim( $value ) ), array( '1', 'true', 'yes', 'on' ), true );
		}
		return true === $value || 1 === $value;
	}

	/** @param mixed $value A hex colour with or without '#'; anything else becomes ''. */
	public static function color( $value ): string {
		if ( ! is_string( $value ) ) {
			return '';
		}
		$value = trim( $value );
		if ( '' !== $value && '#' !== $value[0] ) {
			$value = '#' . $value;
		}
		return (string) sanitize_hex_color( $value );
	}

	/** @param mixed $value Pixels; 0, negative or not a number becomes ''. */
	public static function radius( $value ): string {
		if ( ( is_int( $value ) || ( is_string( $value ) && ctype_digit( trim( $value ) ) ) ) && (int) $value > 0 ) {
			return (string) min( 999, (int) $value );
		}
		return '';
	}

	/** @param mixed $value Space-separated class names; each is made a valid class name. */
	public static function classes( $value ): string {
		if ( ! is_string( $value ) ) {
			return '';
		}
		$classes = array_filter( array_map( 'sanitize_html_class', preg_split( '/\s+/', $value ) ) );
		return implode( ' ', array_unique( $classes ) );
	}

	/**
	 * An absolute URL on this site, or '' when the value would lead anywhere else. Site-relative
	 * paths (/page/) are made absolute; protocol-relative (//host), backslashes, other schemes
	 * (javascript:, data:), credentials in the URL, other hosts and percent-encoded forms of those
	 * are refused.
	 *
	 * @param mixed $value A URL or path.
	 */
	public static function same_site_url( $value ): string {
		if ( ! is_string( $value ) ) {
			return '';
		}
		$value = trim( $value );
		if ( '' === $value ) {
			return '';
		}
		$decoded = $value;
		for ( $i = 0; $i < 5; $i++ ) {
			$next = rawurldecode( $decoded );
			if ( $next === $decoded ) {
				break;
			}
			$decoded = $next;
		}
		// Control characters, whitespace and backslashes are how browsers get talked into other hosts.
		if ( preg_match( '/[\x00-\x20\x7f\\\\]/', $value ) || preg_match( '/[\x00-\x1f\x7f\\\\]/', $decoded ) ) {
			return '';
		}
		if ( '/' === $value[0] ) {
			if ( 0 === strpos( $value, '//' ) || 0 === strpos( $decoded, '//' ) ) {
				return '';
			}
			$home = wp_parse_url( home_url() );
			$url  = $home['scheme'] . '://' . $home['host'] . ( isset( $home['port'] ) ? ':' . $home['port'] : '' ) . $value;
		} else {
			$url = $value;
		}
		foreach ( array( $url, $decoded ) as $candidate ) {
			if ( '/' === $candidate[0] && 0 !== strpos( $candidate, '//' ) ) {
				continue; // the decoded form of a site-relative path.
			}
			if ( ! self::is_own_absolute_url( $candidate ) ) {
				return '';
			}
		}
		return esc_url_raw( $url, array( 'http', 'https' ) );
	}

	private static function is_own_absolute_url( string $url ): bool {
		$parts = wp_parse_url( $url );
		if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] ) || isset( $parts['user'] ) || isset( $parts['pass'] ) ) {
			return false;
		}
		if ( ! in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true ) ) {
			return false;
		}
		foreach ( array( home_url(), site_url() ) as $own ) {
			$site = wp_parse_url( $own );
			if ( strtolower( $parts['host'] ) === strtolower( (string) ( $site['host'] ?? '' ) ) && self::port( $parts ) === self::port( $site ) ) {
				return true;
			}
		}
		return false;
	}

	/** @param array<string,mixed> $parts wp_parse_url() parts. */
	private static function port( array $parts ): int {
		if ( isset( $parts['port'] ) ) {
			return (int) $parts['port'];
		}
		return 'https' === strtolower( (string) ( $parts['scheme'] ?? '' ) ) ? 443 : 80;
	}
}
