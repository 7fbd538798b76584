<?php
/**
 * Webhook bookkeeping (schema 4): which event ids were processed, and per WorkOS object the newest
 * `updated_at` applied.
 *
 * claim() inserts the event id under a UNIQUE key with INSERT IGNORE: of any number of PHP workers
 * receiving the same event at once exactly one gets it; the others see a duplicate. A claim whose
 * worker died (outcome still "processing" after STALE_CLAIM seconds) can be taken over once.
 * release() forgets a claim after a transient failure so the redelivery is processed.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Webhook;

defined( 'ABSPATH' ) || exit;

final class EventStore {
	public const CLAIMED   = 'claimed';
	public const DUPLICATE = 'duplicate';
	public const ERROR     = 'error';

	public const PROCESSING  = 'processing';
	private const STALE_CLAIM = 300;

	public static function events_table(): string {
		global $wpdb;
		return $wpdb->prefix . 'workos_webhook_events';
	}

	public static function versions_table(): string {
		global $wpdb;
		return $wpdb->prefix . 'workos_object_versions';
	}

	/** @return string CLAIMED, DUPLICATE or ERROR (database unavailable). */
	public static function claim( string $event_id, string $event_type, string $object_id ): string {
		global $wpdb;
		$table = self::events_table();
		$now   = gmdate( 'Y-m-d H:i:s' );
		$done  = $wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$table} (event_id, event_type, object_id, received_at, outcome, reason) VALUES (%s, %s, %s, %s, %s, '')", $event_id, substr( $event_type, 0, 191 ), substr( $object_id, 0, 191 ), $now, self::PROCESSING ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		if ( false === $done ) {
			return self::ERROR;
		}
		if ( 1 === (int) $done ) {
			return self::CLAIMED;
		}
		// Taken over only if its worker died mid-way; the UPDATE is atomic, so only one retaker wins.
		$taken = $wpdb->query( $wpdb->prepare( "UPDATE {$table} SET received_at = %s WHERE event_id = %s AND outcome = %s AND received_at < %s", $now, $event_id, self::PROCESSING, gmdate( 'Y-m-d H:i:s', time() - self::STALE_CLAIM ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		if ( false === $taken ) {
			return self::ERROR;
		}
		return 1 === (int) $taken ? self::CLAIMED : self::DUPLICATE;
	}

	public static function finish( string $event_id, string $outcome, string $reason ): void {
		global $wpdb;
		$wpdb->update( self::events_table(), array( 'outcome' => substr( $outcome, 0, 20 ), 'reason' => substr( $reason, 0, 191 ) ), array( 'event_id' => $event_id ), array( '%s', '%s' ), array( '%s' ) );
	}

	public static function release( string $event_id ): void {
		global $wpdb;
		$wpdb->delete( self::events_table(), array( 'event_id' => $event_id ), array( '%s' ) );
	}

	/** @return array<string,string>|null The stored row of an event id. */
	public static function find( string $event_id ): ?array {
		global $wpdb;
		$table = self::events_table();
		$row   = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$table} WHERE event_id = %s", $event_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		return is_array( $row ) ? $row : null;
	}

	/** The newest applied `updated_at` of an object (Unix ms), 0 when none. */
	public static function applied_version( string $object_id ): int {
		global $wpdb;
		$table = self::versions_table();
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT updated_at_ms FROM {$table} WHERE object_id = %s", $object_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
	}

	/** Records that data of $object_id as of $updated_at_ms was applied; never moves backwards. */
	public static function record_version( string $object_id, int $updated_at_ms, string $event_id ): void {
		global $wpdb;
		$table = self::versions_table();
		$wpdb->query( $wpdb->prepare( "INSERT INTO {$table} (object_id, updated_at_ms, event_id) VALUES (%s, %d, %s) ON DUPLICATE KEY UPDATE event_id = IF(VALUES(updated_at_ms) >= updated_at_ms, VALUES(event_id), event_id), updated_at_ms = GREATEST(updated_at_ms, VALUES(updated_at_ms))", $object_id, $updated_at_ms, $event_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
	}

	/**
	 * A WorkOS timestamp in Unix milliseconds: ISO 8601 with or without milliseconds and zone, or
	 * the older "2023-04-28 20:05:31.093" form (UTC). 0 when unparseable.
	 */
	public static function to_ms( $value ): int {
		if ( ! is_string( $value ) || ! preg_match( '/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/', trim( $value ), $m ) ) {
			return 0;
		}
		$zone    = ( $m[4] ?? '' ) === '' ? 'Z' : $m[4];
		$seconds = strtotime( $m[1] . 'T' . $m[2] . ( 'Z' === $zone ? '+00:00' : $zone ) );
		if ( false === $seconds ) {
			return 0;
		}
		$fraction = substr( str_pad( $m[3] ?? '', 3, '0' ), 0, 3 );
		return $seconds * 1000 + (int) $fraction;
	}
}
