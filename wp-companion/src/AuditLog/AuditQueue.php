<?php
/**
 * The outbox of audit events: written during the user's request (one INSERT, no HTTP), delivered
 * later by WP-Cron (or by process() directly).
 *
 * Storage: one non-autoloaded option per queued event, named workos_audit_q_{key}, holding JSON
 * {key, organization_id, event, environment, attempts, next_attempt_at, created_at, status,
 * last_error}. One row per event keeps concurrent requests from overwriting each other's events
 * and needs no schema change. The key is also the Idempotency-Key, so a send that WorkOS
 * recorded but whose answer was lost is recorded once however often it is retried.
 *
 * Retries: transport errors, 401/403/408/409/429 and 5xx are retried with exponential backoff
 * (60 s doubling, capped at 6 h, Retry-After honoured) up to MAX_ATTEMPTS; other answers (400,
 * 404, 422: the event itself is wrong) give up at once. A given-up event stays 30 days with
 * status "failed" and fires workos_audit_event_failed.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\AuditLog;

use WorkOSCompanion\Config\Config;
use WorkOSCompanion\WorkOS\Client;
use WorkOSCompanion\Queue\OptionQueue;
use WP_Error;

defined( 'ABSPATH' ) || exit;

final class AuditQueue {
	use OptionQueue;

	public const LOCK_PREFIX   = 'workos_audit_queue_';
	public const OPTION_PREFIX = 'workos_audit_q_';
	public const CRON_HOOK     = 'workos_audit_process';
	public const MAX_ATTEMPTS  = 10;
	public const BASE_DELAY    = 60;
	public const MAX_DELAY     = 21600;
	public const KEEP_FAILED   = 30 * DAY_IN_SECONDS;
	public const BATCH         = 20;

	/**
	 * Queues one event and makes sure a cron run is scheduled. No HTTP happens here.
	 *
	 * @param array<string,mixed> $event Built by AuditEvent::build().
	 * @return string The event's key (its Idempotency-Key), or '' when it could not be stored.
	 */
	public static function push( string $organization_id, array $event, ?string $env = null ): string {
		global $wpdb;
		$key  = 'wp-' . wp_generate_uuid4();
		$now  = time();
		$item = array(
			'key'             => $key,
			'organization_id' => $organization_id,
			'event'           => $event,
			'environment'     => $env ?? Config::active(),
			'attempts'        => 0,
			'next_attempt_at' => $now,
			'created_at'      => $now,
			'status'          => 'pending',
			'last_error'      => '',
		);
		$ok = $wpdb->insert(
			$wpdb->options,
			array(
				'option_name'  => self::OPTION_PREFIX . $key,
				'option_value' => wp_json_encode( $item ),
				'autoload'     => 'no',
			),
			array( '%s', '%s', '%s' )
		);
		if ( ! $ok ) {
			return '';
		}
		self::schedule( $now );
		return $key;
	}

	/** @return array<string,mixed>|null */
	public static function get( string $key ): ?array {
		foreach ( self::all() as $item ) {
			if ( $item['key'] === $key ) {
				return $item;
			}
		}
		return null;
	}

	/** @param array<string,mixed> $item */
	private static function is_item( array $item ): bool {
		return isset( $item['event'] ) && is_array( $item['event'] );
	}

	/**
	 * @param array<string,mixed> $item
	 * @return mixed|WP_Error
	 */
	private static function deliver( array $item, ?string $env ) {
		return Config::is_enabled( $env )
			? Client::for_environment( $env )->create_audit_event( (string) $item['organization_id'], $item['event'], (string) $item['key'] )
			: new WP_Error( 'workos_not_configured', __( 'WorkOS is not configured for this environment.', 'workos-companion' ), array( 'status' => 0 ) );
	}

	/** @param array<string,mixed> $item */
	private static function given_up( array $item, WP_Error $result ): void {
		if ( ( defined( 'WORKOS_DEBUG' ) && WORKOS_DEBUG ) || ( defined( 'WP_DEBUG' ) && WP_DEBUG ) ) {
			error_log( sprintf( '[WorkOS][ERROR] audit event %s (%s) given up after %d attempts: %s', $item['key'], $item['event']['action'] ?? '', $item['attempts'], $item['last_error'] ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the reference's debug log.
		}
		/**
		 * An audit event will not be sent: WorkOS refused it, or every retry failed.
		 *
		 * @param array<string,mixed> $item  The queued event, status "failed", with attempts and last_error.
		 * @param WP_Error            $error The last error.
		 */
		do_action( 'workos_audit_event_failed', $item, $result );
	}

	private static function retryable( int $status ): bool {
		return 0 === $status || in_array( $status, array( 401, 403, 408, 409, 425, 429 ), true ) || $status >= 500;
	}
}
