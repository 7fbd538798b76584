<?php
/**
 * PHP and WordPress versions, the PHP extensions the code calls, and an HTTP transport.
 *
 * What the code needs (grep of src/): json (everywhere), openssl (bearer-token and JWKS
 * verification, Rest\Bearer), sodium (the encrypted token store, Auth\TokenStore), hash
 * (webhook signatures; built in since PHP 7.4 but can be compiled out). Optional: mbstring
 * (AuditLog\AuditEvent cuts strings by characters, bytes without it) and zlib (gzip of the
 * activity feed). WordPress's HTTP API needs the curl extension or PHP streams with SSL.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Diagnostics;

defined( 'ABSPATH' ) || exit;

final class PlatformChecks {
	public const MIN_PHP       = '7.4';
	public const MIN_WORDPRESS = '5.9';

	/** Below this, the PHP branch gets no security fixes upstream any more. */
	public const SUPPORTED_PHP = '8.1';

	public const REQUIRED_EXTENSIONS = array( 'json', 'openssl', 'sodium', 'hash' );
	public const OPTIONAL_EXTENSIONS = array( 'mbstring', 'zlib' );

	public function php_version(): CheckResult {
		$details = array(
			'version'  => PHP_VERSION,
			'required' => self::MIN_PHP,
		);
		if ( version_compare( PHP_VERSION, self::MIN_PHP, '<' ) ) {
			/* translators: 1: PHP version, 2: required version */
			return CheckResult::fail( 'php_version', sprintf( __( 'PHP %1$s is older than the required %2$s.', 'workos-companion' ), PHP_VERSION, self::MIN_PHP ), __( 'Ask your host to upgrade PHP.', 'workos-companion' ), $details );
		}
		if ( version_compare( PHP_VERSION, self::SUPPORTED_PHP, '<' ) ) {
			/* translators: %s: PHP version */
			return CheckResult::warn( 'php_version', sprintf( __( 'PHP %s works, but its branch no longer receives security fixes.', 'workos-companion' ), PHP_VERSION ), __( 'Plan an upgrade to a supported PHP version (8.1 or newer).', 'workos-companion' ), $details );
		}
		/* translators: 1: PHP version, 2: required version */
		return CheckResult::pass( 'php_version', sprintf( __( 'PHP %1$s (requires %2$s or newer).', 'workos-companion' ), PHP_VERSION, self::MIN_PHP ), '', $details );
	}

	public function wordpress_version(): CheckResult {
		global $wp_version;
		$details = array(
			'version'  => (string) $wp_version,
			'required' => self::MIN_WORDPRESS,
		);
		if ( version_compare( (string) $wp_version, self::MIN_WORDPRESS, '<' ) ) {
			/* translators: 1: WordPress version, 2: required version */
			return CheckResult::fail( 'wordpress_version', sprintf( __( 'WordPress %1$s is older than the required %2$s.', 'workos-companion' ), $wp_version, self::MIN_WORDPRESS ), __( 'Update WordPress.', 'workos-companion' ), $details );
		}
		/* translators: 1: WordPress version, 2: required version */
		return CheckResult::pass( 'wordpress_version', sprintf( __( 'WordPress %1$s (requires %2$s or newer).', 'workos-companion' ), $wp_version, self::MIN_WORDPRESS ), '', $details );
	}

	public function php_extensions(): CheckResult {
		$missing  = array_values( array_filter( self::REQUIRED_EXTENSIONS, array( $this, 'missing' ) ) );
		$optional = array_values( array_filter( self::OPTIONAL_EXTENSIONS, array( $this, 'missing' ) ) );
		$details  = array(
			'missing_required' => $missing,
			'missing_optional' => $optional,
		);
		if ( $missing ) {
			return CheckResult::fail(
				'php_extensions',
				/* translators: %s: comma-separated PHP extension names */
				sprintf( __( 'Required PHP extensions missing: %s.', 'workos-companion' ), implode( ', ', $missing ) ),
				__( 'json is needed everywhere, openssl to verify WorkOS access tokens, sodium to encrypt stored tokens, hash for webhook signatures. Ask your host to enable them.', 'workos-companion' ),
				$details
			);
		}
		if ( $optional ) {
			return CheckResult::warn(
				'php_extensions',
				/* translators: %s: comma-separated PHP extension names */
				sprintf( __( 'Optional PHP extensions missing: %s.', 'workos-companion' ), implode( ', ', $optional ) ),
				__( 'Without mbstring, audit-log strings are cut by bytes rather than characters; without zlib, the activity feed is sent uncompressed.', 'workos-companion' ),
				$details
			);
		}
		return CheckResult::pass( 'php_extensions', __( 'All PHP extensions the companion uses are loaded (json, openssl, sodium, hash, mbstring, zlib).', 'workos-companion' ), '', $details );
	}

	public function http_transport(): CheckResult {
		$details = array(
			'curl'    => extension_loaded( 'curl' ),
			'streams' => function_exists( 'fsockopen' ),
			'ssl'     => (bool) wp_http_supports( array( 'ssl' ) ),
		);
		if ( ! wp_http_supports() ) {
			return CheckResult::fail( 'http_transport', __( 'WordPress has no HTTP transport: neither the curl extension nor PHP streams are available.', 'workos-companion' ), __( 'Enable the curl extension (or allow fsockopen) so the site can call WorkOS.', 'workos-companion' ), $details );
		}
		if ( ! $details['ssl'] ) {
			return CheckResult::fail( 'http_transport', __( 'WordPress can make HTTP requests, but not over HTTPS.', 'workos-companion' ), __( 'WorkOS is reached over HTTPS: enable openssl support in curl or PHP streams.', 'workos-companion' ), $details );
		}
		return CheckResult::pass(
			'http_transport',
			$details['curl'] ? __( 'HTTPS requests go through the curl extension.', 'workos-companion' ) : __( 'HTTPS requests go through PHP streams (no curl extension).', 'workos-companion' ),
			'',
			$details
		);
	}

	private function missing( string $extension ): bool {
		return ! extension_loaded( $extension );
	}
}
