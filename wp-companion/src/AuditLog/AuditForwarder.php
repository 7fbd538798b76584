<?php
/**
 * WordPress events → WorkOS audit-log events (seed spec §11, shape of workos-api.md §6), queued
 * in AuditQueue and sent by WP-Cron: nothing here makes an HTTP request, so a sign-in is never
 * slowed by WorkOS.
 *
 * Active while audit_logging_enabled is on and the plugin is configured (checked per event, so
 * turning it on or off takes effect at once). Differences from the reference, on purpose:
 * the organization is the actor's WorkOS organization, else the site's configured one; actors
 * who are not linked to WorkOS are recorded as "wp_user_{ID}" instead of being skipped; sign-outs
 * are recorded (WordPress passes the user to wp_logout); a save that publishes a post is
 * post.published, one that trashes it post.trashed.
 *
 * Names inside events ("User Login", "(no title)", "User #12") are audit data, read in the WorkOS
 * dashboard next to events of other sites: they stay in English, whatever the site's locale.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\AuditLog;

use WorkOSCompanion\ActivityLog\ClientIp;
use WorkOSCompanion\Config\Config;
use WP_Post;
use WP_User;

defined( 'ABSPATH' ) || exit;

final class AuditForwarder {
	public function register(): void {
		add_action( AuditQueue::CRON_HOOK, array( AuditQueue::class, 'run_cron' ) );
		add_action( 'wp_login', array( self::class, 'on_login' ), 10, 2 );
		add_action( 'wp_logout', array( self::class, 'on_logout' ), 10, 1 );
		add_action( 'wp_login_failed', array( self::class, 'on_login_failed' ), 10, 2 );
		add_action( 'wp_after_insert_post', array( self::class, 'on_post_saved' ), 10, 4 );
		add_action( 'delete_post', array( self::class, 'on_post_deleted' ), 10, 1 );
		add_action( 'user_register', array( self::class, 'on_user_created' ), 10, 1 );
		add_action( 'delete_user', array( self::class, 'on_user_deleted' ), 10, 1 );
		add_action( 'set_user_role', array( self::class, 'on_role_changed' ), 10, 3 );
	}

	public static function is_active(): bool {
		$flag = Config::get( 'audit_logging_enabled' );
		$on   = is_string( $flag ) ? in_array( strtolower( $flag ), array( '1', 'true', 'yes', 'on' ), true ) : (bool) $flag;
		return $on && Config::is_enabled();
	}

	/**
	 * Queues an event for the actor's organization.
	 *
	 * @param array<int,array<string,string>>     $targets  Targets.
	 * @param array<string,string|int|float|bool> $metadata Metadata.
	 * @return string The queued event's key, or '' when nothing was queued.
	 */
	public static function record( string $action, WP_User $actor, array $targets, array $metadata = array() ): string {
		if ( ! self::is_active() ) {
			return '';
		}
		$organization = AuditEvent::organization_for( $actor );
		if ( '' === $organization ) {
			return '';
		}
		$event = AuditEvent::build( $action, $actor, $targets, $metadata );
		/**
		 * The audit event about to be queued for WorkOS; return a falsy value to skip it.
		 *
		 * @param array<string,mixed> $event        The event (workos-api.md §6 shape).
		 * @param string              $organization The WorkOS organization it belongs to.
		 * @param WP_User             $actor        The WordPress user who acted.
		 */
		$event = apply_filters( 'workos_audit_event', $event, $organization, $actor );
		if ( ! is_array( $event ) || empty( $event['action'] ) ) {
			return '';
		}
		return AuditQueue::push( $organization, $event );
	}

	/**
	 * @param string       $login The user's login.
	 * @param WP_User|null $user  The user.
	 */
	public static function on_login( $login, $user = null ): void {
		$user = $user instanceof WP_User ? $user : get_user_by( 'login', (string) $login );
		if ( $user ) {
			self::record( 'user.logged_in', $user, array( self::session_target( 'login', 'User Login' ) ), array( 'ip_address' => ClientIp::get() ) );
		}
	}

	/** @param int|string $user_id WordPress 5.5+ passes the user signing out. */
	public static function on_logout( $user_id = 0 ): void {
		$user = get_userdata( (int) $user_id > 0 ? (int) $user_id : get_current_user_id() );
		if ( $user ) {
			self::record( 'user.logged_out', $user, array( self::session_target( 'logout', 'User Logout' ) ) );
		}
	}

	/**
	 * @param string $username Login or email typed in.
	 * @param mixed  $error    WP_Error.
	 */
	public static function on_login_failed( $username, $error = null ): void {
		$username = (string) $username;
		$user     = get_user_by( 'login', $username );
		if ( ! $user && is_email( $username ) ) {
			$user = get_user_by( 'email', $username );
		}
		if ( ! $user ) {
			return; // nobody to attribute it to.
		}
		$metadata = array( 'ip_address' => ClientIp::get() );
		if ( is_wp_error( $error ) ) {
			$metadata['error'] = (string) $error->get_error_code();
		}
		self::record( 'user.login_failed', $user, array( self::session_target( 'login_failed', 'Failed Login Attempt' ) ), $metadata );
	}

	/**
	 * @param int|string   $post_id     The post.
	 * @param WP_Post|null $post        The post as saved.
	 * @param bool         $update      Whether it existed before.
	 * @param WP_Post|null $post_before The post before this save (null when new).
	 */
	public static function on_post_saved( $post_id, $post = null, $update = false, $post_before = null ): void {
		$post  = $post instanceof WP_Post ? $post : get_post( (int) $post_id );
		$actor = wp_get_current_user();
		if ( ! $post || ! $actor->exists() || ! self::is_audited_post( $post ) || 'auto-draft' === $post->post_status ) {
			return;
		}
		$before = $post_before instanceof WP_Post ? $post_before->post_status : 'new';
		if ( 'publish' === $post->post_status && 'publish' !== $before ) {
			$action = 'post.published';
		} elseif ( 'trash' === $post->post_status && 'trash' !== $before ) {
			$action = 'post.trashed';
		} elseif ( 'new' === $before || 'auto-draft' === $before ) {
			$action = 'post.created';
		} else {
			$action = 'post.updated';
		}
		self::record(
			$action,
			$actor,
			array( self::post_target( $post ) ),
			array(
				'post_type'   => $post->post_type,
				'post_status' => $post->post_status,
			)
		);
	}

	/** @param int|string $post_id The post about to be deleted. */
	public static function on_post_deleted( $post_id ): void {
		$post  = get_post( (int) $post_id );
		$actor = wp_get_current_user();
		if ( $post && $actor->exists() && self::is_audited_post( $post ) && 'auto-draft' !== $post->post_status ) {
			self::record( 'post.deleted', $actor, array( self::post_target( $post ) ), array( 'post_type' => $post->post_type ) );
		}
	}

	/** @param int|string $user_id The new user. */
	public static function on_user_created( $user_id ): void {
		$user = get_userdata( (int) $user_id );
		if ( ! $user ) {
			return;
		}
		$actor = wp_get_current_user();
		self::record( 'user.created', $actor->exists() ? $actor : $user, array( AuditEvent::user_target( $user ) ) );
	}

	/** @param int|string $user_id The user about to be deleted. */
	public static function on_user_deleted( $user_id ): void {
		$user  = get_userdata( (int) $user_id );
		$actor = wp_get_current_user();
		if ( $user && $actor->exists() ) {
			self::record( 'user.deleted', $actor, array( AuditEvent::user_target( $user ) ) );
		}
	}

	/**
	 * @param int|string $user_id   The user.
	 * @param string     $role      The new role.
	 * @param string[]   $old_roles The roles before.
	 */
	public static function on_role_changed( $user_id, $role = '', $old_roles = array() ): void {
		$old_roles = array_values( array_filter( (array) $old_roles ) );
		$user      = get_userdata( (int) $user_id );
		$actor     = wp_get_current_user();
		// A user who had no role is being created: user.created covers it.
		if ( ! $user || ! $actor->exists() || ! $old_roles ) {
			return;
		}
		self::record(
			'user.role_changed',
			$actor,
			array( AuditEvent::user_target( $user ) ),
			array(
				'old_roles' => implode( ',', $old_roles ),
				'new_role'  => (string) $role,
			)
		);
	}

	private static function is_audited_post( WP_Post $post ): bool {
		if ( wp_is_post_revision( $post ) || wp_is_post_autosave( $post ) ) {
			return false;
		}
		return is_post_type_viewable( $post->post_type );
	}

	/** @return array{id:string,type:string,name:string} */
	private static function post_target( WP_Post $post ): array {
		$title = '' !== trim( $post->post_title ) ? $post->post_title : '(no title)';
		return array(
			'id'   => (string) $post->ID,
			'type' => 'post',
			'name' => AuditEvent::text( $title ),
		);
	}

	/** @return array{id:string,type:string,name:string} */
	private static function session_target( string $id, string $name ): array {
		return array(
			'id'   => $id,
			'type' => 'session',
			'name' => $name,
		);
	}
}
