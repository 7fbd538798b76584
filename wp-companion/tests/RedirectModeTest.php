<?php
/**
 * Redirect mode (seed spec §3.2): when wp-login.php hands the browser to WorkOS's hosted sign-in,
 * with which URL and state, and when it does not.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Auth\NoCache;
use WorkOSCompanion\Auth\RedirectMode;
use WorkOSCompanion\Auth\State;

final class RedirectModeTest extends WPTestCase {
	protected function setUp(): void {
		parent::setUp();
		EmulatorEnvironment::configure_site();
	}

	protected function tearDown(): void {
		remove_all_filters( 'workos_bypass_enabled' );
		remove_all_filters( 'workos_bypass_check' );
		parent::tearDown();
	}

	private function set( array $settings ): void {
		update_option( 'workos_staging', array_merge( get_option( 'workos_staging' ), $settings ) );
	}

	/** @return array<string,string> The query of an authorize URL. */
	private function query_of( string $url ): array {
		parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
		return $query;
	}

	public function test_hooked_on_login_init(): void {
		global $wp_filter;
		$found = false;
		foreach ( $wp_filter['login_init']->callbacks[10] ?? array() as $callback ) {
			if ( is_array( $callback['function'] ) && $callback['function'][0] instanceof RedirectMode ) {
				$found = true;
			}
		}
		$this->assertTrue( $found, 'RedirectMode::maybe_redirect on login_init at priority 10' );
	}

	public function test_default_mode_redirects_to_workos_with_a_state_for_admin(): void {
		$this->assertSame( 'redirect', RedirectMode::login_mode(), 'the effective default' );
		$url = RedirectMode::redirect_url( array() );
		$this->assertIsString( $url );
		$this->assertStringStartsWith( EmulatorEnvironment::url() . '/user_management/authorize?', $url );
		$query = $this->query_of( $url );
		$this->assertSame( EmulatorEnvironment::credentials()['client_id'], $query['client_id'] );
		$this->assertSame( home_url( '/workos/callback' ), $query['redirect_uri'] );
		$this->assertSame( 'code', $query['response_type'] );
		$this->assertSame( 'authkit', $query['provider'] );
		$this->assertSame( 'sign-in', $query['screen_hint'] );
		$this->assertArrayNotHasKey( 'organization_id', $query );
		$this->assertSame( array( 'redirect_to' => admin_url() ), State::consume( $query['state'] ) );
	}

	public function test_the_authorize_url_is_one_the_emulator_accepts(): void {
		$response = wp_remote_get( RedirectMode::redirect_url( array() ), array( 'redirection' => 0 ) );
		$this->assertSame( 200, wp_remote_retrieve_response_code( $response ), wp_remote_retrieve_body( $response ) );
		$this->assertStringContainsString( 'id="sign-in-form"', wp_remote_retrieve_body( $response ) );
	}

	public function test_configured_organization_is_sent_instead_of_the_provider(): void {
		$org = EmulatorEnvironment::organization_id( 'Acme Corp' );
		$this->set( array( 'organization_id' => $org ) );
		$query = $this->query_of( RedirectMode::redirect_url( array() ) );
		$this->assertSame( $org, $query['organization_id'] );
		$this->assertArrayNotHasKey( 'provider', $query );
	}

	public function test_requested_page_travels_in_the_state(): void {
		$query = $this->query_of( RedirectMode::redirect_url( array( 'redirect_to' => home_url( '/wp-admin/edit.php?post_type=page' ) ) ) );
		$this->assertSame( home_url( '/wp-admin/edit.php?post_type=page' ), State::consume( $query['state'] )['redirect_to'] );
		$query = $this->query_of( RedirectMode::redirect_url( array( 'redirect_to' => '/members/' ) ) );
		$this->assertSame( home_url( '/members/' ), State::consume( $query['state'] )['redirect_to'] );
	}

	public function test_off_site_redirect_targets_become_admin_url(): void {
		$vectors = array(
			'//evil.example',
			'https://evil.example',
			'https://evil.example/wp-admin/',
			'/\\evil.example',
			'\\\\evil.example',
			'javascript:alert(1)',
			'%2F%2Fevil.example',
			'%252F%252Fevil.example',
			'https:%2F%2Fevil.example',
			'http://' . wp_parse_url( home_url(), PHP_URL_HOST ) . '@evil.example/',
			'data:text/html,<script>alert(1)</script>',
			wp_login_url(),
			'/wp-login.php?action=login',
		);
		foreach ( $vectors as $vector ) {
			$this->assertSame( admin_url(), RedirectMode::requested_redirect( array( 'redirect_to' => $vector ) ), $vector );
		}
		$this->assertSame( admin_url(), RedirectMode::requested_redirect( array( 'redirect_to' => array( '/x' ) ) ), 'arrays are ignored' );
	}

	public function test_not_enabled_means_no_redirect(): void {
		update_option( 'workos_staging', array( 'login_mode' => 'redirect' ) );
		$this->assertNull( RedirectMode::redirect_url( array() ) );
	}

	public function test_only_redirect_mode_redirects(): void {
		$this->set( array( 'login_mode' => 'headless' ) );
		$this->assertNull( RedirectMode::redirect_url( array() ) );
		$this->set( array( 'login_mode' => 'custom' ) ); // the reference's React login signs in like redirect here
		$this->assertNotNull( RedirectMode::redirect_url( array() ) );
		$this->set( array( 'login_mode' => 'redirect' ) );
		$this->assertNotNull( RedirectMode::redirect_url( array( 'action' => 'login' ) ) );
	}

	public function test_non_login_actions_stay_with_wordpress(): void {
		foreach ( array( 'logout', 'lostpassword', 'rp', 'resetpass', 'register', 'confirmaction', 'postpass' ) as $action ) {
			$this->assertNull( RedirectMode::redirect_url( array( 'action' => $action ) ), $action );
		}
		$this->assertNotNull( RedirectMode::redirect_url( array( 'loggedout' => 'true' ) ), '?loggedout=true no longer bypasses' );
	}

	public function test_fallback_shows_the_password_form_only_when_allowed(): void {
		$this->assertNull( RedirectMode::redirect_url( array( 'fallback' => '1' ) ), 'allow_password_fallback defaults to true' );
		$this->set( array( 'allow_password_fallback' => false ) );
		$this->assertNotNull( RedirectMode::redirect_url( array( 'fallback' => '1' ) ) );
		$this->set( array( 'allow_password_fallback' => true ) );
		$this->assertNotNull( RedirectMode::redirect_url( array( 'fallback' => 'yes' ) ) );
	}

	public function test_posts_are_never_redirected(): void {
		$this->assertNull( RedirectMode::redirect_url( array(), 'POST' ) );
		$this->assertNotNull( RedirectMode::redirect_url( array(), 'HEAD' ) );
	}

	public function test_bypass_needs_the_enabling_filter_and_passes_the_check_filter(): void {
		$this->assertNotNull( RedirectMode::redirect_url( array( 'workos' => '0' ) ), 'off by default' );
		add_filter( 'workos_bypass_enabled', '__return_true' );
		$this->assertNull( RedirectMode::redirect_url( array( 'workos' => '0' ) ) );
		$this->assertNotNull( RedirectMode::redirect_url( array( 'workos' => '1' ) ) );
		add_filter( 'workos_bypass_check', '__return_false' );
		$this->assertNotNull( RedirectMode::redirect_url( array( 'workos' => '0' ) ) );
	}

	public function test_no_cache_headers_include_the_cdn_ones(): void {
		$this->assertSame(
			array(
				'CDN-Cache-Control'            => 'no-store',
				'Cloudflare-CDN-Cache-Control' => 'no-store',
			),
			NoCache::cdn_headers()
		);
	}
}
