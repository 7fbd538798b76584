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
		$domains  = is_array( $org['domains'] ?? null ) && $org['domains'] ? wp_json_encode( array_values( $org['domains'] ) ) : null;
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
