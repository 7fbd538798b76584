<?php
/**
 * The outbox of WordPress → WorkOS changes (profile, role and this site's user id of linked
 * users), written during the admin's request (one row, no HTTP) and sent later by WP-Cron (or by
 * process() directly). The same pattern as AuditLog\AuditQueue.
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
use WorkOSCompanion\Queue\OptionQueue;
use WP_Error;

defined( 'ABSPATH' ) || exit;

final class PushQueue {
	use OptionQueue;

	public const LOCK_PREFIX   = 'workos_push_queue_';
	public const OPTION_PREFIX = 'workos_push_q_';
	public const CRON_HOOK     = 'workos_push_process';
	public const MAX_ATTEMPTS  = 8;
	public const BASE_DELAY    = 60;
	public const MAX_DELAY     = 21600;
	public const KEEP_FAILED   = 30 * DAY_IN_SECONDS;
	public const BATCH         = 20;

	public const KINDS = array( 'profile', 'role', 'puid' );

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

	/** @return array<string,mixed>|null */
	public static function get( string $kind, int $wp_user_id ): ?array {
		foreach ( self::all() as $item ) {
			if ( $item['key'] === $kind . '_' . $wp_user_id ) {
				return $item;
			}
		}
		return null;
	}

	/** @param array<string,mixed> $item */
	private static function is_item( array $item ): bool {
		return in_array( $item['kind'] ?? '', self::KINDS, true );
	}

	/**
	 * @param array<string,mixed> $item
	 * @return mixed|WP_Error
	 */
	private static function deliver( array $item, ?string $env ) {
		return ProfilePush::send( (string) $item['kind'], (int) $item['wp_user_id'], $env );
	}

	/** @param array<string,mixed> $item */
	private static function given_up( array $item, WP_Error $result ): void {
		/**
		 * A WordPress → WorkOS push will not be sent: WorkOS refused it, or every retry failed.
		 *
		 * @param array<string,mixed> $item  The job, status "failed", with attempts and last_error.
		 * @param WP_Error            $error The last error.
		 */
		do_action( 'workos_push_failed', $item, $result );
	}

	private static function retryable( int $status ): bool {
		return 0 === $status || 503 === $status || in_array( $status, array( 408, 409, 425, 429 ), true ) || $status >= 500;
	}
}
