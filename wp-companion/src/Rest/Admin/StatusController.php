<?php
/**
 * GET /wp-json/workos/v1/admin/status: versions, environment, enabled state and every setting with
 * its source. Secrets are never returned: only whether they are set and their last four characters.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Admin;

use WorkOSCompanion\Config\Config;
use WorkOSCompanion\Database\Schema;
use WorkOSCompanion\Plugin;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class StatusController extends AdminController {
	public function register_routes(): void {
		$this->route(
			'status',
			array(
				array(
					'methods'  => WP_REST_Server::READABLE,
					'callback' => array( $this, 'get_status' ),
					'args'     => array(),
				),
			)
		);
	}

	public function get_status(): WP_REST_Response {
		global $wp_version;
		list( $active, $active_source ) = Config::active_environment();
		list( $base_url, $base_source ) = Config::api_base_url();

		$environments = array();
		foreach ( Config::ENVIRONMENTS as $env ) {
			$environments[ $env ] = array(
				'enabled'  => Config::is_enabled( $env ),
				'settings' => $this->settings( $env ),
			);
		}

		return new WP_REST_Response(
			array(
				'plugin'       => array(
					'version'                 => WORKOS_COMPANION_VERSION,
					'schema_version'          => Schema::installed_version(),
					'schema_version_expected' => Schema::VERSION,
				),
				'wordpress'    => array(
					'version'   => $wp_version,
					'multisite' => is_multisite(),
					'site_id'   => get_current_blog_id(),
					'network'   => is_multisite() ? self::network_facts() : null,
					'home_url'  => home_url( '/' ),
				),
				'php'          => array( 'version' => PHP_VERSION ),
				'environment'  => array(
					'active' => $active,
					'source' => $active_source,
				),
				'enabled'      => Config::is_enabled( $active ),
				'login_mode'   => Config::get( 'login_mode', $active ),
				'api_base_url' => array(
					'value'  => $base_url,
					'source' => $base_source,
				),
				'environments' => $environments,
				'urls'         => array(
					'callback' => home_url( '/workos/callback' ),
					'webhook'  => rest_url( Plugin::REST_NAMESPACE . '/webhook' ),
				),
			)
		);
	}

	/** @return array<string,mixed> Where this site stands in its network. */
	private static function network_facts(): array {
		if ( ! function_exists( 'is_plugin_active_for_network' ) ) {
			require_once ABSPATH . 'wp-admin/includes/plugin.php';
		}
		return array(
			'id'                => get_current_network_id(),
			'main_site'         => is_main_site(),
			'sites'             => (int) get_blog_count(),
			'subdomain_install' => is_subdomain_install(),
			'plugin_network_active' => is_plugin_active_for_network( plugin_basename( WORKOS_COMPANION_FILE ) ),
		);
	}

	/** @return array<string,array<string,mixed>> */
	private function settings( string $env ): array {
		$out = array();
		foreach ( array_keys( Config::DEFAULTS ) as $key ) {
			list( $value, $source ) = Config::resolve( $key, $env );
			$entry                  = array( 'source' => $source );
			$constant               = Config::overriding_constant( $key, $env );
			if ( null !== $constant ) {
				$entry['constant'] = $constant;
			}
			if ( in_array( $key, Config::SECRETS, true ) ) {
				$entry += Config::describe_secret( (string) $value );
			} else {
				$entry['value'] = $value;
			}
			$out[ $key ] = $entry;
		}
		return $out;
	}
}
