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
use WP_Error;

defined( 'ABSPATH' ) || exit;

final class AuditQueue {
	public const OPTION_PREFIX = 'workos_audit_q_';
	public const CRON_HOOK     = 'workos_audit_process';
	public const MAX_ATTEMPTS  = 10;
	public const BASE_DELAY    = 60;
	public const MAX_DELAY     = 21600;
	public const KEEP_FAILED   = 30 * DAY_IN_SECONDS;
	public const BATCH         = 20;

	/** How many queued events process() looks at in one run (due ones are sent, $max at most). */
	private const SCAN_LIMIT = 500;

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

	/**
	 * Every queued event, oldest first.
	 *
	 * @return array<int,array<string,mixed>>
	 */
	public static function all( int $limit = self::SCAN_LIMIT ): array {
		global $wpdb;
		$rows  = $wpdb->get_col(
			$wpdb->prepare(
				"SELECT option_value FROM {$wpdb->options} WHERE option_name LIKE %s ORDER BY option_id ASC LIMIT %d",
				$wpdb->esc_like( self::OPTION_PREFIX ) . '%',
				$limit
			)
		);
		$items = array();
		foreach ( $rows as $json ) {
			$item = json_decode( (string) $json, true );
			if ( is_array( $item ) && ! empty( $item['key'] ) && isset( $item['event'] ) && is_array( $item['event'] ) ) {
				$items[] = $item;
			}
		}
		return $items;
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

	/**
	 * Sends the due events. Never runs twice at once for a site (a database lock).
	 *
	 * @param int      $max At most this many sends.
	 * @param int|null $now The clock (tests move it forward to reach a retry's time).
	 * @return array{sent:int,retry:int,failed:int,pending:int,locked:bool}
	 */
	public static function process( int $max = self::BATCH, ?int $now = null ): array {
		global $wpdb;
		$now     = $now ?? time();
		$summary = array( 'sent' => 0, 'retry' => 0, 'failed' => 0, 'pending' => 0, 'locked' => false );
		$lock    = 'workos_audit_queue_' . get_current_blog_id();
		if ( '1' !== (string) $wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, 0)', $lock ) ) ) {
			$summary['locked'] = true;
			return $summary;
		}
		try {
			$earliest = null;
			foreach ( self::all() as $item ) {
				if ( 'failed' === $item['status'] ) {
					if ( (int) $item['next_attempt_at'] + self::KEEP_FAILED < $now ) {
						self::delete( $item['key'] );
					}
					continue;
				}
				if ( (int) $item['next_attempt_at'] > $now || $summary['sent'] + $summary['retry'] + $summary['failed'] >= $max ) {
					$due      = max( $now, (int) $item['next_attempt_at'] );
					$earliest = null === $earliest ? $due : min( $earliest, $due );
					++$summary['pending'];
					continue;
				}
				list( $outcome, $item ) = self::send( $item, $now );
				++$summary[ $outcome ];
				if ( 'retry' === $outcome ) {
					$earliest = null === $earliest ? (int) $item['next_attempt_at'] : min( $earliest, (int) $item['next_attempt_at'] );
					++$summary['pending'];
				}
			}
			$next = wp_next_scheduled( self::CRON_HOOK );
			if ( false !== $next && $next <= $now ) {
				wp_unschedule_event( $next, self::CRON_HOOK ); // this run (called directly, not by cron).
			}
			if ( null !== $earliest ) {
				self::schedule( $earliest );
			}
		} finally {
			$wpdb->query( $wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', $lock ) );
		}
		return $summary;
	}

	/** The WP-Cron handler. */
	public static function run_cron(): void {
		self::process( self::BATCH );
	}

	/** Schedules a cron run at $when unless one is already due earlier. */
	public static function schedule( int $when ): void {
		$next = wp_next_scheduled( self::CRON_HOOK );
		if ( false !== $next && $next <= $when ) {
			return;
		}
		if ( false !== $next ) {
			wp_unschedule_event( $next, self::CRON_HOOK );
		}
		wp_schedule_single_event( $when, self::CRON_HOOK );
	}

	/** Seconds to wait before attempt number $attempts + 1 (attempts already made >= 1). */
	public static function backoff( int $attempts, int $retry_after = 0 ): int {
		$delay = (int) min( self::MAX_DELAY, self::BASE_DELAY * ( 2 ** max( 0, $attempts - 1 ) ) );
		$delay += wp_rand( 0, (int) ( $delay / 10 ) ); // jitter: queues of many sites do not retry in step.
		return max( $delay, $retry_after );
	}

	/** Removes every queued event of the site (uninstall). */
	public static function purge(): void {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( self::OPTION_PREFIX ) . '%' ) );
		wp_clear_scheduled_hook( self::CRON_HOOK );
	}

	/**
	 * @param array<string,mixed> $item A queued event.
	 * @return array{0:string,1:array<string,mixed>} The outcome (sent, retry or failed) and the item as saved.
	 */
	private static function send( array $item, int $now ): array {
		$env    = in_array( $item['environment'] ?? '', Config::ENVIRONMENTS, true ) ? $item['environment'] : null;
		$result = Config::is_enabled( $env )
			? Client::for_environment( $env )->create_audit_event( (string) $item['organization_id'], $item['event'], (string) $item['key'] )
			: new WP_Error( 'workos_not_configured', __( 'WorkOS is not configured for this environment.', 'workos-companion' ), array( 'status' => 0 ) );
		if ( ! is_wp_error( $result ) ) {
			self::delete( $item['key'] );
			return array( 'sent', $item );
		}
		$data               = (array) $result->get_error_data();
		$item['attempts']   = (int) $item['attempts'] + 1;
		$status             = (int) ( $data['status'] ?? 0 );
		$item['last_error'] = substr( sprintf( '%s (HTTP %d): %s', $result->get_error_code(), $status, $result->get_error_message() ), 0, 500 );
		if ( self::retryable( $status ) && $item['attempts'] < self::MAX_ATTEMPTS ) {
			$item['next_attempt_at'] = $now + self::backoff( $item['attempts'], (int) ( $data['retry_after'] ?? 0 ) );
			self::save( $item );
			return array( 'retry', $item );
		}
		$item['status']          = 'failed';
		$item['next_attempt_at'] = $now;
		self::save( $item );
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
		return array( 'failed', $item );
	}

	private static function retryable( int $status ): bool {
		return 0 === $status || in_array( $status, array( 401, 403, 408, 409, 425, 429 ), true ) || $status >= 500;
	}

	/** @param array<string,mixed> $item */
	private static function save( array $item ): void {
		global $wpdb;
		$wpdb->update(
			$wpdb->options,
			array( 'option_value' => wp_json_encode( $item ) ),
			array( 'option_name' => self::OPTION_PREFIX . $item['key'] ),
			array( '%s' ),
			array( '%s' )
		);
	}

	private static function delete( string $key ): void {
		global $wpdb;
		$wpdb->delete( $wpdb->options, array( 'option_name' => self::OPTION_PREFIX . $key ), array( '%s' ) );
	}
}
