<?php
/**
 * wp-config.php constants (§1.3, §1.4). Constants stay defined for the rest of the process, so
 * this class is its own file and every test runs in a fresh PHP process: the other classes never
 * see these constants even when the whole directory runs in one phpunit call.
 *
 * @runTestsInSeparateProcesses
 * @preserveGlobalState disabled
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Config\Config;

final class ConfigConstantsTest extends WPTestCase {
	private const STAGING_CLIENT_ID = 'client_staging_from_constant';
	private const API_KEY           = 'sk_test_constant_secret_9f3a';

	protected function setUp(): void {
		parent::setUp();
		// As in wp-config.php: an environment-specific client id, a generic API key, an empty
		// environment-specific API key (ignored), an empty generic organization (ignored).
		define( 'WORKOS_STAGING_CLIENT_ID', self::STAGING_CLIENT_ID );
		define( 'WORKOS_CLIENT_ID', 'client_generic_from_constant' );
		define( 'WORKOS_API_KEY', self::API_KEY );
		define( 'WORKOS_STAGING_API_KEY', '' );
		define( 'WORKOS_ORGANIZATION_ID', '' );
		define( 'WORKOS_ENVIRONMENT', 'production' );

		update_option( Config::ACTIVE_ENV_OPTION, 'staging' );
		update_option(
			'workos_staging',
			array(
				'client_id'       => 'client_staging_db',
				'api_key'         => 'sk_test_staging_db_1111',
				'organization_id' => 'org_staging_db',
				'environment_id'  => 'environment_staging_db',
			)
		);
		update_option(
			'workos_production',
			array(
				'client_id'      => 'client_production_db',
				'environment_id' => 'environment_production_db',
			)
		);
	}

	public function test_environment_constant_wins_over_the_option(): void {
		$this->assertSame( array( 'production', 'constant' ), Config::active_environment() );
		$this->assertSame( 'production', Config::active() );
	}

	public function test_environment_specific_constant_beats_generic_and_database(): void {
		$this->assertSame( array( self::STAGING_CLIENT_ID, 'constant' ), Config::resolve( 'client_id', 'staging' ) );
		$this->assertSame( 'WORKOS_STAGING_CLIENT_ID', Config::overriding_constant( 'client_id', 'staging' ) );
	}

	public function test_generic_constant_beats_database(): void {
		$this->assertSame( array( 'client_generic_from_constant', 'constant' ), Config::resolve( 'client_id', 'production' ) );
		$this->assertSame( 'WORKOS_CLIENT_ID', Config::overriding_constant( 'client_id', 'production' ) );
		$this->assertSame( array( self::API_KEY, 'constant' ), Config::resolve( 'api_key', 'production' ) );
	}

	public function test_empty_constants_are_ignored(): void {
		// WORKOS_STAGING_API_KEY is '' so the generic WORKOS_API_KEY applies.
		$this->assertSame( array( self::API_KEY, 'constant' ), Config::resolve( 'api_key', 'staging' ) );
		$this->assertSame( 'WORKOS_API_KEY', Config::overriding_constant( 'api_key', 'staging' ) );
		// WORKOS_ORGANIZATION_ID is '' so the database row applies.
		$this->assertSame( array( 'org_staging_db', 'database' ), Config::resolve( 'organization_id', 'staging' ) );
		$this->assertNull( Config::overriding_constant( 'organization_id', 'staging' ) );
	}

	public function test_database_applies_where_no_constant_is_defined(): void {
		$this->assertSame( array( 'environment_staging_db', 'database' ), Config::resolve( 'environment_id', 'staging' ) );
		$this->assertNull( Config::overriding_constant( 'login_mode', 'staging' ), 'only the credential strings can be constants' );
	}

	public function test_enabled_counts_constants(): void {
		$this->assertTrue( Config::is_enabled( 'production' ) );
		$this->assertTrue( Config::is_enabled( 'staging' ) );
	}

	public function test_status_route_reports_constant_sources_without_secret_values(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$response = $this->rest( 'GET', '/workos/v1/admin/status' );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();

		$this->assertSame( array( 'active' => 'production', 'source' => 'constant' ), $data['environment'] );

		$staging = $data['environments']['staging']['settings'];
		$this->assertSame(
			array(
				'source'   => 'constant',
				'constant' => 'WORKOS_STAGING_CLIENT_ID',
				'value'    => self::STAGING_CLIENT_ID,
			),
			$staging['client_id']
		);
		$this->assertSame(
			array(
				'source'   => 'constant',
				'constant' => 'WORKOS_API_KEY',
				'set'      => true,
				'last4'    => '9f3a',
				'masked'   => Config::mask( self::API_KEY ),
			),
			$staging['api_key']
		);
		$this->assertSame( 'database', $staging['organization_id']['source'] );
		$this->assertArrayNotHasKey( 'constant', $staging['organization_id'] );

		$production = $data['environments']['production']['settings'];
		$this->assertSame( 'WORKOS_CLIENT_ID', $production['client_id']['constant'] );
		$this->assertSame( 'WORKOS_API_KEY', $production['api_key']['constant'] );
		$this->assertTrue( $data['enabled'] );

		$json = wp_json_encode( $data );
		$this->assertStringNotContainsString( self::API_KEY, $json );
		$this->assertStringNotContainsString( 'sk_test_staging_db_1111', $json );
	}
}
