<?php
/**
 * POST /wp-json/workos/v1/webhook — WorkOS's signed event deliveries (seed spec §4 with our
 * decisions; workos-api.md §10).
 *
 * Order of checks (each rejection answers a WP error body {code, message, data:{status, reason?}}
 * and writes a `webhook_rejected` activity row):
 *   1. no webhook secret for the active environment → 403 workos_webhook_not_configured
 *   2. body over 1 MiB (filter `workos_webhook_max_body_bytes`) → 413 workos_webhook_too_large,
 *      before anything parses it
 *   3. WorkOS-Signature missing/empty → 401 workos_missing_signature; garbled, wrong secret,
 *      timestamp in seconds, older or newer than the tolerance → 401 workos_invalid_signature
 *      with data.reason malformed_header | signature_mismatch | timestamp_in_seconds |
 *      timestamp_too_old | timestamp_in_future
 *   4. body not a JSON object → 400 workos_webhook_invalid_json
 *   5. no string `id`, `event` or object `data` → 400 workos_invalid_event_payload
 * Then: event id already processed → 200 {ok, outcome:"duplicate"}, nothing changes; otherwise
 * dispatched (Dispatcher) and answered 200 {ok, outcome} — except a transient failure, answered
 * 503 workos_webhook_retry with the claim released so WorkOS's retry is processed.
 * The reserved type `workos_console.echo` (WebhookEcho) is the console's delivery test: once
 * verified it is only recorded and answered 200 {ok, outcome:"echo"} — no claim, no handler, no hook.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Webhook;

use WorkOSCompanion\ActivityLog\Logger;
use WorkOSCompanion\Config\Config;
use WorkOSCompanion\Plugin;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;

defined( 'ABSPATH' ) || exit;

final class Receiver {
	public const ROUTE          = '/webhook';
	public const MAX_BODY_BYTES = 1048576;

	public function register(): void {
		add_action( 'rest_api_init', array( $this, 'register_route' ) );
		add_filter( 'rest_pre_dispatch', array( $this, 'before_parsing' ), 10, 3 );
		add_filter( 'rest_request_before_callbacks', array( $this, 'keep_json_errors_ours' ), 10, 3 );
	}

	private static function is_ours( WP_REST_Request $request ): bool {
		return 'POST' === $request->get_method() && '/' . Plugin::REST_NAMESPACE . self::ROUTE === untrailingslashit( $request->get_route() );
	}

	/**
	 * Runs before WordPress matches the route and decodes the JSON body: an unconfigured site or
	 * an oversized body is refused without parsing anything.
	 *
	 * @param mixed           $result  Null, or an earlier filter's response.
	 * @param mixed           $server  The REST server.
	 * @param WP_REST_Request $request The request.
	 * @return mixed
	 */
	public function before_parsing( $result, $server, $request ) {
		if ( null !== $result || ! $request instanceof WP_REST_Request || ! self::is_ours( $request ) ) {
			return $result;
		}
		$error = self::precheck( $request );
		if ( is_wp_error( $error ) ) {
			self::log_rejection( $error, $request );
			return $error;
		}
		return $result;
	}

	/**
	 * WordPress refuses an unparsable JSON body with its own rest_invalid_json before any callback;
	 * on this route receive() answers it (after the signature check), with our error code.
	 *
	 * @param mixed           $response Null or an error so far.
	 * @param array           $handler  The matched handler.
	 * @param WP_REST_Request $request  The request.
	 * @return mixed
	 */
	public function keep_json_errors_ours( $response, $handler, $request ) {
		if ( is_wp_error( $response ) && 'rest_invalid_json' === $response->get_error_code() && $request instanceof WP_REST_Request && self::is_ours( $request ) ) {
			return null;
		}
		return $response;
	}

	public function register_route(): void {
		register_rest_route(
			Plugin::REST_NAMESPACE,
			self::ROUTE,
			array(
				'methods'             => 'POST',
				'callback'            => array( $this, 'receive' ),
				// Public on purpose: WorkOS has no WordPress account. Every request is authenticated
				// by its HMAC signature in receive(), over the raw body, before anything is applied.
				'permission_callback' => '__return_true',
			)
		);
	}

	/** @return WP_REST_Response|WP_Error */
	public function receive( WP_REST_Request $request ) {
		$verified = self::verify( $request );
		if ( is_wp_error( $verified ) ) {
			self::log_rejection( $verified, $request );
			return $verified;
		}
		return self::process( $verified );
	}

	/**
	 * Every check before an event is trusted.
	 *
	 * @return array<string,mixed>|WP_Error The event envelope.
	 */
	public static function verify( WP_REST_Request $request ) {
		$error = self::precheck( $request );
		if ( is_wp_error( $error ) ) {
			return $error;
		}
		$secret = (string) Config::get( 'webhook_secret' );
		$body   = (string) $request->get_body();
		$signed = Signature::verify( (string) $request->get_header( 'workos_signature' ), $body, $secret, (int) floor( microtime( true ) * 1000 ) );
		if ( is_wp_error( $signed ) ) {
			return $signed;
		}
		$event = json_decode( $body, true );
		if ( ! is_array( $event ) || ( $event && array_keys( $event ) === range( 0, count( $event ) - 1 ) ) ) {
			return new WP_Error( 'workos_webhook_invalid_json', __( 'The webhook body is not a JSON object.', 'workos-companion' ), array( 'status' => 400 ) );
		}
		$missing = array();
		foreach ( array( 'id', 'event' ) as $key ) {
			if ( ! is_string( $event[ $key ] ?? null ) || '' === trim( $event[ $key ] ) ) {
				$missing[] = $key;
			}
		}
		if ( ! is_array( $event['data'] ?? null ) ) {
			$missing[] = 'data';
		}
		if ( $missing || strlen( $event['id'] ) > 191 ) {
			return new WP_Error(
				'workos_invalid_event_payload',
				/* translators: %s: comma-separated field names. */
				sprintf( __( 'Invalid event payload: missing or invalid %s.', 'workos-companion' ), implode( ', ', $missing ? $missing : array( 'id' ) ) ),
				array(
					'status' => 400,
					'fields' => $missing ? $missing : array( 'id' ),
				)
			);
		}
		return $event;
	}

	/**
	 * The checks that need no parsing: a secret is configured, the body is not too large.
	 *
	 * @return true|WP_Error
	 */
	private static function precheck( WP_REST_Request $request ) {
		if ( '' === (string) Config::get( 'webhook_secret' ) ) {
			return new WP_Error( 'workos_webhook_not_configured', __( 'No webhook secret is configured for the active WorkOS environment.', 'workos-companion' ), array( 'status' => 403 ) );
		}
		/**
		 * Filters the largest webhook body accepted, in bytes.
		 *
		 * @param int $bytes Default 1 MiB.
		 */
		$max = (int) apply_filters( 'workos_webhook_max_body_bytes', self::MAX_BODY_BYTES );
		if ( strlen( (string) $request->get_body() ) > $max ) {
			return new WP_Error( 'workos_webhook_too_large', __( 'The webhook body is larger than this site accepts.', 'workos-companion' ), array( 'status' => 413 ) );
		}
		return true;
	}

	/**
	 * Dedup, dispatch, record, answer.
	 *
	 * @param array<string,mixed> $event A verified envelope.
	 * @return WP_REST_Response|WP_Error
	 */
	public static function process( array $event ) {
		$id        = (string) $event['id'];
		$type      = (string) $event['event'];
		$object_id = is_string( $event['data']['id'] ?? null ) ? $event['data']['id'] : '';

		if ( WebhookEcho::is_echo( $event ) ) {
			WebhookEcho::record_verified( $event );
			self::log( 'webhook_echo', $event, 'echo', 'verified', array(), 0 );
			return self::ok( 'echo' );
		}

		$claim = EventStore::claim( $id, $type, $object_id );
		if ( EventStore::ERROR === $claim ) {
			return self::retry( $event, 'database_unavailable' );
		}
		if ( EventStore::DUPLICATE === $claim ) {
			self::log( 'webhook_duplicate', $event, 'duplicate', 'already_received', array( 'object' => $object_id ), 0 );
			return self::ok( 'duplicate' );
		}

		$result = Dispatcher::dispatch( $event );
		if ( null === $result ) {
			EventStore::finish( $id, 'unknown', 'no_handler' );
			self::log( 'webhook_unknown', $event, 'unknown', 'no_handler', array( 'object' => $object_id ), 0 );
			return self::ok( 'unknown' );
		}
		if ( $result->transient ) {
			EventStore::release( $id );
			return self::retry( $event, $result->reason );
		}
		EventStore::finish( $id, $result->outcome, $result->reason );
		$ids = $result->object_ids ? $result->object_ids : array( 'object' => $object_id );
		self::log( 'webhook_' . $result->outcome, $event, $result->outcome, $result->reason, $ids, $result->wp_user_id );
		return self::ok( $result->outcome );
	}

	private static function ok( string $outcome ): WP_REST_Response {
		return new WP_REST_Response(
			array(
				'ok'      => true,
				'outcome' => $outcome,
			),
			200
		);
	}

	/** @param array<string,mixed> $event */
	private static function retry( array $event, string $reason ): WP_Error {
		self::log( 'webhook_retry', $event, 'retry', $reason, array(), 0 );
		return new WP_Error( 'workos_webhook_retry', __( 'The event could not be applied right now; deliver it again later.', 'workos-companion' ), array( 'status' => 503 ) );
	}

	private static function log_rejection( WP_Error $error, WP_REST_Request $request ): void {
		WebhookEcho::note_refusal( (string) $request->get_body(), $error );
		$data = (array) $error->get_error_data();
		Logger::log(
			'webhook_rejected',
			array(
				'user_id'  => 0,
				'metadata' => array(
					'code'   => $error->get_error_code(),
					'status' => (int) ( $data['status'] ?? 0 ),
					'reason' => (string) ( $data['reason'] ?? $error->get_error_code() ),
				),
			)
		);
	}

	/**
	 * @param array<string,mixed>  $event      The envelope.
	 * @param array<string,string> $object_ids WorkOS ids concerned.
	 */
	private static function log( string $type, array $event, string $outcome, string $reason, array $object_ids, int $wp_user_id ): void {
		Logger::log(
			$type,
			array(
				'user_id'  => $wp_user_id,
				'metadata' => array(
					'event'      => (string) $event['event'],
					'event_id'   => (string) $event['id'],
					'object_ids' => array_filter( $object_ids ),
					'outcome'    => $outcome,
					'reason'     => $reason,
				),
			)
		);
	}
}
