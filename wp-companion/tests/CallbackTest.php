<?php
/**
 * GET /workos/callback, driven for real: a state minted by the site, the emulator's hosted
 * sign-in form posted over HTTP for a real single-use code, then the callback handled in this
 * process (Callback::handle; the hook around it only redirects or renders). Every bad input of
 * the issue for the callback ends on a clear error with nobody signed in.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Auth\AuthorizeUrl;
use WorkOSCompanion\Auth\Callback;
use WorkOSCompanion\Auth\ErrorPage;
use WorkOSCompanion\Auth\LoginCompleter;
use WorkOSCompanion\Auth\RedirectMode;
use WorkOSCompanion\Auth\State;
use WorkOSCompanion\Auth\TokenStore;
use WorkOSCompanion\Organization\OrganizationRepository;
use WorkOSCompanion\Sync\PushQueue;

final class CallbackTest extends WPTestCase {
	private const PASSWORD = 'Password123!';

	/** @var int[] expire values of auth cookies set */
	private $cookies = array();
	/** @var array<int,array> workos_user_authenticated calls */
	private $authenticated = array();
	/** @var string[] wp_login user logins */
	private $logins = array();

	protected function setUp(): void {
		parent::setUp();
		EmulatorEnvironment::reset();
		EmulatorEnvironment::configure_site();
		$this->cookies       = array();
		$this->authenticated = array();
		$this->logins        = array();
		add_filter( 'send_auth_cookies', '__return_false' ); // no real headers under PHPUnit
		add_action( 'set_auth_cookie', array( $this, 'record_cookie' ), 10, 2 );
		add_action( 'workos_user_authenticated', array( $this, 'record_authenticated' ), 10, 2 );
		add_action( 'wp_login', array( $this, 'record_login' ), 10, 1 );
	}

	protected function tearDown(): void {
		remove_filter( 'send_auth_cookies', '__return_false' );
		remove_action( 'set_auth_cookie', array( $this, 'record_cookie' ), 10 );
		remove_action( 'workos_user_authenticated', array( $this, 'record_authenticated' ), 10 );
		remove_action( 'wp_login', array( $this, 'record_login' ), 10 );
		remove_all_filters( 'workos_entitlement_check' );
		EmulatorEnvironment::control( 'DELETE', '/_emulator/faults' );
		$_GET = array();
		parent::tearDown();
	}

	public function record_cookie( $cookie, $expire ): void {
		$this->cookies[] = (int) $expire;
	}

	public function record_authenticated( $user_id, $response ): void {
		$this->authenticated[] = array( $user_id, $response );
	}

	public function record_login( $login ): void {
		$this->logins[] = $login;
	}

	// ------------------------------------------------------------------ the emulator's hosted page

	/**
	 * Signs in on the emulator's hosted page like a browser and returns where it sends us back.
	 *
	 * @return array<string,string> The callback's query: code and state, or error.
	 */
	private function hosted_sign_in( string $email, string $authorize_url, string $organization = '' ): array {
		$page = wp_remote_get( $authorize_url, array( 'redirection' => 0, 'timeout' => 20 ) );
		$this->assertSame( 200, wp_remote_retrieve_response_code( $page ), wp_remote_retrieve_body( $page ) );
		list( $action, $fields ) = $this->form( wp_remote_retrieve_body( $page ), 'sign-in-form' );
		$fields['email']         = $email;
		$fields['password']      = self::PASSWORD;
		$answer                  = wp_remote_post( EmulatorEnvironment::url() . $action, array( 'body' => $fields, 'redirection' => 0, 'timeout' => 20 ) );
		if ( 200 === wp_remote_retrieve_response_code( $answer ) && false !== strpos( wp_remote_retrieve_body( $answer ), 'organization-form' ) ) {
			list( $action, $fields )        = $this->form( wp_remote_retrieve_body( $answer ), 'organization-form' );
			$fields['selected_organization'] = EmulatorEnvironment::organization_id( $organization );
			$answer                          = wp_remote_post( EmulatorEnvironment::url() . $action, array( 'body' => $fields, 'redirection' => 0, 'timeout' => 20 ) );
		}
		return $this->back_at_callback( $answer );
	}

	/** @param array|WP_Error $response A 302 to our callback. */
	private function back_at_callback( $response ): array {
		$this->assertSame( 302, wp_remote_retrieve_response_code( $response ), wp_remote_retrieve_body( $response ) );
		$location = (string) wp_remote_retrieve_header( $response, 'location' );
		$this->assertStringStartsWith( AuthorizeUrl::callback_url() . '?', $location );
		parse_str( (string) wp_parse_url( $location, PHP_URL_QUERY ), $query );
		return $query;
	}

	/** @return array{0:string,1:array<string,string>} The form's action and its hidden fields. */
	private function form( string $html, string $id ): array {
		$document = new DOMDocument();
		libxml_use_internal_errors( true );
		$document->loadHTML( $html );
		libxml_clear_errors();
		$form = $document->getElementById( $id );
		$this->assertNotNull( $form, "form #$id on the hosted page" );
		$fields = array();
		foreach ( $form->getElementsByTagName( 'input' ) as $input ) {
			if ( 'hidden' === $input->getAttribute( 'type' ) ) {
				$fields[ $input->getAttribute( 'name' ) ] = $input->getAttribute( 'value' );
			}
		}
		return array( $form->getAttribute( 'action' ), $fields );
	}

	/** A sign-in through the hosted page, as wp-login.php starts it. */
	private function sign_in( string $email, array $login_query = array() ): array {
		return $this->hosted_sign_in( $email, RedirectMode::redirect_url( $login_query ) );
	}

	/** The authorize URL for a given state (to replay one, or carry an unusual target). */
	private function authorize_url_with_state( string $state ): string {
		return EmulatorEnvironment::client()->authorization_url(
			array(
				'redirect_uri' => AuthorizeUrl::callback_url(),
				'state'        => $state,
			)
		);
	}

	private function workos_user_id( string $email ): string {
		$list = EmulatorEnvironment::client()->request( 'GET', '/user_management/users', array( 'email' => $email ) );
		$this->assertNotEmpty( $list['data'], $email );
		return (string) $list['data'][0]['id'];
	}

	private function wp_user( string $email, string $role ): int {
		$id = $this->create_user( $role );
		wp_update_user( array( 'ID' => $id, 'user_email' => $email ) );
		return $id;
	}

	private function assertNobodySignedIn(): void {
		$this->assertSame( array(), $this->cookies, 'no auth cookie' );
		$this->assertSame( 0, get_current_user_id() );
		$this->assertSame( array(), $this->authenticated );
		$this->assertSame( array(), $this->logins );
	}

	/** @param mixed $value */
	private function assertRefused( $value, string $code, int $status ): WP_Error {
		$this->assertInstanceOf( WP_Error::class, $value, is_array( $value ) ? 'signed in as ' . $value['user']->user_email : '' );
		$this->assertSame( $code, $value->get_error_code(), $value->get_error_message() );
		$this->assertSame( $status, ErrorPage::status( $value ) );
		$this->assertNobodySignedIn();
		return $value;
	}

	// ------------------------------------------------------------------------------- success

	public function test_real_sign_in_creates_the_user_with_the_mapped_role_and_signs_in(): void {
		$_GET   = $this->sign_in( 'ada@acme.test' );
		$result = Callback::handle( $_GET );
		$this->assertIsArray( $result, is_wp_error( $result ) ? $result->get_error_message() : '' );

		$user = $result['user'];
		$this->assertSame( 'ada@acme.test', $user->user_email );
		$this->assertSame( 'ada', $user->user_login );
		$this->assertSame( 'Ada Lovelace', $user->display_name );
		$this->assertSame( array( 'administrator' ), array_values( $user->roles ), 'WorkOS admin → administrator' );
		$this->assertSame( $this->workos_user_id( 'ada@acme.test' ), get_user_meta( $user->ID, '_workos_user_id', true ) );
		$this->assertSame( EmulatorEnvironment::organization_id( 'Acme Corp' ), get_user_meta( $user->ID, '_workos_org_id', true ) );
		$this->assertSame( admin_url(), $result['redirect_to'] );

		$this->assertNotSame( '', TokenStore::access_token( $user->ID ) );
		$this->assertNotSame( '', TokenStore::refresh_token( $user->ID ) );
		$this->assertStringStartsWith( 'session_', TokenStore::session_id( $user->ID ) );

		$this->assertSame( $user->ID, get_current_user_id() );
		$this->assertCount( 1, $this->cookies );
		$this->assertGreaterThan( time() + DAY_IN_SECONDS, $this->cookies[0], 'remember-me cookie' );
		$this->assertCount( 1, $this->authenticated );
		$this->assertSame( $user->ID, $this->authenticated[0][0] );
		$this->assertSame( 'ada@acme.test', $this->authenticated[0][1]['user']['email'] );
		$this->assertSame( array( 'ada' ), $this->logins );
	}

	public function test_sign_in_records_the_membership_in_the_sites_organization_and_queues_the_site_id(): void {
		$acme = EmulatorEnvironment::organization_id( 'Acme Corp' );
		EmulatorEnvironment::configure_site( 'staging', array( 'organization_id' => $acme ) );
		$this->assertNull( OrganizationRepository::find_by_workos_id( $acme ), 'not cached before' );
		$_GET   = $this->sign_in( 'ada@acme.test' );
		$result = Callback::handle( $_GET );
		$this->assertIsArray( $result, is_wp_error( $result ) ? $result->get_error_message() : '' );
		$user_id = $result['user']->ID;

		$org = OrganizationRepository::find_by_workos_id( $acme );
		$this->assertNotNull( $org, 'fetched from WorkOS and cached' );
		$this->assertSame( 'Acme Corp', $org['name'] );
		$row = OrganizationRepository::find_membership( (int) $org['id'], $user_id );
		$this->assertNotNull( $row );
		$this->assertSame( 'admin', $row['workos_role'], 'the role WorkOS gave at sign-in' );
		$this->assertSame( 'administrator', $row['wp_role'] );
		$this->assertNotNull( PushQueue::get( 'puid', $user_id ), 'this site\'s user id queued for the WorkOS user' );
	}

	public function test_the_requested_page_is_where_the_sign_in_ends(): void {
		$target = home_url( '/members/?tab=billing' );
		$result = Callback::handle( $this->sign_in( 'alan@acme.test', array( 'redirect_to' => $target ) ) );
		$this->assertSame( $target, $result['redirect_to'] );
		$this->assertSame( array( 'editor' ), array_values( $result['user']->roles ) );
	}

	public function test_role_based_redirects_act_through_login_redirect(): void {
		$seen   = array();
		$filter = static function ( $redirect, $requested, $user ) use ( &$seen ) {
			$seen = array( $redirect, $requested, $user->user_email );
			return home_url( '/welcome/' );
		};
		add_filter( 'login_redirect', $filter, 50, 3 );
		$result = Callback::handle( $this->sign_in( 'alan@acme.test' ) );
		remove_filter( 'login_redirect', $filter, 50 );
		$this->assertSame( home_url( '/welcome/' ), $result['redirect_to'] );
		$this->assertSame( 'alan@acme.test', $seen[2] );

		// A filter cannot send anyone off-site.
		$evil = static function () {
			return 'https://evil.example/';
		};
		add_filter( 'login_redirect', $evil, 50 );
		$result = Callback::handle( $this->sign_in( 'alan@acme.test' ) );
		remove_filter( 'login_redirect', $evil, 50 );
		$this->assertSame( admin_url(), $result['redirect_to'] );
	}

	public function test_an_off_site_target_inside_a_state_falls_back_to_admin_url(): void {
		foreach ( array( '//evil.example', 'https://evil.example/', 'javascript:alert(1)', '/\\evil.example' ) as $target ) {
			$result = Callback::handle( $this->hosted_sign_in( 'alan@acme.test', $this->authorize_url_with_state( State::create( $target ) ) ) );
			$this->assertSame( admin_url(), $result['redirect_to'], $target );
		}
	}

	public function test_a_linked_user_is_updated_not_duplicated(): void {
		$id = $this->wp_user( 'alan.old@example.test', 'subscriber' );
		update_user_meta( $id, '_workos_user_id', $this->workos_user_id( 'alan@acme.test' ) );
		$before = count_users()['total_users'];

		$result = Callback::handle( $this->sign_in( 'alan@acme.test' ) );
		$this->assertSame( $id, $result['user']->ID );
		$this->assertSame( 'alan@acme.test', $result['user']->user_email );
		$this->assertSame( 'Alan Turing', $result['user']->display_name );
		$this->assertSame( array( 'editor' ), array_values( $result['user']->roles ) );
		$this->assertSame( $before, count_users()['total_users'] );
	}

	public function test_an_existing_user_with_the_verified_email_is_linked(): void {
		$id     = $this->wp_user( 'katherine@acme.test', 'author' );
		$result = Callback::handle( $this->sign_in( 'katherine@acme.test' ) );
		$this->assertSame( $id, $result['user']->ID );
		$this->assertSame( $this->workos_user_id( 'katherine@acme.test' ), get_user_meta( $id, '_workos_user_id', true ) );
		$this->assertSame( array( 'editor' ), array_values( $result['user']->roles ) );
	}

	// ---------------------------------------------------------------------- refused: the user

	public function test_an_administrator_is_not_auto_linked(): void {
		$admin  = $this->wp_user( 'ada@acme.test', 'administrator' );
		$result = $this->assertRefused( Callback::handle( $this->sign_in( 'ada@acme.test' ) ), 'workos_admin_link_required', 403 );
		$this->assertSame( '', get_user_meta( $admin, '_workos_user_id', true ) );
		$this->assertSame( '', TokenStore::access_token( $admin ) );
		$this->assertStringContainsString( 'WorkOS Console', ErrorPage::html( $result ) );
	}

	public function test_unverified_email_matching_an_existing_user_is_refused(): void {
		$joan = $this->wp_user( 'joan@acme.test', 'subscriber' );
		$this->assertRefused( Callback::handle( $this->sign_in( 'joan@acme.test' ) ), 'workos_email_unverified', 403 );
		$this->assertSame( '', get_user_meta( $joan, '_workos_user_id', true ) );
		$this->assertSame( '', TokenStore::access_token( $joan ) );
	}

	public function test_a_deactivated_user_is_refused_before_tokens_are_stored(): void {
		$id = $this->wp_user( 'ada.elsewhere@example.test', 'editor' );
		update_user_meta( $id, '_workos_user_id', $this->workos_user_id( 'ada@acme.test' ) );
		update_user_meta( $id, '_workos_deactivated', '1' );
		$error = $this->assertRefused( Callback::handle( $this->sign_in( 'ada@acme.test' ) ), 'workos_user_deactivated', 403 );
		$this->assertSame( '', TokenStore::access_token( $id ) );
		$this->assertSame( 'ada.elsewhere@example.test', get_userdata( $id )->user_email, 'not even updated' );
		$this->assertStringContainsString( 'deactivated', ErrorPage::html( $error ) );
	}

	public function test_entitlement_denial_creates_nobody(): void {
		$row                             = get_option( 'workos_staging' );
		$row['entitlement_gate_enabled'] = true;
		update_option( 'workos_staging', $row );
		add_filter( 'workos_entitlement_check', '__return_false' );
		$this->assertRefused( Callback::handle( $this->sign_in( 'ada@acme.test' ) ), 'workos_entitlement_denied', 403 );
		$this->assertFalse( get_user_by( 'email', 'ada@acme.test' ) );
	}

	public function test_a_workos_user_without_email_or_id_is_refused(): void {
		$before = count_users()['total_users'];
		$this->assertRefused( LoginCompleter::complete( array( 'user' => array( 'id' => 'user_01NOEMAIL', 'email' => '' ), 'access_token' => 'x' ) ), 'workos_invalid_user', 400 );
		$this->assertRefused( LoginCompleter::complete( array( 'user' => array( 'id' => 'user_01NOEMAIL' ) ) ), 'workos_invalid_user', 400 );
		$this->assertRefused( LoginCompleter::complete( array( 'access_token' => 'x' ) ), 'workos_invalid_response', 502 );
		$this->assertSame( $before, count_users()['total_users'] );
	}

	// --------------------------------------------------------------------- refused: the request

	public function test_missing_state_is_refused_and_the_code_stays_unused(): void {
		$query = $this->sign_in( 'alan@acme.test' );
		$this->assertRefused( Callback::handle( array( 'code' => $query['code'] ) ), 'workos_invalid_state', 403 );
		$this->assertRefused( Callback::handle( array( 'code' => $query['code'], 'state' => array( 'x' ) ) ), 'workos_invalid_state', 403 );
		// Nothing was exchanged: the same code with the real state still works.
		$this->assertIsArray( Callback::handle( $query ) );
	}

	public function test_forged_state_is_refused(): void {
		$query          = $this->sign_in( 'alan@acme.test' );
		$parts          = explode( '.', $query['state'] );
		$query['state'] = $parts[0] . '.' . strrev( $parts[1] );
		$error          = $this->assertRefused( Callback::handle( $query ), 'workos_invalid_state', 403 );
		$this->assertStringContainsString( 'could not be verified', ErrorPage::html( $error ) );
	}

	public function test_expired_state_is_refused(): void {
		$nonce = 'nonce-' . wp_generate_password( 12, false );
		set_transient( 'workos_state_' . substr( hash( 'sha256', $nonce ), 0, 32 ), 1, 600 );
		$b64  = new ReflectionMethod( State::class, 'b64' );
		$sign = new ReflectionMethod( State::class, 'sign' );
		$b64->setAccessible( true );
		$sign->setAccessible( true );
		$payload = $b64->invoke( null, (string) wp_json_encode( array( 'n' => $nonce, 'r' => admin_url(), 'e' => time() - 5 ) ) );
		$expired = $payload . '.' . $sign->invoke( null, $payload );

		$query = $this->hosted_sign_in( 'alan@acme.test', $this->authorize_url_with_state( $expired ) );
		$this->assertRefused( Callback::handle( $query ), 'workos_state_expired', 403 );
		$this->assertFalse( get_user_by( 'email', 'alan@acme.test' ) );
	}

	public function test_replayed_state_is_refused(): void {
		$first = $this->sign_in( 'alan@acme.test' );
		$this->assertIsArray( Callback::handle( $first ) );
		wp_set_current_user( 0 );
		$this->cookies = $this->authenticated = $this->logins = array();

		// A fresh code from WorkOS, but the state of the finished sign-in.
		$replay = $this->hosted_sign_in( 'katherine@acme.test', $this->authorize_url_with_state( $first['state'] ) );
		$this->assertNotSame( $first['code'], $replay['code'] );
		$this->assertRefused( Callback::handle( $replay ), 'workos_state_used', 403 );
		$this->assertFalse( get_user_by( 'email', 'katherine@acme.test' ) );
	}

	public function test_reused_code_is_refused(): void {
		$first = $this->sign_in( 'alan@acme.test' );
		$this->assertIsArray( Callback::handle( $first ) );
		wp_set_current_user( 0 );
		$this->cookies = $this->authenticated = $this->logins = array();

		$error = $this->assertRefused(
			Callback::handle(
				array(
					'code'  => $first['code'],
					'state' => State::create( admin_url() ),
				)
			),
			'workos_invalid_code',
			400
		);
		$this->assertStringContainsString( 'expired or was already used', $error->get_error_message() );
		$this->assertNotSame( '', $error->get_error_data()['request_id'] );
	}

	public function test_missing_code_is_refused(): void {
		$this->assertRefused( Callback::handle( array( 'state' => State::create( admin_url() ) ) ), 'workos_missing_code', 400 );
		$this->assertRefused( Callback::handle( array() ), 'workos_missing_code', 400 );
	}

	public function test_authkit_error_parameter_shows_workos_message(): void {
		// A real one: the emulator sends the browser back with error and error_description.
		$row                    = get_option( 'workos_staging' );
		$row['organization_id'] = 'org_01NOSUCHORGANIZATION00000';
		update_option( 'workos_staging', $row );
		$back  = $this->back_at_callback( wp_remote_get( RedirectMode::redirect_url( array() ), array( 'redirection' => 0 ) ) );
		$this->assertSame( 'organization_invalid', $back['error'] );
		$error = $this->assertRefused( Callback::handle( $back ), 'workos_authkit_error', 403 );
		$this->assertStringContainsString( $back['error_description'], $error->get_error_message() );
		$this->assertStringContainsString( 'org_01NOSUCHORGANIZATION00000', ErrorPage::html( $error ) );

		// Whatever WorkOS (or someone) puts there is shown as text, never as markup.
		$error = Callback::handle( array( 'error' => 'access_denied', 'error_description' => '<script>alert(1)</script>Denied' ) );
		$html  = ErrorPage::html( $error );
		$this->assertStringNotContainsString( '<script>alert(1)', $html );
		$this->assertStringContainsString( 'Denied', $html );
		$this->assertStringContainsString( 'access_denied', Callback::handle( array( 'error' => 'access_denied' ) )->get_error_message() );
	}

	public function test_workos_down_renders_a_clear_page_with_the_ways_back(): void {
		$query = $this->sign_in( 'alan@acme.test' );
		update_option( 'workos_api_base_url', 'http://127.0.0.1:1' );
		$error = $this->assertRefused( Callback::handle( $query ), 'workos_unreachable', 502 );
		$html  = ErrorPage::html( $error );
		$this->assertStringContainsString( 'WorkOS could not be reached', $html );
		$this->assertStringContainsString( 'href="' . esc_url( wp_login_url() ) . '"', $html );
		$this->assertStringContainsString( 'Back to login', $html );
		$this->assertStringContainsString( 'href="' . esc_url( add_query_arg( 'fallback', '1', wp_login_url() ) ) . '"', $html );
		$this->assertStringContainsString( 'Sign in with a password', $html );
		$this->assertStringStartsWith( '<!DOCTYPE html>', $html );

		$row                            = get_option( 'workos_staging' );
		$row['allow_password_fallback'] = false;
		update_option( 'workos_staging', $row );
		$html = ErrorPage::html( $error );
		$this->assertStringNotContainsString( 'fallback=1', $html, 'no password link when the site forbids it' );
		$this->assertStringContainsString( 'Back to login', $html );
	}

	public function test_workos_server_error_is_a_502_page(): void {
		$query = $this->sign_in( 'alan@acme.test' );
		EmulatorEnvironment::control( 'POST', '/_emulator/faults', array( 'path' => '/user_management/authenticate', 'status' => 500 ) );
		$error = Callback::handle( $query );
		$this->assertInstanceOf( WP_Error::class, $error );
		$this->assertSame( 502, ErrorPage::status( $error ) );
		$this->assertStringContainsString( 'WorkOS refused the sign-in', $error->get_error_message() );
		$this->assertNobodySignedIn();
		$this->assertFalse( get_user_by( 'email', 'alan@acme.test' ) );
	}

	public function test_not_configured_is_a_clear_page(): void {
		update_option( 'workos_staging', array() );
		$this->assertRefused( Callback::handle( array( 'code' => 'x', 'state' => 'y' ) ), 'workos_not_configured', 503 );
	}

	// ------------------------------------------------------------------------------- the route

	public function test_rewrite_rule_and_query_var_are_registered(): void {
		global $wp_rewrite, $wp;
		$this->assertSame( 'index.php?workos_callback=1', $wp_rewrite->extra_rules_top[ Callback::REWRITE_REGEX ] ?? null );
		$this->assertContains( 'workos_callback', apply_filters( 'query_vars', $wp->public_query_vars ) );
	}

	public function test_callback_requests_are_recognised_with_and_without_rewrite_rules(): void {
		$wp      = new WP();
		$saved   = $_SERVER['REQUEST_URI'];
		$matches = array( '/workos/callback?code=x', '/workos/callback/', '/workos/callback' );
		foreach ( $matches as $uri ) {
			$_SERVER['REQUEST_URI'] = $uri;
			$this->assertTrue( Callback::is_callback_request( $wp ), $uri );
		}
		foreach ( array( '/workos/callbacks', '/other/workos/callback', '/', '/?workos_callback=' ) as $uri ) {
			$_SERVER['REQUEST_URI'] = $uri;
			$this->assertFalse( Callback::is_callback_request( $wp ), $uri );
		}
		$_SERVER['REQUEST_URI'] = '/';
		$wp->query_vars         = array( 'workos_callback' => '1' );
		$this->assertTrue( Callback::is_callback_request( $wp ) );
		$_SERVER['REQUEST_URI'] = $saved;
	}

	public function test_the_authkit_error_is_read_even_after_wordpress_dropped_it_from_get(): void {
		$saved                   = $_SERVER['QUERY_STRING'] ?? null;
		$_GET                    = array( 'state' => 'abc' ); // WP::parse_request() unset $_GET['error']
		$_SERVER['QUERY_STRING'] = 'error=access_denied&error_description=User%20said%20no&state=abc';
		$query                   = Callback::request_query();
		$_SERVER['QUERY_STRING'] = $saved;
		$this->assertSame( 'access_denied', $query['error'] );
		$this->assertSame( 'User said no', $query['error_description'] );
		$this->assertStringContainsString( 'User said no', Callback::handle( $query )->get_error_message() );
	}

	public function test_a_site_whose_rules_lack_the_callback_flushes_once(): void {
		$this->snapshot_options( array( 'rewrite_rules' ) );
		delete_transient( 'workos_callback_rules_flushed' );
		update_option( 'rewrite_rules', array( '^old/?$' => 'index.php?p=1' ) );
		Callback::maybe_flush_rules();
		$this->assertArrayHasKey( Callback::REWRITE_REGEX, get_option( 'rewrite_rules' ) );

		update_option( 'rewrite_rules', array( '^old/?$' => 'index.php?p=1' ) );
		Callback::maybe_flush_rules();
		$this->assertArrayNotHasKey( Callback::REWRITE_REGEX, get_option( 'rewrite_rules' ), 'not on every request' );
	}

	public function test_the_served_site_answers_with_a_real_error_page(): void {
		$base = untrailingslashit( (string) getenv( 'SANDBOX_WP_URL' ) );
		foreach ( array( '/workos/callback?code=nope&state=forged', '/workos/callback/', '/workos/callback?error=access_denied&error_description=Nope' ) as $path ) {
			$response = wp_remote_get( $base . $path, array( 'redirection' => 0, 'timeout' => 20 ) );
			$this->assertFalse( is_wp_error( $response ) );
			$status = wp_remote_retrieve_response_code( $response );
			$body   = wp_remote_retrieve_body( $response );
			$this->assertContains( $status, array( 400, 403, 503 ), "$path: $body" );
			$this->assertStringContainsString( 'text/html', (string) wp_remote_retrieve_header( $response, 'content-type' ) );
			$this->assertStringContainsString( 'id="workos-back-to-login"', $body, $path );
			$this->assertStringContainsString( 'id="workos-error-message"', $body, $path );
			$this->assertSame( 'no-store', wp_remote_retrieve_header( $response, 'cdn-cache-control' ) );
			$this->assertStringContainsString( 'no-cache', (string) wp_remote_retrieve_header( $response, 'cache-control' ) );
			$this->assertDoesNotMatchRegularExpression( '/(Warning|Notice|Deprecated|Fatal error):/', $body );
		}
	}
}
