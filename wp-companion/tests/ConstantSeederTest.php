<?php
/**
 * Constant → database seeding (§1.5). Constants stick to a process, so every test runs in its own.
 *
 * @package WorkOSCompanion
 * @runTestsInSeparateProcesses
 * @preserveGlobalState disabled
 */

use WorkOSCompanion\Config\Config;
use WorkOSCompanion\Config\ConstantSeeder;

final class ConstantSeederTest extends WPTestCase {
	protected function setUp(): void {
		parent::setUp();
		update_option( 'workos_active_environment', 'staging' );
		update_option( 'workos_staging', array( 'allow_password_fallback' => true, 'client_id' => 'client_db' ) );
		delete_option( ConstantSeeder::HASH_OPTION );
	}

	public function test_constants_are_written_once_into_the_active_row(): void {
		define( 'WORKOS_STAGING_CLIENT_ID', 'client_from_constant' );
		define( 'WORKOS_ALLOW_PASSWORD_FALLBACK', false );
		define( 'WORKOS_REDIRECT_URLS', array( 'editor' => array( 'url' => '/news/', 'first_login_only' => false ) ) );
		define( 'WORKOS_API_KEY', 'sk_test_constant_secret' );
		ConstantSeeder::seed();
		$row = Config::row( 'staging' );
		$this->assertSame( 'client_from_constant', $row['client_id'] );
		$this->assertFalse( $row['allow_password_fallback'] ); // a false constant is written too
		$this->assertSame( '/news/', $row['redirect_urls']['editor']['url'] );
		$this->assertArrayNotHasKey( 'api_key', $row, 'secrets are never copied into the database' );
		$this->assertSame( array(), Config::row( 'production' ), 'only the active environment is seeded' );

		// An admin edit after seeding wins until the constants change.
		update_option( 'workos_staging', array_merge( $row, array( 'allow_password_fallback' => true ) ) );
		ConstantSeeder::seed();
		$this->assertTrue( Config::row( 'staging' )['allow_password_fallback'] );
	}

	public function test_env_specific_beats_generic_and_empty_strings_are_ignored(): void {
		define( 'WORKOS_ORGANIZATION_ID', 'org_generic' );
		define( 'WORKOS_STAGING_ORGANIZATION_ID', '' );
		define( 'WORKOS_STAGING_ALLOW_PASSWORD_FALLBACK', true );
		define( 'WORKOS_ALLOW_PASSWORD_FALLBACK', false );
		ConstantSeeder::seed();
		$row = Config::row( 'staging' );
		$this->assertSame( 'org_generic', $row['organization_id'] );
		$this->assertTrue( $row['allow_password_fallback'] );
		$this->assertSame( 'client_db', $row['client_id'], 'no constant: the stored value stays' );
	}

	public function test_nothing_happens_without_constants(): void {
		ConstantSeeder::seed();
		$this->assertSame( array( 'allow_password_fallback' => true, 'client_id' => 'client_db' ), Config::row( 'staging' ) );
		$this->assertNotEmpty( get_option( ConstantSeeder::HASH_OPTION ) );
	}
}
