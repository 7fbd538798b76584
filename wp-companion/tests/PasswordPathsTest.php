<?php
/**
 * Break-glass and password paths (seed spec §3.8, §3.11, §18 LoginSessionTest and
 * PasswordResetTest): the allow_password_fallback switch, ?fallback=1, the lost-password and
 * registration hand-over to WorkOS, and the native reset refused for linked and deactivated users.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Auth\AccountLock;
use WorkOSCompanion\Auth\PasswordPaths;
use WorkOSCompanion\Auth\State;

/** Stops a redirect in its tracks so the test can read where it went. */
final class PasswordPathsRedirected extends RuntimeException {
	/** @var string */
	public $location;
	/** @var int */
	public $status;

	public function __construct( string $location, int $status ) {
		parent::__construct( "redirected to $location" );
		$this->location = $location;
		$this->status   = $status;
	}
}

final class PasswordPathsTest extends WPTestCase {
	/** @var array<string,mixed> */
	private $saved_get;
	/** @var array<string,mixed> */
	private $saved_post;
	/** @var array<string,mixed> */
	private $saved_request;

	protected function setUp(): void {
		parent::setUp();
		$this->saved_get     = $_GET;
		$this->saved_post    = $_POST;
		$this->saved_request = $_REQUEST;
	}

	protected function tearDown(): void {
		$_GET     = $this->saved_get;
		$_POST    = $this->saved_post;
		$_REQUEST = $this->saved_request;
		remove_all_filters( 'application_password_is_api_request' );
		parent::tearDown();
		// Leave the authenticators as the (rolled-back) settings say.
		PasswordPaths::sync_native_authenticators();
	}

	private function site( bool $fallback, array $extra = array() ): void {
		EmulatorEnvironment::configure_site( 'staging', array_merge( array( 'allow_password_fallback' => $fallback ), $extra ) );
	}

	/** @return array{0:int,1:string,2:string} User id, login, password. */
	private function user_with_password( string $role = 'administrator' ): array {
		$id       = $this->create_user( $role );
		$password = 'Correct-Horse-' . wp_generate_password( 10, false );
		wp_set_password( $password, $id );
		return array( $id, get_userdata( $id )->user_login, $password );
	}

	private function native_authenticators_hooked(): bool {
		return false !== has_filter( 'authenticate', 'wp_authenticate_username_password' )
			&& false !== has_filter( 'authenticate', 'wp_authenticate_email_password' );
	}

	/**
	 * Runs an action that may redirect.
	 *
	 * @return PasswordPathsRedirected|null The redirect, or null when the page went on.
	 */
	private function redirect_of( string $action ): ?PasswordPathsRedirected {
		$stop = static function ( $location, $status ) {
			throw new PasswordPathsRedirected( (string) $location, (int) $status );
		};
		add_filter( 'wp_redirect', $stop, 1, 2 );
		try {
			do_action( $action );
			return null;
		} catch ( PasswordPathsRedirected $redirect ) {
			return $redirect;
		} finally {
			remove_filter( 'wp_redirect', $stop, 1 );
		}
	}

	/** @return array<string,string> The query of an authorize URL, after checking where it points. */
	private function authorize_query( string $url ): array {
		$this->assertStringStartsWith( EmulatorEnvironment::url() . '/user_management/authorize?', $url );
		parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
		$this->assertSame( EmulatorEnvironment::credentials()['client_id'], $query['client_id'] );
		$this->assertSame( home_url( '/workos/callback' ), $query['redirect_uri'] );
		$this->assertSame( 'code', $query['response_type'] );
		return $query;
	}

	// ------------------------------------------------------- native password sign-in

	public function test_fallback_off_removes_native_password_sign_in(): void {
		list( , $login, $password ) = $this->user_with_password();
		$email                      = get_user_by( 'login', $login )->user_email;
		$this->site( false );

		$by_login = wp_authenticate( $login, $password );
		$by_email = wp_authenticate( $email, $password );

		$this->assertInstanceOf( WP_Error::class, $by_login, 'a correct WordPress password no longer signs in' );
		$this->assertInstanceOf( WP_Error::class, $by_email );
		$this->assertFalse( $this->native_authenticators_hooked() );
		$this->assertNotFalse( has_filter( 'authenticate', 'wp_authenticate_application_password' ), 'Application Passwords untouched' );
	}

	public function test_fallback_off_ignores_fallback_param(): void {
		list( , $login, $password ) = $this->user_with_password();
		$this->site( false );
		$_GET['fallback']  = '1';
		$_POST['fallback'] = '1';

		$this->assertFalse( PasswordPaths::fallback_requested() );
		$this->assertInstanceOf( WP_Error::class, wp_authenticate( $login, $password ) );
	}

	public function test_fallback_on_keeps_native_password_sign_in(): void {
		list( $id, $login, $password ) = $this->user_with_password();
		$this->site( true );

		$user = wp_authenticate( $login, $password );

		$this->assertInstanceOf( WP_User::class, $user );
		$this->assertSame( $id, $user->ID );
		$this->assertTrue( $this->native_authenticators_hooked() );
	}

	public function test_not_enabled_leaves_native_sign_in_alone(): void {
		list( $id, $login, $password ) = $this->user_with_password();
		$this->site( false, array( 'api_key' => '' ) );

		$this->assertInstanceOf( WP_User::class, wp_authenticate( $login, $password ) );
		$this->assertTrue( $this->native_authenticators_hooked() );
	}

	public function test_switching_fallback_back_on_restores_the_authenticators(): void {
		list( , $login, $password ) = $this->user_with_password();
		$this->site( false );
		$this->assertInstanceOf( WP_Error::class, wp_authenticate( $login, $password ) );
		$this->site( true );
		$this->assertInstanceOf( WP_User::class, wp_authenticate( $login, $password ) );
		$this->assertSame( 1, count( array_filter( $GLOBALS['wp_filter']['authenticate']->callbacks[20], static function ( $cb ) { return 'wp_authenticate_username_password' === $cb['function']; } ) ), 'added back exactly once' );
	}

	public function test_application_password_still_works_with_fallback_off(): void {
		list( $id, $login ) = $this->user_with_password();
		list( $app_password ) = WP_Application_Passwords::create_new_application_password( $id, array( 'name' => 'password paths test' ) );
		$this->site( false );
		add_filter( 'application_password_is_api_request', '__return_true' );

		$user = wp_authenticate( $login, $app_password );

		$this->assertInstanceOf( WP_User::class, $user, is_wp_error( $user ) ? $user->get_error_code() : '' );
		$this->assertSame( $id, $user->ID );
	}

	// ------------------------------------------------------------------- ?fallback=1

	/** @return array<string,array{0:string,1:string,2:mixed,3:bool}> */
	public function fallback_requests(): array {
		return array(
			'query 1, allowed'      => array( 'get', '1', true, true ),
			'form field 1, allowed' => array( 'post', '1', true, true ),
			'query 1, not allowed'  => array( 'get', '1', false, false ),
			'query 0'               => array( 'get', '0', true, false ),
			'query true'            => array( 'get', 'true', true, false ),
			'query " 1"'            => array( 'get', ' 1', true, false ),
			'query array'           => array( 'get', array( '1' ), true, false ),
			'absent'                => array( 'none', '', true, false ),
		);
	}

	/**
	 * @dataProvider fallback_requests
	 * @param mixed $value The fallback parameter.
	 */
	public function test_fallback_requested( string $where, $value, bool $allowed, bool $expected ): void {
		$this->site( $allowed );
		unset( $_GET['fallback'], $_POST['fallback'] );
		if ( 'get' === $where ) {
			$_GET['fallback'] = $value;
		} elseif ( 'post' === $where ) {
			$_POST['fallback'] = $value;
		}
		$this->assertSame( $expected, PasswordPaths::fallback_requested() );

		ob_start();
		do_action( 'login_form' );
		$form = (string) ob_get_clean();
		if ( $expected ) {
			$this->assertStringContainsString( '<input type="hidden" name="fallback" value="1" />', $form, 'the POST keeps fallback=1' );
		} else {
			$this->assertStringNotContainsString( 'name="fallback"', $form );
		}
	}

	// ---------------------------------------------------------------- lost password

	public function test_lost_password_goes_to_workos_when_fallback_is_off(): void {
		$this->site( false );
		$redirect = $this->redirect_of( 'login_form_lostpassword' );

		$this->assertNotNull( $redirect, 'the lost-password page hands over to WorkOS' );
		$this->assertSame( 302, $redirect->status );
		$query = $this->authorize_query( $redirect->location );
		$this->assertSame( 'sign-in', $query['screen_hint'] );
		$this->assertSame( array( 'redirect_to' => admin_url() ), State::consume( $query['state'] ) );

		$this->assertNotNull( $this->redirect_of( 'login_form_retrievepassword' ), 'the old action name too' );
		$_GET['fallback'] = '1';
		$this->assertNotNull( $this->redirect_of( 'login_form_lostpassword' ), '?fallback=1 ignored' );
	}

	public function test_lost_password_keeps_a_safe_redirect_to_only(): void {
		$this->site( false );
		$_REQUEST['redirect_to'] = admin_url( 'profile.php' );
		$query                   = $this->authorize_query( (string) PasswordPaths::lost_password_target() );
		$this->assertSame( array( 'redirect_to' => admin_url( 'profile.php' ) ), State::consume( $query['state'] ) );

		foreach ( array( '//evil.example', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)', '/%2F%2Fevil.example' ) as $evil ) {
			$_REQUEST['redirect_to'] = wp_slash( $evil ); // WordPress slashes request data
			$query                   = $this->authorize_query( (string) PasswordPaths::lost_password_target() );
			$this->assertSame( array( 'redirect_to' => admin_url() ), State::consume( $query['state'] ), $evil );
		}
	}

	public function test_lost_password_form_shown_when_fallback_is_on_or_not_enabled(): void {
		$this->site( true );
		$this->assertNull( $this->redirect_of( 'login_form_lostpassword' ) );
		$_GET['fallback'] = '1';
		$this->assertNull( $this->redirect_of( 'login_form_lostpassword' ) );

		$this->site( false, array( 'client_id' => '' ) );
		$this->assertNull( $this->redirect_of( 'login_form_lostpassword' ) );
	}

	public function test_lostpassword_url_points_at_the_hand_over_only_when_fallback_is_off(): void {
		$other_plugin = static function () {
			return 'https://shop.example/my-account/lost-password/';
		};
		add_filter( 'lostpassword_url', $other_plugin, 10 );
		try {
			$this->site( false );
			$url = wp_lostpassword_url( admin_url( 'profile.php' ) );
			$this->assertStringStartsWith( site_url( 'wp-login.php' ) . '?', $url );
			parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
			$this->assertSame( 'lostpassword', $query['action'] );
			$this->assertSame( admin_url( 'profile.php' ), $query['redirect_to'] );

			$this->site( true );
			$this->assertSame( 'https://shop.example/my-account/lost-password/', wp_lostpassword_url() );
		} finally {
			remove_filter( 'lostpassword_url', $other_plugin, 10 );
		}
	}

	// ------------------------------------------------------------------ registration

	public function test_registration_goes_to_workos_sign_up_whatever_the_settings(): void {
		$this->snapshot_options( array( 'users_can_register' ) );
		update_option( 'users_can_register', 0 );
		foreach ( array( true, false ) as $fallback ) {
			$this->site( $fallback, array( 'login_mode' => 'headless' ) );
			$redirect = $this->redirect_of( 'login_form_register' );
			$this->assertNotNull( $redirect );
			$this->assertSame( 302, $redirect->status );
			$query = $this->authorize_query( $redirect->location );
			$this->assertSame( 'sign-up', $query['screen_hint'] );
			$this->assertSame( array( 'redirect_to' => admin_url() ), State::consume( $query['state'] ) );
		}
	}

	public function test_registration_with_an_organization_names_it(): void {
		$this->site( true, array( 'organization_id' => 'org_01JAACME000000000000000000' ) );
		$query = $this->authorize_query( (string) PasswordPaths::registration_target() );
		$this->assertSame( 'org_01JAACME000000000000000000', $query['organization_id'] );
	}

	public function test_register_url_and_page_untouched_when_not_enabled(): void {
		$this->site( true, array( 'api_key' => '' ) );
		$this->assertNull( $this->redirect_of( 'login_form_register' ) );
		$this->assertSame( site_url( 'wp-login.php?action=register', 'login' ), wp_registration_url() );

		$other_plugin = static function () {
			return 'https://shop.example/register/';
		};
		add_filter( 'register_url', $other_plugin, 10 );
		try {
			$this->assertSame( 'https://shop.example/register/', wp_registration_url() );
			$this->site( true );
			$this->assertSame( site_url( 'wp-login.php?action=register', 'login' ), wp_registration_url(), 'enabled: the WorkOS hand-over wins' );
		} finally {
			remove_filter( 'register_url', $other_plugin, 10 );
		}
	}

	// ------------------------------------------------------------------ native reset

	public function test_native_reset_blocked_for_linked_users(): void {
		$this->site( true );
		list( $id ) = $this->user_with_password();
		update_user_meta( $id, '_workos_user_id', 'user_01JAU000000000000000000000' );

		$key = get_password_reset_key( get_userdata( $id ) );

		$this->assertInstanceOf( WP_Error::class, $key );
		$this->assertSame( 'workos_no_password_reset', $key->get_error_code() );
		$this->assertSame( 'Password reset is managed by your organization. Please use your SSO provider to reset your password.', $key->get_error_message() );
		$this->assertSame( '', get_userdata( $id )->user_activation_key, 'no key was stored' );

		$errors = new WP_Error();
		do_action( 'validate_password_reset', $errors, get_userdata( $id ) );
		$this->assertSame( array( 'workos_no_password_reset' ), $errors->get_error_codes(), 'a key issued before the link is refused at the form' );
	}

	public function test_native_reset_allowed_for_unlinked_users_and_when_not_enabled(): void {
		$this->site( false );
		list( $plain ) = $this->user_with_password();
		$this->assertIsString( get_password_reset_key( get_userdata( $plain ) ) );

		list( $linked ) = $this->user_with_password();
		update_user_meta( $linked, '_workos_user_id', 'user_01JAU000000000000000000000' );
		$this->site( false, array( 'environment_id' => '' ) );
		$this->assertIsString( get_password_reset_key( get_userdata( $linked ) ) );
		$errors = new WP_Error();
		do_action( 'validate_password_reset', $errors, get_userdata( $linked ) );
		$this->assertFalse( $errors->has_errors() );
	}

	public function test_native_reset_blocked_for_deactivated_users_even_when_not_enabled(): void {
		list( $id, $login ) = $this->user_with_password();
		AccountLock::deactivate( $id );
		foreach ( array( array(), array( 'api_key' => '' ) ) as $settings ) {
			$this->site( true, $settings );
			$key = get_password_reset_key( get_userdata( $id ) );
			$this->assertInstanceOf( WP_Error::class, $key );
			$this->assertSame( AccountLock::ERROR_CODE, $key->get_error_code() );
		}
		$result = retrieve_password( $login ); // refused before any e-mail is written
		$this->assertInstanceOf( WP_Error::class, $result, 'the lost-password form gets the refusal' );
		$this->assertSame( AccountLock::ERROR_CODE, $result->get_error_code() );
	}
}
