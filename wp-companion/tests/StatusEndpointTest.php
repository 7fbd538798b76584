<?php
/**
 * GET /workos/v1/admin/status dispatched in-process (rest_do_request): permissions, the shape of
 * the answer, and that secrets never leave the site.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Config\Config;

final class StatusEndpointTest extends WPTestCase {
	private const ROUTE          = '/workos/v1/admin/status';
	private const API_KEY        = 'sk_test_a1b2c3d4e5f6g7h8i9j0WXYZ';
	private const WEBHOOK_SECRET = 'whsec_0123456789abcdefQRST';

	protected function setUp(): void {
		parent::setUp();
		delete_option( Config::ACTIVE_ENV_OPTION );
		delete_option( Config::GLOBAL_OPTION );
		delete_option( Config::BASE_URL_OPTION );
		delete_option( 'workos_staging' );
		delete_option( 'workos_production' );
	}

	public function test_logged_out_gets_401(): void {
		$response = $this->rest( 'GET', self::ROUTE );
		$this->assertSame( 401, $response->get_status() );
		$this->assertSame( 'workos_unauthorized', $response->get_data()['code'] );
	}

	/** @return array<string,array{0:string}> */
	public function non_admin_roles(): array {
		return array(
			'editor'     => array( 'editor' ),
			'subscriber' => array( 'subscriber' ),
		);
	}

	/**
	 * @dataProvider non_admin_roles
	 *
	 * @param string $role A role without manage_options.
	 */
	public function test_users_without_manage_options_get_403( string $role ): void {
		wp_set_current_user( $this->create_user( $role ) );
		$response = $this->rest( 'GET', self::ROUTE );
		$this->assertSame( 403, $response->get_status() );
		$this->assertSame( 'workos_forbidden', $response->get_data()['code'] );
		$this->assertSame( 403, $response->get_data()['data']['status'] );
	}

	public function test_administrator_gets_the_status(): void {
		global $wp_version;
		update_option( Config::ACTIVE_ENV_OPTION, 'production' );
		update_option(
			'workos_production',
			array(
				'api_key'        => self::API_KEY,
				'webhook_secret' => self::WEBHOOK_SECRET,
				'client_id'      => 'client_01PROD',
				'environment_id' => 'environment_01PROD',
				'login_mode'     => 'custom',
			)
		);
		update_option( 'workos_staging', array( 'client_id' => 'client_01STAGING' ) );
		wp_set_current_user( $this->create_user( 'administrator' ) );

		$response = $this->rest( 'GET', self::ROUTE );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();

		$this->assertSame( WORKOS_COMPANION_VERSION, $data['plugin']['version'] );
		$this->assertSame( 4, $data['plugin']['schema_version'] );
		$this->assertSame( 4, $data['plugin']['schema_version_expected'] );
		$this->assertSame( $wp_version, $data['wordpress']['version'] );
		$this->assertFalse( $data['wordpress']['multisite'] );
		$this->assertSame( PHP_VERSION, $data['php']['version'] );
		$this->assertSame( array( 'active' => 'production', 'source' => 'database' ), $data['environment'] );
		$this->assertTrue( $data['enabled'] );
		$this->assertSame( 'custom', $data['login_mode'] );
		$this->assertSame( array( 'value' => 'https://api.workos.com', 'source' => 'default' ), $data['api_base_url'] );

		$this->assertSame( array( 'production', 'staging' ), array_keys( $data['environments'] ) );
		$production = $data['environments']['production'];
		$staging    = $data['environments']['staging'];
		$this->assertTrue( $production['enabled'] );
		$this->assertFalse( $staging['enabled'] );
		$this->assertSame( array_keys( Config::DEFAULTS ), array_keys( $production['settings'] ) );
		$this->assertSame( array( 'source' => 'database', 'value' => 'client_01PROD' ), $production['settings']['client_id'] );
		$this->assertSame( array( 'source' => 'database', 'value' => 'client_01STAGING' ), $staging['settings']['client_id'] );
		$this->assertSame( array( 'source' => 'default', 'value' => 'redirect' ), $staging['settings']['login_mode'] );
		$this->assertSame( array( 'source' => 'default', 'value' => true ), $staging['settings']['allow_password_fallback'] );

		// Secrets: only whether they are set, the last four characters and the masked form.
		$this->assertSame(
			array(
				'source' => 'database',
				'set'    => true,
				'last4'  => 'WXYZ',
				'masked' => str_repeat( '*', strlen( self::API_KEY ) - 4 ) . 'WXYZ',
			),
			$production['settings']['api_key']
		);
		$this->assertSame(
			array(
				'source' => 'database',
				'set'    => true,
				'last4'  => 'QRST',
				'masked' => str_repeat( '*', strlen( self::WEBHOOK_SECRET ) - 4 ) . 'QRST',
			),
			$production['settings']['webhook_secret']
		);
		$this->assertSame(
			array(
				'source' => 'default',
				'set'    => false,
				'last4'  => '',
				'masked' => '',
			),
			$staging['settings']['api_key']
		);
		foreach ( Config::SECRETS as $secret ) {
			$this->assertArrayNotHasKey( 'value', $production['settings'][ $secret ] );
		}

		$json = wp_json_encode( $response->get_data() );
		$this->assertStringNotContainsString( self::API_KEY, $json );
		$this->assertStringNotContainsString( self::WEBHOOK_SECRET, $json );
		$this->assertStringNotContainsString( substr( self::API_KEY, 0, 12 ), $json );

		$this->assertSame( 'no-store', $response->get_headers()['Cache-Control'] ?? null );
		// Over HTTP WordPress sends its no-cache headers after the response's for a logged-in
		// user; they must say no-store as well (StatusHttpTest checks the wire).
		$this->assertSame( 'no-store', wp_get_nocache_headers()['Cache-Control'] );

		$this->assertSame( home_url( '/workos/callback' ), $data['urls']['callback'] );
		$this->assertSame( rest_url( 'workos/v1/webhook' ), $data['urls']['webhook'] );
		$site = untrailingslashit( getenv( 'SANDBOX_WP_URL' ) );
		$this->assertSame( $site . '/workos/callback', $data['urls']['callback'] );
		$this->assertSame( $site . '/wp-json/workos/v1/webhook', $data['urls']['webhook'] );
	}

	public function test_short_secret_shows_no_characters(): void {
		update_option( 'workos_staging', array( 'api_key' => 'abcd' ) );
		wp_set_current_user( $this->create_user( 'administrator' ) );

		$data = $this->rest( 'GET', self::ROUTE )->get_data();
		$this->assertSame(
			array(
				'source' => 'database',
				'set'    => true,
				'last4'  => '',
				'masked' => '****',
			),
			$data['environments']['staging']['settings']['api_key']
		);
		$this->assertStringNotContainsString( 'abcd', wp_json_encode( $data ) );
	}

	public function test_only_get_is_routed(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->assertSame( 404, $this->rest( 'POST', self::ROUTE )->get_status() );
	}
}
