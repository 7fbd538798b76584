<?php
/**
 * user.created / user.updated / user.deleted (seed spec §4.3, §9.1, §9.4 with our decisions).
 *
 * - updated: a linked WordPress user (by _workos_user_id) gets e-mail, first/last and display name
 *   through UserLinker's rules (an address another user holds is kept). Skipped when not linked,
 *   when the profile hash is unchanged, or while a change-email is in progress.
 * - created: linked → as updated. Otherwise UserLinker decides (§3.5): an existing user is linked
 *   by e-mail only when WorkOS says it is verified and never an administrator; else a WordPress
 *   user is created — only when the e-mail is verified and the role map gives a real WordPress
 *   role for "member" (the role a user without membership gets). Filter
 *   `workos_webhook_provision_users` (default true) turns creation off. A WorkOS user is never
 *   created from here (no stray WorkOS users): the WordPress write runs with the sync flags set.
 * - deleted: linked → Sync\Deprovisioner::deprovision() when present, else AccountLock::deactivate.
 * - created, once linked or created: a membership row in the environment's organization (cached
 *   from WorkOS when missing; role "member" unless a row exists) and this site's user id queued
 *   for the WorkOS user's metadata (`puid:{site key}`, Sync\ProfilePush).
 * - multisite: a user the network already has (linked elsewhere, or matched by e-mail) who is not
 *   a member of this site joins it with the role for "member".
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Webhook\Handlers;

use WorkOSCompanion\Auth\AccountLock;
use WorkOSCompanion\Organization\LocalMembership;
use WorkOSCompanion\Sync\PushQueue;
use WorkOSCompanion\Sync\RoleMapper;
use WorkOSCompanion\Sync\UserLinker;
use WorkOSCompanion\Webhook\HandlerResult;
use WorkOSCompanion\Webhook\TransientFailure;
use WP_User;

defined( 'ABSPATH' ) || exit;

final class UserHandler {
	public const EMAIL_CHANGE_TRANSIENT = '_workos_email_change_in_progress_';

	/** @param array<string,mixed> $event */
	public function handle( string $action, array $event ): HandlerResult {
		$data = (array) $event['data'];
		$id   = is_string( $data['id'] ?? null ) ? trim( $data['id'] ) : '';
		if ( '' === $id ) {
			return HandlerResult::failed( 'missing_user_id' );
		}
		$ids = array( 'user' => $id );
		switch ( $action ) {
			case 'created':
				return $this->created( $data, $ids );
			case 'updated':
				return $this->updated( $data, $ids );
			case 'deleted':
				return $this->deleted( $id, $ids );
		}
		return HandlerResult::skipped( 'unsupported_action', $ids );
	}

	/**
	 * @param array<string,mixed>  $data
	 * @param array<string,string> $ids
	 */
	private function updated( array $data, array $ids ): HandlerResult {
		$user = UserLinker::find_by_workos_id( $ids['user'] );
		if ( ! $user ) {
			return HandlerResult::skipped( 'user_not_linked', $ids );
		}
		if ( get_transient( self::EMAIL_CHANGE_TRANSIENT . $user->ID ) ) {
			return HandlerResult::skipped( 'email_change_in_progress', $ids, $user->ID );
		}
		if ( ! is_string( $data['email'] ?? null ) || ! is_email( $data['email'] ) ) {
			return HandlerResult::failed( 'missing_email', $ids, $user->ID );
		}
		if ( get_user_meta( $user->ID, UserLinker::META_HASH, true ) === UserLinker::profile_hash( $data ) ) {
			return HandlerResult::skipped( 'unchanged', $ids, $user->ID );
		}
		$result = UserLinker::apply(
			array(
				'action' => UserLinker::ACTION_UPDATE,
				'user'   => $user,
			),
			$data
		);
		if ( is_wp_error( $result ) ) {
			return HandlerResult::failed( $result->get_error_code(), $ids, $user->ID );
		}
		return HandlerResult::applied( 'profile_updated', $ids, $user->ID );
	}

	/**
	 * @param array<string,mixed>  $data
	 * @param array<string,string> $ids
	 */
	private function created( array $data, array $ids ): HandlerResult {
		$linked = UserLinker::find_by_workos_id( $ids['user'] );
		if ( $linked ) {
			$joined = self::join_site( $linked );
			$result = $this->updated( $data, $ids );
			self::after_link( $linked->ID );
			return $joined && HandlerResult::SKIPPED === $result->outcome ? HandlerResult::applied( 'added_to_site', $ids, $linked->ID ) : $result;
		}
		$plan = UserLinker::locate( $data );
		if ( is_wp_error( $plan ) ) {
			return HandlerResult::skipped( $plan->get_error_code(), $ids );
		}
		$role = '';
		if ( UserLinker::ACTION_CREATE === $plan['action'] ) {
			/**
			 * Whether a user.created webhook may create a WordPress user for an unknown e-mail.
			 *
			 * @param bool                $provision Default true.
			 * @param array<string,mixed> $data      The WorkOS user.
			 */
			if ( ! apply_filters( 'workos_webhook_provision_users', true, $data ) ) {
				return HandlerResult::skipped( 'provisioning_disabled', $ids );
			}
			if ( true !== ( $data['email_verified'] ?? false ) ) {
				return HandlerResult::skipped( 'email_unverified', $ids );
			}
			$role = RoleMapper::map( 'member' );
			if ( ! wp_roles()->is_role( $role ) ) {
				return HandlerResult::skipped( 'no_role_for_member', $ids );
			}
		}
		$user = UserLinker::apply( $plan, $data );
		if ( is_wp_error( $user ) && 'workos_link_busy' === $user->get_error_code() ) {
			throw new TransientFailure( 'workos_link_busy' ); // a users batch kept the lock: WorkOS delivers the event again
		}
		if ( ! $user instanceof WP_User ) {
			return HandlerResult::failed( is_wp_error( $user ) ? $user->get_error_code() : 'create_failed', $ids );
		}
		$joined = '' === $role && self::join_site( $user );
		if ( '' !== $role ) {
			RoleMapper::apply( $user->ID, $role );
		}
		self::after_link( $user->ID );
		if ( '' !== $role ) {
			return HandlerResult::applied( 'user_created', $ids, $user->ID );
		}
		return HandlerResult::applied( $joined ? 'user_linked_added_to_site' : 'user_linked', $ids, $user->ID );
	}

	/**
	 * What the reference does for a user it created or linked (§4.3): the membership row in the
	 * site's organization, and this site's user id in the WorkOS user's metadata (queued).
	 * WorkOS unreachable while caching the organization → transient: the event comes again.
	 */
	private static function after_link( int $wp_user_id ): void {
		$membership = LocalMembership::ensure( $wp_user_id );
		if ( is_wp_error( $membership ) ) {
			throw new TransientFailure( 'organization_fetch_failed: ' . $membership->get_error_code() );
		}
		PushQueue::push( 'puid', $wp_user_id );
	}

	/**
	 * Multisite: users are network-wide, site membership is not. A WorkOS user already known to the
	 * network (linked on another site, or matched by e-mail) joins this site with the role the
	 * role map gives "member" — what a new user would get here. False when nothing changed.
	 */
	private static function join_site( WP_User $user ): bool {
		if ( ! is_multisite() || is_user_member_of_blog( $user->ID, get_current_blog_id() ) ) {
			return false;
		}
		$role = RoleMapper::map( 'member' );
		return wp_roles()->is_role( $role ) && RoleMapper::CHANGED === RoleMapper::apply( $user->ID, $role );
	}

	/** @param array<string,string> $ids */
	private function deleted( string $id, array $ids ): HandlerResult {
		$user = UserLinker::find_by_workos_id( $id );
		if ( ! $user ) {
			return HandlerResult::skipped( 'user_not_linked', $ids );
		}
		$deprovisioner = '\\WorkOSCompanion\\Sync\\Deprovisioner';
		if ( class_exists( $deprovisioner ) && method_exists( $deprovisioner, 'deprovision' ) ) {
			$done = (string) $deprovisioner::deprovision( (int) $user->ID, 'user.deleted' );
			if ( in_array( $done, array( 'already_deprovisioned', 'user_not_found' ), true ) ) {
				return HandlerResult::skipped( $done, $ids, $user->ID );
			}
			return HandlerResult::applied( 'deprovisioned: ' . $done, $ids, $user->ID );
		}
		if ( AccountLock::is_deactivated( $user->ID ) ) {
			return HandlerResult::skipped( 'already_deactivated', $ids, $user->ID );
		}
		AccountLock::deactivate( $user->ID );
		return HandlerResult::applied( 'deactivated', $ids, $user->ID );
	}
}
