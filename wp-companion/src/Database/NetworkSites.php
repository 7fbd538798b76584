<?php
/**
 * Multisite: every site of a network has its own tables (the per-site prefix, seed spec §8.3).
 *
 * Network activation installs them on the sites that exist (Plugin::activate); this class covers
 * the sites that come later and the ones that go: a site created while the companion is
 * network-active gets its tables at once (not on its first request, which may be a webhook), and
 * a deleted site takes its WorkOS tables along with WordPress's own.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Database;

use WP_Site;

defined( 'ABSPATH' ) || exit;

final class NetworkSites {
	public function register(): void {
		if ( ! is_multisite() ) {
			return;
		}
		// After WordPress's own initialisation (priority 10 creates the site's tables and options).
		add_action( 'wp_initialize_site', array( $this, 'install_on_new_site' ), 200 );
		add_filter( 'wpmu_drop_tables', array( $this, 'drop_with_site' ), 10, 2 );
	}

	public function install_on_new_site( WP_Site $site ): void {
		if ( ! self::network_active() ) {
			return;
		}
		switch_to_blog( (int) $site->blog_id );
		try {
			Schema::install();
		} finally {
			restore_current_blog();
		}
	}

	/**
	 * @param string[] $tables  Table names WordPress drops with the site.
	 * @param int      $site_id The site being deleted.
	 * @return string[]
	 */
	public function drop_with_site( $tables, $site_id ): array {
		global $wpdb;
		$prefix = $wpdb->get_blog_prefix( (int) $site_id );
		foreach ( array_merge( Schema::TABLES, Schema::WEBHOOK_TABLES ) as $table ) {
			$tables[ $table ] = $prefix . $table;
		}
		return (array) $tables;
	}

	private static function network_active(): bool {
		if ( ! function_exists( 'is_plugin_active_for_network' ) ) {
			require_once ABSPATH . 'wp-admin/includes/plugin.php';
		}
		return is_plugin_active_for_network( plugin_basename( WORKOS_COMPANION_FILE ) );
	}
}
