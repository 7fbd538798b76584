<?php
/**
 * The JWKS against the emulator over real HTTP: RSA keys built from n and e, the per-client cache
 * (one hour, plus a last-known-good copy), one rate-limited refetch for an unknown kid, key
 * rotation, and the endpoint being down (injected faults, a closed port).
 *
 * JWKS requests are counted with the http_api_debug action (an observer: nothing is stubbed).
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Rest\Bearer\BearerAuth;
use WorkOSCompanion\Rest\Bearer\Jwks;
use WorkOSCompanion\Rest\Bearer\Jwt;

final class JwksTest extends WPTestCase {
	private const ADA = 'user_01JAU000000000000000000000';

	/** @var string[] URLs of the JWKS requests made during the test. */
	private $requests = array();

	/** @var callable */
	private $observer;

	protected function setUp(): void {
		parent::setUp();
		EmulatorEnvironment::reset();
		$this->requests = array();
		$this->observer = function ( $response, $context, $class, $args, $url ) {
			if ( false !== strpos( (string) $url, '/sso/jwks/' ) ) {
				$this->requests[] = $url;
			}
		};
		add_action( 'http_api_debug', $this->observer, 10, 5 );
	}

	protected function tearDown(): void {
		remove_action( 'http_api_debug', $this->observer, 10 );
		EmulatorEnvironment::control( 'DELETE', '/_emulator/faults' );
		EmulatorEnvironment::control( 'DELETE', '/_emulator/clock' );
		parent::tearDown();
	}

	private static function jwks(): Jwks {
		return new Jwks( EmulatorEnvironment::url(), EmulatorEnvironment::credentials()['client_id'] );
	}

	private static function minted( string $kind = 'valid' ): string {
		return (string) EmulatorEnvironment::control( 'POST', '/_emulator/tokens', array( 'kind' => $kind, 'user_id' => self::ADA ) )['access_token'];
	}

	private static function kid_of( string $token ): string {
		$decoded = Jwt::decode( $token );
		return (string) $decoded[0]['kid'];
	}

	/** @return array<string,mixed>|WP_Error */
	private static function verify( string $token, Jwks $jwks ) {
		return Jwt::verify( $token, array( $jwks, 'find_key' ), BearerAuth::issuers( $jwks->base_url(), $jwks->client_id() ) );
	}

	/** Seconds until a transient expires (its _transient_timeout_ option). */
	private static function expires_in( string $transient ): int {
		return (int) get_option( '_transient_timeout_' . $transient ) - time();
	}

	private static function b64( string $bytes ): string {
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode
	}

	// --------------------------------------------------------------- n, e → PEM

	public function test_pem_built_from_n_and_e_is_the_key_openssl_exports(): void {
		foreach ( array( 2048, 3072, 4096 ) as $bits ) {
			$key = openssl_pkey_new( array( 'private_key_bits' => $bits, 'private_key_type' => OPENSSL_KEYTYPE_RSA ) );
			$rsa = openssl_pkey_get_details( $key )['rsa'];
			$pem = Jwks::pem_from_jwk( array( 'kty' => 'RSA', 'n' => self::b64( $rsa['n'] ), 'e' => self::b64( $rsa['e'] ) ) );
			$this->assertSame( openssl_pkey_get_details( $key )['key'], $pem, "$bits-bit key" );
		}
	}

	public function test_emulator_jwk_gives_the_key_of_its_certificate(): void {
		$answer = EmulatorEnvironment::client()->jwks();
		$this->assertIsArray( $answer );
		$this->assertNotEmpty( $answer['keys'] );
		foreach ( $answer['keys'] as $jwk ) {
			$certificate = "-----BEGIN CERTIFICATE-----\n" . chunk_split( $jwk['x5c'][0], 64, "\n" ) . "-----END CERTIFICATE-----\n";
			$expected    = openssl_pkey_get_details( openssl_pkey_get_public( $certificate ) )['key'];
			$this->assertSame( $expected, Jwks::pem_from_jwk( $jwk ), $jwk['kid'] );
		}
	}

	public function test_unusable_jwks_are_refused(): void {
		$key  = openssl_pkey_new( array( 'private_key_bits' => 2048, 'private_key_type' => OPENSSL_KEYTYPE_RSA ) );
		$rsa  = openssl_pkey_get_details( $key )['rsa'];
		$good = array( 'kty' => 'RSA', 'kid' => 'k', 'use' => 'sig', 'alg' => 'RS256', 'n' => self::b64( $rsa['n'] ), 'e' => self::b64( $rsa['e'] ) );
		$this->assertIsString( Jwks::pem_from_jwk( $good ) );

		$small = openssl_pkey_get_details( openssl_pkey_new( array( 'private_key_bits' => 1024, 'private_key_type' => OPENSSL_KEYTYPE_RSA ) ) )['rsa'];
		$bad   = array(
			'EC key'           => array( 'kty' => 'EC' ) + $good,
			'no kty'           => array_diff_key( $good, array( 'kty' => 1 ) ),
			'encryption key'   => array( 'use' => 'enc' ) + $good,
			'RS512 key'        => array( 'alg' => 'RS512' ) + $good,
			'no n'             => array_diff_key( $good, array( 'n' => 1 ) ),
			'no e'             => array_diff_key( $good, array( 'e' => 1 ) ),
			'n not base64url'  => array( 'n' => strtr( $good['n'], '-_', '+/' ) . '==' ) + $good,
			'n a number'       => array( 'n' => 12345 ) + $good,
			'1024-bit modulus' => array( 'n' => self::b64( $small['n'] ) ) + $good,
			'even exponent'    => array( 'e' => self::b64( "\x01\x00\x00" ) ) + $good,
			'exponent 1'       => array( 'e' => 'AQ' ) + $good,
			'empty exponent'   => array( 'e' => '' ) + $good,
		);
		foreach ( $bad as $why => $jwk ) {
			$pem = Jwks::pem_from_jwk( $jwk );
			$this->assertInstanceOf( WP_Error::class, $pem, $why );
			$this->assertSame( 'workos_jwk_unsupported', $pem->get_error_code(), $why );
		}
		// A JWKS keeps only its usable keys, by kid.
		$keys = Jwks::usable_keys( array( 'keys' => array( $good, array( 'kid' => 'ec', 'kty' => 'EC' ) + $good, array_diff_key( $good, array( 'kid' => 1 ) ), 'junk' ) ) );
		$this->assertSame( array( 'k' ), array_keys( $keys ) );
		$this->assertSame( array(), Jwks::usable_keys( array( 'no' => 'keys' ) ) );
	}

	// ------------------------------------------------------------------ caching

	public function test_keys_are_cached_an_hour_per_client_id_and_base_url(): void {
		$jwks  = self::jwks();
		$token = self::minted();
		$this->assertIsArray( self::verify( $token, $jwks ) );
		$this->assertCount( 1, $this->requests, 'cold: one JWKS request' );
		$this->assertSame( EmulatorEnvironment::url() . '/sso/jwks/' . $jwks->client_id(), $this->requests[0] );

		$name = $jwks->transient_name();
		$this->assertStringContainsString( $jwks->client_id(), $name );
		$this->assertStringContainsString( substr( md5( EmulatorEnvironment::url() ), 0, 12 ), $name );
		$this->assertArrayHasKey( self::kid_of( $token ), (array) get_transient( $name ) );
		$this->assertEqualsWithDelta( HOUR_IN_SECONDS, self::expires_in( $name ), 5 );
		$this->assertEqualsWithDelta( 30 * DAY_IN_SECONDS, self::expires_in( $jwks->transient_name( 'lkg' ) ), 5, 'last known good kept 30 days' );

		for ( $i = 0; $i < 5; $i++ ) {
			$this->assertIsArray( self::verify( self::minted(), self::jwks() ) );
		}
		$this->assertCount( 1, $this->requests, 'warm: no more JWKS requests' );

		// Another client id or another base URL never shares the cache.
		$names = array(
			$name,
			( new Jwks( EmulatorEnvironment::url(), 'client_other' ) )->transient_name(),
			( new Jwks( 'https://api.workos.com', $jwks->client_id() ) )->transient_name(),
			( new Jwks( EmulatorEnvironment::url() . '/', $jwks->client_id() ) )->transient_name(),
		);
		$this->assertCount( 3, array_unique( $names ), 'a trailing slash is the same base URL; the rest differ' );
		$odd = ( new Jwks( EmulatorEnvironment::url(), "client'; DROP--" . str_repeat( 'x', 200 ) ) )->transient_name();
		$this->assertMatchesRegularExpression( '/^[a-z0-9_]+$/i', $odd );
		$this->assertLessThanOrEqual( 172, strlen( $odd ), 'transient names are limited to 172 characters' );
	}

	public function test_unknown_kid_refetches_once_then_fails_and_refetches_are_rate_limited(): void {
		$jwks = self::jwks();
		$this->assertIsArray( self::verify( self::minted(), $jwks ) );
		$this->assertCount( 1, $this->requests );

		$error = self::verify( self::minted( 'unknown_kid' ), $jwks );
		$this->assertInstanceOf( WP_Error::class, $error );
		$this->assertSame( 'workos_token_kid_unknown', $error->get_error_code() );
		$this->assertSame( 401, $error->get_error_data()['status'] );
		$this->assertCount( 2, $this->requests, 'exactly one refetch for the unknown kid' );
		$this->assertEqualsWithDelta( Jwks::REFETCH_INTERVAL, self::expires_in( $jwks->transient_name( 'refetch' ) ), 5 );

		foreach ( array( 'sso_oidc_key_pair_A', 'sso_oidc_key_pair_B', 'sso_oidc_key_pair_C' ) as $kid ) {
			$this->assertSame( 'workos_token_kid_unknown', $jwks->find_key( $kid )->get_error_code() );
		}
		$this->assertCount( 2, $this->requests, 'made-up kids within a minute cause no more requests' );

		delete_transient( $jwks->transient_name( 'refetch' ) ); // A minute later.
		$this->assertSame( 'workos_token_kid_unknown', $jwks->find_key( 'sso_oidc_key_pair_D' )->get_error_code() );
		$this->assertCount( 3, $this->requests, 'one refetch again after the interval' );
	}

	public function test_a_cold_cache_fetches_once_even_for_an_unknown_kid(): void {
		$this->assertSame( 'workos_token_kid_unknown', self::verify( self::minted( 'unknown_kid' ), self::jwks() )->get_error_code() );
		$this->assertCount( 1, $this->requests, 'the cold fetch is the only fetch' );
		$this->assertFalse( get_transient( self::jwks()->transient_name( 'refetch' ) ), 'no refetch was spent' );
	}

	public function test_rotated_key_verifies_after_one_refetch_and_the_old_key_within_the_grace(): void {
		$jwks   = self::jwks();
		$before = self::minted();
		$this->assertIsArray( self::verify( $before, $jwks ) );
		$this->assertCount( 1, $this->requests );

		$rotation = EmulatorEnvironment::control( 'POST', '/_emulator/keys/rotate' );
		$this->assertSame( self::kid_of( $before ), $rotation['previous_kid'] );
		$after = self::minted();
		$this->assertSame( $rotation['kid'], self::kid_of( $after ) );
		$this->assertArrayNotHasKey( $rotation['kid'], (array) get_transient( $jwks->transient_name() ) );

		$claims = self::verify( $after, $jwks );
		$this->assertIsArray( $claims, is_wp_error( $claims ) ? $claims->get_error_message() : '' );
		$this->assertCount( 2, $this->requests, 'one refetch' );
		$this->assertArrayHasKey( $rotation['kid'], (array) get_transient( $jwks->transient_name() ) );
		$this->assertArrayHasKey( $rotation['kid'], (array) get_transient( $jwks->transient_name( 'lkg' ) ) );

		$this->assertIsArray( self::verify( $before, $jwks ), 'the old key still verifies within the grace' );
		$this->assertIsArray( self::verify( self::minted(), $jwks ) );
		$this->assertCount( 2, $this->requests, 'no more requests' );

		// After the grace period WorkOS stops publishing the old key; a fresh set no longer has it.
		// (The emulator's clock is shared with tests running in parallel: moved for one request only.)
		$jwks->forget();
		EmulatorEnvironment::control( 'POST', '/_emulator/clock', array( 'advance_seconds' => $rotation['grace_seconds'] + 60 ) );
		try {
			$fresh = $jwks->refresh();
		} finally {
			EmulatorEnvironment::control( 'DELETE', '/_emulator/clock' );
		}
		$this->assertIsArray( $fresh );
		$this->assertArrayNotHasKey( $rotation['previous_kid'], $fresh, 'the retired key is gone after the grace' );
		$this->assertArrayHasKey( $rotation['kid'], $fresh );
		set_transient( $jwks->transient_name( 'refetch' ), time(), Jwks::REFETCH_INTERVAL ); // No refetch to bring it back.
		$this->assertSame( 'workos_token_kid_unknown', self::verify( $before, $jwks )->get_error_code() );
		$this->assertIsArray( self::verify( $after, $jwks ) );
	}

	// ------------------------------------------------------------- endpoint down

	public function test_cached_keys_are_used_when_the_endpoint_is_down(): void {
		$jwks  = self::jwks();
		$token = self::minted();
		$this->assertIsArray( self::verify( $token, $jwks ) );

		// The hour is over and WorkOS answers 503 to every JWKS request.
		delete_transient( $jwks->transient_name() );
		EmulatorEnvironment::control( 'POST', '/_emulator/faults', array( 'path' => '/sso/jwks', 'status' => 503, 'count' => -1 ) );
		$claims = self::verify( $token, $jwks );
		$this->assertIsArray( $claims, is_wp_error( $claims ) ? $claims->get_error_message() : '' );
		$this->assertCount( 2, $this->requests, 'one attempt, then the last known good keys' );
		$this->assertEqualsWithDelta( Jwks::RETRY_WHEN_DOWN, self::expires_in( $jwks->transient_name() ), 5, 'next attempt in a minute' );

		$this->assertIsArray( self::verify( self::minted(), $jwks ) );
		$this->assertCount( 2, $this->requests, 'no attempt per request while down' );

		// Unknown kid while down: the one refetch fails, the token is refused, the keys survive.
		$this->assertSame( 'workos_token_kid_unknown', self::verify( self::minted( 'unknown_kid' ), $jwks )->get_error_code() );
		$this->assertIsArray( self::verify( $token, $jwks ) );
	}

	public function test_cached_keys_are_used_when_workos_hangs(): void {
		$jwks  = self::jwks();
		$token = self::minted();
		$timeouts = array();
		$watch    = static function ( $args, $url ) use ( &$timeouts ) {
			if ( false !== strpos( $url, '/sso/jwks/' ) ) {
				$timeouts[] = $args['timeout'];
			}
			return $args;
		};
		add_filter( 'http_request_args', $watch, 10, 2 );
		$this->assertIsArray( self::verify( $token, $jwks ) );
		remove_filter( 'http_request_args', $watch, 10 );
		$this->assertSame( array( Jwks::TIMEOUT ), $timeouts, 'a JWKS request waits at most Jwks::TIMEOUT seconds' );

		// The hour is over and WorkOS does not answer in time (shortened to 1 s for the test).
		delete_transient( $jwks->transient_name() );
		EmulatorEnvironment::control( 'POST', '/_emulator/faults', array( 'path' => '/sso/jwks', 'latency_ms' => 3000 ) );
		$short = static function ( $args, $url ) {
			if ( false !== strpos( $url, '/sso/jwks/' ) ) {
				$args['timeout'] = 1;
			}
			return $args;
		};
		add_filter( 'http_request_args', $short, 10, 2 );
		try {
			$start  = microtime( true );
			$claims = self::verify( $token, $jwks );
		} finally {
			remove_filter( 'http_request_args', $short, 10 );
		}
		$this->assertIsArray( $claims, is_wp_error( $claims ) ? $claims->get_error_message() : '' );
		$this->assertLessThan( 2.5, microtime( true ) - $start );
		$this->assertCount( 2, $this->requests, 'one attempt, then the last known good keys' );
	}

	public function test_no_cache_and_endpoint_down_is_a_clear_error(): void {
		EmulatorEnvironment::control( 'POST', '/_emulator/faults', array( 'path' => '/sso/jwks', 'status' => 503, 'count' => -1 ) );
		$error = self::verify( self::minted(), self::jwks() );
		$this->assertInstanceOf( WP_Error::class, $error );
		$this->assertSame( 'workos_jwks_unavailable', $error->get_error_code() );
		$this->assertSame( 401, $error->get_error_data()['status'] );
		$this->assertStringContainsString( 'signing keys', $error->get_error_message() );

		$closed = new Jwks( 'http://127.0.0.1:1', 'client_sandbox' );
		$this->assertSame( 'workos_jwks_unavailable', $closed->find_key( 'any' )->get_error_code() );
		$this->assertStringNotContainsString( '127.0.0.1', $closed->find_key( 'any' )->get_error_message(), 'no infrastructure detail for REST clients' );

		$unknown_client = new Jwks( EmulatorEnvironment::url(), 'client_unknown' );
		$this->assertSame( 'workos_jwks_unavailable', $unknown_client->find_key( 'any' )->get_error_code(), '404 for another client id' );
	}

	public function test_an_answer_without_usable_keys_changes_nothing(): void {
		$jwks = self::jwks();
		$this->assertIsArray( self::verify( self::minted(), $jwks ) );
		$cached = get_transient( $jwks->transient_name() );
		foreach ( array( array( 'keys' => array() ), array( 'message' => 'hello' ), array( 'keys' => array( array( 'kty' => 'oct', 'kid' => 'x', 'k' => 'c2VjcmV0' ) ) ) ) as $body ) {
			EmulatorEnvironment::control( 'POST', '/_emulator/faults', array( 'path' => '/sso/jwks', 'status' => 200, 'body' => $body ) );
			$result = $jwks->refresh();
			$this->assertInstanceOf( WP_Error::class, $result, wp_json_encode( $body ) );
			$this->assertSame( 'workos_jwks_invalid', $result->get_error_code() );
			$this->assertSame( $cached, get_transient( $jwks->transient_name() ) );
			$this->assertSame( $cached, get_transient( $jwks->transient_name( 'lkg' ) ) );
		}
	}
}
