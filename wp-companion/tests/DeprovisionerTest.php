<?php
/**
 * Sync\Deprovisioner (seed spec §9.4 with our decisions): deactivate, demote, delete with
 * reassignment, the fallbacks, the last administrator, and reprovision().
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Auth\AccountLock;
use WorkOSCompanion\Sync\Deprovisioner;

final class DeprovisionerTest extends WPTestCase {
	protected function setUp(): void {
		parent::setUp();
		EmulatorEnvironment::configure_site( 'staging', array( 'enable_activity_log' => true ) );
	}

	private function set_action( string $action, int $reassign = 0 ): void {
		$row                       = get_option( 'workos_staging' );
		$row['deprovision_action'] = $action;
		$row['reassign_user']      = $reassign;
		update_option( 'workos_staging', $row );
	}

	private function with_session( int $user_id ): void {
		WP_Session_Tokens::get_instance( $user_id )->create( time() + HOUR_IN_SECONDS );
		$this->assertCount( 1, WP_Session_Tokens::get_instance( $user_id )->get_all() );
	}

	public function test_deactivate_blocks_login_ends_sessions_keeps_content_and_role(): void {
		$this->set_action( 'deactivate' );
		$user = $this->create_user( 'editor' );
		$post = wp_insert_post( array( 'post_title' => 'Kept', 'post_author' => $user, 'post_status' => 'publish' ) );
		$this->with_session( $user );

		$this->assertSame( Deprovisioner::DEACTIVATED, Deprovisioner::deprovision( $user, 'dsync.user.deleted' ) );
		$this->assertTrue( AccountLock::is_deactivated( $user ) );
		$this->assertSame( array(), WP_Session_Tokens::get_instance( $user )->get_all() );
		$this->assertSame( array( 'editor' ), get_userdata( $user )->roles );
		$this->assertSame( $user, (int) get_post( $post )->post_author );
		wp_set_password( 'Secret-pass-1', $user );
		$login = wp_authenticate( get_userdata( $user )->user_login, 'Secret-pass-1' );
		$this->assertInstanceOf( WP_Error::class, $login );
		$this->assertSame( AccountLock::ERROR_CODE, $login->get_error_code() );
		$this->assertSame( Deprovisioner::ALREADY, Deprovisioner::deprovision( $user, 'again' ) );

		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}workos_activity_log WHERE user_id = %d AND event_type = 'user_deprovisioned'", $user ) );
		$this->assertNotNull( $row );
		$this->assertSame( 'dsync.user.deleted', json_decode( $row->metadata, true )['reason'] );
	}

	public function test_unknown_action_behaves_as_deactivate(): void {
		$this->set_action( 'explode' );
		$user = $this->create_user( 'author' );
		$this->assertSame( Deprovisioner::DEACTIVATED, Deprovisioner::deprovision( $user, 'test' ) );
		$this->assertTrue( AccountLock::is_deactivated( $user ) );
	}

	public function test_demote_lowers_role_ends_sessions_and_reprovision_restores_it(): void {
		$this->set_action( 'demote' );
		$user = $this->create_user( 'editor' );
		get_userdata( $user )->add_role( 'author' );
		$this->with_session( $user );

		$this->assertSame( Deprovisioner::DEMOTED, Deprovisioner::deprovision( $user, 'user.deleted' ) );
		$this->assertSame( array( 'subscriber' ), array_values( get_userdata( $user )->roles ) );
		$this->assertFalse( AccountLock::is_deactivated( $user ) );
		$this->assertSame( array(), WP_Session_Tokens::get_instance( $user )->get_all() );

		$this->assertSame( Deprovisioner::REACTIVATED, Deprovisioner::reprovision( $user ) );
		clean_user_cache( $user );
		$this->assertEqualsCanonicalizing( array( 'editor', 'author' ), array_values( get_userdata( $user )->roles ) );
		$this->assertSame( Deprovisioner::NOT_DEPROVISIONED, Deprovisioner::reprovision( $user ) );
	}

	public function test_delete_reassigns_content_to_the_chosen_user(): void {
		$heir = $this->create_user( 'editor' );
		$this->set_action( 'delete', $heir );
		$user = $this->create_user( 'author' );
		$post = wp_insert_post( array( 'post_title' => 'Inherited', 'post_author' => $user, 'post_status' => 'publish' ) );

		$this->assertSame( Deprovisioner::DELETED, Deprovisioner::deprovision( $user, 'dsync.user.deleted' ) );
		$this->assertFalse( get_userdata( $user ) );
		$this->assertSame( $heir, (int) get_post( $post )->post_author );
	}

	/** @return array<string,array{0:callable}> */
	public function invalid_reassign_targets(): array {
		return array(
			'unset'       => array( static function ( int $user ): int { return 0; } ),
			'missing'     => array( static function ( int $user ): int { return 987654321; } ),
			'itself'      => array( static function ( int $user ): int { return $user; } ),
			'deactivated' => array(
				static function ( int $user ): int {
					$heir = wp_insert_user( array( 'user_login' => 'heir_' . wp_generate_password( 6, false ), 'user_email' => wp_generate_password( 6, false ) . '@tests.invalid', 'user_pass' => 'x', 'role' => 'editor' ) );
					AccountLock::deactivate( $heir );
					return $heir;
				},
			),
		);
	}

	/** @dataProvider invalid_reassign_targets */
	public function test_delete_without_a_valid_reassign_user_deactivates_and_keeps_content( callable $target ): void {
		$user = $this->create_user( 'author' );
		$this->set_action( 'delete', $target( $user ) );
		$post = wp_insert_post( array( 'post_title' => 'Not lost', 'post_author' => $user, 'post_status' => 'publish' ) );

		$this->assertSame( Deprovisioner::DEACTIVATED_NO_REASSIGN, Deprovisioner::deprovision( $user, 'test' ) );
		$this->assertNotFalse( get_userdata( $user ) );
		$this->assertTrue( AccountLock::is_deactivated( $user ) );
		$this->assertSame( 'publish', get_post_status( $post ) );
	}

	public function test_last_administrator_is_never_demoted_or_deleted(): void {
		$admin = $this->create_user( 'administrator' );
		foreach ( get_users( array( 'role' => 'administrator', 'fields' => 'ID', 'exclude' => array( $admin ) ) ) as $other ) {
			get_userdata( (int) $other )->set_role( 'editor' ); // rolled back with the test.
		}
		$this->assertSame( 1, \WorkOSCompanion\Sync\RoleMapper::administrator_count() );
		$heir = $this->create_user( 'editor' );
		foreach ( array( 'demote', 'delete' ) as $action ) {
			delete_user_meta( $admin, Deprovisioner::META );
			AccountLock::reactivate( $admin );
			$this->set_action( $action, $heir );
			$this->assertSame( Deprovisioner::DEACTIVATED_LAST_ADMIN, Deprovisioner::deprovision( $admin, 'test' ), $action );
			clean_user_cache( $admin );
			$this->assertSame( array( 'administrator' ), array_values( get_userdata( $admin )->roles ), $action );
			$this->assertTrue( AccountLock::is_deactivated( $admin ), $action );
		}
		$this->assertSame( Deprovisioner::REACTIVATED, Deprovisioner::reprovision( $admin ) );
		$this->assertFalse( AccountLock::is_deactivated( $admin ) );
	}

	public function test_unknown_user(): void {
		$this->assertSame( Deprovisioner::NOT_FOUND, Deprovisioner::deprovision( 987654321, 'test' ) );
		$this->assertSame( Deprovisioner::NOT_FOUND, Deprovisioner::reprovision( 0 ) );
	}
}
