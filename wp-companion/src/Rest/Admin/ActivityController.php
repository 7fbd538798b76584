<?php
/**
 * GET /admin/activity — the activity log in id order for the console's offline cache, gzip when
 * the client accepts it; POST /admin/activity/clear — deletes rows after a two-step confirmation.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Admin;

use WorkOSCompanion\ActivityLog\ActivityFeed;
use WorkOSCompanion\ActivityLog\ActivityPurge;
use WorkOSCompanion\ActivityLog\Logger;
use WorkOSCompanion\Plugin;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class ActivityController extends AdminController {
	public const CLEAR_ACTION = 'activity_clear';

	/** The largest id a client may send (bigint unsigned does not fit PHP's int). */
	private const MAX_ID = PHP_INT_MAX;

	public function register_routes(): void {
		$this->route(
			'activity',
			array(
				array(
					'methods'  => WP_REST_Server::READABLE,
					'callback' => array( $this, 'feed' ),
					'args'     => array(
						'after_id'   => array(
							'type'    => 'integer',
							'minimum' => 0,
							'maximum' => self::MAX_ID,
							'default' => 0,
						),
						'limit'      => array(
							'type'    => 'integer',
							'minimum' => 1,
							'maximum' => ActivityFeed::MAX_LIMIT,
							'default' => ActivityFeed::DEFAULT_LIMIT,
						),
						'event_type' => array(
							'description' => 'Only event types starting with this prefix.',
							'type'        => 'string',
							'minLength'   => 1,
							'maxLength'   => 50,
							'pattern'     => '^[a-z0-9_.\-]+$',
						),
					),
				),
			)
		);
		$this->route(
			'activity/clear',
			array(
				array(
					'methods'  => WP_REST_Server::CREATABLE,
					'callback' => array( $this, 'clear' ),
					'args'     => array(
						'confirm'   => array(
							'type'    => 'string',
							'pattern' => ConfirmationToken::PATTERN,
						),
						'before_id' => array(
							'type'    => 'integer',
							'minimum' => 1,
							'maximum' => self::MAX_ID,
						),
					),
				),
			)
		);
		GzipAnswer::add_route( '/' . Plugin::REST_NAMESPACE . '/admin/activity' );
	}

	/** @return \WP_REST_Response|\WP_Error */
	public function feed( WP_REST_Request $request ) {
		$unknown = UnknownParameters::check( $request );
		if ( $unknown ) {
			return $unknown;
		}
		$page = ActivityFeed::page( (int) $request['after_id'], (int) $request['limit'], (string) $request['event_type'] );
		if ( null === $page ) {
			return self::error( 'workos_database_error', __( 'The activity log could not be read.', 'workos-companion' ), 500 );
		}
		$response = self::ok( $page );
		$response->header( 'Vary', 'Accept-Encoding' );
		return $response;
	}

	/** @return \WP_REST_Response|\WP_Error */
	public function clear( WP_REST_Request $request ) {
		$unknown = UnknownParameters::check( $request );
		if ( $unknown ) {
			return $unknown;
		}
		$user      = get_current_user_id();
		$before_id = (int) $request['before_id'];
		$scope     = array( 'before_id' => $before_id );
		$token     = (string) $request['confirm'];

		if ( '' === $token ) {
			return self::error(
				'workos_confirmation_required',
				__( 'Clearing the activity log cannot be undone. Send the call again with this confirmation token within five minutes.', 'workos-companion' ),
				428,
				array(
					'confirm_token' => ConfirmationToken::issue( self::CLEAR_ACTION, $user, $scope ),
					'expires_in'    => ConfirmationToken::TTL,
					'rows'          => ActivityPurge::count( $before_id ),
					'before_id'     => $before_id > 0 ? $before_id : null,
				)
			);
		}
		if ( ! ConfirmationToken::redeem( self::CLEAR_ACTION, $user, $token, $scope ) ) {
			return self::error(
				'workos_confirmation_invalid',
				__( 'The confirmation token is unknown, expired, already used, or was issued for another before_id. Nothing was deleted; ask for a new token.', 'workos-companion' ),
				409
			);
		}
		$deleted = ActivityPurge::delete( $before_id );
		if ( null === $deleted ) {
			return self::error( 'workos_database_error', __( 'The activity log could not be cleared.', 'workos-companion' ), 500 );
		}
		$logged = Logger::log(
			'activity_cleared',
			array(
				'user_id'  => $user,
				'metadata' => array(
					'deleted'   => $deleted,
					'before_id' => $before_id > 0 ? $before_id : null,
				),
			)
		);
		return self::ok(
			array(
				'deleted'     => $deleted,
				'before_id'   => $before_id > 0 ? $before_id : null,
				'activity_id' => $logged > 0 ? $logged : null,
			)
		);
	}
}
