<?php
/**
 * Config without constants (see ConfigConstantsTest for those): active environment (§1.3),
 * where a value comes from (§1.4), masking (§1.6), "enabled", and the API base URL option.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Config\Config;

final class ConfigTest extends WPTestCase {
	protected function setUp(): void {
		parent::setUp();
		foreach ( array( 'WORKOS_ENVIRONMENT', 'WORKOS_API_KEY', 'WORKOS_CLIENT_ID', 'WORKOS_API_BASE_URL', 'WORKOS_STAGING_API_KEY', 'WORKOS_PRODUCTION_API_KEY' ) as $constant ) {
			$this->assertFalse( defined( $constant ), "$constant must not be defined in this process" );
		}
		delete_option( Config::ACTIVE_ENV_OPTION );
		delete_option( Config::GLOBAL_OPTION );
		delete_option( 'workos_production' );
		delete_option( 'workos_staging' );
		delete_option( Config::BASE_URL_OPTION );
	}

	public function test_default_environment_is_staging(): void {
		$this->assertSame( array( 'staging', 'default' ), Config::active_environment() );
		$this->assertSame( 'staging', Config::active() );
	}

	public function test_standalone_option_selects_the_environment(): void {
		update_option( Config::ACTIVE_ENV_OPTION, 'production' );
		$this->assertSame( array( 'production', 'database' ), Config::active_environment() );
		update_option( Config::ACTIVE_ENV_OPTION, 'staging' );
		$this->assertSame( array( 'staging', 'database' ), Config::active_environment() );
	}

	public function test_legacy_global_key_is_the_fallback(): void {
		update_option( Config::GLOBAL_OPTION, array( 'active_environment' => 'production' ) );
		$this->assertSame( array( 'production', 'database' ), Config::active_environment() );
	}

	public function test_standalone_option_beats_the_legacy_key(): void {
		update_option( Config::GLOBAL_OPTION, array( 'active_environment' => 'production' ) );
		update_option( Config::ACTIVE_ENV_OPTION, 'staging' );
		$this->assertSame( array( 'staging', 'database' ), Config::active_environment() );
	}

	public function test_invalid_values_are_ignored(): void {
		update_option( Config::ACTIVE_ENV_OPTION, 'Production' );
		update_option( Config::GLOBAL_OPTION, array( 'active_environment' => 'qa' ) );
		$this->assertSame( array( 'staging', 'default' ), Config::active_environment() );

		update_option( Config::GLOBAL_OPTION, array( 'active_environment' => 'production' ) );
		$this->assertSame( array( 'production', 'database' ), Config::active_environment(), 'an invalid standalone value falls through to a valid legacy one' );

		update_option( Config::GLOBAL_OPTION, 'production' );
		$this->assertSame( array( 'staging', 'default' ), Config::active_environment(), 'a non-array workos_global is ignored' );
	}

	public function test_resolve_reads_the_environment_row(): void {
		update_option( 'workos_staging', array( 'client_id' => 'client_staging', 'login_mode' => 'headless' ) );
		update_option( 'workos_production', array( 'client_id' => 'client_production' ) );

		$this->assertSame( array( 'client_staging', 'database' ), Config::resolve( 'client_id' ) );
		$this->assertSame( array( 'client_production', 'database' ), Config::resolve( 'client_id', 'production' ) );
		$this->assertSame( array( 'headless', 'database' ), Config::resolve( 'login_mode', 'staging' ) );
		$this->assertSame( 'client_staging', Config::get( 'client_id' ) );

		update_option( Config::ACTIVE_ENV_OPTION, 'production' );
		$this->assertSame( array( 'client_production', 'database' ), Config::resolve( 'client_id' ), 'reads go through the active environment' );
	}

	public function test_resolve_falls_back_to_the_effective_defaults(): void {
		update_option( 'workos_staging', array( 'client_id' => 'client_staging' ) );

		$this->assertSame( array( 'redirect', 'default' ), Config::resolve( 'login_mode' ) );
		$this->assertSame( array( '', 'default' ), Config::resolve( 'api_key' ) );
		$this->assertSame( array( true, 'default' ), Config::resolve( 'allow_password_fallback' ) );
		$this->assertSame( array( 'deactivate', 'default' ), Config::resolve( 'deprovision_action' ) );
		$this->assertSame( array( false, 'default' ), Config::resolve( 'enable_activity_log' ) );
		$this->assertSame( array( '', 'default' ), Config::resolve( 'client_id', 'production' ) );
		$this->assertSame( array( null, 'default' ), Config::resolve( 'no_such_setting' ) );
	}

	public function test_a_stored_empty_or_false_value_is_from_the_database(): void {
		update_option( 'workos_staging', array( 'allow_password_fallback' => false, 'client_id' => '' ) );
		$this->assertSame( array( false, 'database' ), Config::resolve( 'allow_password_fallback' ) );
		$this->assertSame( array( '', 'database' ), Config::resolve( 'client_id' ) );
	}

	public function test_a_corrupt_row_reads_as_empty(): void {
		update_option( 'workos_staging', 'not an array' );
		$this->assertSame( array(), Config::row( 'staging' ) );
		$this->assertSame( array( 'redirect', 'default' ), Config::resolve( 'login_mode' ) );
	}

	/** @return array<string,array{0:string,1:string}> */
	public function mask_vectors(): array {
		return array(
			'empty'          => array( '', '' ),
			'one char'       => array( 'a', '*' ),
			'four chars'     => array( 'abcd', '****' ),
			'five chars'     => array( 'abcde', '*bcde' ),
			'a test key'     => array( 'sk_test_12345678', '************5678' ),
		);
	}

	/**
	 * @dataProvider mask_vectors
	 *
	 * @param string $secret The secret.
	 * @param string $masked What the console may see.
	 */
	public function test_mask( string $secret, string $masked ): void {
		$this->assertSame( $masked, Config::mask( $secret ) );
	}

	public function test_enabled_needs_api_key_client_id_and_environment_id(): void {
		$full = array(
			'api_key'        => 'sk_test_abcdefgh',
			'client_id'      => 'client_01',
			'environment_id' => 'environment_01',
		);
		update_option( 'workos_production', $full );
		$this->assertTrue( Config::is_enabled( 'production' ) );
		$this->assertFalse( Config::is_enabled( 'staging' ) );
		$this->assertFalse( Config::is_enabled(), 'the active environment (staging) is not configured' );

		foreach ( array_keys( $full ) as $missing ) {
			$row             = $full;
			$row[ $missing ] = '';
			update_option( 'workos_production', $row );
			$this->assertFalse( Config::is_enabled( 'production' ), "enabled without $missing" );
		}

		update_option( 'workos_production', $full + array( 'webhook_secret' => '', 'organization_id' => '' ) );
		$this->assertTrue( Config::is_enabled( 'production' ), 'webhook secret and organization are optional' );
	}

	public function test_api_base_url_default_and_option(): void {
		$this->assertSame( array( 'https://api.workos.com', 'default' ), Config::api_base_url() );

		update_option( Config::BASE_URL_OPTION, 'http://127.0.0.1:8811/' );
		$this->assertSame( array( 'http://127.0.0.1:8811', 'database' ), Config::api_base_url() );

		update_option( Config::BASE_URL_OPTION, '' );
		$this->assertSame( array( 'https://api.workos.com', 'default' ), Config::api_base_url() );
	}

	public function test_no_constant_overrides_anything(): void {
		foreach ( Config::CONSTANT_STRINGS as $key ) {
			$this->assertNull( Config::overriding_constant( $key, 'staging' ) );
			$this->assertNull( Config::overriding_constant( $key, 'production' ) );
		}
	}
}
