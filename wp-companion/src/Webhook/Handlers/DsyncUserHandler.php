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
			return HandlerResult::skipped( 'missing_directory_user_id' )->about( array() );
		}
		$ids = array( 'directory_user_id' => $id );
		switch ( $action ) {
			case 'created':
			case 'updated':
				return $this->upsert( $action, $data, $ids );
			case 'deleted':
				$user = DirectoryUserLinker::find( $id );
				if ( ! $user ) {
					return HandlerResult::skipped( 'not_linked' )->about( $ids );
				}
				$ids['wp_user_id'] = $user->ID;
				return HandlerResult::applied()->about( $ids, Deprovisioner::deprovision( $user->ID, 'dsync.user.deleted' ) );
			default:
				return HandlerResult::skipped( 'unknown_action' )->about( $ids );
		}
	}

	/** @param array<string,mixed> $ids */
	private function upsert( string $action, array $data, array $ids ): HandlerResult {
		$state  = strtolower( (string) ( $data['state'] ?? 'active' ) );
		$active = ! in_array( $state, self::INACTIVE_STATES, true );
		$user   = DirectoryUserLinker::find( (string) $data['id'] );
		if ( ! $user ) {
			if ( ! $active ) {
				return HandlerResult::skipped( 'not_linked_and_' . $state )->about( $ids );
			}
			if ( '' === DirectoryUserLinker::email( $data ) ) {
				return HandlerResult::skipped( 'missing_email' )->about( $ids );
			}
			$created = DirectoryUserLinker::provision( $data );
			if ( is_wp_error( $created ) ) {
				return HandlerResult::failed( $created->get_error_code() )->about( $ids );
			}
			$ids['wp_user_id'] = $created->ID;
			return HandlerResult::applied()->about( $ids, 'provisioned' );
		}
		$ids['wp_user_id'] = $user->ID;
		if ( DirectoryUserLinker::is_stale( $user->ID, $data ) ) {
			$stale          = HandlerResult::skipped( 'older_than_stored_update' )->about( $ids );
			$stale->outcome = 'stale';
			return $stale;
		}
		if ( ! $active ) {
			DirectoryUserLinker::update( $user, $data );
			return HandlerResult::applied()->about( $ids, Deprovisioner::deprovision( $user->ID, 'dsync.user.' . $action . ':' . $state ) );
		}
		$updated = DirectoryUserLinker::update( $user, $data );
		if ( is_wp_error( $updated ) ) {
			return HandlerResult::failed( $updated->get_error_code() )->about( $ids );
		}
		$outcome = Deprovisioner::is_deprovisioned( $user->ID ) ? Deprovisioner::reprovision( $user->ID ) : 'updated';
		return HandlerResult::applied()->about( $ids, $outcome );
	}
}
