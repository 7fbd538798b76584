<?php
/**
 * REST bearer-token authentication: in this process (hook order, where the token is read, the
 * Bearer scheme, REST detection, user resolution, error reporting), then over real HTTP against
 * the served sandbox site (nginx + php-fpm, database wp) configured here for the emulator:
 * GET /wp-json/wp/v2/users/me with real WorkOS tokens, every attack answered 401 in WordPress's
 * error shape, Application Passwords untouched.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Rest\Bearer\BearerAuth;
use WorkOSCompanion\Rest\Bearer\Jwks;
use WorkOSCompanion\Rest\Bearer\Jwt;

if ( ! function_exists( 'getallheaders' ) ) {
	/**
	 * The CLI has no getallheaders() (php-fpm has): this one returns what a test put in
	 * $GLOBALS['workos_bearer_test_headers'].
	 *
	 * @return array<string,string>
	 */
	function getallheaders() {
		return $GLOBALS['workos_bearer_test_headers'] ?? array();
	}
}

final class BearerAuthTest extends WPTestCase {
	private const ADA       = 'user_01JAU000000000000000000000'; // admin of Acme.
	private const ALAN      = 'user_01JAU020000000000000000000';
	private const KATHERINE = 'user_01JAU030000000000000000000';

	/** @var array<string,mixed> $_SERVER before the test. */
	private $server;

	/** @var array<string,array{exists:bool,value:mixed}> Served-site options before this class. */
	private static $served_options = array();
	/** @var array<string,int> Served-site users made for this class, by role in the test. */
	private static $served_users = array();
	/** @var array<string,string> Their logins. */
	private static $served_logins = array();
	/** @var array<string,mixed> The served site's staging row while this class runs. */
	private static $served_row = array();
	/** @var string Application Password of the served "ada" user. */
	private static $served_app_password = '';

	protected function setUp(): void {
		parent::setUp();
		$this->server = $_SERVER;
		unset( $_SERVER['HTTP_AUTHORIZATION'], $_SERVER['REDIRECT_HTTP_AUTHORIZATION'], $GLOBALS['workos_bearer_test_headers'] );
		$_SERVER['REQUEST_URI'] = '/wp-json/wp/v2/users/me';
	}

	protected function tearDown(): void {
		$_SERVER = $this->server;
		unset( $GLOBALS['workos_bearer_test_headers'], $_GET['rest_route'] );
		parent::tearDown();
	}

	// ============================================================ in this process

	/** A user of the test site linked to a WorkOS user. */
	private function linked_user( string $workos_user_id, string $role = 'editor' ): int {
		$user_id = $this->create_user( $role );
		update_user_meta( $user_id, '_workos_user_id', $workos_user_id );
		return $user_id;
	}

	public function test_hooked_between_cookies_and_application_passwords(): void {
		global $wp_filter;
		$priorities = array();
		foreach ( $wp_filter['determine_current_user']->callbacks as $priority => $callbacks ) {
			foreach ( $callbacks as $callback ) {
				$function = $callback['function'];
				$name     = is_array( $function ) ? ( is_object( $function[0] ) ? get_class( $function[0] ) : $function[0] ) . '::' . $function[1] : $function;
				$priorities[ (string) $name ] = $priority;
			}
		}
		$this->assertSame( 15, $priorities[ BearerAuth::class . '::determine_current_user' ] ?? null );
		$this->assertSame( 10, $priorities['wp_validate_auth_cookie'] );
		$this->assertSame( 20, $priorities['wp_validate_application_password'] );
	}

	public function test_token_is_read_from_authorization_then_redirect_then_getallheaders(): void {
		$this->assertNull( BearerAuth::authorization_header() );
		$GLOBALS['workos_bearer_test_headers'] = array( 'Accept' => '*/*', 'authorization' => 'Bearer from-getallheaders' );
		$this->assertSame( 'Bearer from-getallheaders', BearerAuth::authorization_header() );
		$_SERVER['REDIRECT_HTTP_AUTHORIZATION'] = 'Bearer from-redirect';
		$this->assertSame( 'Bearer from-redirect', BearerAuth::authorization_header() );
		$_SERVER['HTTP_AUTHORIZATION'] = 'Bearer from-server';
		$this->assertSame( 'Bearer from-server', BearerAuth::authorization_header() );
		$_SERVER['HTTP_AUTHORIZATION'] = '';
		$this->assertSame( 'Bearer from-redirect', BearerAuth::authorization_header(), 'an empty header falls through' );
		$_SERVER['HTTP_AUTHORIZATION'] = wp_slash( 'Bearer a\\b' );
		$this->assertSame( 'Bearer a\\b', BearerAuth::authorization_header(), 'WordPress slashes $_SERVER; the header is unslashed' );
	}

	public function test_bearer_scheme(): void {
		$cases = array(
			'Bearer abc'       => 'abc',
			'bearer abc'       => 'abc',
			'BEARER abc'       => 'abc',
			'Bearer  abc'      => 'abc',
			"Bearer\tabc"      => 'abc',
			' Bearer abc '     => 'abc',
			'Bearer a b'       => 'a b',
			'Bearer'           => '',
			'Bearer '          => '',
			'Bearer    '       => '',
			'Basic YWRtaW46eA==' => null,
			'Bearerabc'        => null,
			'Token abc'        => null,
			'Digest x'         => null,
			'abc'              => null,
		);
		foreach ( $cases as $header => $token ) {
			$this->assertSame( $token, BearerAuth::bearer_token( $header ), "'$header'" );
		}
	}

	public function test_rest_request_detection(): void {
		$yes = array( '/wp-json/wp/v2/users/me', '/wp-json', '/wp-json/', '/blog/wp-json/wp/v2/posts?x=1' );
		$no  = array( '/', '/wp-login.php', '/wp-admin/', '/?x=/wp-json/', '/wp-jsonx/a', '/sample-page/' );
		foreach ( $yes as $uri ) {
			$_SERVER['REQUEST_URI'] = $uri;
			$this->assertTrue( BearerAuth::is_rest_request(), $uri );
		}
		foreach ( $no as $uri ) {
			$_SERVER['REQUEST_URI'] = $uri;
			$this->assertFalse( BearerAuth::is_rest_request(), $uri );
		}
		$_SERVER['REQUEST_URI'] = '/?rest_route=/wp/v2/users/me';
		$_GET['rest_route']     = '/wp/v2/users/me';
		$this->assertTrue( BearerAuth::is_rest_request(), '?rest_route=' );
	}

	public function test_a_valid_token_determines_the_linked_user(): void {
		EmulatorEnvironment::reset();
		EmulatorEnvironment::configure_site();
		$user_id                       = $this->linked_user( self::ADA );
		$_SERVER['HTTP_AUTHORIZATION'] = 'Bearer ' . self::signed_in( 'ada@acme.test' );
		$auth                          = new BearerAuth();
		$this->assertSame( $user_id, $auth->determine_current_user( false ) );
		$this->assertNull( $auth->authentication_errors( null ), 'no error to report' );
		$this->assertSame( $user_id, $auth->determine_current_user( false ), 'again (verified once, remembered)' );
	}

	public function test_left_alone_without_a_bearer_token_a_rest_request_or_the_companion_enabled(): void {
		EmulatorEnvironment::reset();
		$this->linked_user( self::ADA );
		$token = self::minted( 'valid' );
		$auth  = new BearerAuth();

		$_SERVER['HTTP_AUTHORIZATION'] = 'Bearer ' . $token;
		$this->assertFalse( $auth->determine_current_user( false ), 'companion not enabled' );
		$this->assertNull( $auth->authentication_errors( null ) );

		EmulatorEnvironment::configure_site();
		$this->assertSame( 7, $auth->determine_current_user( 7 ), 'a user already determined (cookie) stays' );
		$_SERVER['REQUEST_URI'] = '/wp-admin/';
		$this->assertFalse( $auth->determine_current_user( false ), 'not a REST request' );
		$_SERVER['REQUEST_URI']        = '/wp-json/wp/v2/users/me';
		$_SERVER['HTTP_AUTHORIZATION'] = 'Basic ' . base64_encode( 'admin:abcd efgh ijkl mnop qrst uvwx' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode
		$this->assertFalse( $auth->determine_current_user( false ), 'Basic credentials are left to Application Passwords' );
		unset( $_SERVER['HTTP_AUTHORIZATION'] );
		$this->assertFalse( $auth->determine_current_user( false ), 'no header' );
		$this->assertNull( $auth->authentication_errors( null ), 'none of these is an error' );
	}

	public function test_unlinked_ambiguous_and_deactivated_users_are_refused(): void {
		EmulatorEnvironment::reset();
		EmulatorEnvironment::configure_site();
		$alan = $this->linked_user( self::ALAN );
		update_user_meta( $alan, '_workos_deactivated', '1' );
		$cases = array(
			'workos_token_user_unknown'     => self::KATHERINE,
			'workos_token_user_deactivated' => self::ALAN,
		);
		foreach ( $cases as $code => $workos_user ) {
			$result = BearerAuth::authenticate( self::minted( 'valid', $workos_user ) );
			$this->assertInstanceOf( WP_Error::class, $result, $code );
			$this->assertSame( $code, $result->get_error_code() );
			$this->assertSame( 401, $result->get_error_data()['status'] );
		}
		update_user_meta( $alan, '_workos_deactivated', '' );
		$this->assertSame( $alan, BearerAuth::authenticate( self::minted( 'valid', self::ALAN ) ), 'reactivated' );

		$this->linked_user( self::ALAN );
		$result = BearerAuth::authenticate( self::minted( 'valid', self::ALAN ) );
		$this->assertInstanceOf( WP_Error::class, $result, 'two users linked to one WorkOS user' );
		$this->assertSame( 'workos_token_user_unknown', $result->get_error_code() );
		$this->assertStringContainsString( 'more than one', $result->get_error_message() );
	}

	public function test_failures_are_reported_as_401_and_an_earlier_result_wins(): void {
		EmulatorEnvironment::reset();
		EmulatorEnvironment::configure_site();
		$this->linked_user( self::ADA );
		$auth                          = new BearerAuth();
		$_SERVER['HTTP_AUTHORIZATION'] = 'Bearer ' . self::minted( 'expired' );
		$this->assertFalse( $auth->determine_current_user( false ) );
		$error = $auth->authentication_errors( null );
		$this->assertInstanceOf( WP_Error::class, $error );
		$this->assertSame( 'workos_token_expired', $error->get_error_code() );
		$this->assertSame( 401, $error->get_error_data()['status'] );

		$other = new WP_Error( 'someone_else', 'first' );
		$this->assertSame( $other, $auth->authentication_errors( $other ), 'an error already set wins' );
		$this->assertTrue( $auth->authentication_errors( true ), 'another method that succeeded wins' );

		$response = $auth->add_challenge( new WP_REST_Response( array(), 401 ) );
		$this->assertSame( 'Bearer error="invalid_token"', $response->get_headers()['WWW-Authenticate'] );

		// The next valid token clears the error.
		$_SERVER['HTTP_AUTHORIZATION'] = 'Bearer ' . self::minted( 'valid' );
		$this->assertIsInt( $auth->determine_current_user( false ) );
		$this->assertNull( $auth->authentication_errors( null ) );
		$this->assertArrayNotHasKey( 'WWW-Authenticate', $auth->add_challenge( new WP_REST_Response( array(), 401 ) )->get_headers() );
	}

	public function test_wired_into_wordpress(): void {
		global $current_user;
		EmulatorEnvironment::reset();
		EmulatorEnvironment::configure_site();
		$user_id                       = $this->linked_user( self::ADA );
		$_SERVER['HTTP_AUTHORIZATION'] = 'Bearer ' . self::minted( 'valid' );
		// A fresh request: no user yet, no Application Password outcome left by an earlier test.
		$current_user                                   = null; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
		$GLOBALS['wp_rest_application_password_status'] = null;
		$this->assertSame( $user_id, wp_get_current_user()->ID );
		$this->assertNull( apply_filters( 'rest_authentication_errors', null ) );

		$_SERVER['HTTP_AUTHORIZATION'] = 'Bearer ' . self::minted( 'wrong_issuer' );
		$current_user                  = null; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
		$this->assertSame( 0, wp_get_current_user()->ID );
		$error = apply_filters( 'rest_authentication_errors', null );
		$this->assertInstanceOf( WP_Error::class, $error );
		$this->assertSame( 'workos_token_issuer', $error->get_error_code() );
		$current_user = null; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
	}

	// ======================================================= the served site (HTTP)

	/**
	 * Runs operations in the served site's WordPress (tests/support/bearer-served-site.php).
	 *
	 * @param array<int,array<int,mixed>> $ops Operations.
	 * @return array<int,mixed> Their results.
	 */
	private static function served( array $ops ): array {
		$env                = getenv();
		$env['WP_DB_NAME']  = 'wp';
		$process            = proc_open(
			array( PHP_BINARY, __DIR__ . '/support/bearer-served-site.php', (string) getenv( 'WP_SITE_DIR' ) ),
			array( 0 => array( 'pipe', 'r' ), 1 => array( 'pipe', 'w' ), 2 => array( 'pipe', 'w' ) ),
			$pipes,
			null,
			$env
		);
		fwrite( $pipes[0], (string) wp_json_encode( $ops ) );
		fclose( $pipes[0] );
		$out = stream_get_contents( $pipes[1] );
		$err = stream_get_contents( $pipes[2] );
		fclose( $pipes[1] );
		fclose( $pipes[2] );
		$status = proc_close( $process );
		if ( 0 !== $status ) {
			throw new RuntimeException( "configuring the served site failed ($status): $err $out" );
		}
		$lines = array_values( array_filter( explode( "\n", trim( (string) $out ) ) ) );
		return (array) json_decode( (string) end( $lines ), true );
	}

	/** Enables the served site with the emulator's credentials and links users to demo WorkOS users. */
	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		$names  = array( 'workos_api_base_url', 'workos_active_environment', 'workos_staging' );
		$before = array_combine(
			$names,
			self::served(
				array_map(
					static function ( $name ) {
						return array( 'get_option', $name );
					},
					$names
				)
			)
		);
		// Only what differs is changed (and put back afterwards): other tests of the served site
		// (browser tests) may have enabled it the same way, with settings of their own in the row.
		self::$served_row = array_merge( is_array( $before['workos_staging']['value'] ) ? $before['workos_staging']['value'] : array(), self::served_settings() );
		$wanted           = array(
			'workos_api_base_url'       => EmulatorEnvironment::url(),
			'workos_active_environment' => 'staging',
			'workos_staging'            => self::$served_row,
		);
		$ops              = array();
		foreach ( $wanted as $name => $value ) {
			if ( ! $before[ $name ]['exists'] || $before[ $name ]['value'] !== $value ) {
				self::$served_options[ $name ] = $before[ $name ];
				$ops[]                         = array( 'update_option', $name, $value );
			}
		}
		$ops[]   = array( 'delete_transients', 'workos_jwks_' ); // Start from a cold JWKS cache.
		$suffix  = strtolower( wp_generate_password( 6, false ) );
		$ops[]   = array( 'create_user', array( 'login' => "bearer_ada_$suffix", 'role' => 'editor', 'meta' => array( '_workos_user_id' => self::ADA ), 'app_password' => true ) );
		$ops[]   = array( 'create_user', array( 'login' => "bearer_alan_$suffix", 'role' => 'author', 'meta' => array( '_workos_user_id' => self::ALAN, '_workos_deactivated' => '1' ) ) );
		$results = array_slice( self::served( $ops ), -2 );
		self::$served_users        = array(
			'ada'  => $results[0]['id'],
			'alan' => $results[1]['id'],
		);
		self::$served_logins       = array(
			'ada'  => "bearer_ada_$suffix",
			'alan' => "bearer_alan_$suffix",
		);
		self::$served_app_password = $results[0]['app_password'];
	}

	public static function tearDownAfterClass(): void {
		$ops = array();
		foreach ( self::$served_users as $id ) {
			$ops[] = array( 'delete_user', $id );
		}
		foreach ( self::$served_options as $name => $saved ) {
			$ops[] = $saved['exists'] ? array( 'update_option', $name, $saved['value'] ) : array( 'delete_option', $name );
		}
		$ops[] = array( 'delete_transients', 'workos_jwks_' ); // No refetch stamp or keys left behind.
		self::served( $ops );
		parent::tearDownAfterClass();
	}

	/** @return array<string,string> The served site's staging settings: enabled, the emulator. */
	private static function served_settings(): array {
		$credentials = EmulatorEnvironment::credentials();
		return array(
			'api_key'        => $credentials['api_key'],
			'client_id'      => $credentials['client_id'],
			'environment_id' => EmulatorEnvironment::ENVIRONMENT_ID,
		);
	}

	/**
	 * GET a REST route of the served site.
	 *
	 * @param string|null $authorization The Authorization header, or null for none.
	 * @return array{0:int,1:mixed,2:array<string,mixed>} Status, decoded body, headers.
	 */
	private function http( ?string $authorization, string $route = '/wp/v2/users/me' ): array {
		$headers = array( 'Accept' => 'application/json' );
		if ( null !== $authorization ) {
			$headers['Authorization'] = $authorization;
		}
		$response = wp_remote_get(
			untrailingslashit( (string) getenv( 'SANDBOX_WP_URL' ) ) . '/wp-json' . $route,
			array(
				'headers'     => $headers,
				'timeout'     => 20,
				'redirection' => 0,
			)
		);
		$this->assertFalse( is_wp_error( $response ), is_wp_error( $response ) ? $response->get_error_message() : '' );
		return array(
			(int) wp_remote_retrieve_response_code( $response ),
			json_decode( wp_remote_retrieve_body( $response ), true ),
			wp_remote_retrieve_headers( $response )->getAll(),
		);
	}

	private static function minted( string $kind, string $user_id = self::ADA ): string {
		return (string) EmulatorEnvironment::control( 'POST', '/_emulator/tokens', array( 'kind' => $kind, 'user_id' => $user_id ) )['access_token'];
	}

	private static function signed_in( string $email ): string {
		$answer = EmulatorEnvironment::client()->authenticate_with_password( $email, 'Password123!' );
		PHPUnit\Framework\Assert::assertIsArray( $answer, is_wp_error( $answer ) ? $answer->get_error_message() : '' );
		return (string) $answer['access_token'];
	}

	private static function b64( string $bytes ): string {
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode
	}

	/** Asserts a 401 in WordPress's error shape with a given code; nothing of the user leaks. */
	private function assert_http_refused( ?string $authorization, string $code, string $why ): void {
		list( $status, $body, $headers ) = $this->http( $authorization );
		$this->assertSame( 401, $status, $why . ': ' . wp_json_encode( $body ) );
		$this->assertIsArray( $body, $why );
		$this->assertSame( array( 'code', 'message', 'data' ), array_keys( $body ), $why );
		$this->assertSame( $code, $body['code'], $why . ': ' . $body['message'] );
		$this->assertSame( array( 'status' => 401 ), $body['data'], $why );
		$this->assertNotSame( '', $body['message'], $why );
		$this->assertSame( 'Bearer error="invalid_token"', $headers['www-authenticate'] ?? null, $why );
		// A refused token fails the whole request, even on a route that needs no login.
		list( $public_status, $public_body ) = $this->http( $authorization, '/wp/v2/posts' );
		$this->assertSame( 401, $public_status, $why . ' (public route)' );
		$this->assertSame( $code, $public_body['code'], $why . ' (public route)' );
	}

	private function assert_http_user( string $authorization, string $why ): void {
		list( $status, $body ) = $this->http( $authorization );
		$this->assertSame( 200, $status, $why . ': ' . wp_json_encode( $body ) );
		$this->assertSame( self::$served_users['ada'], $body['id'], $why );
	}

	public function test_http_the_authorization_header_reaches_php_and_a_valid_token_is_the_linked_user(): void {
		EmulatorEnvironment::reset();
		// Without the header the request is anonymous; with it, it is the user linked to sub:
		// only PHP seeing the header through nginx and php-fpm can make that difference.
		list( $status, $body ) = $this->http( null );
		$this->assertSame( 401, $status );
		$this->assertSame( 'rest_not_logged_in', $body['code'] );

		$this->assert_http_user( 'Bearer ' . self::signed_in( 'ada@acme.test' ), 'a real sign-in' );
		$this->assert_http_user( 'Bearer ' . self::minted( 'valid' ), 'a minted token' );
		$token = self::minted( 'valid' );
		$this->assert_http_user( 'bearer ' . $token, 'lowercase scheme' );
		$this->assert_http_user( 'BEARER ' . $token, 'uppercase scheme' );
		$this->assert_http_user( 'Bearer  ' . $token, 'two spaces (RFC 6750 allows 1*SP)' );
	}

	public function test_http_every_attack_is_a_401_in_wordpress_error_shape(): void {
		EmulatorEnvironment::reset();
		$valid              = self::minted( 'valid' );
		list( $h, $p, $s ) = explode( '.', $valid );
		$claims             = json_decode( (string) Jwt::base64url_decode( $p ), true );

		// HS256 "signed" with the site's RSA public key as the HMAC secret.
		$jwk                = EmulatorEnvironment::client()->jwks()['keys'][0];
		$public_pem         = Jwks::pem_from_jwk( $jwk );
		$hs_input           = self::b64( (string) wp_json_encode( array( 'alg' => 'HS256', 'typ' => 'JWT', 'kid' => $jwk['kid'] ) ) ) . '.' . $p;
		$hs256              = $hs_input . '.' . self::b64( hash_hmac( 'sha256', $hs_input, $public_pem, true ) );
		// alg none with the genuine kid and claims, no signature.
		$none               = self::b64( (string) wp_json_encode( array( 'alg' => 'none', 'kid' => $jwk['kid'] ) ) ) . '.' . $p . '.';
		// The payload changed (another user), the signature kept.
		$claims['sub']      = self::KATHERINE;
		$swapped            = $h . '.' . self::b64( (string) wp_json_encode( $claims ) ) . '.' . $s;
		$signature          = (string) Jwt::base64url_decode( $s );
		$signature[0]       = chr( ord( $signature[0] ) ^ 0x80 );
		$bad_signature      = $h . '.' . $p . '.' . self::b64( $signature );

		EmulatorEnvironment::control( 'POST', '/_emulator/clock', array( 'advance_seconds' => 3600 ) );
		try {
			$future = self::minted( 'valid' );
		} finally {
			EmulatorEnvironment::control( 'DELETE', '/_emulator/clock' );
		}

		$attacks = array(
			'emulator alg_none'              => array( 'Bearer ' . self::minted( 'alg_none' ), 'workos_token_alg' ),
			'alg none with the real kid'     => array( 'Bearer ' . $none, 'workos_token_alg' ),
			'HS256 signed with the public key' => array( 'Bearer ' . $hs256, 'workos_token_alg' ),
			'unknown kid'                    => array( 'Bearer ' . self::minted( 'unknown_kid' ), 'workos_token_kid_unknown' ),
			'expired'                        => array( 'Bearer ' . self::minted( 'expired' ), 'workos_token_expired' ),
			'iat an hour in the future'      => array( 'Bearer ' . $future, 'workos_token_not_yet_valid' ),
			'wrong issuer'                   => array( 'Bearer ' . self::minted( 'wrong_issuer' ), 'workos_token_issuer' ),
			'emulator tampered payload'      => array( 'Bearer ' . self::minted( 'tampered' ), 'workos_token_signature' ),
			'payload swapped to another sub' => array( 'Bearer ' . $swapped, 'workos_token_signature' ),
			'tampered signature'             => array( 'Bearer ' . $bad_signature, 'workos_token_signature' ),
			'not a JWT'                      => array( 'Bearer not-a-jwt', 'workos_token_malformed' ),
			'an API key as a token'          => array( 'Bearer ' . EmulatorEnvironment::credentials()['api_key'], 'workos_token_malformed' ),
			'two tokens'                     => array( 'Bearer ' . $valid . ' ' . $valid, 'workos_token_malformed' ),
			'empty bearer'                   => array( 'Bearer ', 'workos_token_missing' ),
			'bare scheme'                    => array( 'Bearer', 'workos_token_missing' ),
		);
		foreach ( $attacks as $why => list( $authorization, $code ) ) {
			$this->assert_http_refused( $authorization, $code, $why );
		}
	}

	public function test_http_unlinked_and_deactivated_users_are_refused(): void {
		EmulatorEnvironment::reset();
		$this->assert_http_refused( 'Bearer ' . self::signed_in( 'katherine@acme.test' ), 'workos_token_user_unknown', 'WorkOS user linked to nobody' );
		$this->assert_http_refused( 'Bearer ' . self::minted( 'valid', self::ALAN ), 'workos_token_user_deactivated', 'deactivated user' );
		$this->assert_http_refused( 'Bearer ' . self::signed_in( 'alan@acme.test' ), 'workos_token_user_deactivated', 'deactivated user, real sign-in' );
	}

	public function test_http_application_passwords_are_untouched(): void {
		$me = $this->http( 'Basic ' . base64_encode( self::$served_logins['ada'] . ':' . self::$served_app_password ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode
		$this->assertSame( 200, $me[0], wp_json_encode( $me[1] ) );
		$this->assertSame( self::$served_users['ada'], $me[1]['id'] );

		$wrong = $this->http( 'Basic ' . base64_encode( self::$served_logins['ada'] . ':abcd efgh ijkl mnop qrst uvwx' ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode
		$this->assertSame( 401, $wrong[0] );
		$this->assertSame( 'incorrect_password', $wrong[1]['code'], 'WordPress answers Basic auth, not the bearer code' );
		$this->assertArrayNotHasKey( 'www-authenticate', $wrong[2] );
	}

	public function test_http_bearer_tokens_are_ignored_while_the_companion_is_not_enabled(): void {
		EmulatorEnvironment::reset();
		$token = self::minted( 'valid' );
		self::served( array( array( 'update_option', 'workos_staging', array( 'client_id' => EmulatorEnvironment::credentials()['client_id'] ) ) ) );
		try {
			list( $status, $body, $headers ) = $this->http( 'Bearer ' . $token );
		} finally {
			self::served( array( array( 'update_option', 'workos_staging', self::$served_row ) ) );
		}
		$this->assertSame( 401, $status );
		$this->assertSame( 'rest_not_logged_in', $body['code'], 'not authenticated, and no bearer error either' );
		$this->assertArrayNotHasKey( 'www-authenticate', $headers );
		$this->assert_http_user( 'Bearer ' . $token, 'enabled again' );
	}

	public function test_http_rotated_keys_and_a_down_jwks_endpoint(): void {
		EmulatorEnvironment::reset();
		$this->assert_http_user( 'Bearer ' . self::minted( 'valid' ), 'warm the served site\'s JWKS cache' );
		// Earlier tests may have spent the served site's refetch: a minute has passed.
		$jwks = new Jwks( EmulatorEnvironment::url(), EmulatorEnvironment::credentials()['client_id'] );
		self::served( array( array( 'delete_transients', $jwks->transient_name( 'refetch' ) ) ) );

		$old = self::minted( 'valid' );
		EmulatorEnvironment::control( 'POST', '/_emulator/keys/rotate' );
		$this->assert_http_user( 'Bearer ' . self::minted( 'valid' ), 'new key after one refetch' );
		$this->assert_http_user( 'Bearer ' . $old, 'old key within the grace' );

		// The hour is over and the JWKS endpoint answers 503: the last known good keys are used.
		self::served( array( array( 'delete_transients', $jwks->transient_name() ) ) );
		EmulatorEnvironment::control( 'POST', '/_emulator/faults', array( 'path' => '/sso/jwks', 'status' => 503, 'count' => -1 ) );
		try {
			$this->assert_http_user( 'Bearer ' . self::minted( 'valid' ), 'JWKS down' );
		} finally {
			EmulatorEnvironment::control( 'DELETE', '/_emulator/faults' );
		}
	}
}
