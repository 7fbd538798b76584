<?php
/**
 * GET /admin/users (filters, cursor paging by user id), GET /admin/users/{id} and
 * GET /admin/users/lookup?email= | ?workos_user_id=: WordPress users with their WorkOS metadata,
 * two queries per answer whatever the page size (Users\UserRecords). Unknown parameters are
 * refused (workos_unknown_parameter), as on every management route.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Admin;

use WorkOSCompanion\Users\Batch\Operations;
use WorkOSCompanion\Users\UserRecords;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class UsersController extends AdminController {
	public function register_routes(): void {
		$this->route(
			'users',
			array(
				array(
					'methods'  => WP_REST_Server::READABLE,
					'callback' => array( $this, 'list_users' ),
					'args'     => array(
						'linked' => array(
							'description' => 'true: only users linked to WorkOS (_workos_user_id); false: only the others.',
							'type'        => 'boolean',
						),
						'role'   => array(
							'description' => 'Only users with this WordPress role.',
							'type'        => 'string',
							'enum'        => array_keys( wp_roles()->roles ),
						),
						'search' => array(
							'description' => 'Part of the login, e-mail address or display name.',
							'type'        => 'string',
							'maxLength'   => 200,
						),
						'after'  => array(
							'description' => 'The last user id of the previous page (next_after).',
							'type'        => 'integer',
							'minimum'     => 0,
							'default'     => 0,
						),
						'limit'  => array(
							'type'    => 'integer',
							'minimum' => 1,
							'maximum' => UserRecords::MAX_LIMIT,
							'default' => UserRecords::DEFAULT_LIMIT,
						),
					),
				),
			)
		);
		$this->route(
			'users/(?P<id>\d+)',
			array(
				array(
					'methods'  => WP_REST_Server::READABLE,
					'callback' => array( $this, 'get_user' ),
					'args'     => array(
						'id' => array(
							'type'    => 'integer',
							'minimum' => 1,
						),
					),
				),
			)
		);
		$this->route(
			'users/lookup',
			array(
				array(
					'methods'  => WP_REST_Server::READABLE,
					'callback' => array( $this, 'lookup' ),
					'args'     => array(
						'email'          => array(
							'type'      => 'string',
							'minLength' => 1,
							'maxLength' => 100,
						),
						'workos_user_id' => array(
							'type'      => 'string',
							'minLength' => 1,
							'maxLength' => 128,
							'pattern'   => Operations::ID_PATTERN,
						),
					),
				),
			)
		);
	}

	/** @return WP_REST_Response|WP_Error */
	public function list_users( WP_REST_Request $request ) {
		$unknown = UnknownParameters::check( $request );
		if ( $unknown ) {
			return $unknown;
		}
		$page = UserRecords::page(
			array(
				'linked' => $request->has_param( 'linked' ) ? (bool) $request['linked'] : null,
				'role'   => (string) $request['role'],
				'search' => (string) $request['search'],
				'after'  => (int) $request['after'],
				'limit'  => (int) $request['limit'],
			)
		);
		return self::ok( $page );
	}

	/** @return WP_REST_Response|WP_Error */
	public function get_user( WP_REST_Request $request ) {
		$unknown = UnknownParameters::check( $request );
		if ( $unknown ) {
			return $unknown;
		}
		return self::found( UserRecords::one( (int) $request['id'] ) );
	}

	/** @return WP_REST_Response|WP_Error */
	public function lookup( WP_REST_Request $request ) {
		$unknown = UnknownParameters::check( $request );
		if ( $unknown ) {
			return $unknown;
		}
		$by_email  = $request->has_param( 'email' );
		$by_workos = $request->has_param( 'workos_user_id' );
		if ( $by_email === $by_workos ) {
			return self::error( 'workos_invalid_lookup', __( 'Look a user up by exactly one of email and workos_user_id.', 'workos-companion' ), 400 );
		}
		$id = $by_email ? UserRecords::id_by_email( trim( (string) $request['email'] ) ) : UserRecords::id_by_workos_id( (string) $request['workos_user_id'] );
		return self::found( $id > 0 ? UserRecords::one( $id ) : null );
	}

	/**
	 * @param array<string,mixed>|null $user
	 * @return WP_REST_Response|WP_Error
	 */
	private static function found( ?array $user ) {
		if ( null === $user ) {
			return self::error( 'workos_user_not_found', __( 'No such user on this site.', 'workos-companion' ), 404 );
		}
		return self::ok( $user );
	}
}
