<?php
/**
 * connection.activated / deactivated / deleted: the SSO connection's state is recorded in the
 * non-autoloaded option `workos_connection_{id}` ({id, name, connection_type, organization_id,
 * state, event, event_id, updated_at, recorded_at}; a deleted connection keeps a tombstone with
 * state "deleted") and in the activity log. An event older than the recorded one (updated_at)
 * is stale and changes nothing.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Webhook\Handlers;

use WorkOSCompanion\ActivityLog\Logger;
use WorkOSCompanion\Sync\DirectoryUserLinker;
use WorkOSCompanion\Webhook\HandlerResult;

defined( 'ABSPATH' ) || exit;

final class ConnectionHandler {
	public const OPTION_PREFIX = 'workos_connection_';

	/** @param array<string,mixed> $event The whole envelope {id, event, data, created_at}. */
	public function handle( string $action, array $event ): HandlerResult {
		$data = is_array( $event['data'] ?? null ) ? $event['data'] : array();
		$id   = sanitize_key( (string) ( $data['id'] ?? '' ) );
		if ( '' === $id || ! in_array( $action, array( 'activated', 'deactivated', 'deleted' ), true ) ) {
			$result             = HandlerResult::skipped( '' === $id ? 'missing_connection_id' : 'unknown_action' );
			$result->object_ids = array( 'connection_id' => (string) ( $data['id'] ?? '' ) );
			return $result;
		}
		$ids    = array( 'connection_id' => (string) $data['id'], 'organization_id' => (string) ( $data['organization_id'] ?? '' ) );
		$stored = self::get( (string) $data['id'] );
		$theirs = DirectoryUserLinker::timestamp( (string) ( $data['updated_at'] ?? ( $event['created_at'] ?? '' ) ) );
		$ours   = $stored ? DirectoryUserLinker::timestamp( (string) ( $stored['updated_at'] ?? '' ) ) : null;
		if ( null !== $theirs && null !== $ours && $theirs < $ours ) {
			$result             = HandlerResult::skipped( 'older_than_stored_state' );
			$result->outcome    = 'stale';
			$result->object_ids = $ids;
			return $result;
		}
		$record = array(
			'id'              => (string) $data['id'],
			'name'            => sanitize_text_field( (string) ( $data['name'] ?? '' ) ),
			'connection_type' => sanitize_text_field( (string) ( $data['connection_type'] ?? '' ) ),
			'organization_id' => sanitize_text_field( (string) ( $data['organization_id'] ?? '' ) ),
			'state'           => 'deleted' === $action ? 'deleted' : sanitize_key( (string) ( $data['state'] ?? ( 'activated' === $action ? 'active' : 'inactive' ) ) ),
			'event'           => 'connection.' . $action,
			'event_id'        => sanitize_text_field( (string) ( $event['id'] ?? '' ) ),
			'updated_at'      => sanitize_text_field( (string) ( $data['updated_at'] ?? ( $event['created_at'] ?? '' ) ) ),
			'recorded_at'     => gmdate( 'Y-m-d H:i:s' ),
		);
		update_option( self::OPTION_PREFIX . $id, $record, false );
		Logger::log(
			'connection.' . $action,
			array(
				'user_id'  => 0,
				'metadata' => $ids + array(
					'state'    => $record['state'],
					'event_id' => $record['event_id'],
				),
			)
		);
		$result             = HandlerResult::applied();
		$result->object_ids = $ids;
		$result->reason     = 'connection_' . $record['state'];
		return $result;
	}

	/** @return array<string,mixed>|null The recorded state of a connection. */
	public static function get( string $connection_id ): ?array {
		$record = get_option( self::OPTION_PREFIX . sanitize_key( $connection_id ) );
		return is_array( $record ) ? $record : null;
	}
}
