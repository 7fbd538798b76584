<?php
/**
 * The outbox of WordPress → WorkOS changes (profile and role of linked users), written during the
 * admin's request (one row, no HTTP) and sent later by WP-Cron (or by process() directly). The
 * same pattern as AuditLog\AuditQueue.
 *
 * Storage: one non-autoloaded option per job, named workos_push_q_{kind}_{wp_user_id}, holding
 * JSON {key, kind, wp_user_id, environment, attempts, next_attempt_at, created_at, status,
 * last_error}. The key is deterministic, so a second change of the same user before the send
 * coalesces into the same job; the job carries no values: the sender reads the user as it is at
 * send time, and a PUT of the same values twice is harmless (idempotent).
 *
 * Retries: transport errors, 408/409/425/429 and 5xx are retried with exponential backoff (60 s
 * doubling, capped at 6 h, Retry-After honoured) up to MAX_ATTEMPTS; other answers give up at once
 * (status "failed", kept 30 days, action workos_push_failed).
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Sync;

use WorkOSCompanion\Config\Config;
use WP_Error;

defined( 'ABSPATH' ) || exit;

final class PushQueue {
	public const OPTION_PREFIX = 'workos_push_q_';
	public const CRON_HOOK     = 'workos_push_process';
	public const MAX_ATTEMPTS  = 8;
	public const BASE_DELAY    = 60;
	public const MAX_DELAY     = 21600;
	public const KEEP_FAILED   = 30 * DAY_IN_SECONDS;
	public const BATCH         = 20;

	public const KINDS = array( 'profile', 'role' );

	/** Queues (or refreshes) the job of one user and kind, and schedules a cron run. No HTTP. */
	public static function push( string $kind, int $wp_user_id, ?string $env = null ): string {
		global $wpdb;
		if ( ! in_array( $kind, self::KINDS, true ) || $wp_user_id <= 0 ) {
			return '';
		}
		$key  = $kind . '_' . $wp_user_id;
		$now  = time();
		$item = array(
			'key'             => $key,
			'kind'            => $kind,
			'wp_user_id'      => $wp_user_id,
			'environment'     => $env ?? Config::active(),
			'attempts'        => 0,
			'next_attempt_at' => $now,
			'created_at'      => $now,
			'status'          => 'pending',
			'last_error'      => '',
		);
		$ok = $wpdb->query(
			$wpdb->prepare(
				"INSERT INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, 'no') ON DUPLICATE KEY UPDATE option_value = VALUES(option_value)",
				self::OPTION_PREFIX . $key,
				wp_json_encode( $item )
			)
		);
		if ( false === $ok ) {
			return '';
		}
		wp_cache_delete( self::OPTION_PREFIX . $key, 'options' );
		self::schedule( $now );
		return $key;
	}

	/** @return array<int,array<string,mixed>> Every job, oldest first. */
	public static function all( int $limit = 500 ): array {
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
			if ( is_array( $item ) && ! empty( $item['key'] ) && in_array( $item['kind'] ?? '', self::KINDS, true ) ) {
				$items[] = $item;
			}
		}
		return $items;
	}

	/** @return array<string,mixed>|null */
	public static function get( string $kind, int $wp_user_id ): ?array {
		foreach ( self::all() as $item ) {
			if ( $item['key'] === $kind . '_' . $wp_user_id ) {
				return $item;
			}
		}
		return null;
	}

	/**
	 * Sends the due jobs through ProfilePush::send(). Never runs twice at once for a site.
	 *
	 * @return array{sent:int,retry:int,failed:int,pending:int,locked:bool}
	 */
	public static function process( int $max = self::BATCH, ?int $now = null ): array {
		global $wpdb;
		$now     = $now ?? time();
		$summary = array( 'sent' => 0, 'retry' => 0, 'failed' => 0, 'pending' => 0, 'locked' => false );
		$lock    = 'workos_push_queue_' . get_current_blog_id();
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
				wp_unschedule_event( $next, self::CRON_HOOK );
			}
			if ( null !== $earliest ) {
				self::schedule( $earliest );
			}
		} finally {
			$wpdb->query( $wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', $lock ) );
		}
		return $summary;
	}

	public static function run_cron(): void {
		self::process( self::BATCH );
	}

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

	public static function backoff( int $attempts, int $retry_after = 0 ): int {
		$delay  = (int) min( self::MAX_DELAY, self::BASE_DELAY * ( 2 ** max( 0, $attempts - 1 ) ) );
		$delay += wp_rand( 0, (int) ( $delay / 10 ) );
		return max( $delay, $retry_after );
	}

	public static function purge(): void {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( self::OPTION_PREFIX ) . '%' ) );
		wp_clear_scheduled_hook( self::CRON_HOOK );
	}

	/**
	 * @param array<string,mixed> $item A job.
	 * @return array{0:string,1:array<string,mixed>} sent, retry or failed, and the job as saved.
	 */
	private static function send( array $item, int $now ): array {
		$env    = in_array( $item['environment'] ?? '', Config::ENVIRONMENTS, true ) ? $item['environment'] : null;
		$result = ProfilePush::send( (string) $item['kind'], (int) $item['wp_user_id'], $env );
		if ( ! is_wp_error( $result ) ) {
			self::delete( $item['key'] );
			return array( 'sent', $item );
		}
		$data               = (array) $result->get_error_data();
		$status             = (int) ( $data['status'] ?? 0 );
		$item['attempts']   = (int) $item['attempts'] + 1;
		$item['last_error'] = substr( sprintf( '%s (HTTP %d): %s', $result->get_error_code(), $status, $result->get_error_message() ), 0, 500 );
		if ( self::retryable( $status ) && $item['attempts'] < self::MAX_ATTEMPTS ) {
			$item['next_attempt_at'] = $now + self::backoff( $item['attempts'], (int) ( $data['retry_after'] ?? 0 ) );
			self::save( $item );
			return array( 'retry', $item );
		}
		$item['status']          = 'failed';
		$item['next_attempt_at'] = $now;
		self::save( $item );
		/**
		 * A WordPress → WorkOS push will not be sent: WorkOS refused it, or every retry failed.
		 *
		 * @param array<string,mixed> $item  The job, status "failed", with attempts and last_error.
		 * @param WP_Error            $error The last error.
		 */
		do_action( 'workos_push_failed', $item, $result );
		return array( 'failed', $item );
	}

	private static function retryable( int $status ): bool {
		return 0 === $status || 503 === $status || in_array( $status, array( 408, 409, 425, 429 ), true ) || $status >= 500;
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
