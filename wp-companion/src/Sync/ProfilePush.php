<?php
/**
 * WordPress → WorkOS push of linked users' profile and role changes (seed spec §9.2, §7.4).
 *
 * Hooks only queue (PushQueue): nothing talks to WorkOS during the admin's request. A change is
 * not queued while WorkOS itself is the source of it (UserLinker::is_syncing(),
 * RoleMapper::is_applying(), Webhook\Applying::is_active(), without_push(), or the
 * `workos_push_suppressed` filter), so nothing bounces back as a loop. The profile is compared to
 * `_workos_profile_hash` (the hash of what WorkOS last had), so an update that only repeats
 * WorkOS's values queues nothing either.
 *
 * Sending (from the queue): profile → PUT /user_management/users/{id} {email, first_name,
 * last_name}; role → reverse role map (inverted map, the last WorkOS role mapping to the WP role
 * wins; unmapped → skipped), membership of the configured organization (else the user's
 * `_workos_org_id`) looked up in WorkOS, then PUT /user_management/organization_memberships/{id}
 * {role_slug} unless it already has that role; puid → the WorkOS user's metadata
 * `puid:{site key}` set to the WordPress user id (§9.3: several sites can share one WorkOS
 * environment), the user's other metadata kept, nothing written when it is already right.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Sync;

use WorkOSCompanion\ActivityLog\Logger;
use WorkOSCompanion\AuditLog\AuditEvent;
use WorkOSCompanion\Config\Config;
use WorkOSCompanion\Webhook\Applying;
use WorkOSCompanion\WorkOS\Client;
use WP_Error;

defined( 'ABSPATH' ) || exit;

final class ProfilePush {
	/** @var int While > 0 a WorkOS-originated change is being applied: nothing is queued. */
	private static $suppressed = 0;

	public function register(): void {
		add_action( 'profile_update', array( $this, 'on_profile_update' ), 20, 1 );
		add_action( 'set_user_role', array( $this, 'on_set_user_role' ), 20, 1 );
		add_action( PushQueue::CRON_HOOK, array( PushQueue::class, 'run_cron' ) );
	}

	/** True while a change that came from WorkOS is being written. */
	public static function is_suppressed(): bool {
		if ( self::$suppressed > 0 || UserLinker::is_syncing() || RoleMapper::is_applying() ) {
			return true;
		}
		if ( class_exists( Applying::class ) && Applying::is_active() ) {
			return true; // a webhook is being applied.
		}
		/**
		 * Whether WordPress → WorkOS pushes are suppressed right now (a WorkOS-originated change).
		 *
		 * @param bool $suppressed Default false.
		 */
		return (bool) apply_filters( 'workos_push_suppressed', false );
	}

	/**
	 * Runs $apply with pushes suppressed (a change WorkOS originated).
	 *
	 * @param callable $apply The change.
	 * @return mixed What $apply returns.
	 */
	public static function without_push( callable $apply ) {
		++self::$suppressed;
		try {
			return $apply();
		} finally {
			--self::$suppressed;
		}
	}

	/** @param int $user_id The updated user. */
	public function on_profile_update( $user_id ): void {
		$user_id = (int) $user_id;
		if ( self::is_suppressed() || '' === self::workos_id( $user_id ) ) {
			return;
		}
		$profile = self::profile( $user_id );
		if ( null !== $profile && UserLinker::profile_hash( $profile ) !== (string) get_user_meta( $user_id, UserLinker::META_HASH, true ) ) {
			PushQueue::push( 'profile', $user_id );
		}
	}

	/** @param int $user_id The user whose role was set. */
	public function on_set_user_role( $user_id ): void {
		$user_id = (int) $user_id;
		if ( self::is_suppressed() || '' === self::workos_id( $user_id ) ) {
			return;
		}
		PushQueue::push( 'role', $user_id );
	}

	/**
	 * Sends one queued job. true when done (or nothing to do), WP_Error to retry or give up.
	 *
	 * @return true|WP_Error
	 */
	public static function send( string $kind, int $wp_user_id, ?string $env = null ) {
		$workos_id = self::workos_id( $wp_user_id );
		if ( '' === $workos_id || ! get_userdata( $wp_user_id ) ) {
			return true; // unlinked or deleted since: nothing to push.
		}
		if ( ! Config::is_enabled( $env ) ) {
			return new WP_Error( 'workos_not_configured', __( 'WorkOS is not configured for this environment.', 'workos-companion' ), array( 'status' => 0 ) );
		}
		$client = Client::for_environment( $env );
		switch ( $kind ) {
			case 'role':
				return self::send_role( $client, $wp_user_id, $workos_id, $env );
			case 'puid':
				return self::send_puid( $client, $wp_user_id, $workos_id );
		}
		return self::send_profile( $client, $wp_user_id, $workos_id );
	}

	/**
	 * The metadata key naming this site: `puid:{site key}` as the reference writes it, or, when
	 * that is longer than the 40 characters WorkOS allows for a key, `puid:` and a hash of it.
	 */
	public static function puid_key(): string {
		$key = 'puid:' . AuditEvent::site_key();
		return strlen( $key ) <= 40 ? $key : 'puid:' . substr( hash( 'sha256', AuditEvent::site_key() ), 0, 35 );
	}

	/** @return true|WP_Error */
	private static function send_puid( Client $client, int $wp_user_id, string $workos_id ) {
		$remote = $client->get_user( $workos_id );
		if ( is_wp_error( $remote ) ) {
			return $remote;
		}
		$metadata = is_array( $remote['metadata'] ?? null ) ? $remote['metadata'] : array();
		$key      = self::puid_key();
		if ( ( $metadata[ $key ] ?? null ) === (string) $wp_user_id ) {
			return true;
		}
		$metadata[ $key ] = (string) $wp_user_id;
		$result           = $client->request( 'PUT', '/user_management/users/' . rawurlencode( $workos_id ), array(), array( 'metadata' => (object) $metadata ) );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		Logger::log( 'platform_id_pushed', array( 'user_id' => $wp_user_id, 'metadata' => array( 'workos_user_id' => $workos_id, 'key' => $key ) ) );
		return true;
	}

	/** @return true|WP_Error */
	private static function send_profile( Client $client, int $wp_user_id, string $workos_id ) {
		$profile = self::profile( $wp_user_id );
		if ( null === $profile || UserLinker::profile_hash( $profile ) === (string) get_user_meta( $wp_user_id, UserLinker::META_HASH, true ) ) {
			return true;
		}
		$result = $client->request( 'PUT', '/user_management/users/' . rawurlencode( $workos_id ), array(), $profile );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		update_user_meta( $wp_user_id, UserLinker::META_HASH, UserLinker::profile_hash( $profile ) );
		update_user_meta( $wp_user_id, UserLinker::META_SYNCED_AT, gmdate( 'Y-m-d H:i:s' ) );
		Logger::log( 'profile_pushed', array( 'user_id' => $wp_user_id, 'metadata' => array( 'workos_user_id' => $workos_id ) ) );
		return true;
	}

	/** @return true|WP_Error */
	private static function send_role( Client $client, int $wp_user_id, string $workos_id, ?string $env ) {
		$user    = get_userdata( $wp_user_id );
		$wp_role = (string) ( array_values( (array) $user->roles )[0] ?? '' );
		$slug    = self::reverse_map( $wp_role, $env );
		$org     = (string) Config::get( 'organization_id', $env );
		$org     = '' !== $org ? $org : (string) get_user_meta( $wp_user_id, UserLinker::META_ORG_ID, true );
		if ( '' === $slug || '' === $org ) {
			Logger::log( 'role_push_skipped', array( 'user_id' => $wp_user_id, 'metadata' => array( 'wp_role' => $wp_role, 'reason' => '' === $slug ? 'unmapped_role' : 'no_organization' ) ) );
			return true;
		}
		$list = $client->list_memberships( $workos_id, $org );
		if ( is_wp_error( $list ) ) {
			return $list;
		}
		$membership = $list['data'][0] ?? null;
		if ( ! is_array( $membership ) || empty( $membership['id'] ) ) {
			Logger::log( 'role_push_skipped', array( 'user_id' => $wp_user_id, 'metadata' => array( 'reason' => 'no_membership', 'organization_id' => $org ) ) );
			return true;
		}
		$current = $membership['role'] ?? '';
		$current = is_array( $current ) ? (string) ( $current['slug'] ?? '' ) : (string) $current;
		if ( $current === $slug ) {
			return true;
		}
		$result = $client->request( 'PUT', '/user_management/organization_memberships/' . rawurlencode( (string) $membership['id'] ), array(), array( 'role_slug' => $slug ) );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		Logger::log( 'role_pushed', array( 'user_id' => $wp_user_id, 'metadata' => array( 'role_slug' => $slug, 'membership_id' => $membership['id'] ) ) );
		return true;
	}

	/** The WorkOS role slug of a WordPress role: the inverted role map, the last match winning. */
	public static function reverse_map( string $wp_role, ?string $env = null ): string {
		$slug = '';
		foreach ( RoleMapper::role_map( $env ) as $workos => $wp ) {
			// Keys that are not slugs ("Engineering") are directory group names (DsyncGroupHandler).
			if ( $wp === $wp_role && sanitize_key( (string) $workos ) === (string) $workos ) {
				$slug = (string) $workos;
			}
		}
		return $slug;
	}

	/** @return array{email:string,first_name:string,last_name:string}|null */
	private static function profile( int $user_id ): ?array {
		$user = get_userdata( $user_id );
		if ( ! $user ) {
			return null;
		}
		return array(
			'email'      => (string) $user->user_email,
			'first_name' => (string) get_user_meta( $user_id, 'first_name', true ),
			'last_name'  => (string) get_user_meta( $user_id, 'last_name', true ),
		);
	}

	private static function workos_id( int $user_id ): string {
		return $user_id > 0 ? (string) get_user_meta( $user_id, UserLinker::META_USER_ID, true ) : '';
	}
}
