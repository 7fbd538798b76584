<?php
/**
 * WorkOS role → WordPress role (seed spec §7.1–§7.3).
 *
 * The map is the active environment's `role_map` ({workos slug: wp role}); empty or missing →
 * admin→administrator, editor→editor, member→subscriber. An unmapped WorkOS role gets the
 * `member` mapping, then `subscriber`. At login the role comes from the authenticate response
 * (`role`, `organization_membership.role`, then the `role` claim of the access token WorkOS just
 * issued us) and replaces the user's roles, except that the site's last administrator is never
 * demoted at login.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Sync;

use WorkOSCompanion\Auth\TokenStore;
use WorkOSCompanion\Config\Config;

defined( 'ABSPATH' ) || exit;

final class RoleMapper {
	public const DEFAULT_MAP = array(
		'admin'  => 'administrator',
		'editor' => 'editor',
		'member' => 'subscriber',
	);

	public const FALLBACK_ROLE = 'subscriber';

	public const UNCHANGED       = 'unchanged';
	public const CHANGED         = 'changed';
	public const NO_ROLE         = 'no_role';
	public const UNKNOWN_WP_ROLE = 'unknown_wp_role';
	public const KEPT_LAST_ADMIN = 'kept_last_administrator';

	/** @var int While > 0 a role is being applied from WorkOS: WP→WorkOS role push must not echo it. */
	private static $applying = 0;

	public static function is_applying(): bool {
		return self::$applying > 0;
	}

	/** @return array<string,string> The effective map of an environment (the active one by default). */
	public static function role_map( ?string $env = null ): array {
		$stored = Config::get( 'role_map', $env );
		$map    = array();
		if ( is_array( $stored ) ) {
			foreach ( $stored as $workos => $wp ) {
				$workos = is_string( $workos ) ? trim( $workos ) : '';
				$wp     = is_string( $wp ) ? trim( $wp ) : '';
				if ( '' !== $workos && '' !== $wp ) {
					$map[ $workos ] = $wp;
				}
			}
		}
		return $map ? $map : self::DEFAULT_MAP;
	}

	/** The WordPress role for a WorkOS role slug: map[role] → map[member] → subscriber. */
	public static function map( string $workos_role, ?string $env = null ): string {
		$map = self::role_map( $env );
		return $map[ $workos_role ] ?? $map['member'] ?? self::FALLBACK_ROLE;
	}

	/**
	 * The WorkOS role slug an authenticate response gives the user, or "" when it gives none
	 * (a session outside any organization).
	 *
	 * @param array<string,mixed> $response WorkOS authenticate response.
	 */
	public static function role_from_response( array $response ): string {
		foreach ( array( $response['role'] ?? null, $response['organization_membership']['role'] ?? null ) as $role ) {
			$slug = self::slug( $role );
			if ( '' !== $slug ) {
				return $slug;
			}
		}
		// The access token comes straight from our own authenticate call to WorkOS, so its claims
		// are WorkOS's word; it carries the organization role of org-scoped sessions.
		return self::slug( TokenStore::unverified_claims( (string) ( $response['access_token'] ?? '' ) )['role'] ?? null );
	}

	/**
	 * Applies the role of a login.
	 *
	 * @param array<string,mixed> $response WorkOS authenticate response.
	 * @return string One of the result constants.
	 */
	public static function apply_on_login( int $user_id, array $response ): string {
		$workos_role = self::role_from_response( $response );
		if ( '' === $workos_role ) {
			return self::NO_ROLE;
		}
		return self::apply( $user_id, self::map( $workos_role ) );
	}

	/** Gives the user exactly this WordPress role (unless it would demote the last administrator). */
	public static function apply( int $user_id, string $wp_role ): string {
		$user = get_userdata( $user_id );
		if ( ! $user || '' === $wp_role ) {
			return self::NO_ROLE;
		}
		if ( ! wp_roles()->is_role( $wp_role ) ) {
			self::log( sprintf( 'role map points at "%s", which is not a WordPress role: user %d keeps their role', $wp_role, $user_id ) );
			return self::UNKNOWN_WP_ROLE;
		}
		if ( in_array( $wp_role, (array) $user->roles, true ) ) {
			return self::UNCHANGED;
		}
		if ( 'administrator' !== $wp_role && in_array( 'administrator', (array) $user->roles, true ) && self::administrator_count() <= 1 ) {
			self::log( sprintf( 'user %d is the last administrator: not demoted to "%s" at login', $user_id, $wp_role ) );
			return self::KEPT_LAST_ADMIN;
		}
		++self::$applying;
		try {
			$user->set_role( $wp_role );
		} finally {
			--self::$applying;
		}
		return self::CHANGED;
	}

	public static function administrator_count(): int {
		return count(
			get_users(
				array(
					'role'        => 'administrator',
					'fields'      => 'ID',
					'number'      => 2,
					'count_total' => false,
				)
			)
		);
	}

	/** @param mixed $role A slug string or a {slug} object. */
	private static function slug( $role ): string {
		if ( is_array( $role ) ) {
			$role = $role['slug'] ?? '';
		}
		return is_string( $role ) ? sanitize_key( $role ) : '';
	}

	private static function log( string $message ): void {
		if ( ( defined( 'WORKOS_DEBUG' ) && WORKOS_DEBUG ) || ( defined( 'WP_DEBUG' ) && WP_DEBUG ) ) {
			error_log( '[WorkOS][INFO] ' . $message ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- debug log as the reference does.
		}
	}
}
