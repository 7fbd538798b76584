<?php
/**
 * The local organization cache (seed spec §8.1, §8.2): {prefix}workos_organizations,
 * {prefix}workos_org_memberships and {prefix}workos_org_sites, always through prepared statements.
 *
 * Upsert by WorkOS id. The slug is sanitize_title(name); when another organization holds it the
 * slug gets "-2", "-3"... (the reference failed the insert instead). New organizations are linked
 * to the current site as its primary organization.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Organization;

use WorkOSCompanion\WorkOS\Client;
use WP_Error;

defined( 'ABSPATH' ) || exit;

final class OrganizationRepository {
	private const MAX_SLUG_TRIES = 50;

	public static function organizations_table(): string {
		global $wpdb;
		return $wpdb->prefix . 'workos_organizations';
	}

	public static function memberships_table(): string {
		global $wpdb;
		return $wpdb->prefix . 'workos_org_memberships';
	}

	public static function sites_table(): string {
		global $wpdb;
		return $wpdb->prefix . 'workos_org_sites';
	}

	/** @return array<string,mixed>|null The local row of a WorkOS organization. */
	public static function find_by_workos_id( string $workos_org_id ): ?array {
		global $wpdb;
		$table = self::organizations_table();
		$row   = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$table} WHERE workos_org_id = %s", $workos_org_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		return is_array( $row ) ? $row : null;
	}

	/**
	 * The local id of a WorkOS organization, fetched from WorkOS and cached when it is not cached
	 * yet: 0 when WorkOS does not know it (or refuses our credentials: asking again won't help),
	 * WP_Error when WorkOS could not be asked (unreachable, 5xx, 429) or the cache write failed.
	 *
	 * @return int|WP_Error
	 */
	public static function cached_or_fetched( string $workos_org_id, ?string $env = null ) {
		$org = self::find_by_workos_id( $workos_org_id );
		if ( $org ) {
			return (int) $org['id'];
		}
		$fetched = Client::for_environment( $env )->get_organization( $workos_org_id );
		if ( is_wp_error( $fetched ) ) {
			$status = (int) ( ( (array) $fetched->get_error_data() )['status'] ?? 0 );
			return $status > 0 && $status < 500 && 429 !== $status ? 0 : $fetched;
		}
		$local = self::upsert( (array) $fetched );
		return $local > 0 ? $local : new WP_Error( 'workos_organization_not_cached', 'organization_not_cached' );
	}

	/**
	 * Inserts or updates an organization from a WorkOS organization object.
	 *
	 * @param array<string,mixed> $org WorkOS organization (id, name, domains).
	 * @return int Local id, 0 on failure.
	 */
	public static function upsert( array $org ): int {
		global $wpdb;
		$workos_id = sanitize_text_field( (string) ( $org['id'] ?? '' ) );
		$name      = sanitize_text_field( (string) ( $org['name'] ?? '' ) );
		if ( '' === $workos_id || '' === $name ) {
			return 0;
		}
		$domains  = self::encode_domains( $org['domains'] ?? null );
		$now      = gmdate( 'Y-m-d H:i:s' );
		$existing = self::find_by_workos_id( $workos_id );
		$base     = sanitize_title( $name );
		$base     = '' === $base ? 'organization' : substr( $base, 0, 180 );

		if ( $existing ) {
			$slug = self::free_slug( $base, (int) $existing['id'] );
			$ok   = $wpdb->update(
				self::organizations_table(),
				array(
					'name'       => $name,
					'slug'       => $slug,
					'domains'    => $domains,
					'updated_at' => $now,
				),
				array( 'id' => (int) $existing['id'] ),
				array( '%s', '%s', '%s', '%s' ),
				array( '%d' )
			);
			return false === $ok ? 0 : (int) $existing['id'];
		}

		// A concurrent insert may take the slug (or the org) between free_slug() and INSERT: retry.
		for ( $try = 0; $try < 5; $try++ ) {
			$ok = $wpdb->insert(
				self::organizations_table(),
				array(
					'workos_org_id' => $workos_id,
					'name'          => $name,
					'slug'          => self::free_slug( $base, 0 ),
					'domains'       => $domains,
					'created_at'    => $now,
					'updated_at'    => $now,
				),
				array( '%s', '%s', '%s', '%s', '%s', '%s' )
			);
			if ( $ok ) {
				$id = (int) $wpdb->insert_id;
				self::link_site( $id, get_current_blog_id(), true );
				return $id;
			}
			$raced = self::find_by_workos_id( $workos_id );
			if ( $raced ) {
				return self::upsert( $org );
			}
			if ( false === stripos( (string) $wpdb->last_error, 'duplicate' ) ) {
				return 0;
			}
		}
		return 0;
	}

	/**
	 * Upserts like upsert(), but leaves a row whose name and domains are already the same alone
	 * (no updated_at bump) and says which of the three happened.
	 *
	 * @param array<string,mixed> $org WorkOS organization (id, name, domains).
	 * @return array{0:int,1:string} Local id (0 on failure) and created | updated | unchanged | failed.
	 */
	public static function sync( array $org ): array {
		$existing = self::find_by_workos_id( sanitize_text_field( (string) ( $org['id'] ?? '' ) ) );
		if ( $existing
			&& (string) $existing['name'] === sanitize_text_field( (string) ( $org['name'] ?? '' ) )
			&& (string) $existing['domains'] === (string) self::encode_domains( $org['domains'] ?? null ) ) {
			return array( (int) $existing['id'], 'unchanged' );
		}
		$id = self::upsert( $org );
		if ( $id <= 0 ) {
			return array( 0, 'failed' );
		}
		return array( $id, $existing ? 'updated' : 'created' );
	}

	/**
	 * A page of the cached organizations by name, optionally only those whose name, slug or WorkOS
	 * id contains $search.
	 *
	 * @return array<int,array<string,mixed>>
	 */
	public static function list_page( string $search, int $limit, int $offset ): array {
		global $wpdb;
		$table = self::organizations_table();
		list( $where, $params ) = self::search_clause( $search );
		$params[] = $limit;
		$params[] = $offset;
		$rows     = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$table} {$where} ORDER BY name ASC, id ASC LIMIT %d OFFSET %d", $params ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name and placeholders.
		return is_array( $rows ) ? $rows : array();
	}

	public static function count_organizations( string $search ): int {
		global $wpdb;
		$table = self::organizations_table();
		list( $where, $params ) = self::search_clause( $search );
		$sql = "SELECT COUNT(*) FROM {$table} {$where}"; // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name and placeholders.
		return (int) $wpdb->get_var( $params ? $wpdb->prepare( $sql, $params ) : $sql ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- prepared when it has placeholders.
	}

	/**
	 * @param int[] $org_ids Local ids.
	 * @return array<int,int> Local id → number of membership rows.
	 */
	public static function member_counts( array $org_ids ): array {
		global $wpdb;
		$org_ids = array_values( array_unique( array_map( 'intval', $org_ids ) ) );
		if ( ! $org_ids ) {
			return array();
		}
		$table  = self::memberships_table();
		$in     = implode( ', ', array_fill( 0, count( $org_ids ), '%d' ) );
		$rows   = $wpdb->get_results( $wpdb->prepare( "SELECT org_id, COUNT(*) AS members FROM {$table} WHERE org_id IN ({$in}) GROUP BY org_id", $org_ids ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name and placeholders.
		$counts = array_fill_keys( $org_ids, 0 );
		foreach ( (array) $rows as $row ) {
			$counts[ (int) $row['org_id'] ] = (int) $row['members'];
		}
		return $counts;
	}

	/**
	 * @param int[] $org_ids Local ids.
	 * @return array<int,array<int,array{site_id:int,is_primary:bool}>> Local id → its sites, primary first.
	 */
	public static function sites_of( array $org_ids ): array {
		global $wpdb;
		$org_ids = array_values( array_unique( array_map( 'intval', $org_ids ) ) );
		if ( ! $org_ids ) {
			return array();
		}
		$table = self::sites_table();
		$in    = implode( ', ', array_fill( 0, count( $org_ids ), '%d' ) );
		$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT org_id, site_id, is_primary FROM {$table} WHERE org_id IN ({$in}) ORDER BY is_primary DESC, site_id ASC", $org_ids ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name and placeholders.
		$sites = array_fill_keys( $org_ids, array() );
		foreach ( (array) $rows as $row ) {
			$sites[ (int) $row['org_id'] ][] = array(
				'site_id'    => (int) $row['site_id'],
				'is_primary' => 1 === (int) $row['is_primary'],
			);
		}
		return $sites;
	}

	/**
	 * Replaces an organization's site mapping: the given sites (site id → primary), every other
	 * site unlinked. The caller checks that the sites exist and that exactly one is primary.
	 *
	 * @param array<int,bool> $sites
	 * @return bool False on a database error.
	 */
	public static function replace_sites( int $org_id, array $sites ): bool {
		global $wpdb;
		$table = self::sites_table();
		if ( ! $sites ) {
			return false !== $wpdb->delete( $table, array( 'org_id' => $org_id ), array( '%d' ) );
		}
		$values = array();
		$params = array();
		foreach ( $sites as $site_id => $primary ) {
			$values[] = '(%d, %d, %d)';
			array_push( $params, $org_id, (int) $site_id, $primary ? 1 : 0 );
		}
		$upserted = $wpdb->query( $wpdb->prepare( "INSERT INTO {$table} (org_id, site_id, is_primary) VALUES " . implode( ', ', $values ) . ' ON DUPLICATE KEY UPDATE is_primary = VALUES(is_primary)', $params ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name and placeholders.
		if ( false === $upserted ) {
			return false;
		}
		$keep = array_map( 'intval', array_keys( $sites ) );
		$in   = implode( ', ', array_fill( 0, count( $keep ), '%d' ) );
		return false !== $wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE org_id = %d AND site_id NOT IN ({$in})", array_merge( array( $org_id ), $keep ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name and placeholders.
	}

	/**
	 * A page of an organization's membership rows, oldest first, with the user's login, email and
	 * display name ('' when the user no longer exists).
	 *
	 * @return array<int,array<string,mixed>>
	 */
	public static function members( int $org_id, int $limit, int $offset ): array {
		global $wpdb;
		$table = self::memberships_table();
		$rows  = $wpdb->get_results(
			$wpdb->prepare(
				"SELECT m.*, u.ID AS wp_user_exists, u.user_login, u.user_email, u.display_name FROM {$table} m LEFT JOIN {$wpdb->users} u ON u.ID = m.user_id WHERE m.org_id = %d ORDER BY m.joined_at ASC, m.id ASC LIMIT %d OFFSET %d", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names.
				$org_id,
				$limit,
				$offset
			),
			ARRAY_A
		);
		return is_array( $rows ) ? $rows : array();
	}

	/** @return array<string,mixed>|null One membership row joined with its user, as members() gives them. */
	public static function member( int $org_id, int $user_id ): ?array {
		global $wpdb;
		$table = self::memberships_table();
		$row   = $wpdb->get_row( $wpdb->prepare( "SELECT m.*, u.ID AS wp_user_exists, u.user_login, u.user_email, u.display_name FROM {$table} m LEFT JOIN {$wpdb->users} u ON u.ID = m.user_id WHERE m.org_id = %d AND m.user_id = %d", $org_id, $user_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names.
		return is_array( $row ) ? $row : null;
	}

	public static function count_members( int $org_id ): int {
		global $wpdb;
		$table = self::memberships_table();
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$table} WHERE org_id = %d", $org_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
	}

	/**
	 * The domain names of a row's `domains` column: WorkOS objects ({domain, state…}, from WorkOS
	 * and webhooks) or plain strings (older rows, the management API).
	 *
	 * @param string|null $json
	 * @return string[]
	 */
	public static function domain_names( $json ): array {
		$list  = json_decode( (string) $json, true );
		$names = array();
		foreach ( is_array( $list ) ? $list : array() as $item ) {
			$name = is_array( $item ) ? ( $item['domain'] ?? '' ) : $item;
			if ( is_string( $name ) && '' !== $name ) {
				$names[] = $name;
			}
		}
		return $names;
	}

	/** Deletes an organization with its memberships and site links. */
	public static function delete( string $workos_org_id ): bool {
		global $wpdb;
		$org = self::find_by_workos_id( $workos_org_id );
		if ( ! $org ) {
			return false;
		}
		$wpdb->delete( self::memberships_table(), array( 'org_id' => (int) $org['id'] ), array( '%d' ) );
		$wpdb->delete( self::sites_table(), array( 'org_id' => (int) $org['id'] ), array( '%d' ) );
		return (bool) $wpdb->delete( self::organizations_table(), array( 'id' => (int) $org['id'] ), array( '%d' ) );
	}

	public static function link_site( int $org_id, int $site_id, bool $primary ): void {
		global $wpdb;
		$table = self::sites_table();
		$wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$table} (org_id, site_id, is_primary) VALUES (%d, %d, %d)", $org_id, $site_id, $primary ? 1 : 0 ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
	}

	/** @return array<string,mixed>|null The membership row of a user in a local organization. */
	public static function find_membership( int $org_id, int $user_id ): ?array {
		global $wpdb;
		$table = self::memberships_table();
		$row   = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$table} WHERE org_id = %d AND user_id = %d", $org_id, $user_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		return is_array( $row ) ? $row : null;
	}

	/**
	 * Adds a membership, or updates the existing (org, user) row with the non-empty fields only.
	 *
	 * @return bool False on a database error.
	 */
	public static function save_membership( int $org_id, int $user_id, string $membership_id, string $workos_role, string $wp_role ): bool {
		global $wpdb;
		$table = self::memberships_table();
		$role  = '' === $workos_role ? 'member' : $workos_role;
		$done  = $wpdb->query(
			$wpdb->prepare(
				"INSERT INTO {$table} (org_id, user_id, workos_membership_id, workos_role, wp_role, joined_at) VALUES (%d, %d, %s, %s, %s, %s)
				ON DUPLICATE KEY UPDATE workos_membership_id = IF(VALUES(workos_membership_id) = '', workos_membership_id, VALUES(workos_membership_id)),
				workos_role = IF(%s = '', workos_role, VALUES(workos_role)),
				wp_role = IF(VALUES(wp_role) = '', wp_role, VALUES(wp_role))", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
				$org_id,
				$user_id,
				$membership_id,
				$role,
				$wp_role,
				gmdate( 'Y-m-d H:i:s' ),
				$workos_role
			)
		);
		return false !== $done;
	}

	public static function delete_membership( int $org_id, int $user_id ): bool {
		global $wpdb;
		return false !== $wpdb->delete( self::memberships_table(), array( 'org_id' => $org_id, 'user_id' => $user_id ), array( '%d', '%d' ) );
	}

	/**
	 * The `domains` column for a WorkOS `domains` value: its JSON, or null when absent or empty.
	 *
	 * @param mixed $domains
	 */
	private static function encode_domains( $domains ): ?string {
		if ( ! is_array( $domains ) || ! $domains ) {
			return null;
		}
		$json = wp_json_encode( array_values( $domains ) );
		return false === $json ? null : $json;
	}

	/** @return array{0:string,1:array<int,string>} WHERE clause and its parameters for a search ('' for none). */
	private static function search_clause( string $search ): array {
		global $wpdb;
		if ( '' === $search ) {
			return array( '', array() );
		}
		$like = '%' . $wpdb->esc_like( $search ) . '%';
		return array( 'WHERE name LIKE %s OR slug LIKE %s OR workos_org_id LIKE %s', array( $like, $like, $like ) );
	}

	/** The slug for $base that no other organization than $own_id holds. */
	private static function free_slug( string $base, int $own_id ): string {
		global $wpdb;
		$table = self::organizations_table();
		for ( $n = 1; $n <= self::MAX_SLUG_TRIES; $n++ ) {
			$slug   = 1 === $n ? $base : $base . '-' . $n;
			$holder = (int) $wpdb->get_var( $wpdb->prepare( "SELECT id FROM {$table} WHERE slug = %s", $slug ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
			if ( 0 === $holder || $holder === $own_id ) {
				return $slug;
			}
		}
		return $base . '-' . strtolower( wp_generate_password( 6, false ) );
	}
}
