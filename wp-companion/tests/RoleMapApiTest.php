<?php
/**
 * GET/PUT /workos/v1/admin/role-map in-process: the effective map and the site's roles, a
 * replaced map, {} back to the built-in map, unknown WordPress roles refused, and the refusal
 * (409 unless force) of a map that would demote every administrator.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Config\Config;
use WorkOSCompanion\Organization\OrganizationRepository;
use WorkOSCompanion\Sync\RoleMapper;

final class RoleMapApiTest extends WPTestCase {
	private const ROUTE = '/workos/v1/admin/role-map';

	/** @var int */
	private $admin;

	protected function setUp(): void {
		parent::setUp();
		$this->snapshot_options( array( 'workos_staging', 'workos_production', Config::ACTIVE_ENV_OPTION ) );
		delete_option( 'workos_production' );
		delete_option( Config::ACTIVE_ENV_OPTION );
		update_option( 'workos_staging', array( 'organization_id' => 'org_rolemap' ) );
		// The only administrators of the site are the ones this test makes.
		foreach ( get_users( array( 'role' => 'administrator', 'fields' => 'ID' ) ) as $id ) {
			( new WP_User( (int) $id ) )->set_role( 'editor' );
		}
		$this->admin = $this->create_user( 'administrator' );
		wp_set_current_user( $this->admin );
	}

	public function test_get_shows_the_built_in_map_and_the_sites_roles(): void {
		$data = $this->rest( 'GET', self::ROUTE )->get_data();
		$this->assertSame( 'staging', $data['environment'] );
		$this->assertSame( RoleMapper::DEFAULT_MAP, $data['map'] );
		$this->assertTrue( $data['is_default'] );
		$this->assertContains( array( 'slug' => 'editor', 'name' => 'Editor' ), $data['wordpress_roles'] );
	}

	public function test_put_replaces_the_map_and_empty_puts_the_default_back(): void {
		$response = $this->rest_json( 'PUT', self::ROUTE, array( 'map' => array( 'admin' => 'administrator', 'Engineering' => 'author', 'member' => 'contributor' ) ) );
		$this->assertSame( 200, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertSame( array( 'admin' => 'administrator', 'Engineering' => 'author', 'member' => 'contributor' ), get_option( 'workos_staging' )['role_map'] );
		$this->assertSame( 'org_rolemap', get_option( 'workos_staging' )['organization_id'], 'other settings kept' );
		$this->assertFalse( $response->get_data()['is_default'] );
		$this->assertSame( 'author', RoleMapper::map( 'Engineering' ) );

		$response = $this->rest_json( 'PUT', self::ROUTE, array( 'map' => new stdClass() ) );
		$this->assertSame( 200, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertArrayNotHasKey( 'role_map', get_option( 'workos_staging' ) );
		$this->assertTrue( $response->get_data()['is_default'] );
	}

	public function test_production_is_changed_only_when_asked(): void {
		$this->rest_json( 'PUT', self::ROUTE, array( 'map' => array( 'admin' => 'administrator', 'member' => 'author' ) ), array( 'env' => 'production' ) );
		$this->assertSame( array( 'admin' => 'administrator', 'member' => 'author' ), get_option( 'workos_production' )['role_map'] );
		$this->assertArrayNotHasKey( 'role_map', get_option( 'workos_staging' ) );
	}

	/** @return array<string,array{0:mixed,1:string}> */
	public function bad_maps(): array {
		return array(
			'unknown WordPress role'      => array( array( 'admin' => 'overlord' ), 'workos_unknown_wp_role' ),
			'role with markup'            => array( array( 'admin' => '<script>x</script>' ), 'rest_invalid_param' ),
			'role with SQL'               => array( array( 'admin' => "administrator' OR '1'='1" ), 'rest_invalid_param' ),
			'role of the wrong type'      => array( array( 'admin' => 7 ), 'rest_invalid_param' ),
			'role that is empty'          => array( array( 'admin' => '' ), 'rest_invalid_param' ),
			'role in unicode'             => array( array( 'admin' => 'ädmin' ), 'rest_invalid_param' ),
			'key with markup'             => array( array( '<b>admin</b>' => 'administrator' ), 'workos_invalid_role_map_key' ),
			'very long key'               => array( array( str_repeat( 'g', 300 ) => 'editor' ), 'workos_invalid_role_map_key' ),
			'map that is a list'          => array( array( 'administrator', 'editor' ), 'rest_invalid_param' ),
			'map that is text'            => array( 'admin=administrator', 'rest_invalid_param' ),
			'too many entries'            => array( array_fill_keys( array_map( static function ( $i ) { return 'g' . $i; }, range( 1, 201 ) ), 'editor' ), 'rest_invalid_param' ),
		);
	}

	/**
	 * @dataProvider bad_maps
	 *
	 * @param mixed $map
	 */
	public function test_bad_maps_are_refused_and_nothing_is_written( $map, string $code ): void {
		update_option( 'workos_staging', array( 'role_map' => array( 'admin' => 'administrator' ) ) );
		$response = $this->rest_json( 'PUT', self::ROUTE, array( 'map' => $map ) );
		$this->assertSame( 400, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertSame( $code, $response->get_data()['code'] );
		$this->assertSame( array( 'role_map' => array( 'admin' => 'administrator' ) ), get_option( 'workos_staging' ) );
	}

	public function test_a_map_that_demotes_every_administrator_needs_force(): void {
		update_user_meta( $this->admin, '_workos_user_id', 'user_rolemap_admin' );
		$org = OrganizationRepository::upsert( array( 'id' => 'org_rolemap', 'name' => 'Role Map Inc' ) );
		OrganizationRepository::save_membership( $org, $this->admin, 'om_rm', 'owner', 'administrator' );
		update_option( 'workos_staging', array( 'organization_id' => 'org_rolemap', 'role_map' => array( 'owner' => 'administrator' ) ) );

		$response = $this->rest_json( 'PUT', self::ROUTE, array( 'map' => array( 'admin' => 'administrator', 'owner' => 'editor' ) ) );
		$this->assertSame( 409, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertSame( 'workos_role_map_demotes_all_administrators', $response->get_data()['code'] );
		$this->assertSame( array( $this->admin ), $response->get_data()['data']['administrators'] );
		$this->assertSame( array( 'owner' => 'administrator' ), get_option( 'workos_staging' )['role_map'], 'nothing written' );

		// Keeping "owner" as administrator is fine; so is the same demoting map with force.
		$this->assertSame( 200, $this->rest_json( 'PUT', self::ROUTE, array( 'map' => array( 'owner' => 'administrator', 'member' => 'author' ) ) )->get_status() );
		$forced = $this->rest_json( 'PUT', self::ROUTE, array( 'map' => array( 'owner' => 'editor' ), 'force' => true ) );
		$this->assertSame( 200, $forced->get_status() );
		$this->assertSame( array( 'owner' => 'editor' ), get_option( 'workos_staging' )['role_map'] );

		// An administrator not linked to WorkOS keeps the role whatever the map says.
		$this->create_user( 'administrator' );
		$this->assertSame( 200, $this->rest_json( 'PUT', self::ROUTE, array( 'map' => array( 'owner' => 'subscriber' ) ) )->get_status() );
	}
}
