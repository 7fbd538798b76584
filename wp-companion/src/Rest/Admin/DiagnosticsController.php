<?php
/**
 * GET /admin/diagnostics — server-side health checks (Diagnostics\Diagnostics);
 * POST /admin/diagnostics/webhook-echo — prepares a webhook echo for the console to sign and send;
 * GET /admin/diagnostics/webhook-echo/{event_id} — whether that echo arrived and verified.
 * Also registers the public loopback route the authorization_header check calls.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Admin;

use WorkOSCompanion\Config\Config;
use WorkOSCompanion\Diagnostics\AuthorizationProbe;
use WorkOSCompanion\Diagnostics\CheckResult;
use WorkOSCompanion\Diagnostics\Diagnostics;
use WorkOSCompanion\Webhook\WebhookEcho;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class DiagnosticsController extends AdminController {
	public const EVENT_ID_PATTERN = '[A-Za-z0-9_\-]{1,191}';

	public function register_routes(): void {
		$this->route(
			'diagnostics',
			array(
				array(
					'methods'  => WP_REST_Server::READABLE,
					'callback' => array( $this, 'run' ),
					'args'     => array(
						'only' => array(
							'description' => 'Check ids to run (all when absent): an array or a comma-separated list.',
							'type'        => 'array',
							'items'       => array(
								'type' => 'string',
								'enum' => array_keys( Diagnostics::CHECKS ),
							),
							'minItems'    => 1,
							'maxItems'    => count( Diagnostics::CHECKS ),
							'uniqueItems' => true,
						),
					),
				),
			)
		);
		$this->route(
			'diagnostics/webhook-echo',
			array(
				array(
					'methods'  => WP_REST_Server::CREATABLE,
					'callback' => array( $this, 'prepare_echo' ),
					'args'     => array(),
				),
			)
		);
		$this->route(
			'diagnostics/webhook-echo/(?P<event_id>' . self::EVENT_ID_PATTERN . ')',
			array(
				array(
					'methods'  => WP_REST_Server::READABLE,
					'callback' => array( $this, 'echo_status' ),
					'args'     => array(
						'event_id' => array(
							'type'    => 'string',
							'pattern' => '^' . self::EVENT_ID_PATTERN . '$',
						),
					),
				),
			)
		);
		AuthorizationProbe::register_route();
	}

	/** @return \WP_REST_Response|\WP_Error */
	public function run( WP_REST_Request $request ) {
		$unknown = UnknownParameters::check( $request );
		if ( $unknown ) {
			return $unknown;
		}
		$start   = microtime( true );
		$results = Diagnostics::run( array_map( 'strval', (array) $request['only'] ) );
		$counts  = array(
			CheckResult::PASS => 0,
			CheckResult::WARN => 0,
			CheckResult::FAIL => 0,
		);
		foreach ( $results as $result ) {
			++$counts[ $result->status ];
		}
		return self::ok(
			array(
				'status'      => Diagnostics::overall( $results ),
				'counts'      => $counts,
				'environment' => Config::active(),
				'ran_at'      => gmdate( 'Y-m-d\TH:i:s\Z' ),
				'duration_ms' => (int) round( ( microtime( true ) - $start ) * 1000 ),
				'checks'      => array_map(
					static function ( CheckResult $result ): array {
						return $result->to_array();
					},
					$results
				),
			)
		);
	}

	/** @return \WP_REST_Response|\WP_Error */
	public function prepare_echo( WP_REST_Request $request ) {
		$unknown = UnknownParameters::check( $request );
		if ( $unknown ) {
			return $unknown;
		}
		$echo = WebhookEcho::prepare();
		return self::ok(
			array_merge(
				$echo,
				array(
					'signature_header' => 'WorkOS-Signature',
					'signature_format' => 't=<unix ms>, v1=<hex HMAC-SHA256 of "<t>.<body>" with the webhook secret>',
					'secret_set'       => '' !== (string) Config::get( 'webhook_secret' ),
				)
			),
			201
		);
	}

	/** @return \WP_REST_Response|\WP_Error */
	public function echo_status( WP_REST_Request $request ) {
		$unknown = UnknownParameters::check( $request );
		if ( $unknown ) {
			return $unknown;
		}
		$id     = (string) $request['event_id'];
		$record = WebhookEcho::read( $id );
		if ( null === $record ) {
			return self::error( 'workos_echo_not_found', __( 'No webhook echo with this event id was prepared or received in the last 15 minutes.', 'workos-companion' ), 404, array( 'event_id' => $id ) );
		}
		$iso    = static function ( $time ): ?string {
			return is_int( $time ) ? gmdate( 'Y-m-d\TH:i:s\Z', $time ) : null;
		};
		$answer = array(
			'event_id'    => $id,
			'status'      => (string) $record['status'],
			'arrived'     => WebhookEcho::PENDING !== $record['status'],
			'verified'    => WebhookEcho::VERIFIED === $record['status'],
			'issued_at'   => $iso( $record['issued_at'] ?? null ),
			'received_at' => $iso( $record['received_at'] ?? null ),
		);
		if ( WebhookEcho::VERIFIED === $record['status'] ) {
			$answer['deliveries'] = (int) ( $record['count'] ?? 1 );
		}
		if ( WebhookEcho::REFUSED === $record['status'] ) {
			$answer['refusal'] = array(
				'code'        => (string) ( $record['code'] ?? '' ),
				'reason'      => (string) ( $record['reason'] ?? '' ),
				'http_status' => (int) ( $record['http_status'] ?? 0 ),
			);
		}
		return self::ok( $answer );
	}
}
