<?php
/**
 * Deactivated users (usermeta `_workos_deactivated`) cannot get in on any path (seed spec §17.3
 * fixed): WordPress password, another authenticator (headless WorkOS), Application Password, lost
 * password, and existing cookie sessions, which end when the flag is set. The Application Password
 * and cookie cases also run over real HTTP against the served sandbox site.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Auth\AccountLock;
use WorkOSCompanion\Auth\TokenStore;

final class AccountLockTest extends WPTestCase {
	/** @var string[] Logins of users made in the served site's database, removed in tearDown. */
	private $served_users = array();

	protected function setUp(): void {
		parent::setUp();
		add_filter( 'send_auth_cookies', '__return_false' );
	}

	protected function tearDown(): void {
		remove_filter( 'send_auth_cookies', '__return_false' );
		remove_all_filters( 'application_password_is_api_request' );
		unset( $_COOKIE[ LOGGED_IN_COOKIE ] );
		foreach ( $this->served_users as $login ) {
			$this->served( '$u = get_user_by( "login", ' . var_export( $login, true ) . ' ); if ( $u ) { require_once ABSPATH . "wp-admin/includes/user.php"; wp_delete_user( $u->ID ); } echo "{}";' ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- PHP literal.
		}
		$this->served_users = array();
		parent::tearDown();
	}

	/** @return array{0:int,1:string,2:string} User id, login, password. */
	private function user_with_password(): array {
		$id       = $this->create_user( 'editor' );
		$password = 'Correct-Horse-' . wp_generate_password( 10, false );
		wp_set_password( $password, $id );
		return array( $id, get_userdata( $id )->user_login, $password );
	}

	private function assertDeactivatedError( $value, string $message = '' ): void {
		$this->assertInstanceOf( WP_Error::class, $value, $message );
		$this->assertContains( AccountLock::ERROR_CODE, $value->get_error_codes(), $message );
		$this->assertSame( 'Your account has been deactivated. Please contact the site administrator.', $value->get_error_message( AccountLock::ERROR_CODE ) );
	}

	// --------------------------------------------------------------------- the flag

	public function test_flag_reading(): void {
		$id = $this->create_user( 'subscriber' );
		$this->assertFalse( AccountLock::is_deactivated( $id ) );
		foreach ( array( '1', 'yes', 'true', 1, true ) as $on ) {
			update_user_meta( $id, AccountLock::META, $on );
			$this->assertTrue( AccountLock::is_deactivated( $id ), var_export( $on, true ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- assertion message.
		}
		foreach ( array( '', '0', 'false', 'no', 'off', 0, false ) as $off ) {
			update_user_meta( $id, AccountLock::META, $off );
			$this->assertFalse( AccountLock::is_deactivated( $id ), var_export( $off, true ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- assertion message.
		}
		$this->assertFalse( AccountLock::is_deactivated( 0 ) );
		AccountLock::deactivate( $id );
		$this->assertSame( '1', get_user_meta( $id, AccountLock::META, true ) );
		AccountLock::reactivate( $id );
		$this->assertSame( '', get_user_meta( $id, AccountLock::META, true ) );
	}

	// ------------------------------------------------------------ password sign-in

	public function test_native_password_refused_with_a_clear_error(): void {
		list( $id, $login, $password ) = $this->user_with_password();
		AccountLock::deactivate( $id );

		$this->assertDeactivatedError( wp_authenticate( $login, $password ) );
		$this->assertDeactivatedError( wp_authenticate( get_userdata( $id )->user_email, $password ), 'by email' );
		$signon = wp_signon( array( 'user_login' => $login, 'user_password' => $password ) );
		$this->assertDeactivatedError( $signon );
		$this->assertSame( 0, get_current_user_id() );

		$wrong = wp_authenticate( $login, 'not-the-password' );
		$this->assertInstanceOf( WP_Error::class, $wrong );
		$this->assertNotContains( AccountLock::ERROR_CODE, $wrong->get_error_codes(), 'only the right password learns the account is deactivated' );

		AccountLock::reactivate( $id );
		$this->assertInstanceOf( WP_User::class, wp_authenticate( $login, $password ) );
	}

	public function test_refused_whichever_authenticator_accepted(): void {
		list( $id ) = $this->user_with_password();
		AccountLock::deactivate( $id );
		// Like headless mode: WorkOS accepted the password and handed over the WordPress user.
		$workos_said_yes = static function () use ( $id ) {
			return get_userdata( $id );
		};
		add_filter( 'authenticate', $workos_said_yes, 10 );
		try {
			$this->assertDeactivatedError( wp_authenticate( 'ada@acme.test', 'Password123!' ) );
		} finally {
			remove_filter( 'authenticate', $workos_said_yes, 10 );
		}
	}

	public function test_refused_when_workos_is_not_configured(): void {
		EmulatorEnvironment::configure_site( 'staging', array( 'api_key' => '' ) );
		list( $id, $login, $password ) = $this->user_with_password();
		AccountLock::deactivate( $id );
		$this->assertDeactivatedError( wp_authenticate( $login, $password ) );
	}

	// -------------------------------------------------------- Application Passwords

	public function test_application_password_refused_in_process(): void {
		list( $id, $login ) = $this->user_with_password();
		list( $app_password ) = WP_Application_Passwords::create_new_application_password( $id, array( 'name' => 'account lock test' ) );
		add_filter( 'application_password_is_api_request', '__return_true' );
		$this->assertInstanceOf( WP_User::class, wp_authenticate_application_password( null, $login, $app_password ) );

		AccountLock::deactivate( $id );

		$this->assertDeactivatedError( wp_authenticate_application_password( null, $login, $app_password ) );
		$this->assertDeactivatedError( wp_authenticate( $login, $app_password ), 'through wp_authenticate' );
	}

	public function test_application_password_refused_over_http(): void {
		$user = $this->served_user();
		list( $status ) = $this->rest_me( $user['login'], $user['app_password'] );
		$this->assertSame( 200, $status, 'the Application Password works before' );

		$this->served( 'WorkOSCompanion\Auth\AccountLock::deactivate( ' . (int) $user['id'] . ' ); echo "{}";' );
		list( $status, $body ) = $this->rest_me( $user['login'], $user['app_password'] );
		$this->assertSame( 403, $status, wp_json_encode( $body ) );
		$this->assertSame( AccountLock::ERROR_CODE, $body['code'] );
		$this->assertArrayNotHasKey( 'id', $body );

		$this->served( 'WorkOSCompanion\Auth\AccountLock::reactivate( ' . (int) $user['id'] . ' ); echo "{}";' );
		list( $status, $body ) = $this->rest_me( $user['login'], $user['app_password'] );
		$this->assertSame( 200, $status );
		$this->assertSame( (int) $user['id'], $body['id'] );
	}

	// ------------------------------------------------------------------ sessions

	public function test_deactivate_destroys_sessions_and_tokens(): void {
		$id       = $this->create_user( 'editor' );
		$sessions = WP_Session_Tokens::get_instance( $id );
		$sessions->create( time() + HOUR_IN_SECONDS );
		$sessions->create( time() + HOUR_IN_SECONDS );
		TokenStore::store( $id, array( 'access_token' => 'a.b.c', 'refresh_token' => 'r' ) );
		$this->assertCount( 2, $sessions->get_all() );

		AccountLock::deactivate( $id );

		$this->assertSame( array(), WP_Session_Tokens::get_instance( $id )->get_all() );
		$this->assertSame( '', get_user_meta( $id, '_workos_refresh_token', true ) );
	}

	public function test_setting_the_meta_directly_also_ends_sessions(): void {
		$id = $this->create_user( 'editor' );
		WP_Session_Tokens::get_instance( $id )->create( time() + HOUR_IN_SECONDS );
		update_user_meta( $id, AccountLock::META, '1' ); // what a webhook handler may do
		$this->assertSame( array(), WP_Session_Tokens::get_instance( $id )->get_all() );

		$other = $this->create_user( 'editor' );
		WP_Session_Tokens::get_instance( $other )->create( time() + HOUR_IN_SECONDS );
		update_user_meta( $other, AccountLock::META, '0' );
		$this->assertCount( 1, WP_Session_Tokens::get_instance( $other )->get_all(), 'a false flag ends nothing' );
	}

	public function test_a_live_cookie_resolves_to_nobody_while_flagged(): void {
		global $wpdb;
		$id      = $this->create_user( 'editor' );
		$expires = time() + HOUR_IN_SECONDS;
		$token   = WP_Session_Tokens::get_instance( $id )->create( $expires );
		$_COOKIE[ LOGGED_IN_COOKIE ] = wp_generate_auth_cookie( $id, $expires, 'logged_in', $token );
		$this->assertSame( $id, (int) apply_filters( 'determine_current_user', false ) );

		// Written behind WordPress's back (no meta hooks): the session survives, the guard does not let it in.
		$wpdb->insert( $wpdb->usermeta, array( 'user_id' => $id, 'meta_key' => AccountLock::META, 'meta_value' => '1' ) ); // phpcs:ignore WordPress.DB.SlowDBQuery -- test setup.
		wp_cache_delete( $id, 'user_meta' );
		$this->assertCount( 1, WP_Session_Tokens::get_instance( $id )->get_all() );
		$this->assertFalse( apply_filters( 'determine_current_user', false ) );
		$this->assertSame( array(), WP_Session_Tokens::get_instance( $id )->get_all(), 'the session left behind is ended' );
	}

	public function test_cookie_session_ends_over_http(): void {
		$user    = $this->served_user();
		$profile = $this->admin_profile_status( $user['cookies'] );
		$this->assertSame( 200, $profile, 'signed in before' );

		$this->served( 'WorkOSCompanion\Auth\AccountLock::deactivate( ' . (int) $user['id'] . ' ); echo "{}";' );
		$this->assertSame( 302, $this->admin_profile_status( $user['cookies'] ), 'sent to sign in again' );

		$this->served( 'WorkOSCompanion\Auth\AccountLock::reactivate( ' . (int) $user['id'] . ' ); echo "{}";' );
		$this->assertSame( 302, $this->admin_profile_status( $user['cookies'] ), 'ended sessions stay ended' );
	}

	public function test_cookie_refused_over_http_when_the_flag_was_written_without_hooks(): void {
		$user = $this->served_user();
		$this->served( 'global $wpdb; $wpdb->insert( $wpdb->usermeta, array( "user_id" => ' . (int) $user['id'] . ', "meta_key" => "_workos_deactivated", "meta_value" => "1" ) ); echo "{}";' );
		$this->assertSame( 302, $this->admin_profile_status( $user['cookies'] ), 'the cookie no longer signs anyone in' );
		$this->assertSame( 302, $this->admin_profile_status( $user['cookies'] ), 'and its session was ended on the way' );
		$left = $this->served( 'echo wp_json_encode( array( "sessions" => count( WP_Session_Tokens::get_instance( ' . (int) $user['id'] . ' )->get_all() ) ) );' );
		$this->assertSame( 0, $left['sessions'] );
	}

	// -------------------------------------------------------------- lost password

	public function test_lost_password_refused(): void {
		list( $id, $login ) = $this->user_with_password();
		AccountLock::deactivate( $id );
		$result = retrieve_password( $login ); // refused before any e-mail is written
		$this->assertDeactivatedError( $result );
		$this->assertSame( '', get_userdata( $id )->user_activation_key );

		$errors = new WP_Error();
		do_action( 'validate_password_reset', $errors, get_userdata( $id ) );
		$this->assertDeactivatedError( $errors, 'a reset key issued before deactivation is refused at the form' );
	}

	// ------------------------------------------------------------ the served site

	/**
	 * Runs PHP in the served sandbox site (database wp) and returns the JSON it printed.
	 *
	 * @return array<string,mixed>
	 */
	private function served( string $code ): array {
		$site  = untrailingslashit( (string) getenv( 'WP_SITE_DIR' ) );
		$parts = wp_parse_url( (string) getenv( 'SANDBOX_WP_URL' ) );
		$boot  = '$_SERVER["HTTP_HOST"] = ' . var_export( $parts['host'] . ':' . $parts['port'], true ) . '; $_SERVER["REQUEST_URI"] = "/"; require ' . var_export( $site . '/wp-load.php', true ) . ';'; // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- PHP literals.
		$command = 'WP_DB_NAME=wp php -r ' . escapeshellarg( $boot . $code ) . ' 2>&1';
		exec( $command, $output, $status ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec -- the served site is another process.
		$this->assertSame( 0, $status, implode( "\n", $output ) );
		$data = json_decode( (string) end( $output ), true );
		$this->assertIsArray( $data, implode( "\n", $output ) );
		return $data;
	}

	/**
	 * A user in the served site with an Application Password and a signed-in browser session.
	 *
	 * @return array{id:int,login:string,app_password:string,cookies:array<string,string>}
	 */
	private function served_user(): array {
		$login                = 'workos_lock_' . strtolower( wp_generate_password( 8, false ) );
		$this->served_users[] = $login;
		return $this->served(
			'$id = wp_insert_user( array( "user_login" => ' . var_export( $login, true ) . ', "user_email" => ' . var_export( $login . '@tests.invalid', true ) . ', "user_pass" => wp_generate_password( 24 ), "role" => "editor" ) );' // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- PHP literals.
			. 'list( $app ) = WP_Application_Passwords::create_new_application_password( $id, array( "name" => "account lock test" ) );'
			. '$exp = time() + 3600; $token = WP_Session_Tokens::get_instance( $id )->create( $exp );'
			. 'echo wp_json_encode( array( "id" => $id, "login" => ' . var_export( $login, true ) . ', "app_password" => $app, "cookies" => array( AUTH_COOKIE => wp_generate_auth_cookie( $id, $exp, "auth", $token ), LOGGED_IN_COOKIE => wp_generate_auth_cookie( $id, $exp, "logged_in", $token ) ) ) );' // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- PHP literals.
		);
	}

	/** @return array{0:int,1:array<string,mixed>} */
	private function rest_me( string $login, string $app_password ): array {
		$response = wp_remote_get(
			untrailingslashit( (string) getenv( 'SANDBOX_WP_URL' ) ) . '/wp-json/wp/v2/users/me',
			array(
				'timeout'     => 20,
				'redirection' => 0,
				'headers'     => array( 'Authorization' => 'Basic ' . base64_encode( $login . ':' . $app_password ) ), // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- HTTP Basic auth.
			)
		);
		$this->assertFalse( is_wp_error( $response ), is_wp_error( $response ) ? $response->get_error_message() : '' );
		return array( (int) wp_remote_retrieve_response_code( $response ), (array) json_decode( wp_remote_retrieve_body( $response ), true ) );
	}

	/** @param array<string,string> $cookies */
	private function admin_profile_status( array $cookies ): int {
		$response = wp_remote_get(
			untrailingslashit( (string) getenv( 'SANDBOX_WP_URL' ) ) . '/wp-admin/profile.php',
			array(
				'timeout'     => 20,
				'redirection' => 0,
				'cookies'     => $cookies,
			)
		);
		$this->assertFalse( is_wp_error( $response ), is_wp_error( $response ) ? $response->get_error_message() : '' );
		return (int) wp_remote_retrieve_response_code( $response );
	}
}
