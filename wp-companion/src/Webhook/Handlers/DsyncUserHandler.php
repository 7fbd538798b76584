<?php
/**
 * dsync.user.created / updated / deleted (seed spec §4.3, §9.4, with our decisions).
 *
 * - created: provision the WordPress user of the directory user (DirectoryUserLinker: id in
 *   `_workos_directory_user_id`, never `_workos_user_id`; no WorkOS user created). A user created
 *   in state inactive/suspended is not provisioned.
 * - updated: not linked → provisioned as created (when active). Linked → names and e-mail
 *   updated; state inactive/suspended → deprovisioned (§9.4); back to active after a
 *   deprovisioning → reprovisioned. An update older than the stored one (updated_at) is stale.
 * - deleted: linked → deprovisioned.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Webhook\Handlers;

use WorkOSCompanion\Sync\Deprovisioner;
use WorkOSCompanion\Sync\DirectoryUserLinker;
use WorkOSCompanion\Webhook\HandlerResult;

defined( 'ABSPATH' ) || exit;

final class DsyncUserHandler {
	public const INACTIVE_STATES = array( 'inactive', 'suspended' );

	/** @param array<string,mixed> $event The whole envelope {id, event, data, created_at}. */
	public function handle( string $action, array $event ): HandlerResult {
		$data = is_array( $event['data'] ?? null ) ? $event['data'] : array();
		$id   = (string) ( $data['id'] ?? '' );
		if ( '' === $id ) {
			return self::result( HandlerResult::skipped( 'missing_directory_user_id' ), array() );
		}
		$ids = array( 'directory_user_id' => $id );
		switch ( $action ) {
			case 'created':
			case 'updated':
				return $this->upsert( $action, $data, $ids );
			case 'deleted':
				$user = DirectoryUserLinker::find( $id );
				if ( ! $user ) {
					return self::result( HandlerResult::skipped( 'not_linked' ), $ids );
				}
				$ids['wp_user_id'] = $user->ID;
				return self::result( HandlerResult::applied(), $ids, Deprovisioner::deprovision( $user->ID, 'dsync.user.deleted' ) );
			default:
				return self::result( HandlerResult::skipped( 'unknown_action' ), $ids );
		}
	}

	/** @param array<string,mixed> $ids */
	private function upsert( string $action, array $data, array $ids ): HandlerResult {
		$state  = strtolower( (string) ( $data['state'] ?? 'active' ) );
		$active = ! in_array( $state, self::INACTIVE_STATES, true );
		$user   = DirectoryUserLinker::find( (string) $data['id'] );
		if ( ! $user ) {
			if ( ! $active ) {
				return self::result( HandlerResult::skipped( 'not_linked_and_' . $state ), $ids );
			}
			if ( '' === DirectoryUserLinker::email( $data ) ) {
				return self::result( HandlerResult::skipped( 'missing_email' ), $ids );
			}
			$created = DirectoryUserLinker::provision( $data );
			if ( is_wp_error( $created ) ) {
				return self::result( HandlerResult::failed( $created->get_error_code() ), $ids );
			}
			$ids['wp_user_id'] = $created->ID;
			return self::result( HandlerResult::applied(), $ids, 'provisioned' );
		}
		$ids['wp_user_id'] = $user->ID;
		if ( DirectoryUserLinker::is_stale( $user->ID, $data ) ) {
			$stale          = self::result( HandlerResult::skipped( 'older_than_stored_update' ), $ids );
			$stale->outcome = 'stale';
			return $stale;
		}
		if ( ! $active ) {
			DirectoryUserLinker::update( $user, $data );
			return self::result( HandlerResult::applied(), $ids, Deprovisioner::deprovision( $user->ID, 'dsync.user.' . $action . ':' . $state ) );
		}
		$updated = DirectoryUserLinker::update( $user, $data );
		if ( is_wp_error( $updated ) ) {
			return self::result( HandlerResult::failed( $updated->get_error_code() ), $ids );
		}
		$outcome = Deprovisioner::is_deprovisioned( $user->ID ) ? Deprovisioner::reprovision( $user->ID ) : 'updated';
		return self::result( HandlerResult::applied(), $ids, $outcome );
	}

	/** @param array<string,mixed> $ids */
	private static function result( HandlerResult $result, array $ids, string $detail = '' ): HandlerResult {
		if ( isset( $ids['wp_user_id'] ) ) {
			$result->wp_user_id = (int) $ids['wp_user_id'];
			unset( $ids['wp_user_id'] );
		}
		$result->object_ids = array_map( 'strval', $ids );
		if ( '' !== $detail ) {
			$result->reason = '' === (string) $result->reason ? $detail : $result->reason . ': ' . $detail;
		}
		return $result;
	}
}
