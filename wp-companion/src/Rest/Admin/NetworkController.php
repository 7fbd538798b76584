<?php
/**
 * GET /admin/network/sites (multisite, super admins): every site of the network with the
 * companion's state there — tables and schema version, active environment, enabled, login mode —
 * so the console can tell which sites need setting up. Paged by blog id.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Admin;

use WorkOSCompanion\Config\Config;
use WorkOSCompanion\Database\Schema;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class NetworkController extends AdminController {
	public function register_routes(): void {
		$this->route(
			Permissions::NETWORK_PREFIX . 'sites',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_sites' ),
					'permission_callback' => array( Permissions::class, 'manage_network' ),
					'args'                => array(
						'after' => array(
							'type'    => 'integer',
							'minimum' => 0,
							'default' => 0,
						),
						'limit' => array(
							'type'    => 'integer',
							'minimum' => 1,
							'maximum' => 100,
							'default' => 50,
						),
					),
				),
			)
		);
	}

	public function get_sites( WP_REST_Request $request ): array {
		global $wpdb;
		$limit = (int) $request->get_param( 'limit' );
		$ids   = array_map(
			'intval',
			$wpdb->get_col(
				$wpdb->prepare(
					"SELECT blog_id FROM {$wpdb->blogs} WHERE site_id = %d AND deleted = 0 AND blog_id > %d ORDER BY blog_id ASC LIMIT %d",
					get_current_network_id(),
					(int) $request->get_param( 'after' ),
					$limit + 1
				)
			)
		);
		$more  = count( $ids ) > $limit;
		$ids   = array_slice( $ids, 0, $limit );
		$sites = array();
		foreach ( $ids as $id ) {
			switch_to_blog( $id );
			try {
				$sites[] = array(
					'id'                 => $id,
					'url'                => home_url( '/' ),
					'name'               => get_bloginfo( 'name' ),
					'schema_version'     => Schema::installed_version(),
					'active_environment' => Config::active(),
					'enabled'            => Config::is_enabled(),
					'login_mode'         => Config::get( 'login_mode' ),
				);
			} finally {
				restore_current_blog();
			}
		}
		return array(
			'network_id'  => get_current_network_id(),
			'plugin'      => array( 'network_active' => self::network_active() ),
			'sites'       => $sites,
			'next_after'  => $more && $sites ? end( $sites )['id'] : null,
		);
	}

	private static function network_active(): bool {
		if ( ! function_exists( 'is_plugin_active_for_network' ) ) {
			require_once ABSPATH . 'wp-admin/includes/plugin.php';
		}
		return is_plugin_active_for_network( plugin_basename( WORKOS_COMPANION_FILE ) );
	}
}
