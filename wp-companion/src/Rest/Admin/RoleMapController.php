<?php
/**
 * GET/PUT /admin/role-map: the WorkOS role (or directory group) → WordPress role map of an
 * environment, with the site's WordPress roles to choose from.
 *
 * PUT replaces the map ({} puts the built-in map back). Every WordPress role must exist. A map
 * that would leave the site without an administrator — every administrator is linked to WorkOS
 * and none of their WorkOS roles maps to administrator any more — is refused (409) unless
 * `force` is true: the next sign-in or membership event would demote them all.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Admin;

use WorkOSCompanion\ActivityLog\Logger;
use WorkOSCompanion\Config\Config;
use WorkOSCompanion\Organization\OrganizationRepository;
use WorkOSCompanion\Sync\RoleMapper;
use WorkOSCompanion\Sync\UserLinker;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class RoleMapController extends AdminController {
	public const MAX_ENTRIES = 200;

	public function register_routes(): void {
		$env = self::env_arg();
		$this->route(
			'role-map',
			array(
				array(
					'methods'  => WP_REST_Server::READABLE,
					'callback' => array( $this, 'get_map' ),
					'args'     => array( 'env' => $env ),
				),
				array(
					'methods'  => WP_REST_Server::EDITABLE,
					'callback' => array( $this, 'put_map' ),
					'args'     => array(
						'env'   => $env,
						'map'   => array(
							'required'             => true,
							'type'                 => 'object',
							'maxProperties'        => self::MAX_ENTRIES,
							'additionalProperties' => array(
								'type'      => 'string',
								'minLength' => 1,
								'maxLength' => 64,
								'pattern'   => '^[a-z0-9_-]+$',
							),
						),
						'force' => array(
							'type'    => 'boolean',
							'default' => false,
						),
					),
				),
			)
		);
	}

	public function get_map( WP_REST_Request $request ): array {
		return self::describe( self::env( $request ) );
	}

	/** @return array<string,mixed>|\WP_Error */
	public function put_map( WP_REST_Request $request ) {
		$env   = self::env( $request );
		$given = (array) $request->get_param( 'map' );
		if ( $given && array_keys( $given ) === range( 0, count( $given ) - 1 ) ) {
			// A JSON list passes the REST API's "object" check; its keys would be 0, 1, 2...
			return self::error( 'rest_invalid_param', __( 'map must be an object of WorkOS role → WordPress role, not a list.', 'workos-companion' ), 400, array( 'params' => array( 'map' => 'not_an_object' ) ) );
		}
		$map = array();
		foreach ( $given as $key => $role ) {
			$key = trim( (string) $key );
			if ( '' === $key || strlen( $key ) > 191 || preg_match( '/[\x00-\x1f\x7f<>]/', $key ) ) {
				return self::error( 'workos_invalid_role_map_key', __( 'A role map key is a WorkOS role slug or a directory group name: 1 to 191 characters, no control characters or angle brackets.', 'workos-companion' ), 400, array( 'key' => $key ) );
			}
			if ( ! wp_roles()->is_role( $role ) ) {
				/* translators: %s: a WordPress role slug */
				return self::error( 'workos_unknown_wp_role', sprintf( __( '"%s" is not a WordPress role on this site.', 'workos-companion' ), $role ), 400, array( 'role' => $role ) );
			}
			$map[ $key ] = $role;
		}
		$stranded = self::administrators_demoted( $map ?: RoleMapper::DEFAULT_MAP, $env );
		if ( null !== $stranded && ! $request->get_param( 'force' ) ) {
			return self::error(
				'workos_role_map_demotes_all_administrators',
				__( 'With this map every administrator of the site would lose the administrator role at their next WorkOS sign-in. Map a WorkOS role to administrator, or send force: true.', 'workos-companion' ),
				409,
				array( 'administrators' => $stranded )
			);
		}
		$row = Config::row( $env );
		if ( $map ) {
			$row['role_map'] = $map;
		} else {
			unset( $row['role_map'] );
		}
		update_option( Config::option_name( $env ), $row );
		Logger::log(
			'role_map_updated',
			array(
				'user_id'  => get_current_user_id(),
				'metadata' => array(
					'environment' => $env,
					'map'         => $map,
					'forced'      => null !== $stranded,
				),
			)
		);
		return self::describe( $env );
	}

	/**
	 * The ids of the administrators the map would demote when that leaves nobody with the role;
	 * null when at least one administrator keeps it. Administrators not linked to WorkOS never get
	 * mapped roles, so they always keep it. A linked administrator's WorkOS role is the one stored
	 * for the environment's organization (else "member", as a sign-in without one would map it).
	 *
	 * @param array<string,string> $map
	 * @return int[]|null
	 */
	private static function administrators_demoted( array $map, string $env ): ?array {
		$admins = get_users(
			array(
				'role'   => 'administrator',
				'fields' => 'ID',
				'number' => 1000,
			)
		);
		$org     = OrganizationRepository::find_by_workos_id( (string) Config::get( 'organization_id', $env ) );
		$demoted = array();
		foreach ( array_map( 'intval', $admins ) as $id ) {
			if ( '' === (string) get_user_meta( $id, UserLinker::META_USER_ID, true ) ) {
				return null;
			}
			$membership = $org ? OrganizationRepository::find_membership( (int) $org['id'], $id ) : null;
			$slug       = $membership ? (string) $membership['workos_role'] : 'member';
			if ( 'administrator' === ( $map[ $slug ] ?? $map['member'] ?? RoleMapper::FALLBACK_ROLE ) ) {
				return null;
			}
			$demoted[] = $id;
		}
		return $demoted ? $demoted : null;
	}


	/** @return array<string,mixed> */
	private static function describe( string $env ): array {
		$stored = Config::row( $env )['role_map'] ?? null;
		$roles  = array();
		foreach ( wp_roles()->get_names() as $slug => $name ) {
			$roles[] = array(
				'slug' => (string) $slug,
				'name' => translate_user_role( (string) $name ),
			);
		}
		return array(
			'environment'     => $env,
			'map'             => RoleMapper::role_map( $env ),
			'is_default'      => ! is_array( $stored ) || ! $stored,
			'default_map'     => RoleMapper::DEFAULT_MAP,
			'wordpress_roles' => $roles,
		);
	}
}
