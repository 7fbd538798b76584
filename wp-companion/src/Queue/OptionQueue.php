<?php
/**
 * A queue of jobs kept as non-autoloaded options (one row per job, written with a single INSERT by
 * the queue so concurrent requests never overwrite each other), sent by WP-Cron or process():
 * a database lock keeps two runners apart, failures are retried with exponential backoff and
 * jitter (Retry-After honoured), and a job is given up after MAX_ATTEMPTS.
 *
 * The using class provides the constants OPTION_PREFIX, CRON_HOOK, LOCK_PREFIX, MAX_ATTEMPTS,
 * BASE_DELAY, MAX_DELAY, KEEP_FAILED, BATCH and the methods is_item(array): bool,
 * deliver(array $item, ?string $env): true|array|WP_Error, retryable(int $status): bool and
 * given_up(array $item, WP_Error $error): void.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Queue;

use WorkOSCompanion\Config\Config;

defined( 'ABSPATH' ) || exit;

trait OptionQueue {

	/**
	 * Every queued item, oldest first.
	 *
	 * @return array<int,array<string,mixed>>
	 */
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
			if ( is_array( $item ) && ! empty( $item['key'] ) && self::is_item( $item ) ) {
				$items[] = $item;
			}
		}
		return $items;
	}

	/**
	 * Sends the due items. Never runs twice at once for a site (a database lock).
	 *
	 * @param int      $max At most this many sends.
	 * @param int|null $now The clock (tests move it forward to reach a retry's time).
	 * @return array{sent:int,retry:int,failed:int,pending:int,locked:bool}
	 */
	public static function process( int $max = self::BATCH, ?int $now = null ): array {
		global $wpdb;
		$now     = $now ?? time();
		$summary = array( 'sent' => 0, 'retry' => 0, 'failed' => 0, 'pending' => 0, 'locked' => false );
		$lock    = self::LOCK_PREFIX . get_current_blog_id();
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

	/** Removes every queued item of the site (uninstall). */
	public static function purge(): void {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( self::OPTION_PREFIX ) . '%' ) );
		wp_clear_scheduled_hook( self::CRON_HOOK );
	}

	/**
	 * One attempt: deliver, then delete the item, or schedule its retry, or give it up.
	 *
	 * @param array<string,mixed> $item A queued item.
	 * @return array{0:string,1:array<string,mixed>} The outcome (sent, retry or failed) and the item as saved.
	 */
	private static function send( array $item, int $now ): array {
		$env    = in_array( $item['environment'] ?? '', Config::ENVIRONMENTS, true ) ? $item['environment'] : null;
		$result = self::deliver( $item, $env );
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
		self::given_up( $item, $result );
		return array( 'failed', $item );
	}

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
