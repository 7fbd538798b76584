<?php
/**
 * GET/PUT /admin/redirects: the role-based login and logout redirects of an environment
 * (seed spec §3.10): `login` = {role | "__default__": {url, first_login_only}}, `logout` =
 * {role | "__default__": url}. PUT replaces both maps; every role must exist and every URL must
 * pass the same check the redirect itself does (a page of this site, or an allowed host),
 * otherwise 400 and nothing is written.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Admin;

use WorkOSCompanion\ActivityLog\Logger;
use WorkOSCompanion\Auth\LoginRedirects;
use WorkOSCompanion\Config\Config;
use WP_Error;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class RedirectsController extends AdminController {
	public const DEFAULT_KEY = '__default__';
	public const MAX_ENTRIES = 100;

	public function register_routes(): void {
		$env = self::env_arg();
		$url = array(
			'type'      => 'string',
			'minLength' => 1,
			'maxLength' => 2048,
		);
		$this->route(
			'redirects',
			array(
				array(
					'methods'  => WP_REST_Server::READABLE,
					'callback' => array( $this, 'get_redirects' ),
					'args'     => array( 'env' => $env ),
				),
				array(
					'methods'  => WP_REST_Server::EDITABLE,
					'callback' => array( $this, 'put_redirects' ),
					'args'     => array(
						'env'    => $env,
						'login'  => array(
							'required'             => true,
							'type'                 => 'object',
							'maxProperties'        => self::MAX_ENTRIES,
							'additionalProperties' => array(
								'type'                 => 'object',
								'properties'           => array(
									'url'              => $url + array( 'required' => true ),
									'first_login_only' => array( 'type' => 'boolean' ),
								),
								'additionalProperties' => false,
							),
						),
						'logout' => array(
							'required'             => true,
							'type'                 => 'object',
							'maxProperties'        => self::MAX_ENTRIES,
							'additionalProperties' => $url,
						),
					),
				),
			)
		);
	}

	public function get_redirects( WP_REST_Request $request ): array {
		return self::describe( self::env( $request ) );
	}

	/** @return array<string,mixed>|WP_Error */
	public function put_redirects( WP_REST_Request $request ) {
		$env    = self::env( $request );
		$login  = array();
		$logout = array();
		foreach ( (array) $request->get_param( 'login' ) as $role => $entry ) {
			$refused = self::check( (string) $role, (string) $entry['url'], 'login' );
			if ( $refused ) {
				return $refused;
			}
			$login[ (string) $role ] = array(
				'url'              => trim( (string) $entry['url'] ),
				'first_login_only' => ! empty( $entry['first_login_only'] ),
			);
		}
		foreach ( (array) $request->get_param( 'logout' ) as $role => $url ) {
			$refused = self::check( (string) $role, (string) $url, 'logout' );
			if ( $refused ) {
				return $refused;
			}
			$logout[ (string) $role ] = trim( (string) $url );
		}
		$row                         = Config::row( $env );
		$row['redirect_urls']        = $login;
		$row['logout_redirect_urls'] = $logout;
		update_option( Config::option_name( $env ), $row );
		Logger::log(
			'redirects_updated',
			array(
				'user_id'  => get_current_user_id(),
				'metadata' => array(
					'environment' => $env,
					'login'       => array_keys( $login ),
					'logout'      => array_keys( $logout ),
				),
			)
		);
		return self::describe( $env );
	}

	private static function check( string $role, string $url, string $map ): ?WP_Error {
		if ( self::DEFAULT_KEY !== $role && ! wp_roles()->is_role( $role ) ) {
			/* translators: %s: a role slug */
			return self::error( 'workos_unknown_wp_role', sprintf( __( '"%s" is not a WordPress role on this site (or __default__).', 'workos-companion' ), $role ), 400, array( 'map' => $map, 'role' => $role ) );
		}
		if ( '' === LoginRedirects::safe_target( trim( $url ) ) ) {
			return self::error( 'workos_unsafe_redirect', __( 'A redirect must be a page of this site (or of a host the site allows).', 'workos-companion' ), 400, array( 'map' => $map, 'role' => $role ) );
		}
		return null;
	}


	/** @return array<string,mixed> */
	private static function describe( string $env ): array {
		$login = array();
		foreach ( (array) ( Config::get( 'redirect_urls', $env ) ?? array() ) as $role => $entry ) {
			$login[ (string) $role ] = LoginRedirects::normalise_entry( $entry );
		}
		$logout = array();
		foreach ( (array) ( Config::get( 'logout_redirect_urls', $env ) ?? array() ) as $role => $url ) {
			if ( is_string( $url ) ) {
				$logout[ (string) $role ] = $url;
			}
		}
		return array(
			'environment' => $env,
			'login'       => (object) $login,
			'logout'      => (object) $logout,
		);
	}
}
