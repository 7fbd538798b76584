<?php
/**
 * Wires the features together on plugins_loaded. Each feature registers its own hooks.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion;

use WorkOSCompanion\Database\Schema;
use WorkOSCompanion\Rest\Admin\StatusController;

defined( 'ABSPATH' ) || exit;

final class Plugin {
	public const TEXT_DOMAIN = 'workos-companion';
	public const REST_NAMESPACE = 'workos/v1';

	public static function boot(): void {
		// Upgrades run lazily on every site (multisite: per-site tables and version option).
		Schema::maybe_upgrade();

		add_action( 'init', array( self::class, 'load_textdomain' ) );
		add_action(
			'rest_api_init',
			static function (): void {
				( new StatusController() )->register_routes();
			}
		);
	}

	public static function load_textdomain(): void {
		load_plugin_textdomain( self::TEXT_DOMAIN, false, dirname( plugin_basename( WORKOS_COMPANION_FILE ) ) . '/languages' );
	}

	/**
	 * @param bool $network_wide True when a super admin network-activates the plugin.
	 */
	public static function activate( $network_wide = false ): void {
		if ( is_multisite() && $network_wide ) {
			foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $blog_id ) {
				switch_to_blog( (int) $blog_id );
				Schema::install();
				restore_current_blog();
			}
			return;
		}
		Schema::install();
	}
}
