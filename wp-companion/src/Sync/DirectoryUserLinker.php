<?php
/**
 * WordPress users of directory users (Directory Sync), shared by the dsync.* handlers.
 *
 * Directory-user ids are kept apart from user-management ids: a provisioned user carries
 * `_workos_directory_user_id` (and `_workos_directory_id`), never `_workos_user_id`. Provisioning
 * creates only the WordPress user (no WorkOS user is created for it). An existing WordPress user
 * with the directory user's e-mail is linked, except an administrator (linking one takes the
 * console) or a user already linked to another directory user.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Sync;

use WorkOSCompanion\Auth\AccountLock;
use WP_Error;
use WP_User;

defined( 'ABSPATH' ) || exit;

final class DirectoryUserLinker {
	public const META_ID           = '_workos_directory_user_id';
	public const META_DIRECTORY    = '_workos_directory_id';
	public const META_STATE        = '_workos_directory_state';
	public const META_UPDATED_AT   = '_workos_directory_updated_at';
	public const META_GROUPS       = '_workos_directory_groups';

	/** The e-mail of a directory user: primary emails[] entry → first emails[] value → email. */
	public static function email( array $directory_user ): string {
		$emails = is_array( $directory_user['emails'] ?? null ) ? $directory_user['emails'] : array();
		foreach ( $emails as $entry ) {
			if ( is_array( $entry ) && ! empty( $entry['primary'] ) && is_email( (string) ( $entry['value'] ?? '' ) ) ) {
				return (string) $entry['value'];
			}
		}
		foreach ( $emails as $entry ) {
			if ( is_array( $entry ) && is_email( (string) ( $entry['value'] ?? '' ) ) ) {
				return (string) $entry['value'];
			}
		}
		$email = (string) ( $directory_user['email'] ?? '' );
		return is_email( $email ) ? $email : '';
	}

	public static function find( string $directory_user_id ): ?WP_User {
		if ( '' === $directory_user_id ) {
			return null;
		}
		$ids = get_users(
			array(
				'meta_key'    => self::META_ID, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_key
				'meta_value'  => $directory_user_id, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_value
				'number'      => 1,
				'orderby'     => 'ID',
				'fields'      => 'ID',
				'count_total' => false,
				'blog_id'     => 0,
			)
		);
		return $ids ? ( get_userdata( (int) $ids[0] ) ?: null ) : null;
	}

	/**
	 * Finds, links or creates the WordPress user of a directory user.
	 *
	 * @return WP_User|WP_Error
	 */
	public static function provision( array $directory_user ) {
		$id    = sanitize_text_field( (string) ( $directory_user['id'] ?? '' ) );
		$email = self::email( $directory_user );
		if ( '' === $id || '' === $email ) {
			return new WP_Error( 'workos_invalid_directory_user', __( 'The directory user has no id or no e-mail address.', 'workos-companion' ) );
		}
		// WorkOS delivers a new user's events in parallel (dsync.user.created and
		// dsync.group.user_added arrive together, on different PHP workers): one database lock per
		// directory user makes the second wait and find the first one's user instead of
		// creating a duplicate that fails.
		global $wpdb;
		$lock = 'workos_dsync_' . substr( md5( $id ), 0, 24 );
		if ( '1' !== (string) $wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, %d)', $lock, 15 ) ) ) {
			return new WP_Error( 'workos_directory_busy', __( 'Another update of this directory user is still running.', 'workos-companion' ), array( 'transient' => true ) );
		}
		try {
			return self::provision_locked( $id, $email, $directory_user );
		} finally {
			$wpdb->query( $wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', $lock ) );
		}
	}

	/** @return WP_User|WP_Error */
	private static function provision_locked( string $id, string $email, array $directory_user ) {
		$user = self::find( $id );
		if ( $user ) {
			return self::update( $user, $directory_user );
		}
		$existing = get_user_by( 'email', $email );
		if ( $existing ) {
			$other = (string) get_user_meta( $existing->ID, self::META_ID, true );
			if ( '' !== $other && $other !== $id ) {
				return new WP_Error( 'workos_directory_conflict', __( 'The user with this e-mail address belongs to another directory user.', 'workos-companion' ) );
			}
			if ( UserLinker::is_administrator( $existing ) ) {
				return new WP_Error( 'workos_admin_link_required', __( 'This e-mail address belongs to an administrator of this site. Administrator accounts are never linked automatically: an administrator must link it from the WorkOS Console first.', 'workos-companion' ) );
			}
			if ( AccountLock::is_deactivated( $existing->ID ) ) {
				return AccountLock::error();
			}
			self::link( $existing->ID, $directory_user );
			return self::update( $existing, $directory_user );
		}
		return self::create( $directory_user, $email );
	}

	/** @return WP_User|WP_Error */
	public static function update( WP_User $user, array $directory_user ) {
		$changes = array( 'ID' => $user->ID );
		foreach ( array( 'first_name', 'last_name' ) as $field ) {
			$value = trim( (string) ( $directory_user[ $field ] ?? '' ) );
			if ( '' !== $value ) {
				$changes[ $field ] = sanitize_text_field( $value );
			}
		}
		$name = trim( ( $changes['first_name'] ?? '' ) . ' ' . ( $changes['last_name'] ?? '' ) );
		if ( '' !== $name ) {
			$changes['display_name'] = $name;
		}
		$email = self::email( $directory_user );
		$owner = '' !== $email ? get_user_by( 'email', $email ) : false;
		if ( '' !== $email && strtolower( $email ) !== strtolower( $user->user_email ) && ! $owner ) {
			$changes['user_email'] = sanitize_email( $email );
		}
		$result = ProfilePush::without_push(
			static function () use ( $changes ) {
				add_filter( 'send_email_change_email', '__return_false', 99 );
				$result = wp_update_user( $changes );
				remove_filter( 'send_email_change_email', '__return_false', 99 );
				return $result;
			}
		);
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		self::link( $user->ID, $directory_user );
		return get_userdata( $user->ID );
	}

	/** Whether $directory_user is older than what is stored for this user (ordering). */
	public static function is_stale( int $user_id, array $directory_user ): bool {
		$stored = self::timestamp( (string) get_user_meta( $user_id, self::META_UPDATED_AT, true ) );
		$theirs = self::timestamp( (string) ( $directory_user['updated_at'] ?? '' ) );
		return null !== $stored && null !== $theirs && $theirs < $stored;
	}

	/** An ISO-8601 time with its milliseconds (WorkOS's updated_at), or null. */
	public static function timestamp( string $iso ): ?float {
		if ( '' === trim( $iso ) ) {
			return null;
		}
		try {
			return (float) ( new \DateTimeImmutable( $iso ) )->format( 'U.u' );
		} catch ( \Exception $e ) {
			return null;
		}
	}

	private static function link( int $user_id, array $directory_user ): void {
		update_user_meta( $user_id, self::META_ID, sanitize_text_field( (string) $directory_user['id'] ) );
		foreach ( array( self::META_DIRECTORY => 'directory_id', self::META_STATE => 'state', self::META_UPDATED_AT => 'updated_at' ) as $meta => $field ) {
			if ( '' !== (string) ( $directory_user[ $field ] ?? '' ) ) {
				update_user_meta( $user_id, $meta, sanitize_text_field( (string) $directory_user[ $field ] ) );
			}
		}
	}

	/** @return WP_User|WP_Error */
	private static function create( array $directory_user, string $email ) {
		$role = (string) get_option( 'default_role', 'subscriber' );
		$role = '' !== $role && wp_roles()->is_role( $role ) ? $role : 'subscriber';
		$data = array(
			'user_login'   => UsernameGenerator::generate( $email ),
			'user_pass'    => wp_generate_password( 64, true, true ),
			'user_email'   => sanitize_email( $email ),
			'first_name'   => sanitize_text_field( (string) ( $directory_user['first_name'] ?? '' ) ),
			'last_name'    => sanitize_text_field( (string) ( $directory_user['last_name'] ?? '' ) ),
			'display_name' => trim( (string) ( $directory_user['first_name'] ?? '' ) . ' ' . (string) ( $directory_user['last_name'] ?? '' ) ),
			'role'         => $role,
		);
		if ( '' === $data['display_name'] ) {
			$data['display_name'] = $data['user_email'];
		}
		$user_id = ProfilePush::without_push(
			static function () use ( $data ) {
				add_filter( 'wp_send_new_user_notification_to_user', '__return_false', 99 );
				add_filter( 'wp_send_new_user_notification_to_admin', '__return_false', 99 );
				$user_id = wp_insert_user( $data );
				remove_filter( 'wp_send_new_user_notification_to_user', '__return_false', 99 );
				remove_filter( 'wp_send_new_user_notification_to_admin', '__return_false', 99 );
				return $user_id;
			}
		);
		if ( is_wp_error( $user_id ) ) {
			return $user_id;
		}
		self::link( (int) $user_id, $directory_user );
		return get_userdata( (int) $user_id );
	}
}
