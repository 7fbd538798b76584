<?php
/**
 * PSR-4 autoloader for the WorkOSCompanion namespace (no Composer at runtime).
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion;

defined( 'ABSPATH' ) || exit;

final class Autoloader {
	private const PREFIX = __NAMESPACE__ . '\\';

	public static function register( string $base_dir ): void {
		spl_autoload_register(
			static function ( string $class ) use ( $base_dir ): void {
				if ( 0 !== strpos( $class, self::PREFIX ) ) {
					return;
				}
				$relative = str_replace( '\\', '/', substr( $class, strlen( self::PREFIX ) ) );
				$file     = $base_dir . '/' . $relative . '.php';
				if ( is_readable( $file ) ) {
					require_once $file;
				}
			}
		);
	}
}
