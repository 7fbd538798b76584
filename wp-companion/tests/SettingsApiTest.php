<?php
/**
 * GET/PATCH /workos/v1/admin/settings in-process: merge semantics, write-only secrets, null back
 * to the default, constants that lock a setting (409), and bad input on every argument refused
 * with nothing written.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Config\Config;

final class SettingsApiTest extends WPTestCase {
	private const ROUTE  = '/workos/v1/admin/settings';
	private const SECRET = 'sk_test_settings0123456789WXYZ';

	protected function setUp(): void {
		parent::setUp();
		$this->snapshot_options( array( 'workos_staging', 'workos_production', Config::ACTIVE_ENV_OPTION, Config::BASE_URL_OPTION, 'workos_webhook_tolerance' ) );
		delete_option( 'workos_staging' );
		delete_option( 'workos_production' );
		delete_option( Config::ACTIVE_ENV_OPTION );
		delete_option( Config::BASE_URL_OPTION );
		delete_option( 'workos_webhook_tolerance' );
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	/** @param array<string,mixed> $body */
	private function patch( array $body, array $query = array() ): WP_REST_Response {
		return $this->rest_json( 'PATCH', self::ROUTE, $body, $query );
	}

	public function test_get_describes_the_active_environment_with_sources(): void {
		update_option( 'workos_staging', array( 'client_id' => 'client_abc', 'api_key' => self::SECRET ) );
		$response = $this->rest( 'GET', self::ROUTE );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( 'staging', $data['environment'] );
		$this->assertTrue( $data['active'] );
		$this->assertSame( array( 'source' => 'database', 'value' => 'client_abc', 'writable' => true ), $data['settings']['client_id'] );
		$this->assertSame( array( 'source' => 'database', 'set' => true, 'last4' => 'WXYZ', 'masked' => Config::mask( self::SECRET ), 'writable' => true ), $data['settings']['api_key'] );
		$this->assertSame( array( 'source' => 'default', 'value' => 'redirect', 'writable' => true ), $data['settings']['login_mode'] );
		$this->assertSame( array( 'value' => 180, 'source' => 'default', 'writable' => true ), $data['site']['webhook_tolerance'] );
		$this->assertStringNotContainsString( self::SECRET, (string) wp_json_encode( $data ), 'the secret never leaves the site' );

		$production = $this->rest( 'GET', self::ROUTE, array( 'env' => 'production' ) )->get_data();
		$this->assertSame( 'production', $production['environment'] );
		$this->assertFalse( $production['active'] );
	}

	public function test_patch_merges_keeps_secrets_write_only_and_logs_names_only(): void {
		update_option( 'workos_production', array( 'client_id' => 'client_keep', 'role_map' => array( 'admin' => 'administrator' ) ) );
		$response = $this->patch(
			array(
				'env'      => 'production',
				'settings' => array(
					'api_key'             => self::SECRET,
					'login_mode'          => 'headless',
					'allow_password_fallback' => false,
					'reassign_user'       => get_current_user_id(),
					'enable_activity_log' => true,
				),
				'site'     => array( 'webhook_tolerance' => 300, 'api_base_url' => 'https://api.workos.com/' ),
			)
		);
		$this->assertSame( 200, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$row = get_option( 'workos_production' );
		$this->assertSame( 'client_keep', $row['client_id'], 'keys not sent are kept' );
		$this->assertSame( array( 'admin' => 'administrator' ), $row['role_map'] );
		$this->assertSame( self::SECRET, $row['api_key'] );
		$this->assertSame( 'headless', $row['login_mode'] );
		$this->assertFalse( $row['allow_password_fallback'] );
		$this->assertSame( '300', (string) get_option( 'workos_webhook_tolerance' ) );
		$this->assertSame( 'https://api.workos.com', get_option( Config::BASE_URL_OPTION ) );

		$data = $response->get_data();
		$this->assertArrayNotHasKey( 'value', $data['settings']['api_key'] );
		$this->assertTrue( $data['settings']['api_key']['set'] );
		$this->assertStringNotContainsString( self::SECRET, (string) wp_json_encode( $data ) );
		$this->assertSame( 300, $data['site']['webhook_tolerance']['value'] );

		// The log has names (the production environment is not the active one: the log follows
		// the active environment's switch, so turn it on there too for this check).
		update_option( 'workos_staging', array( 'enable_activity_log' => true ) );
		$this->patch( array( 'env' => 'production', 'settings' => array( 'webhook_secret' => 'whsec_secret_value_1234' ) ) );
		global $wpdb;
		$meta = (string) $wpdb->get_var( "SELECT metadata FROM {$wpdb->prefix}workos_activity_log WHERE event_type = 'settings_updated' ORDER BY id DESC LIMIT 1" );
		$this->assertSame( array( 'environment' => 'production', 'settings' => array( 'webhook_secret' ), 'site' => array() ), json_decode( $meta, true ) );
		$this->assertStringNotContainsString( 'whsec_secret_value_1234', $meta );
	}

	public function test_null_puts_a_setting_back_to_its_default(): void {
		update_option( 'workos_staging', array( 'login_mode' => 'headless', 'api_key' => self::SECRET ) );
		update_option( 'workos_webhook_tolerance', 60 );
		$response = $this->patch( array( 'settings' => array( 'login_mode' => null, 'api_key' => null ), 'site' => array( 'webhook_tolerance' => null ) ) );
		$this->assertSame( 200, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertSame( array(), get_option( 'workos_staging' ) );
		$this->assertFalse( get_option( 'workos_webhook_tolerance' ) );
		$this->assertSame( 'default', $response->get_data()['settings']['login_mode']['source'] );
		$this->assertFalse( $response->get_data()['settings']['api_key']['set'] );
	}

	/** @return array<string,array{0:array<string,mixed>,1:string}> */
	public function bad_patches(): array {
		$long = 'org_' . str_repeat( 'a', 300 );
		return array(
			'login mode not in the enum'        => array( array( 'settings' => array( 'login_mode' => 'custom' ) ), 'rest_invalid_param' ),
			'login mode of the wrong type'      => array( array( 'settings' => array( 'login_mode' => 5 ) ), 'rest_invalid_param' ),
			'boolean given as a word'           => array( array( 'settings' => array( 'allow_password_fallback' => 'maybe' ) ), 'rest_invalid_param' ),
			'negative user id'                  => array( array( 'settings' => array( 'reassign_user' => -1 ) ), 'rest_invalid_param' ),
			'user id that is text'              => array( array( 'settings' => array( 'reassign_user' => 'abc' ) ), 'rest_invalid_param' ),
			'user that does not exist'          => array( array( 'settings' => array( 'reassign_user' => 999999999 ) ), 'workos_invalid_reassign_user' ),
			'api key with markup'               => array( array( 'settings' => array( 'api_key' => 'sk_<script>alert(1)</script>' ) ), 'rest_invalid_param' ),
			'organization id with SQL'          => array( array( 'settings' => array( 'organization_id' => "org_1'; DROP TABLE wp_users; --" ) ), 'rest_invalid_param' ),
			'organization id with unicode'      => array( array( 'settings' => array( 'organization_id' => 'org_ünïcødé' ) ), 'rest_invalid_param' ),
			'very long value'                   => array( array( 'settings' => array( 'organization_id' => $long ) ), 'rest_invalid_param' ),
			'webhook secret with a space'       => array( array( 'settings' => array( 'webhook_secret' => 'whsec abc' ) ), 'rest_invalid_param' ),
			'unknown setting'                   => array( array( 'settings' => array( 'api_key' => self::SECRET, 'radar_site_key' => 'x' ) ), 'rest_invalid_param' ),
			'unknown top-level field'           => array( array( 'settings' => array( 'login_mode' => 'headless' ), 'force' => true ), 'workos_unknown_parameter' ),
			'settings not an object'            => array( array( 'settings' => 'login_mode=headless' ), 'rest_invalid_param' ),
			'unknown environment'               => array( array( 'env' => 'qa', 'settings' => array( 'login_mode' => 'headless' ) ), 'rest_invalid_param' ),
			'nothing to change'                 => array( array( 'settings' => array() ), 'workos_nothing_to_change' ),
			'tolerance out of range'            => array( array( 'site' => array( 'webhook_tolerance' => 0 ) ), 'rest_invalid_param' ),
			'tolerance far out of range'        => array( array( 'site' => array( 'webhook_tolerance' => 86400 ) ), 'rest_invalid_param' ),
			'base URL over plain http'          => array( array( 'site' => array( 'api_base_url' => 'http://api.example.com' ) ), 'workos_invalid_api_base_url' ),
			'base URL with credentials'         => array( array( 'site' => array( 'api_base_url' => 'https://user:pw@api.example.com' ) ), 'workos_invalid_api_base_url' ),
			'base URL that is javascript'       => array( array( 'site' => array( 'api_base_url' => 'javascript:alert(1)' ) ), 'rest_invalid_param' ),
			'active environment unknown'        => array( array( 'site' => array( 'active_environment' => 'dev' ) ), 'rest_invalid_param' ),
		);
	}

	/**
	 * @dataProvider bad_patches
	 *
	 * @param array<string,mixed> $body
	 */
	public function test_bad_input_is_refused_and_nothing_is_written( array $body, string $code ): void {
		update_option( 'workos_staging', array( 'login_mode' => 'redirect', 'client_id' => 'client_before' ) );
		$before   = array( get_option( 'workos_staging' ), get_option( 'workos_production' ), get_option( 'workos_webhook_tolerance' ), get_option( Config::BASE_URL_OPTION ), get_option( Config::ACTIVE_ENV_OPTION ) );
		$response = $this->patch( $body );
		$this->assertSame( 400, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertSame( $code, $response->get_data()['code'] );
		$this->assertSame( $before, array( get_option( 'workos_staging' ), get_option( 'workos_production' ), get_option( 'workos_webhook_tolerance' ), get_option( Config::BASE_URL_OPTION ), get_option( Config::ACTIVE_ENV_OPTION ) ) );
	}

	public function test_a_subscriber_cannot_be_the_reassign_target_but_an_author_can(): void {
		$subscriber = $this->create_user( 'subscriber' );
		$this->assertSame( 'workos_invalid_reassign_user', $this->patch( array( 'settings' => array( 'reassign_user' => $subscriber ) ) )->get_data()['code'] );
		$author = $this->create_user( 'author' );
		$this->assertSame( 200, $this->patch( array( 'settings' => array( 'reassign_user' => $author ) ) )->get_status() );
		$this->assertSame( $author, get_option( 'workos_staging' )['reassign_user'] );
	}

	public function test_loopback_http_is_accepted_for_a_local_emulator(): void {
		$response = $this->patch( array( 'site' => array( 'api_base_url' => 'http://127.0.0.1:4100' ) ) );
		$this->assertSame( 200, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertSame( 'http://127.0.0.1:4100', Config::api_base_url()[0] );
	}

	// Last: the constants it defines stay defined for the rest of this process.
	public function test_settings_decided_by_constants_answer_409_and_nothing_is_written(): void {
		define( 'WORKOS_PRODUCTION_ORGANIZATION_ID', 'org_from_wp_config' );
		define( 'WORKOS_ENTITLEMENT_GATE_ENABLED', true );
		define( 'WORKOS_WEBHOOK_TOLERANCE', 240 );
		update_option( 'workos_production', array( 'login_mode' => 'redirect' ) );

		$response = $this->patch( array( 'env' => 'production', 'settings' => array( 'login_mode' => 'headless', 'organization_id' => 'org_other' ) ) );
		$this->assertSame( 409, $response->get_status() );
		$this->assertSame( 'workos_setting_locked', $response->get_data()['code'] );
		$this->assertSame( 'WORKOS_PRODUCTION_ORGANIZATION_ID', $response->get_data()['data']['constant'] );
		$this->assertSame( array( 'login_mode' => 'redirect' ), get_option( 'workos_production' ), 'the whole request refused' );

		$this->assertSame( 'WORKOS_ENTITLEMENT_GATE_ENABLED', $this->patch( array( 'settings' => array( 'entitlement_gate_enabled' => false ) ) )->get_data()['data']['constant'] );
		$this->assertSame( 'WORKOS_WEBHOOK_TOLERANCE', $this->patch( array( 'site' => array( 'webhook_tolerance' => 60 ) ) )->get_data()['data']['constant'] );

		$data = $this->rest( 'GET', self::ROUTE, array( 'env' => 'production' ) )->get_data();
		$this->assertSame( array( 'source' => 'constant', 'constant' => 'WORKOS_PRODUCTION_ORGANIZATION_ID', 'value' => 'org_from_wp_config', 'writable' => false ), $data['settings']['organization_id'] );
		$this->assertSame( array( 'source' => 'constant', 'constant' => 'WORKOS_ENTITLEMENT_GATE_ENABLED', 'value' => true, 'writable' => false ), $data['settings']['entitlement_gate_enabled'] );
		$this->assertSame( array( 'value' => 240, 'source' => 'constant', 'writable' => false, 'constant' => 'WORKOS_WEBHOOK_TOLERANCE' ), $data['site']['webhook_tolerance'] );
	}
}
