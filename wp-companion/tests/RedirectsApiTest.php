<?php
/**
 * GET/PUT /workos/v1/admin/redirects in-process: login and logout maps replaced together, roles
 * checked, every URL held to the redirect's own safety check, nothing written when refused.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Config\Config;

final class RedirectsApiTest extends WPTestCase {
	private const ROUTE = '/workos/v1/admin/redirects';

	protected function setUp(): void {
		parent::setUp();
		$this->snapshot_options( array( 'workos_staging', Config::ACTIVE_ENV_OPTION ) );
		delete_option( Config::ACTIVE_ENV_OPTION );
		update_option( 'workos_staging', array( 'client_id' => 'client_redirects', 'redirect_urls' => array( 'editor' => '/legacy/' ) ) );
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	public function test_get_normalises_legacy_entries(): void {
		$data = $this->rest( 'GET', self::ROUTE )->get_data();
		$this->assertEquals( (object) array( 'editor' => array( 'url' => '/legacy/', 'first_login_only' => false ) ), $data['login'] );
		$this->assertEquals( new stdClass(), $data['logout'] );
	}

	public function test_put_replaces_both_maps(): void {
		$response = $this->rest_json(
			'PUT',
			self::ROUTE,
			array(
				'login'  => array(
					'administrator' => array( 'url' => '/wp-admin/edit.php' ),
					'__default__'   => array( 'url' => home_url( '/welcome/' ), 'first_login_only' => true ),
				),
				'logout' => array( 'subscriber' => '/goodbye/' ),
			)
		);
		$this->assertSame( 200, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$row = get_option( 'workos_staging' );
		$this->assertSame( array( 'administrator' => array( 'url' => '/wp-admin/edit.php', 'first_login_only' => false ), '__default__' => array( 'url' => home_url( '/welcome/' ), 'first_login_only' => true ) ), $row['redirect_urls'] );
		$this->assertSame( array( 'subscriber' => '/goodbye/' ), $row['logout_redirect_urls'] );
		$this->assertSame( 'client_redirects', $row['client_id'] );

		$this->assertSame( 200, $this->rest_json( 'PUT', self::ROUTE, array( 'login' => new stdClass(), 'logout' => new stdClass() ) )->get_status() );
		$this->assertSame( array(), get_option( 'workos_staging' )['redirect_urls'] );
	}

	/** @return array<string,array{0:array<string,mixed>,1:string}> */
	public function bad_bodies(): array {
		$ok = array( 'url' => '/fine/' );
		return array(
			'another host'            => array( array( 'login' => array( 'editor' => array( 'url' => 'https://evil.example/' ) ), 'logout' => array() ), 'workos_unsafe_redirect' ),
			'protocol-relative'       => array( array( 'login' => array(), 'logout' => array( 'editor' => '//evil.example/' ) ), 'workos_unsafe_redirect' ),
			'javascript'              => array( array( 'login' => array( 'editor' => array( 'url' => 'javascript:alert(1)' ) ), 'logout' => array() ), 'workos_unsafe_redirect' ),
			'header injection'        => array( array( 'login' => array(), 'logout' => array( 'editor' => "/x%0d%0aSet-Cookie:a=b" ) ), 'workos_unsafe_redirect' ),
			'backslash trick'         => array( array( 'login' => array( 'editor' => array( 'url' => '/\\evil.example' ) ), 'logout' => array() ), 'workos_unsafe_redirect' ),
			'unknown role'            => array( array( 'login' => array( 'overlord' => $ok ), 'logout' => array() ), 'workos_unknown_wp_role' ),
			'role with SQL'           => array( array( 'login' => array(), 'logout' => array( "editor' OR 1=1 --" => '/x/' ) ), 'workos_unknown_wp_role' ),
			'url of the wrong type'   => array( array( 'login' => array( 'editor' => array( 'url' => 42 ) ), 'logout' => array() ), 'rest_invalid_param' ),
			'unknown entry field'     => array( array( 'login' => array( 'editor' => array( 'url' => '/x/', 'weight' => 1 ) ), 'logout' => array() ), 'rest_invalid_param' ),
			'entry without url'       => array( array( 'login' => array( 'editor' => array( 'first_login_only' => true ) ), 'logout' => array() ), 'rest_invalid_param' ),
			'very long url'           => array( array( 'login' => array(), 'logout' => array( 'editor' => '/' . str_repeat( 'a', 3000 ) ) ), 'rest_invalid_param' ),
			'missing logout map'      => array( array( 'login' => array( 'editor' => $ok ) ), 'rest_missing_callback_param' ),
			'flag that is text'       => array( array( 'login' => array( 'editor' => array( 'url' => '/x/', 'first_login_only' => 'sometimes' ) ), 'logout' => array() ), 'rest_invalid_param' ),
		);
	}

	/**
	 * @dataProvider bad_bodies
	 *
	 * @param array<string,mixed> $body
	 */
	public function test_bad_input_is_refused_and_nothing_is_written( array $body, string $code ): void {
		$before   = get_option( 'workos_staging' );
		$response = $this->rest_json( 'PUT', self::ROUTE, $body );
		$this->assertSame( 400, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertSame( $code, $response->get_data()['code'] );
		$this->assertSame( $before, get_option( 'workos_staging' ) );
	}
}
