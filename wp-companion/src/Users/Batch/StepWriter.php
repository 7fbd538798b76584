<?php
/**
 * Carries out one planned operation other than create on an existing user: link, unlink, update,
 * deactivate, reactivate — through WordPress's and the companion's own functions (update_user_meta,
 * wp_update_user, WP_User::set_role, Sync\Deprovisioner, Auth\AccountLock), so that their hooks
 * and caches behave as anywhere else. The caller wraps it in a savepoint, suppresses pushes to
 * WorkOS and WordPress's e-mails.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Users\Batch;

use WorkOSCompanion\Auth\AccountLock;
use WorkOSCompanion\Auth\TokenStore;
use WorkOSCompanion\Sync\Deprovisioner;
use WorkOSCompanion\Sync\UserLinker;
use WP_Error;

defined( 'ABSPATH' ) || exit;

final class StepWriter {
	/** Why a user is deprovisioned when the console does it (kept in the record and the log). */
	public const REASON = 'console';

	/**
	 * @param array<string,mixed> $step A planned step whose user exists.
	 * @return true|WP_Error
	 */
	public static function write( array $step, int $user_id ) {
		switch ( $step['op'] ) {
			case Operations::LINK:
				return self::link( $user_id, $step['data'] );
			case Operations::UNLINK:
				return self::unlink( $user_id );
			case Operations::UPDATE:
				return self::update( $user_id, $step['data'] );
			case Operations::DEACTIVATE:
				return self::deactivate( $user_id );
			case Operations::REACTIVATE:
				return self::reactivate( $user_id );
		}
		return new WP_Error( 'workos_operation_failed', __( 'Unknown operation.', 'workos-companion' ) );
	}

	/**
	 * The link UserLinker writes. WordPress's current profile is taken as what WorkOS has
	 * (_workos_profile_hash), so linking queues no push; a later edit in WordPress does.
	 *
	 * @param array<string,string> $data workos_user_id, organization_id.
	 * @return true
	 */
	private static function link( int $user_id, array $data ) {
		update_user_meta( $user_id, UserLinker::META_USER_ID, $data['workos_user_id'] );
		if ( '' !== $data['organization_id'] ) {
			update_user_meta( $user_id, UserLinker::META_ORG_ID, $data['organization_id'] );
		}
		self::mark_synced( $user_id );
		return true;
	}

	/**
	 * Removes the WorkOS link: the ids, the sync state and the stored WorkOS tokens. A deactivated
	 * user stays deactivated (reactivate does that), and a directory-sync link
	 * (_workos_directory_user_id) stays: directory sync owns it.
	 *
	 * @return true
	 */
	private static function unlink( int $user_id ) {
		foreach ( array( UserLinker::META_USER_ID, UserLinker::META_ORG_ID, UserLinker::META_SYNCED_AT, UserLinker::META_HASH ) as $key ) {
			delete_user_meta( $user_id, $key );
		}
		TokenStore::clear( $user_id );
		return true;
	}

	/**
	 * @param array{changes:array<string,string>,role:?string} $data
	 * @return true|WP_Error
	 */
	private static function update( int $user_id, array $data ) {
		if ( $data['changes'] ) {
			// wp_update_user() unslashes what it is given.
			$result = wp_update_user( wp_slash( array( 'ID' => $user_id ) + $data['changes'] ) );
			if ( is_wp_error( $result ) ) {
				return $result;
			}
		}
		if ( null !== $data['role'] ) {
			if ( 'administrator' !== $data['role'] && self::would_remove_last_administrator( $user_id ) ) {
				return self::last_administrator();
			}
			$user = get_userdata( $user_id );
			if ( ! $user ) {
				return new WP_Error( 'workos_user_not_found', __( 'No such user on this site.', 'workos-companion' ) );
			}
			$user->set_role( $data['role'] );
		}
		if ( '' !== (string) get_user_meta( $user_id, UserLinker::META_USER_ID, true ) ) {
			self::mark_synced( $user_id ); // the console's values come from WorkOS: nothing to push back
		}
		return true;
	}

	/** @return true|WP_Error */
	private static function deactivate( int $user_id ) {
		if ( self::would_remove_last_administrator( $user_id ) ) {
			return self::last_administrator();
		}
		$done = Deprovisioner::deactivate( $user_id, self::REASON );
		return Deprovisioner::NOT_FOUND === $done ? new WP_Error( 'workos_user_not_found', __( 'No such user on this site.', 'workos-companion' ) ) : true;
	}

	/** @return true */
	private static function reactivate( int $user_id ) {
		if ( Deprovisioner::is_deprovisioned( $user_id ) ) {
			Deprovisioner::reprovision( $user_id ); // clears the flag, gives a demoted user's roles back
		} else {
			AccountLock::reactivate( $user_id );
		}
		return true;
	}

	/**
	 * Checked again when writing, on the database itself: the plan assumed the operations before
	 * this one succeeded, and one may have failed.
	 */
	private static function would_remove_last_administrator( int $user_id ): bool {
		$admins = BatchState::read_active_administrators();
		return in_array( $user_id, $admins, true ) && count( $admins ) <= 1;
	}

	private static function last_administrator(): WP_Error {
		return new WP_Error( 'workos_last_administrator', __( 'This is the last active administrator of the site: it cannot be deactivated or demoted.', 'workos-companion' ) );
	}

	private static function mark_synced( int $user_id ): void {
		$user = get_userdata( $user_id );
		if ( ! $user ) {
			return;
		}
		update_user_meta( $user_id, UserLinker::META_SYNCED_AT, gmdate( 'Y-m-d H:i:s' ) );
		update_user_meta(
			$user_id,
			UserLinker::META_HASH,
			UserLinker::profile_hash(
				array(
					'email'      => $user->user_email,
					'first_name' => (string) get_user_meta( $user_id, 'first_name', true ),
					'last_name'  => (string) get_user_meta( $user_id, 'last_name', true ),
				)
			)
		);
	}
}
