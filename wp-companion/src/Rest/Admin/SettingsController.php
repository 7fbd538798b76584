<?php
/**
 * GET/PATCH /admin/settings: the settings of one environment and the site-wide ones.
 *
 * - Secrets (api_key, webhook_secret) are write-only: answers say whether they are set, their
 *   last four characters and a masked form, never the value.
 * - PATCH has merge semantics (keys not sent are kept); null removes a key (back to its
 *   default). Every value is checked against Config\SettingsSchema by the REST API itself.
 * - A setting decided by a wp-config.php constant answers 409 workos_setting_locked naming the
 *   constant; the whole request is refused, nothing is written.
 * - A change is recorded in the activity log (setting names only, never values).
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Admin;

use WorkOSCompanion\ActivityLog\Logger;
use WorkOSCompanion\Config\Config;
use WorkOSCompanion\Config\SettingsSchema;
use WorkOSCompanion\Webhook\Signature;
use WP_Error;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class SettingsController extends AdminController {
	public function register_routes(): void {
		$env = self::env_arg();
		$this->route(
			'settings',
			array(
				array(
					'methods'  => WP_REST_Server::READABLE,
					'callback' => array( $this, 'get_settings' ),
					'args'     => array( 'env' => $env ),
				),
				array(
					'methods'  => 'PATCH',
					'callback' => array( $this, 'patch_settings' ),
					'args'     => array(
						'env'      => $env,
						'settings' => self::object_of( SettingsSchema::environment() ),
						'site'     => self::object_of( SettingsSchema::site() ),
					),
				),
			)
		);
	}

	/** @param array<string,array<string,mixed>> $properties */
	private static function object_of( array $properties ): array {
		foreach ( $properties as &$schema ) {
			$schema['type'] = array( $schema['type'], 'null' ); // null: back to the default
			if ( isset( $schema['enum'] ) ) {
				$schema['enum'][] = null;
			}
		}
		return array(
			'type'                 => 'object',
			'properties'           => $properties,
			'additionalProperties' => false,
		);
	}

	public function get_settings( WP_REST_Request $request ): array {
		return self::describe( self::env( $request ) );
	}

	/** @return array<string,mixed>|WP_Error */
	public function patch_settings( WP_REST_Request $request ) {
		$unknown = array_diff( array_keys( (array) $request->get_json_params() ), array( 'env', 'settings', 'site' ) );
		if ( $unknown ) {
			return self::error( 'workos_unknown_parameter', __( 'Unknown parameter; expected env, settings and site.', 'workos-companion' ), 400, array( 'params' => array_values( $unknown ) ) );
		}
		$env      = self::env( $request );
		$settings = (array) ( $request->get_param( 'settings' ) ?? array() );
		$site     = (array) ( $request->get_param( 'site' ) ?? array() );
		if ( ! $settings && ! $site ) {
			return self::error( 'workos_nothing_to_change', __( 'Send "settings" and/or "site" with at least one setting.', 'workos-companion' ), 400 );
		}
		$refused = self::refusal( $env, $settings, $site );
		if ( $refused ) {
			return $refused;
		}

		if ( $settings ) {
			$row = Config::row( $env );
			foreach ( $settings as $key => $value ) {
				if ( null === $value ) {
					unset( $row[ $key ] );
				} else {
					$row[ $key ] = is_string( $value ) ? trim( $value ) : $value;
				}
			}
			update_option( Config::option_name( $env ), $row );
		}
		foreach ( $site as $key => $value ) {
			$option = SettingsSchema::SITE_OPTIONS[ $key ];
			null === $value ? delete_option( $option ) : update_option( $option, is_string( $value ) ? untrailingslashit( trim( $value ) ) : $value );
		}
		Logger::log(
			'settings_updated',
			array(
				'user_id'  => get_current_user_id(),
				'metadata' => array(
					'environment' => $env,
					'settings'    => array_keys( $settings ),
					'site'        => array_keys( $site ),
				),
			)
		);
		return self::describe( $env );
	}

	/**
	 * The first reason to refuse the whole PATCH, or null.
	 *
	 * @param array<string,mixed> $settings
	 * @param array<string,mixed> $site
	 */
	private static function refusal( string $env, array $settings, array $site ): ?WP_Error {
		foreach ( array_keys( $settings ) as $key ) {
			$constant = Config::locking_constant( $key, $env );
			if ( null !== $constant ) {
				return self::locked( $key, $constant );
			}
		}
		foreach ( array_keys( $site ) as $key ) {
			if ( defined( SettingsSchema::SITE_CONSTANTS[ $key ] ) ) {
				return self::locked( $key, SettingsSchema::SITE_CONSTANTS[ $key ] );
			}
		}
		$reassign = (int) ( $settings['reassign_user'] ?? 0 );
		if ( $reassign > 0 && ! user_can( $reassign, 'edit_posts' ) ) {
			return self::error( 'workos_invalid_reassign_user', __( 'reassign_user must be a user of this site who can write posts (or 0).', 'workos-companion' ), 400, array( 'param' => 'settings[reassign_user]' ) );
		}
		$url = $site['api_base_url'] ?? null;
		if ( is_string( $url ) && ! self::acceptable_base_url( $url ) ) {
			return self::error( 'workos_invalid_api_base_url', __( 'The WorkOS API address must use https (plain http only on this machine: localhost, 127.0.0.1, ::1) and have no credentials, query or fragment.', 'workos-companion' ), 400, array( 'param' => 'site[api_base_url]' ) );
		}
		return null;
	}

	private static function locked( string $key, string $constant ): WP_Error {
		return self::error(
			'workos_setting_locked',
			/* translators: 1: setting name, 2: constant name */
			sprintf( __( '%1$s is set by the constant %2$s in wp-config.php; change it there.', 'workos-companion' ), $key, $constant ),
			409,
			array(
				'setting'  => $key,
				'constant' => $constant,
			)
		);
	}

	private static function acceptable_base_url( string $url ): bool {
		$parts = wp_parse_url( trim( $url ) );
		if ( ! is_array( $parts ) || empty( $parts['host'] ) || isset( $parts['user'] ) || isset( $parts['pass'] ) || isset( $parts['query'] ) || isset( $parts['fragment'] ) ) {
			return false;
		}
		$scheme = strtolower( $parts['scheme'] ?? '' );
		$host   = strtolower( trim( $parts['host'], '[]' ) );
		return 'https' === $scheme || ( 'http' === $scheme && in_array( $host, array( 'localhost', '127.0.0.1', '::1' ), true ) );
	}


	/** @return array<string,mixed> The answer of GET (and of a successful PATCH). */
	private static function describe( string $env ): array {
		$settings = array();
		foreach ( array_keys( SettingsSchema::environment() ) as $key ) {
			list( $value, $source ) = Config::resolve( $key, $env );
			$constant               = Config::locking_constant( $key, $env );
			$entry                  = array( 'source' => null !== $constant ? 'constant' : $source );
			if ( null !== $constant ) {
				$entry['constant'] = $constant;
				$value             = isset( Config::RUNTIME_CONSTANTS[ $key ] ) && Config::RUNTIME_CONSTANTS[ $key ] === $constant ? wp_validate_boolean( constant( $constant ) ) : $value;
			}
			if ( in_array( $key, Config::SECRETS, true ) ) {
				$entry += Config::describe_secret( (string) $value );
			} else {
				$entry['value'] = $value;
			}
			$entry['writable'] = null === $constant;
			$settings[ $key ]  = $entry;
		}
		list( $active, $active_source ) = Config::active_environment();
		list( $base, $base_source )     = Config::api_base_url();
		$tolerance                      = Signature::tolerance();
		$site                           = array(
			'active_environment' => array( 'value' => $active, 'source' => $active_source ),
			'api_base_url'       => array( 'value' => $base, 'source' => $base_source ),
			'webhook_tolerance'  => array( 'value' => $tolerance, 'source' => defined( 'WORKOS_WEBHOOK_TOLERANCE' ) ? 'constant' : ( is_numeric( get_option( 'workos_webhook_tolerance', '' ) ) ? 'database' : 'default' ) ),
		);
		foreach ( $site as $key => &$entry ) {
			$entry['writable'] = ! defined( SettingsSchema::SITE_CONSTANTS[ $key ] );
			if ( ! $entry['writable'] ) {
				$entry['constant'] = SettingsSchema::SITE_CONSTANTS[ $key ];
			}
		}
		return array(
			'environment' => $env,
			'active'      => $env === $active,
			'enabled'     => Config::is_enabled( $env ),
			'settings'    => $settings,
			'site'        => $site,
		);
	}
}
