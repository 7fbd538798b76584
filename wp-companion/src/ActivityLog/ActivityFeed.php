<?php
/**
 * The activity log in id order, page by page, for the console's offline cache: rows with an id
 * above a cursor. Ids only grow (the table is never truncated: clearing deletes rows and keeps the
 * AUTO_INCREMENT counter), so a client that remembers the last id it saw never misses a row.
 *
 * One query per page on the primary key (LIMIT n+1 tells whether more follow); the only per-row
 * work is casting and decoding the metadata JSON. created_at is formatted by the database.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\ActivityLog;

defined( 'ABSPATH' ) || exit;

final class ActivityFeed {
	public const DEFAULT_LIMIT = 1000;
	public const MAX_LIMIT     = 5000;

	/**
	 * @param int    $after_id    Rows with a greater id.
	 * @param int    $limit       1 to MAX_LIMIT.
	 * @param string $type_prefix Only event types starting with this ('' for all).
	 * @return array{items:array<int,array<string,mixed>>,next_after_id:int,has_more:bool}|null Null on a database error.
	 */
	public static function page( int $after_id, int $limit, string $type_prefix = '' ): ?array {
		global $wpdb;
		$table  = Logger::table();
		$limit  = max( 1, min( self::MAX_LIMIT, $limit ) );
		$where  = 'id > %d';
		$params = array( max( 0, $after_id ) );
		if ( '' !== $type_prefix ) {
			$where   .= ' AND event_type LIKE %s';
			$params[] = $wpdb->esc_like( $type_prefix ) . '%';
		}
		$params[] = $limit + 1;
		$rows     = $wpdb->get_results(
			$wpdb->prepare(
				"SELECT id, event_type, user_id, user_email, workos_user_id, ip_address, user_agent, metadata, DATE_FORMAT(created_at, '%%Y-%%m-%%dT%%H:%%i:%%sZ') AS created_at FROM {$table} WHERE {$where} ORDER BY id ASC LIMIT %d", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name and placeholders.
				$params
			),
			ARRAY_A
		);
		if ( ! is_array( $rows ) || '' !== (string) $wpdb->last_error ) {
			return null;
		}
		$has_more = count( $rows ) > $limit;
		if ( $has_more ) {
			array_pop( $rows );
		}
		foreach ( $rows as &$row ) {
			$row['id']         = (int) $row['id'];
			$row['user_id']    = (int) $row['user_id'];
			$row['user_agent'] = (string) $row['user_agent'];
			$row['metadata']   = self::metadata( $row['metadata'] );
		}
		unset( $row );
		return array(
			'items'         => $rows,
			'next_after_id' => $rows ? $rows[ count( $rows ) - 1 ]['id'] : max( 0, $after_id ),
			'has_more'      => $has_more,
		);
	}

	/**
	 * The stored JSON as an object (stdClass keeps `{}` an object in the answer), null when there is
	 * none or it is not a JSON object.
	 *
	 * @param string|null $json
	 */
	private static function metadata( $json ): ?object {
		if ( null === $json || '' === $json ) {
			return null;
		}
		$value = json_decode( $json );
		return is_object( $value ) ? $value : null;
	}
}
