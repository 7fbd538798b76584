<?php
/**
 * WorkOS role → WordPress role (seed spec §7.1–§7.3), the role applied at login, and the last
 * administrator never demoted by a login.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Sync\RoleMapper;

final class RoleMapperTest extends WPTestCase {
	protected function setUp(): void {
		parent::setUp();
		EmulatorEnvironment::reset();
		EmulatorEnvironment::configure_site();
	}

	private function set_map( $map ): void {
		$row             = get_option( 'workos_staging' );
		$row['role_map'] = $map;
		update_option( 'workos_staging', $row );
	}

	public function test_default_map_when_none_is_saved_or_it_is_empty(): void {
		$this->assertSame( array( 'admin' => 'administrator', 'editor' => 'editor', 'member' => 'subscriber' ), RoleMapper::role_map() );
		$this->assertSame( 'administrator', RoleMapper::map( 'admin' ) );
		$this->assertSame( 'editor', RoleMapper::map( 'editor' ) );
		$this->assertSame( 'subscriber', RoleMapper::map( 'member' ) );
		$this->set_map( array() );
		$this->assertSame( RoleMapper::DEFAULT_MAP, RoleMapper::role_map() );
		$this->set_map( array( 'admin' => '', '' => 'editor' ) );
		$this->assertSame( RoleMapper::DEFAULT_MAP, RoleMapper::role_map(), 'pairs with an empty side are dropped' );
	}

	public function test_unmapped_role_takes_the_member_mapping_then_subscriber(): void {
		$this->assertSame( 'subscriber', RoleMapper::map( 'auditor' ) );
		$this->set_map( array( 'member' => 'contributor', 'owner' => 'administrator' ) );
		$this->assertSame( 'contributor', RoleMapper::map( 'auditor' ) );
		$this->assertSame( 'administrator', RoleMapper::map( 'owner' ) );
		$this->assertSame( 'contributor', RoleMapper::map( 'admin' ), 'a custom map replaces the defaults' );
		$this->set_map( array( 'owner' => 'administrator' ) );
		$this->assertSame( 'subscriber', RoleMapper::map( 'auditor' ) );
	}

	public function test_map_is_per_environment(): void {
		update_option( 'workos_production', array( 'role_map' => array( 'admin' => 'editor' ) ) );
		$this->assertSame( 'editor', RoleMapper::map( 'admin', 'production' ) );
		$this->assertSame( 'administrator', RoleMapper::map( 'admin', 'staging' ) );
	}

	public function test_role_comes_from_the_response_then_the_membership_then_the_token(): void {
		$this->assertSame( 'editor', RoleMapper::role_from_response( array( 'role' => 'editor' ) ) );
		$this->assertSame( 'admin', RoleMapper::role_from_response( array( 'role' => array( 'slug' => 'admin' ) ) ) );
		$this->assertSame( 'member', RoleMapper::role_from_response( array( 'organization_membership' => array( 'role' => array( 'slug' => 'member' ) ) ) ) );
		$this->assertSame( 'editor', RoleMapper::role_from_response( array( 'role' => 'editor', 'organization_membership' => array( 'role' => 'member' ) ) ) );
		$this->assertSame( '', RoleMapper::role_from_response( array() ) );

		// A real sign-in: WorkOS puts the organization role in the access token it issues.
		$ada = EmulatorEnvironment::client()->authenticate_with_password( 'ada@acme.test', 'Password123!' );
		$this->assertIsArray( $ada );
		$this->assertArrayNotHasKey( 'role', $ada );
		$this->assertSame( 'admin', RoleMapper::role_from_response( $ada ) );
		$claude = EmulatorEnvironment::client()->authenticate_with_password( 'claude@example.test', 'Password123!' );
		$this->assertIsArray( $claude );
		$this->assertSame( '', RoleMapper::role_from_response( $claude ), 'no organization, no role' );
	}

	public function test_login_applies_the_mapped_role(): void {
		$user = $this->create_user( 'subscriber' );
		$this->assertSame( RoleMapper::CHANGED, RoleMapper::apply_on_login( $user, array( 'role' => 'editor' ) ) );
		$this->assertSame( array( 'editor' ), array_values( get_userdata( $user )->roles ) );
		$this->assertSame( RoleMapper::CHANGED, RoleMapper::apply_on_login( $user, array( 'organization_membership' => array( 'role' => array( 'slug' => 'member' ) ) ) ) );
		$this->assertSame( array( 'subscriber' ), array_values( get_userdata( $user )->roles ) );
	}

	public function test_no_role_or_the_same_role_changes_nothing(): void {
		$user    = $this->create_user( 'author' );
		$editor  = $this->create_user( 'editor' );
		$changes = 0;
		$spy     = static function () use ( &$changes ): void {
			++$changes;
		};
		add_action( 'set_user_role', $spy );
		$this->assertSame( RoleMapper::NO_ROLE, RoleMapper::apply_on_login( $user, array() ) );
		$this->assertSame( array( 'author' ), array_values( get_userdata( $user )->roles ) );
		$this->assertSame( RoleMapper::UNCHANGED, RoleMapper::apply_on_login( $editor, array( 'role' => 'editor' ) ) );
		remove_action( 'set_user_role', $spy );
		$this->assertSame( 0, $changes );
	}

	public function test_a_map_pointing_at_a_missing_wordpress_role_changes_nothing(): void {
		$this->set_map( array( 'editor' => 'chief_of_everything' ) );
		$user = $this->create_user( 'author' );
		$this->assertSame( RoleMapper::UNKNOWN_WP_ROLE, RoleMapper::apply_on_login( $user, array( 'role' => 'editor' ) ) );
		$this->assertSame( array( 'author' ), array_values( get_userdata( $user )->roles ) );
	}

	public function test_the_last_administrator_is_never_demoted_at_login(): void {
		$admin = $this->create_user( 'administrator' );
		// Leave this one as the site's only administrator (rolled back after the test).
		foreach ( get_users( array( 'role' => 'administrator', 'fields' => 'ID' ) ) as $other ) {
			if ( (int) $other !== $admin ) {
				get_userdata( (int) $other )->set_role( 'editor' );
			}
		}
		$this->assertSame( 1, RoleMapper::administrator_count() );
		$this->assertSame( RoleMapper::KEPT_LAST_ADMIN, RoleMapper::apply_on_login( $admin, array( 'role' => 'member' ) ) );
		$this->assertSame( array( 'administrator' ), array_values( get_userdata( $admin )->roles ) );

		// With a second administrator the demotion is allowed.
		$this->create_user( 'administrator' );
		$this->assertSame( RoleMapper::CHANGED, RoleMapper::apply_on_login( $admin, array( 'role' => 'member' ) ) );
		$this->assertSame( array( 'subscriber' ), array_values( get_userdata( $admin )->roles ) );
	}

	public function test_applying_flag_is_raised_while_the_role_is_set(): void {
		$seen = null;
		$spy  = static function () use ( &$seen ): void {
			$seen = RoleMapper::is_applying();
		};
		add_action( 'set_user_role', $spy );
		RoleMapper::apply( $this->create_user( 'subscriber' ), 'editor' );
		remove_action( 'set_user_role', $spy );
		$this->assertTrue( $seen );
		$this->assertFalse( RoleMapper::is_applying() );
	}
}
