<?php
/**
 * What every controller of the management API shares: routes registered under
 * /workos/v1/admin/ with the permission check and argument schema, answers marked no-store, and
 * errors in WordPress's shape with our stable codes (listed in docs/companion-api.md).
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Admin;

use WorkOSCompanion\Config\Config;
use WorkOSCompanion\Plugin;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;

defined( 'ABSPATH' ) || exit;

abstract class AdminController {
	abstract public function register_routes(): void;

	/**
	 * Registers /admin/{path}. Each endpoint needs methods, callback and args; the permission check
	 * defaults to manage_options on this site, and every answer (errors included) is no-store.
	 *
	 * @param array<int,array<string,mixed>> $endpoints
	 */
	protected function route( string $path, array $endpoints ): void {
		foreach ( $endpoints as &$endpoint ) {
			$endpoint['permission_callback'] = $endpoint['permission_callback'] ?? array( Permissions::class, 'manage_options' );
			$callback                        = $endpoint['callback'];
			$endpoint['callback']            = static function ( WP_REST_Request $request ) use ( $callback ) {
				$result = $callback( $request );
				return NoStore::apply( is_wp_error( $result ) ? rest_convert_error_to_response( $result ) : rest_ensure_response( $result ) );
			};
		}
		register_rest_route( Plugin::REST_NAMESPACE, '/admin/' . ltrim( $path, '/' ), $endpoints );
	}

	/** An error answer: WordPress's shape {code, message, data: {status, …}}. */
	protected static function error( string $code, string $message, int $status, array $data = array() ): WP_Error {
		return new WP_Error( $code, $message, array_merge( array( 'status' => $status ), $data ) );
	}

	/** @return array<string,mixed> The schema of the `env` argument: an environment, default the active one. */
	protected static function env_arg(): array {
		return array(
			'type'        => 'string',
			'enum'        => Config::ENVIRONMENTS,
			'description' => __( 'The environment; the active one when omitted.', 'workos-companion' ),
		);
	}

	/** The environment a request names (`env`), else the active one. */
	protected static function env( WP_REST_Request $request ): string {
		$env = $request->get_param( 'env' );
		return is_string( $env ) && in_array( $env, Config::ENVIRONMENTS, true ) ? $env : Config::active();
	}

	/** @param mixed $data */
	protected static function ok( $data, int $status = 200 ): WP_REST_Response {
		return new WP_REST_Response( $data, $status );
	}
}
