<?php
/**
 * Uninstall (seed spec §15.11): options, user meta, the JWKS transient and the four tables go;
 * what the plugin did not create stays. DROP TABLE commits implicitly, so tearDown re-creates the
 * schema and puts options and user meta back for the tests that run after this one.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Database\Schema;
use WorkOSCompanion\Uninstaller;

final class UninstallTest extends WPTestCase {
	/** Options §15.11 names (workos_db_version is removed with the tables by Schema::drop()). */
	private const SPEC_OPTIONS = array(
		'workos_staging',
		'workos_production',
		'workos_global',
		'workos_active_environment',
		'workos_db_version',
		'workos_api_key',
		'workos_client_id',
		'workos_login_mode',
		'workos_allow_password_fallback',
		'workos_webhook_secret',
		'workos_deprovision_action',
		'workos_reassign_user',
		'workos_role_map',
		'workos_audit_logging_enabled',
	);

	private const SPEC_USER_META = array(
		'_workos_user_id',
		'_workos_org_id',
		'_workos_last_synced_at',
		'_workos_profile_hash',
		'_workos_access_token',
		'_workos_refresh_token',
		'_workos_session_id',
		'_workos_deactivated',
	);

	/** Not the plugin's to remove (§15.11 leaves it), and not ours: must survive. */
	private const KEPT_OPTION = 'workos_profile_routing_rules';
	private const KEPT_META   = '_workos_pending_email_change';

	/** @var array<int,array<string,string>> Rows of usermeta with a _workos_ key before the test. */
	private $saved_meta = array();

	/** @var int */
	private $user_id = 0;

	protected function setUp(): void {
		global $wpdb;
		parent::setUp();
		$this->snapshot_options(
			array_merge(
				Uninstaller::OPTIONS,
				self::SPEC_OPTIONS,
				array( Schema::VERSION_OPTION, self::KEPT_OPTION, '_transient_workos_jwks', '_transient_timeout_workos_jwks' )
			)
		);
		$this->saved_meta = $wpdb->get_results( $wpdb->prepare( "SELECT user_id, meta_key, meta_value FROM {$wpdb->usermeta} WHERE meta_key LIKE %s", $wpdb->esc_like( '_workos_' ) . '%' ), ARRAY_A );
		// An existing user: a user inserted now would be committed by DROP TABLE and outlive the test.
		$this->user_id = (int) $wpdb->get_var( "SELECT ID FROM {$wpdb->users} ORDER BY ID LIMIT 1" );
		$this->assertGreaterThan( 0, $this->user_id );
	}

	protected function tearDown(): void {
		global $wpdb;
		parent::tearDown(); // Rolls back what is left and restores the options (autocommit on again).
		Schema::install();
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->usermeta} WHERE meta_key LIKE %s", $wpdb->esc_like( '_workos_' ) . '%' ) );
		delete_metadata( 'user', 0, 'workos_test_unrelated', '', true );
		foreach ( $this->saved_meta as $row ) {
			$wpdb->insert( $wpdb->usermeta, $row, array( '%d', '%s', '%s' ) );
		}
		wp_cache_flush();
	}

	public function test_lists_cover_the_spec(): void {
		foreach ( self::SPEC_OPTIONS as $option ) {
			$this->assertTrue( in_array( $option, Uninstaller::OPTIONS, true ) || Schema::VERSION_OPTION === $option, "uninstall removes option $option" );
		}
		foreach ( self::SPEC_USER_META as $key ) {
			$this->assertContains( $key, Uninstaller::USER_META, "uninstall removes user meta $key" );
		}
		$this->assertNotContains( self::KEPT_OPTION, Uninstaller::OPTIONS );
		$this->assertNotContains( self::KEPT_META, Uninstaller::USER_META );
	}

	public function test_uninstall_site_removes_what_the_plugin_created(): void {
		$this->seed();

		Uninstaller::uninstall_site();
		wp_cache_flush();

		$this->assert_removed();

		// And the schema comes back whole (tearDown relies on it too).
		Schema::install();
		$this->assertSame( count( Schema::TABLES ), count( $this->existing_tables() ) );
		$this->assertSame( Schema::VERSION, Schema::installed_version() );
	}

	public function test_uninstall_php_runs_the_site_uninstall(): void {
		$this->seed();
		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', 'workos-companion/workos-companion.php' ); // As uninstall_plugin() does.
		}

		include WORKOS_COMPANION_DIR . '/uninstall.php';
		wp_cache_flush();

		$this->assert_removed();
	}

	private function seed(): void {
		foreach ( array_merge( Uninstaller::OPTIONS, self::SPEC_OPTIONS, array( self::KEPT_OPTION ) ) as $option ) {
			update_option( $option, 'workos-test-value' );
		}
		update_option( Schema::VERSION_OPTION, Schema::VERSION );
		foreach ( array_merge( Uninstaller::USER_META, self::SPEC_USER_META, array( self::KEPT_META ) ) as $key ) {
			update_user_meta( $this->user_id, $key, 'workos-test-value' );
		}
		update_user_meta( $this->user_id, 'workos_test_unrelated', 'kept' );
		set_transient( 'workos_jwks', array( 'keys' => array() ), HOUR_IN_SECONDS );
		$this->assertSame( count( Schema::TABLES ), count( $this->existing_tables() ), 'the tables exist before uninstall' );
	}

	private function assert_removed(): void {
		foreach ( array_merge( Uninstaller::OPTIONS, self::SPEC_OPTIONS ) as $option ) {
			$this->assertFalse( get_option( $option ), "option $option is gone" );
		}
		foreach ( array_merge( Uninstaller::USER_META, self::SPEC_USER_META ) as $key ) {
			$this->assertSame( array(), get_metadata( 'user', $this->user_id, $key ), "user meta $key is gone" );
		}
		$this->assertFalse( get_transient( 'workos_jwks' ), 'the JWKS transient is gone' );
		$this->assertSame( array(), $this->existing_tables(), 'the four tables are dropped' );
		$this->assertSame( 0, Schema::installed_version() );

		$this->assertSame( 'workos-test-value', get_option( self::KEPT_OPTION ), 'routing rules are left behind' );
		$this->assertSame( 'workos-test-value', get_user_meta( $this->user_id, self::KEPT_META, true ) );
		$this->assertSame( 'kept', get_user_meta( $this->user_id, 'workos_test_unrelated', true ) );
		$this->assertNotFalse( get_option( 'siteurl' ) );
	}

	/** @return string[] The plugin's tables that exist. */
	private function existing_tables(): array {
		global $wpdb;
		$found = array();
		foreach ( Schema::TABLES as $name ) {
			if ( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $wpdb->prefix . $name ) ) ) ) {
				$found[] = $name;
			}
		}
		return $found;
	}
}
