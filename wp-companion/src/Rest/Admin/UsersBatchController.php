<?php
/**
 * POST /admin/users/batch {operations: [...], dry_run}: up to 500 create, link, unlink, update,
 * deactivate and reactivate operations in one call and one transaction (Users\Batch\BatchRunner).
 *
 * A malformed batch is refused whole with 400 before anything is read or written: the schema
 * below (WordPress answers rest_invalid_param), then what it cannot say: a parameter other than
 * operations and dry_run (workos_unknown_parameter), a field the operation does not take
 * (workos_invalid_batch). Everything else is decided per operation.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Admin;

use WorkOSCompanion\Users\Batch\BatchRunner;
use WorkOSCompanion\Users\Batch\Operations;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class UsersBatchController extends AdminController {
	public function register_routes(): void {
		$this->route(
			'users/batch',
			array(
				array(
					'methods'  => WP_REST_Server::CREATABLE,
					'callback' => array( $this, 'run' ),
					'args'     => array(
						'operations' => array(
							'type'     => 'array',
							'required' => true,
							'minItems' => 1,
							'maxItems' => Operations::MAX,
							'items'    => Operations::item_schema(),
						),
						'dry_run'    => array(
							'type'    => 'boolean',
							'default' => false,
						),
					),
				),
			)
		);
	}

	/** @return WP_REST_Response|WP_Error */
	public function run( WP_REST_Request $request ) {
		$unknown = UnknownParameters::check( $request );
		if ( $unknown ) {
			return $unknown;
		}
		$operations = array_values( (array) $request['operations'] );
		foreach ( $operations as $index => $operation ) {
			foreach ( Operations::foreign_fields( (array) $operation ) as $field ) {
				/* translators: 1: a field, 2: an operation */
				return self::invalid( 'operations[' . $index . '].' . $field, sprintf( __( '%1$s is not a field of the %2$s operation.', 'workos-companion' ), $field, $operation['op'] ) );
			}
		}
		$answer = BatchRunner::run( $operations, (bool) $request['dry_run'] );
		return is_wp_error( $answer ) ? $answer : self::ok( $answer );
	}

	private static function invalid( string $param, string $message ): WP_Error {
		return self::error(
			'workos_invalid_batch',
			/* translators: 1: a parameter, 2: what is wrong with it */
			sprintf( __( 'Invalid batch: %1$s: %2$s', 'workos-companion' ), $param, $message ),
			400,
			array( 'param' => $param )
		);
	}
}
