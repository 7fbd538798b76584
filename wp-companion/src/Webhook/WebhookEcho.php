<?php
/**
 * The webhook echo: proof that an event signed by the console with the webhook secret it holds
 * reaches this site's receiver and verifies.
 *
 * 1. (optional) POST /admin/diagnostics/webhook-echo prepares an envelope of the reserved type
 *    `workos_console.echo` with a fresh event id and remembers it as pending, together with the
 *    hash of its exact body.
 * 2. The console signs that body (or an envelope of its own with this type) like WorkOS does and
 *    POSTs it to /wp-json/workos/v1/webhook.
 * 3. The receiver verifies it as any event. A verified echo is recorded here and answered
 *    200 {ok, outcome: "echo"}: no dedup row, no handler, no hook, nothing applied. A refused
 *    delivery of a prepared body (same bytes) is recorded with the refusal reason.
 * 4. GET /admin/diagnostics/webhook-echo/{event_id} reads the record.
 *
 * Why this cannot probe secrets: the echo path runs only after the signature verified, so only
 * someone holding the secret reaches it; the refusals recorded are those of bodies the admin
 * prepared (looked up by hash, the unverified body is never parsed), with the reason the 401
 * answer gives anyway; records are read by administrators only and hold no signature.
 *
 * Records are transients (TTL seconds), keyed by a hash of the event id.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Webhook;

use WorkOSCompanion\Plugin;
use WP_Error;

defined( 'ABSPATH' ) || exit;

final class WebhookEcho {
	public const EVENT_TYPE = 'workos_console.echo';
	public const TTL        = 900;

	public const PENDING  = 'pending';
	public const VERIFIED = 'verified';
	public const REFUSED  = 'refused';

	/** Refusals are looked up only for bodies of this size or less: prepared bodies are small. */
	private const MAX_PREPARED_BYTES = 4096;

	/**
	 * A new echo envelope, remembered as pending.
	 *
	 * @return array<string,mixed> event_id, event_type, body (the exact string to sign), webhook_url, expires_at.
	 */
	public static function prepare(): array {
		$id   = 'event_echo_' . strtoupper( bin2hex( random_bytes( 13 ) ) );
		$now  = time();
		$body = (string) wp_json_encode(
			array(
				'object'     => 'event',
				'id'         => $id,
				'event'      => self::EVENT_TYPE,
				'data'       => array(
					'object' => 'workos_console_echo',
					'id'     => $id,
				),
				'created_at' => gmdate( 'Y-m-d\TH:i:s.000\Z', $now ),
			)
		);
		self::store(
			$id,
			array(
				'status'    => self::PENDING,
				'issued_at' => $now,
			)
		);
		set_transient( self::body_key( $body ), $id, self::TTL );
		return array(
			'event_id'    => $id,
			'event_type'  => self::EVENT_TYPE,
			'body'        => $body,
			'webhook_url' => rest_url( Plugin::REST_NAMESPACE . '/webhook' ),
			'expires_at'  => gmdate( 'Y-m-d\TH:i:s\Z', $now + self::TTL ),
		);
	}

	/** @param array<string,mixed> $event A verified envelope. */
	public static function is_echo( array $event ): bool {
		return self::EVENT_TYPE === ( $event['event'] ?? null );
	}

	/**
	 * Records a verified echo (prepared or built by the console).
	 *
	 * @param array<string,mixed> $event
	 */
	public static function record_verified( array $event ): void {
		$id       = (string) $event['id'];
		$previous = self::read( $id );
		self::store(
			$id,
			array(
				'status'      => self::VERIFIED,
				'issued_at'   => $previous['issued_at'] ?? null,
				'received_at' => time(),
				'count'       => (int) ( $previous['count'] ?? 0 ) + 1,
			)
		);
	}

	/** Records the refusal of a delivery whose body is a prepared echo's, byte for byte. */
	public static function note_refusal( string $body, WP_Error $error ): void {
		if ( '' === $body || strlen( $body ) > self::MAX_PREPARED_BYTES ) {
			return;
		}
		$id = get_transient( self::body_key( $body ) );
		if ( ! is_string( $id ) || '' === $id ) {
			return;
		}
		$previous = self::read( $id );
		if ( self::VERIFIED === ( $previous['status'] ?? '' ) ) {
			return; // A later bad replay does not undo the proof.
		}
		$data = (array) $error->get_error_data();
		self::store(
			$id,
			array(
				'status'      => self::REFUSED,
				'issued_at'   => $previous['issued_at'] ?? null,
				'received_at' => time(),
				'code'        => $error->get_error_code(),
				'reason'      => (string) ( $data['reason'] ?? $error->get_error_code() ),
				'http_status' => (int) ( $data['status'] ?? 0 ),
			)
		);
	}

	/** @return array<string,mixed>|null What is known of an echo id; null when nothing. */
	public static function read( string $event_id ): ?array {
		$record = get_transient( self::key( $event_id ) );
		return is_array( $record ) ? $record : null;
	}

	/** @param array<string,mixed> $record */
	private static function store( string $event_id, array $record ): void {
		set_transient( self::key( $event_id ), $record, self::TTL );
	}

	private static function key( string $event_id ): string {
		return 'workos_echo_' . md5( $event_id );
	}

	private static function body_key( string $body ): string {
		return 'workos_echob_' . substr( hash( 'sha256', $body ), 0, 40 );
	}
}
