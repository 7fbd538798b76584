<?php
/**
 * Headless mode (seed spec §3.7): WordPress's own form, the password checked by the emulator in
 * the authenticate filter, then the same linking, deactivation, entitlement and role rules.
 * Driven through wp_authenticate(), so every authenticate filter of the site takes part.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Auth\Headless;
use WorkOSCompanion\Auth\TokenStore;

final class HeadlessTest extends WPTestCase {
	private const PASSWORD = 'Password123!';

	/** @var array<int,array> workos_user_authenticated calls */
	private $authenticated = array();
	/** @var int auth cookies set */
	private $cookies = 0;

	protected function setUp(): void {
		parent::setUp();
		EmulatorEnvironment::reset();
		EmulatorEnvironment::configure_site( 'staging', array( 'login_mode' => 'headless' ) );
		$this->authenticated = array();
		$this->cookies       = 0;
		add_filter( 'send_auth_cookies', '__return_false' );
		add_action( 'set_auth_cookie', array( $this, 'record_cookie' ) );
		add_action( 'workos_user_authenticated', array( $this, 'record_authenticated' ), 10, 2 );
	}

	protected function tearDown(): void {
		remove_filter( 'send_auth_cookies', '__return_false' );
		remove_action( 'set_auth_cookie', array( $this, 'record_cookie' ) );
		remove_action( 'workos_user_authenticated', array( $this, 'record_authenticated' ), 10 );
		remove_all_filters( 'workos_entitlement_check' );
		parent::tearDown();
	}

	public function record_cookie(): void {
		++$this->cookies;
	}

	public function record_authenticated( $user_id, $response ): void {
		$this->authenticated[] = array( $user_id, $response );
	}

	private function set( array $settings ): void {
		update_option( 'workos_staging', array_merge( get_option( 'workos_staging' ), $settings ) );
	}

	private function wp_user( string $email, string $role, string $password = '' ): int {
		$id = $this->create_user( $role );
		wp_update_user( array( 'ID' => $id, 'user_email' => $email ) );
		if ( '' !== $password ) {
			wp_set_password( $password, $id );
		}
		return $id;
	}

	private function workos_user_id( string $email ): string {
		$list = EmulatorEnvironment::client()->request( 'GET', '/user_management/users', array( 'email' => $email ) );
		return (string) $list['data'][0]['id'];
	}

	/** @param mixed $value */
	private function assertRefused( $value, string $code ): void {
		$this->assertInstanceOf( WP_Error::class, $value, $value instanceof WP_User ? 'let in as ' . $value->user_email : '' );
		$this->assertSame( $code, $value->get_error_code(), $value->get_error_message() );
		$this->assertSame( array(), $this->authenticated );
	}

	public function test_hooked_before_wordpress_password_check(): void {
		global $wp_filter;
		$priorities = array();
		foreach ( $wp_filter['authenticate']->callbacks as $priority => $callbacks ) {
			foreach ( $callbacks as $callback ) {
				if ( is_array( $callback['function'] ) && $callback['function'][0] instanceof Headless && 'authenticate' === $callback['function'][1] ) {
					$priorities[] = $priority;
				}
			}
		}
		$this->assertSame( array( 10 ), $priorities );
	}

	public function test_workos_password_creates_the_user_with_the_mapped_role(): void {
		$user = wp_authenticate( 'alan@acme.test', self::PASSWORD );
		$this->assertInstanceOf( WP_User::class, $user, is_wp_error( $user ) ? $user->get_error_message() : '' );
		$this->assertSame( 'alan@acme.test', $user->user_email );
		$this->assertSame( array( 'editor' ), array_values( $user->roles ) );
		$this->assertSame( $this->workos_user_id( 'alan@acme.test' ), get_user_meta( $user->ID, '_workos_user_id', true ) );
		$this->assertStringStartsWith( 'session_', TokenStore::session_id( $user->ID ) );
		$this->assertCount( 1, $this->authenticated );
		$this->assertSame( 0, $this->cookies, 'WordPress core sets the cookie after authenticate, not us' );
		$this->assertSame( 0, get_current_user_id() );
	}

	public function test_wordpress_username_of_a_linked_user_works_too(): void {
		$id = $this->wp_user( 'katherine@acme.test', 'subscriber' );
		update_user_meta( $id, '_workos_user_id', $this->workos_user_id( 'katherine@acme.test' ) );
		$user = wp_authenticate( get_userdata( $id )->user_login, self::PASSWORD );
		$this->assertInstanceOf( WP_User::class, $user );
		$this->assertSame( $id, $user->ID );
		$this->assertSame( array( 'editor' ), array_values( $user->roles ) );
	}

	public function test_wrong_password_passes_through_and_lets_nobody_in(): void {
		$result = wp_authenticate( 'alan@acme.test', 'not-the-password' );
		$this->assertInstanceOf( WP_Error::class, $result );
		$this->assertFalse( get_user_by( 'email', 'alan@acme.test' ) );
		$this->assertSame( array(), $this->authenticated );
	}

	public function test_wordpress_password_still_works_when_workos_says_no(): void {
		$id   = $this->wp_user( 'local.only@example.test', 'author', 'Local-Pass-987!' );
		$user = wp_authenticate( 'local.only@example.test', 'Local-Pass-987!' );
		$this->assertInstanceOf( WP_User::class, $user, 'allow_password_fallback is on by default' );
		$this->assertSame( $id, $user->ID );
		$this->assertSame( array(), $this->authenticated );
	}

	public function test_workos_down_falls_back_to_the_wordpress_password(): void {
		$id = $this->wp_user( 'alan@acme.test', 'editor', 'Wp-Side-Pass-1!' );
		update_option( 'workos_api_base_url', 'http://127.0.0.1:1' );
		$this->assertInstanceOf( WP_Error::class, wp_authenticate( 'alan@acme.test', self::PASSWORD ) );
		$user = wp_authenticate( 'alan@acme.test', 'Wp-Side-Pass-1!' );
		$this->assertInstanceOf( WP_User::class, $user );
		$this->assertSame( $id, $user->ID );
		$this->assertSame( '', get_user_meta( $id, '_workos_user_id', true ) );
	}

	public function test_other_modes_and_disabled_site_leave_authentication_alone(): void {
		$this->set( array( 'login_mode' => 'redirect' ) );
		$this->assertInstanceOf( WP_Error::class, wp_authenticate( 'alan@acme.test', self::PASSWORD ) );
		update_option( 'workos_staging', array( 'login_mode' => 'headless' ) ); // not enabled
		$this->assertInstanceOf( WP_Error::class, wp_authenticate( 'alan@acme.test', self::PASSWORD ) );
		$this->assertFalse( get_user_by( 'email', 'alan@acme.test' ) );
		$this->assertSame( array(), $this->authenticated );
	}

	public function test_empty_credentials_and_unknown_login_pass_through(): void {
		$headless = new Headless();
		$this->assertNull( $headless->authenticate( null, '', self::PASSWORD ) );
		$this->assertNull( $headless->authenticate( null, 'alan@acme.test', '' ) );
		$this->assertNull( $headless->authenticate( null, 'no_such_login', self::PASSWORD ), 'no e-mail to ask WorkOS about' );
		$someone = get_userdata( $this->create_user( 'subscriber' ) );
		$this->assertSame( $someone, $headless->authenticate( $someone, 'alan@acme.test', self::PASSWORD ) );
	}

	public function test_deactivated_user_is_refused_even_with_a_matching_wordpress_password(): void {
		$id = $this->wp_user( 'alan@acme.test', 'editor', self::PASSWORD );
		update_user_meta( $id, '_workos_user_id', $this->workos_user_id( 'alan@acme.test' ) );
		update_user_meta( $id, '_workos_deactivated', '1' );
		$this->assertRefused( wp_authenticate( 'alan@acme.test', self::PASSWORD ), 'workos_user_deactivated' );
		$this->assertSame( '', TokenStore::access_token( $id ) );
	}

	public function test_administrator_is_not_auto_linked_even_with_a_matching_wordpress_password(): void {
		$admin = $this->wp_user( 'ada@acme.test', 'administrator', self::PASSWORD );
		$this->assertRefused( wp_authenticate( 'ada@acme.test', self::PASSWORD ), 'workos_admin_link_required' );
		$this->assertSame( '', get_user_meta( $admin, '_workos_user_id', true ) );
		$this->assertSame( '', TokenStore::access_token( $admin ) );
	}

	public function test_unverified_email_matching_an_existing_user_is_refused(): void {
		$joan = $this->wp_user( 'joan@acme.test', 'subscriber' );
		$this->assertRefused( wp_authenticate( 'joan@acme.test', self::PASSWORD ), 'workos_email_unverified' );
		$this->assertSame( '', get_user_meta( $joan, '_workos_user_id', true ) );
	}

	public function test_entitlement_denial_is_final_and_creates_nobody(): void {
		$this->set( array( 'entitlement_gate_enabled' => true ) );
		add_filter( 'workos_entitlement_check', '__return_false' );
		$this->assertRefused( wp_authenticate( 'alan@acme.test', self::PASSWORD ), 'workos_entitlement_denied' );
		$this->assertFalse( get_user_by( 'email', 'alan@acme.test' ) );
	}

	public function test_member_of_several_organizations_continues_with_the_site_organization(): void {
		$globex = EmulatorEnvironment::organization_id( 'Globex' );
		$this->set( array( 'organization_id' => $globex ) );
		$user = wp_authenticate( 'grace@acme.test', self::PASSWORD );
		$this->assertInstanceOf( WP_User::class, $user, is_wp_error( $user ) ? $user->get_error_message() : '' );
		$this->assertSame( $globex, get_user_meta( $user->ID, '_workos_org_id', true ) );
		$this->assertSame( $globex, $this->authenticated[0][1]['organization_id'] );
		$this->assertSame( array( 'administrator' ), array_values( $user->roles ), 'Grace is a Globex admin' );
	}

	public function test_member_of_several_organizations_without_a_usable_site_organization_is_refused(): void {
		$this->assertRefused( wp_authenticate( 'grace@acme.test', self::PASSWORD ), 'workos_no_pinned_org' );
		$this->set( array( 'organization_id' => 'org_01NOTHERORGANIZATION000000' ) );
		$this->assertRefused( wp_authenticate( 'grace@acme.test', self::PASSWORD ), 'workos_pinned_org_mismatch' );
		$this->assertFalse( get_user_by( 'email', 'grace@acme.test' ) );
	}

	public function test_a_refusal_does_not_leak_into_the_next_authentication(): void {
		$this->wp_user( 'ada@acme.test', 'administrator' );
		$this->assertInstanceOf( WP_Error::class, wp_authenticate( 'ada@acme.test', self::PASSWORD ) );
		$user = wp_authenticate( 'alan@acme.test', self::PASSWORD );
		$this->assertInstanceOf( WP_User::class, $user );
	}
}
