<?php
/**
 * WordPress users as the management API shows them: the account, its roles on this site and its
 * WorkOS metadata. A page costs two queries whatever its size: the users, then the few usermeta
 * keys of exactly those users (no per-user lookups, no meta cache priming of every key).
 *
 * On a multisite only members of the current site (users with its capabilities key) are listed
 * or found.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Users;

use WorkOSCompanion\Auth\AccountLock;
use WorkOSCompanion\Sync\Deprovisioner;
use WorkOSCompanion\Sync\DirectoryUserLinker;
use WorkOSCompanion\Sync\UserLinker;

defined( 'ABSPATH' ) || exit;

final class UserRecords {
	public const MAX_LIMIT     = 500;
	public const DEFAULT_LIMIT = 100;

	/**
	 * One page in ID order after the cursor.
	 *
	 * @param array{linked?:bool|null,role?:string,search?:string,after?:int,limit?:int} $filters
	 * @return array{users:array<int,array<string,mixed>>,next_after:int|null}
	 */
	public static function page( array $filters ): array {
		global $wpdb;
		$limit  = max( 1, min( self::MAX_LIMIT, (int) ( $filters['limit'] ?? self::DEFAULT_LIMIT ) ) );
		$where  = array( 'u.ID > %d' );
		$params = array( max( 0, (int) ( $filters['after'] ?? 0 ) ) );

		if ( is_multisite() ) {
			$where[]  = "EXISTS (SELECT 1 FROM {$wpdb->usermeta} s WHERE s.user_id = u.ID AND s.meta_key = %s)";
			$params[] = self::capabilities_key();
		}
		$role = (string) ( $filters['role'] ?? '' );
		if ( '' !== $role ) {
			// As WP_User_Query matches roles: the quoted role name inside the serialized capabilities.
			$where[]  = "EXISTS (SELECT 1 FROM {$wpdb->usermeta} r WHERE r.user_id = u.ID AND r.meta_key = %s AND r.meta_value LIKE %s)";
			$params[] = self::capabilities_key();
			$params[] = '%' . $wpdb->esc_like( '"' . $role . '"' ) . '%';
		}
		if ( isset( $filters['linked'] ) && null !== $filters['linked'] ) {
			$where[]  = ( $filters['linked'] ? '' : 'NOT ' ) . "EXISTS (SELECT 1 FROM {$wpdb->usermeta} l WHERE l.user_id = u.ID AND l.meta_key = %s AND l.meta_value <> '')";
			$params[] = UserLinker::META_USER_ID;
		}
		$search = trim( (string) ( $filters['search'] ?? '' ) );
		if ( '' !== $search ) {
			$like     = '%' . $wpdb->esc_like( $search ) . '%';
			$where[]  = '(u.user_login LIKE %s OR u.user_email LIKE %s OR u.display_name LIKE %s)';
			$params[] = $like;
			$params[] = $like;
			$params[] = $like;
		}
		$params[] = $limit + 1; // one more than asked says whether there is a next page

		$rows = $wpdb->get_results(
			$wpdb->prepare(
				"SELECT u.ID, u.user_login, u.user_email, u.display_name, u.user_registered FROM {$wpdb->users} u WHERE " . implode( ' AND ', $where ) . ' ORDER BY u.ID ASC LIMIT %d', // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the clauses above hold placeholders only.
				$params
			)
		);
		$more = count( $rows ) > $limit;
		$rows = array_slice( $rows, 0, $limit );
		$list = array_map( array( self::class, 'without_membership' ), self::shape( $rows ) );
		return array(
			'users'      => $list,
			'next_after' => $more && $list ? (int) end( $list )['id'] : null,
		);
	}

	/** @return array<string,mixed>|null One user, or null when there is none (on this site). */
	public static function one( int $user_id ): ?array {
		global $wpdb;
		if ( $user_id <= 0 ) {
			return null;
		}
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT ID, user_login, user_email, display_name, user_registered FROM {$wpdb->users} WHERE ID = %d", $user_id ) );
		$list = self::shape( $rows );
		if ( ! $list || ( is_multisite() && ! $list[0]['member'] ) ) {
			return null;
		}
		return self::without_membership( $list[0] );
	}

	public static function id_by_email( string $email ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT ID FROM {$wpdb->users} WHERE user_email = %s ORDER BY ID ASC LIMIT 1", $email ) );
	}

	public static function id_by_workos_id( string $workos_user_id ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT user_id FROM {$wpdb->usermeta} WHERE meta_key = %s AND meta_value = %s ORDER BY user_id ASC LIMIT 1", UserLinker::META_USER_ID, $workos_user_id ) );
	}

	/** This site's capabilities usermeta key ({prefix}capabilities). */
	public static function capabilities_key(): string {
		global $wpdb;
		return $wpdb->get_blog_prefix() . 'capabilities';
	}

	/**
	 * Role slugs held in a capabilities value, as WP_User reads them (every key that is a role).
	 *
	 * @param mixed $capabilities The stored (possibly serialized) capabilities.
	 * @return string[]
	 */
	public static function roles_of( $capabilities ): array {
		$capabilities = maybe_unserialize( $capabilities );
		if ( ! is_array( $capabilities ) ) {
			return array();
		}
		return array_values( array_filter( array_map( 'strval', array_keys( $capabilities ) ), array( wp_roles(), 'is_role' ) ) );
	}

	/**
	 * The answer's shape for users rows, with their metadata read in one query.
	 *
	 * @param array<int,object> $rows Rows of ID, user_login, user_email, display_name, user_registered.
	 * @return array<int,array<string,mixed>>
	 */
	private static function shape( array $rows ): array {
		global $wpdb;
		if ( ! $rows ) {
			return array();
		}
		$ids  = array_map( 'intval', wp_list_pluck( $rows, 'ID' ) );
		$keys = array( self::capabilities_key(), UserLinker::META_USER_ID, DirectoryUserLinker::META_ID, UserLinker::META_ORG_ID, UserLinker::META_SYNCED_AT, AccountLock::META, Deprovisioner::META );
		$meta = array();
		$sql  = "SELECT user_id, meta_key, meta_value FROM {$wpdb->usermeta} WHERE user_id IN (" . implode( ',', $ids ) . ') AND meta_key IN (' . implode( ',', array_fill( 0, count( $keys ), '%s' ) ) . ') ORDER BY umeta_id ASC';
		foreach ( $wpdb->get_results( $wpdb->prepare( $sql, $keys ) ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- ids are integers, keys placeholders.
			// The first row of a key is what get_user_meta( $id, $key, true ) returns.
			if ( ! isset( $meta[ (int) $row->user_id ][ $row->meta_key ] ) ) {
				$meta[ (int) $row->user_id ][ $row->meta_key ] = $row->meta_value;
			}
		}
		$out = array();
		foreach ( $rows as $row ) {
			$m      = $meta[ (int) $row->ID ] ?? array();
			$record = maybe_unserialize( $m[ Deprovisioner::META ] ?? '' );
			$out[]  = array(
				'id'                => (int) $row->ID,
				'login'             => (string) $row->user_login,
				'email'             => (string) $row->user_email,
				'display_name'      => (string) $row->display_name,
				'roles'             => self::roles_of( $m[ self::capabilities_key() ] ?? '' ),
				'registered'        => self::iso( (string) $row->user_registered ),
				'workos_user_id'    => self::nullable( $m[ UserLinker::META_USER_ID ] ?? '' ),
				'directory_user_id' => self::nullable( $m[ DirectoryUserLinker::META_ID ] ?? '' ),
				'org_id'            => self::nullable( $m[ UserLinker::META_ORG_ID ] ?? '' ),
				'last_synced_at'    => self::iso( (string) ( $m[ UserLinker::META_SYNCED_AT ] ?? '' ) ),
				'deactivated'       => AccountLock::is_flag_set( $m[ AccountLock::META ] ?? '' ),
				'deprovisioned'     => is_array( $record ) ? self::deprovisioned( $record ) : null,
				'member'            => isset( $m[ self::capabilities_key() ] ),
			);
		}
		return $out;
	}

	/**
	 * @param array<string,mixed> $user A shaped user.
	 * @return array<string,mixed> The same without the internal membership flag.
	 */
	private static function without_membership( array $user ): array {
		unset( $user['member'] );
		return $user;
	}

	/**
	 * @param array<string,mixed> $record The `_workos_deprovisioned` record.
	 * @return array<string,mixed>
	 */
	private static function deprovisioned( array $record ): array {
		return array(
			'action' => (string) ( $record['action'] ?? '' ),
			'reason' => (string) ( $record['reason'] ?? '' ),
			'at'     => self::iso( (string) ( $record['at'] ?? '' ) ),
			'roles'  => array_values( array_map( 'strval', (array) ( $record['roles'] ?? array() ) ) ),
		);
	}

	/** A stored UTC "Y-m-d H:i:s" as ISO 8601 ("…T…Z"); null when empty or unreadable. */
	public static function iso( string $mysql ): ?string {
		$mysql = trim( $mysql );
		if ( '' === $mysql || 0 === strpos( $mysql, '0000-00-00' ) ) {
			return null;
		}
		$time = date_create_immutable( $mysql, new \DateTimeZone( 'UTC' ) );
		return $time ? $time->format( 'Y-m-d\TH:i:s\Z' ) : null;
	}

	private static function nullable( string $value ): ?string {
		return '' === $value ? null : $value;
	}
}
