<?php
/**
 * Deletes activity-log rows below an id, in chunks (a million-row DELETE in one statement holds
 * its locks and undo log for seconds). Never TRUNCATE: that resets AUTO_INCREMENT, and the
 * console's offline cache relies on ids only ever growing.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\ActivityLog;

defined( 'ABSPATH' ) || exit;

final class ActivityPurge {
	private const CHUNK = 20000;

	/** Rows with an id below $before_id (0: every row). */
	public static function count( int $before_id = 0 ): int {
		global $wpdb;
		$table = Logger::table();
		if ( $before_id > 0 ) {
			return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$table} WHERE id < %d", $before_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		}
		return (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
	}

	/**
	 * Deletes the rows with an id below $before_id, or (0) every row present now: rows logged
	 * while it runs stay.
	 *
	 * @return int|null Rows deleted, null on a database error.
	 */
	public static function delete( int $before_id = 0 ): ?int {
		global $wpdb;
		$table = Logger::table();
		if ( $before_id <= 0 ) {
			$before_id = (int) $wpdb->get_var( "SELECT MAX(id) FROM {$table}" ) + 1; // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		}
		$deleted = 0;
		do {
			$done = $wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE id < %d ORDER BY id LIMIT %d", $before_id, self::CHUNK ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
			if ( false === $done ) {
				return null;
			}
			$deleted += (int) $done;
		} while ( (int) $done === self::CHUNK );
		return $deleted;
	}
}
