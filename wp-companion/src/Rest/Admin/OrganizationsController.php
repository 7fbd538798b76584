<?php
/**
 * The local organization cache (seed spec §8): list and read organizations with member counts
 * and site mapping, sync them from WorkOS, upsert one, manage memberships and the org ↔ site
 * mapping. Local only: nothing here writes to WorkOS.
 *
 *   GET  orgs                         POST orgs                 POST orgs/sync
 *   GET  orgs/{id}                    GET/PUT orgs/{id}/sites
 *   GET/POST orgs/{id}/members        DELETE orgs/{id}/members/{user_id}
 *
 * {id} is the WorkOS organization id. SQL lives in OrganizationRepository.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Admin;

use WorkOSCompanion\ActivityLog\Logger;
use WorkOSCompanion\Config\Config;
use WorkOSCompanion\Organization\OrganizationRepository;
use WorkOSCompanion\Organization\OrganizationSync;
use WorkOSCompanion\Sync\RoleMapper;
use WorkOSCompanion\WorkOS\Client;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class OrganizationsController extends AdminController {
	/** A WorkOS organization id in a path (also matches a sample id like "1"; unknown ids answer 404). */
	private const PATH_ID = '(?P<org_id>[A-Za-z0-9_]{1,191})';

	/** A WorkOS organization id in a body: WorkOS ids start with org_. */
	private const ORG_ID_PATTERN = '^org_[A-Za-z0-9_]{1,187}$';

	/** A hostname in ASCII (IDNs in punycode): labels of letters, digits and inner hyphens. */
	private const DOMAIN_PATTERN = '^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]$';

	/** A name: no angle brackets or control characters, something besides spaces. */
	private const NAME_PATTERN = '^[^<>\x00-\x1F\x7F]*[^<>\x00-\x1F\x7F\s][^<>\x00-\x1F\x7F]*$';

	public const MAX_PAGE  = 500;
	public const MAX_SITES = 1000;

	public function register_routes(): void {
		$page = array(
			'limit'  => array(
				'type'    => 'integer',
				'minimum' => 1,
				'maximum' => self::MAX_PAGE,
				'default' => 100,
			),
			'offset' => array(
				'type'    => 'integer',
				'minimum' => 0,
				'maximum' => 10000000,
				'default' => 0,
			),
		);
		$this->route(
			'orgs/sync',
			array(
				array(
					'methods'  => WP_REST_Server::CREATABLE,
					'callback' => array( $this, 'sync' ),
					'args'     => array(
						'after'     => array(
							'description' => 'WorkOS cursor to resume from (next_after of the previous call).',
							'type'        => 'string',
							'pattern'     => '^[A-Za-z0-9_]{1,191}$',
						),
						'max_pages' => array(
							'type'    => 'integer',
							'minimum' => 1,
							'maximum' => 50,
							'default' => 10,
						),
					),
				),
			)
		);
		$this->route(
			'orgs',
			array(
				array(
					'methods'  => WP_REST_Server::READABLE,
					'callback' => array( $this, 'list_orgs' ),
					'args'     => array_merge(
						$page,
						array(
							'search' => array(
								'type'      => 'string',
								'minLength' => 1,
								'maxLength' => 191,
							),
						)
					),
				),
				array(
					'methods'  => WP_REST_Server::CREATABLE,
					'callback' => array( $this, 'upsert' ),
					'args'     => array(
						'id'      => array(
							'required' => true,
							'type'     => 'string',
							'pattern'  => self::ORG_ID_PATTERN,
						),
						'name'    => array(
							'required'  => true,
							'type'      => 'string',
							'minLength' => 1,
							'maxLength' => 255,
							'pattern'   => self::NAME_PATTERN,
						),
						'domains' => array(
							'type'        => 'array',
							'maxItems'    => 100,
							'uniqueItems' => true,
							'items'       => array(
								'type'    => 'string',
								'pattern' => self::DOMAIN_PATTERN,
							),
						),
					),
				),
			)
		);
		$this->route(
			'orgs/' . self::PATH_ID,
			array(
				array(
					'methods'  => WP_REST_Server::READABLE,
					'callback' => array( $this, 'get_org' ),
					'args'     => array(),
				),
			)
		);
		$this->route(
			'orgs/' . self::PATH_ID . '/members',
			array(
				array(
					'methods'  => WP_REST_Server::READABLE,
					'callback' => array( $this, 'list_members' ),
					'args'     => $page,
				),
				array(
					'methods'  => WP_REST_Server::CREATABLE,
					'callback' => array( $this, 'save_member' ),
					'args'     => array(
						'user_id'       => array(
							'required' => true,
							'type'     => 'integer',
							'minimum'  => 1,
							'maximum'  => PHP_INT_MAX,
						),
						'workos_role'   => array(
							'required'  => true,
							'type'      => 'string',
							'minLength' => 1,
							'maxLength' => 64,
							'pattern'   => '^[a-z0-9_-]+$',
						),
						'membership_id' => array(
							'type'    => 'string',
							'pattern' => '^[A-Za-z0-9_]{1,191}$',
						),
					),
				),
			)
		);
		$this->route(
			'orgs/' . self::PATH_ID . '/members/(?P<user_id>[0-9]{1,19})',
			array(
				array(
					'methods'  => WP_REST_Server::DELETABLE,
					'callback' => array( $this, 'remove_member' ),
					'args'     => array(),
				),
			)
		);
		$this->route(
			'orgs/' . self::PATH_ID . '/sites',
			array(
				array(
					'methods'  => WP_REST_Server::READABLE,
					'callback' => array( $this, 'get_sites' ),
					'args'     => array(),
				),
				array(
					'methods'  => WP_REST_Server::EDITABLE,
					'callback' => array( $this, 'put_sites' ),
					'args'     => array(
						'sites' => array(
							'required' => true,
							'type'     => 'array',
							'minItems' => 1,
							'maxItems' => self::MAX_SITES,
							'items'    => array(
								'type'                 => 'object',
								'additionalProperties' => false,
								'required'             => array( 'site_id' ),
								'properties'           => array(
									'site_id' => array(
										'type'    => 'integer',
										'minimum' => 1,
										'maximum' => PHP_INT_MAX,
									),
									'primary' => array(
										'type'    => 'boolean',
										'default' => false,
									),
								),
							),
						),
					),
				),
			)
		);
	}

	// -------------------------------------------------------------------- organizations

	/** @return \WP_REST_Response|\WP_Error */
	public function list_orgs( WP_REST_Request $request ) {
		$unknown = UnknownParameters::check( $request );
		if ( $unknown ) {
			return $unknown;
		}
		$search = (string) $request['search'];
		$rows   = OrganizationRepository::list_page( $search, (int) $request['limit'], (int) $request['offset'] );
		return self::ok(
			array(
				'items'  => self::describe_all( $rows ),
				'total'  => OrganizationRepository::count_organizations( $search ),
				'limit'  => (int) $request['limit'],
				'offset' => (int) $request['offset'],
			)
		);
	}

	/** @return \WP_REST_Response|\WP_Error */
	public function get_org( WP_REST_Request $request ) {
		$unknown = UnknownParameters::check( $request );
		if ( $unknown ) {
			return $unknown;
		}
		$org = self::find( $request );
		return is_wp_error( $org ) ? $org : self::ok( self::describe_all( array( $org ) )[0] );
	}

	/** @return \WP_REST_Response|\WP_Error */
	public function upsert( WP_REST_Request $request ) {
		$unknown = UnknownParameters::check( $request );
		if ( $unknown ) {
			return $unknown;
		}
		// WordPress turns "a.test,b.test" into a list (handy in query strings); a JSON body must send an array.
		// The parameters are sanitised in place by now: look at the body as sent.
		$json = json_decode( (string) $request->get_body(), true );
		if ( is_array( $json ) && array_key_exists( 'domains', $json ) && ! is_array( $json['domains'] ) ) {
			return self::error( 'rest_invalid_param', __( 'Invalid parameter(s): domains', 'workos-companion' ), 400, array( 'params' => array( 'domains' => __( 'domains must be an array of domain names.', 'workos-companion' ) ) ) );
		}
		$domains = array_values( array_unique( array_map( 'strtolower', array_map( 'strval', (array) $request['domains'] ) ) ) );
		list( $id, $outcome ) = OrganizationRepository::sync(
			array(
				'id'      => (string) $request['id'],
				'name'    => trim( (string) $request['name'] ),
				'domains' => $domains,
			)
		);
		if ( $id <= 0 ) {
			return self::error( 'workos_database_error', __( 'The organization could not be saved.', 'workos-companion' ), 500 );
		}
		if ( 'unchanged' !== $outcome ) {
			Logger::log(
				'org_saved',
				array(
					'user_id'  => get_current_user_id(),
					'metadata' => array(
						'workos_org_id' => (string) $request['id'],
						'outcome'       => $outcome,
					),
				)
			);
		}
		$org = OrganizationRepository::find_by_workos_id( (string) $request['id'] );
		return self::ok( array_merge( array( 'outcome' => $outcome ), self::describe_all( array( $org ) )[0] ), 'created' === $outcome ? 201 : 200 );
	}

	/** @return \WP_REST_Response|\WP_Error */
	public function sync( WP_REST_Request $request ) {
		$unknown = UnknownParameters::check( $request );
		if ( $unknown ) {
			return $unknown;
		}
		$env = Config::active();
		if ( ! Config::is_enabled( $env ) ) {
			/* translators: %s: environment name */
			return self::error( 'workos_not_configured', sprintf( __( 'WorkOS is not configured for the active environment (%s).', 'workos-companion' ), $env ), 409 );
		}
		$report = OrganizationSync::run( Client::for_environment( $env ), (string) $request['after'], (int) $request['max_pages'] );
		$error  = $report['error'] ?? null;
		unset( $report['error'] );
		Logger::log(
			'orgs_synced',
			array(
				'user_id'  => get_current_user_id(),
				'metadata' => array(
					'created'   => $report['created'],
					'updated'   => $report['updated'],
					'unchanged' => $report['unchanged'],
					'failed'    => count( $report['failed'] ),
					'complete'  => $report['complete'],
					'error'     => $error ? $error->get_error_code() : null,
				),
			)
		);
		if ( $error ) {
			$data = (array) $error->get_error_data();
			return self::error(
				'workos_upstream_error',
				/* translators: %s: WorkOS's error message */
				sprintf( __( 'WorkOS refused or failed the organization list: %s', 'workos-companion' ), $error->get_error_message() ),
				502,
				array_merge(
					$report,
					array(
						'upstream_status' => (int) ( $data['status'] ?? 0 ),
						'upstream_code'   => (string) $error->get_error_code(),
						'request_id'      => (string) ( $data['request_id'] ?? '' ),
					)
				)
			);
		}
		return self::ok( $report );
	}

	// ---------------------------------------------------------------------- memberships

	/** @return \WP_REST_Response|\WP_Error */
	public function list_members( WP_REST_Request $request ) {
		$unknown = UnknownParameters::check( $request );
		if ( $unknown ) {
			return $unknown;
		}
		$org = self::find( $request );
		if ( is_wp_error( $org ) ) {
			return $org;
		}
		$rows = OrganizationRepository::members( (int) $org['id'], (int) $request['limit'], (int) $request['offset'] );
		cache_users( array_map( 'intval', array_column( $rows, 'user_id' ) ) );
		return self::ok(
			array(
				'org_id' => (string) $org['workos_org_id'],
				'items'  => array_map( array( self::class, 'describe_member' ), $rows ),
				'total'  => OrganizationRepository::count_members( (int) $org['id'] ),
				'limit'  => (int) $request['limit'],
				'offset' => (int) $request['offset'],
			)
		);
	}

	/** @return \WP_REST_Response|\WP_Error */
	public function save_member( WP_REST_Request $request ) {
		$unknown = UnknownParameters::check( $request );
		if ( $unknown ) {
			return $unknown;
		}
		$org = self::find( $request );
		if ( is_wp_error( $org ) ) {
			return $org;
		}
		$user_id = (int) $request['user_id'];
		if ( ! get_userdata( $user_id ) ) {
			return self::error( 'workos_user_not_found', __( 'No WordPress user has this id.', 'workos-companion' ), 404, array( 'user_id' => $user_id ) );
		}
		if ( is_multisite() && ! is_user_member_of_blog( $user_id ) ) {
			return self::error( 'workos_user_not_on_site', __( 'This user is not a member of this site.', 'workos-companion' ), 409, array( 'user_id' => $user_id ) );
		}
		$role    = (string) $request['workos_role'];
		$existed = null !== OrganizationRepository::find_membership( (int) $org['id'], $user_id );
		if ( ! OrganizationRepository::save_membership( (int) $org['id'], $user_id, (string) $request['membership_id'], $role, RoleMapper::map( $role ) ) ) {
			return self::error( 'workos_database_error', __( 'The membership could not be saved.', 'workos-companion' ), 500 );
		}
		Logger::log(
			'org_member_saved',
			array(
				'user_id'  => $user_id,
				'metadata' => array(
					'workos_org_id' => (string) $org['workos_org_id'],
					'workos_role'   => $role,
					'by'            => get_current_user_id(),
				),
			)
		);
		$row = OrganizationRepository::member( (int) $org['id'], $user_id );
		return self::ok( self::describe_member( (array) $row ), $existed ? 200 : 201 );
	}

	/** @return \WP_REST_Response|\WP_Error */
	public function remove_member( WP_REST_Request $request ) {
		$unknown = UnknownParameters::check( $request );
		if ( $unknown ) {
			return $unknown;
		}
		$org = self::find( $request );
		if ( is_wp_error( $org ) ) {
			return $org;
		}
		$user_id = (int) $request['user_id'];
		if ( null === OrganizationRepository::find_membership( (int) $org['id'], $user_id ) ) {
			return self::error( 'workos_member_not_found', __( 'This user has no membership in this organization.', 'workos-companion' ), 404, array( 'user_id' => $user_id ) );
		}
		if ( ! OrganizationRepository::delete_membership( (int) $org['id'], $user_id ) ) {
			return self::error( 'workos_database_error', __( 'The membership could not be removed.', 'workos-companion' ), 500 );
		}
		Logger::log(
			'org_member_removed',
			array(
				'user_id'  => $user_id,
				'metadata' => array(
					'workos_org_id' => (string) $org['workos_org_id'],
					'by'            => get_current_user_id(),
				),
			)
		);
		return self::ok(
			array(
				'deleted' => true,
				'org_id'  => (string) $org['workos_org_id'],
				'user_id' => $user_id,
			)
		);
	}

	// ---------------------------------------------------------------------------- sites

	/** @return \WP_REST_Response|\WP_Error */
	public function get_sites( WP_REST_Request $request ) {
		$unknown = UnknownParameters::check( $request );
		if ( $unknown ) {
			return $unknown;
		}
		$org = self::find( $request );
		return is_wp_error( $org ) ? $org : self::ok( self::describe_sites( $org ) );
	}

	/** @return \WP_REST_Response|\WP_Error */
	public function put_sites( WP_REST_Request $request ) {
		$unknown = UnknownParameters::check( $request );
		if ( $unknown ) {
			return $unknown;
		}
		$org = self::find( $request );
		if ( is_wp_error( $org ) ) {
			return $org;
		}
		$sites = array();
		foreach ( (array) $request['sites'] as $entry ) {
			$site_id = (int) $entry['site_id'];
			if ( isset( $sites[ $site_id ] ) ) {
				return self::error( 'workos_duplicate_site', __( 'A site is listed twice.', 'workos-companion' ), 400, array( 'site_id' => $site_id ) );
			}
			if ( ! self::site_exists( $site_id ) ) {
				return self::error(
					'workos_site_not_found',
					is_multisite() ? __( 'No site of this network has this id.', 'workos-companion' ) : __( 'This is a single site: its only site id is 1.', 'workos-companion' ),
					400,
					array( 'site_id' => $site_id )
				);
			}
			$sites[ $site_id ] = ! empty( $entry['primary'] );
		}
		$primaries = count( array_filter( $sites ) );
		if ( 1 !== $primaries ) {
			return self::error( 'workos_primary_site_required', __( 'Exactly one site must be primary.', 'workos-companion' ), 400, array( 'primary_sites' => $primaries ) );
		}
		if ( ! OrganizationRepository::replace_sites( (int) $org['id'], $sites ) ) {
			return self::error( 'workos_database_error', __( 'The site mapping could not be saved.', 'workos-companion' ), 500 );
		}
		Logger::log(
			'org_sites_updated',
			array(
				'user_id'  => get_current_user_id(),
				'metadata' => array(
					'workos_org_id' => (string) $org['workos_org_id'],
					'sites'         => array_keys( $sites ),
					'primary'       => array_search( true, $sites, true ),
				),
			)
		);
		return self::ok( self::describe_sites( $org ) );
	}

	// -------------------------------------------------------------------------- helpers

	/** @return array<string,mixed>|\WP_Error The organization of the path. */
	private static function find( WP_REST_Request $request ) {
		$id  = (string) $request['org_id'];
		$org = OrganizationRepository::find_by_workos_id( $id );
		if ( null === $org ) {
			return self::error( 'workos_org_not_found', __( 'This organization is not in the local cache (sync it first).', 'workos-companion' ), 404, array( 'org_id' => $id ) );
		}
		return $org;
	}

	private static function site_exists( int $site_id ): bool {
		if ( ! is_multisite() ) {
			return 1 === $site_id;
		}
		$site = get_site( $site_id );
		return null !== $site && '1' !== (string) $site->deleted;
	}

	/**
	 * @param array<int,array<string,mixed>> $rows Organization rows.
	 * @return array<int,array<string,mixed>>
	 */
	private static function describe_all( array $rows ): array {
		$ids     = array_map( 'intval', array_column( $rows, 'id' ) );
		$members = OrganizationRepository::member_counts( $ids );
		$sites   = OrganizationRepository::sites_of( $ids );
		$out     = array();
		foreach ( $rows as $row ) {
			$id    = (int) $row['id'];
			$out[] = array(
				'id'           => (string) $row['workos_org_id'],
				'local_id'     => $id,
				'name'         => (string) $row['name'],
				'slug'         => (string) $row['slug'],
				'domains'      => OrganizationRepository::domain_names( $row['domains'] ),
				'member_count' => $members[ $id ] ?? 0,
				'sites'        => $sites[ $id ] ?? array(),
				'created_at'   => self::iso( (string) $row['created_at'] ),
				'updated_at'   => self::iso( (string) $row['updated_at'] ),
			);
		}
		return $out;
	}

	/**
	 * @param array<string,mixed> $org
	 * @return array<string,mixed>
	 */
	private static function describe_sites( array $org ): array {
		return array(
			'org_id' => (string) $org['workos_org_id'],
			'sites'  => OrganizationRepository::sites_of( array( (int) $org['id'] ) )[ (int) $org['id'] ] ?? array(),
		);
	}

	/**
	 * @param array<string,mixed> $row A membership row joined with the user.
	 * @return array<string,mixed>
	 */
	private static function describe_member( array $row ): array {
		$user = get_userdata( (int) $row['user_id'] );
		return array(
			'user_id'              => (int) $row['user_id'],
			'user_exists'          => false !== $user,
			'user_login'           => (string) ( $row['user_login'] ?? '' ),
			'user_email'           => (string) ( $row['user_email'] ?? '' ),
			'display_name'         => (string) ( $row['display_name'] ?? '' ),
			'roles'                => $user ? array_values( $user->roles ) : array(),
			'workos_role'          => (string) $row['workos_role'],
			'wp_role'              => (string) $row['wp_role'],
			'workos_membership_id' => (string) $row['workos_membership_id'],
			'joined_at'            => self::iso( (string) $row['joined_at'] ),
		);
	}

	private static function iso( string $mysql ): ?string {
		return '' === $mysql || 0 === strpos( $mysql, '0000' ) ? null : str_replace( ' ', 'T', $mysql ) . 'Z';
	}
}
