<?php
/**
 * Strict JWT verification: real WorkOS access tokens from the emulator (sign-in and the control
 * API's special tokens) through the site's JWKS, and the attacks the emulator does not mint,
 * crafted here with local RSA keys (alg none, HS256 signed with the public key, RS512, kid games,
 * time claims at and beyond the 60 s leeway, issuers, tampering, things that are not JWTs).
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Rest\Bearer\BearerAuth;
use WorkOSCompanion\Rest\Bearer\Jwks;
use WorkOSCompanion\Rest\Bearer\Jwt;

final class JwtTest extends WPTestCase {
	private const BASE   = 'https://api.workos.com';
	private const CLIENT = 'client_01HXYZ123456789ABCDEFGHIJ';
	private const KID    = 'sso_oidc_key_pair_TEST';
	private const ADA    = 'user_01JAU000000000000000000000';

	/** @var resource|OpenSSLAsymmetricKey */
	private static $private_key;
	/** @var string */
	private static $public_pem;
	/** @var resource|OpenSSLAsymmetricKey Another key, as an attacker's. */
	private static $other_key;

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$private_key = openssl_pkey_new( array( 'private_key_bits' => 2048, 'private_key_type' => OPENSSL_KEYTYPE_RSA ) );
		self::$public_pem  = openssl_pkey_get_details( self::$private_key )['key'];
		self::$other_key   = openssl_pkey_new( array( 'private_key_bits' => 2048, 'private_key_type' => OPENSSL_KEYTYPE_RSA ) );
	}

	// ------------------------------------------------------------------ helpers

	private static function b64( string $bytes ): string {
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode
	}

	/** @param array<string,mixed> $value */
	private static function part( array $value ): string {
		return self::b64( (string) wp_json_encode( $value ) );
	}

	/** @return array<string,mixed> Claims of a token that is valid now. */
	private static function claims( array $overrides = array() ): array {
		$now = time();
		return array_merge(
			array(
				'iss' => self::BASE . '/user_management/' . self::CLIENT,
				'sub' => self::ADA,
				'sid' => 'session_01TEST',
				'jti' => '01TESTJTI',
				'iat' => $now,
				'exp' => $now + 300,
			),
			$overrides
		);
	}

	/**
	 * An RS256 (or other RSA) token signed with a local key.
	 *
	 * @param array<string,mixed>  $claims Claims.
	 * @param array<string,mixed>  $header Header fields over the default.
	 * @param resource|object|null $key    Private key (the trusted one by default).
	 */
	private static function sign( array $claims, array $header = array(), $key = null, int $algo = OPENSSL_ALGO_SHA256 ): string {
		$header = array_filter(
			array_merge( array( 'alg' => 'RS256', 'typ' => 'JWT', 'kid' => self::KID ), $header ),
			static function ( $v ) {
				return null !== $v;
			}
		);
		$input = self::part( $header ) . '.' . self::part( $claims );
		openssl_sign( $input, $signature, $key ?? self::$private_key, $algo );
		return $input . '.' . self::b64( $signature );
	}

	/** @return callable The trusted key set: one key under KID. */
	private static function keys(): callable {
		return static function ( string $kid ) {
			return self::KID === $kid ? self::$public_pem : new WP_Error( 'workos_token_kid_unknown', 'unknown kid', array( 'status' => 401 ) );
		};
	}

	/** @return array<string,mixed>|WP_Error */
	private static function verify( string $token, ?int $now = null ) {
		return Jwt::verify( $token, self::keys(), BearerAuth::issuers( self::BASE, self::CLIENT ), $now );
	}

	/** @param mixed $result */
	private function assertRefused( $result, string $code, string $why = '' ): void {
		$this->assertInstanceOf( WP_Error::class, $result, $why . ': the token was accepted: ' . wp_json_encode( $result ) );
		$this->assertSame( $code, $result->get_error_code(), $why . ': ' . $result->get_error_message() );
		$this->assertSame( 401, $result->get_error_data()['status'] ?? null, $why );
		$this->assertNotSame( '', $result->get_error_message() );
	}

	/** @param mixed $result */
	private function assertAccepted( $result, string $why = '' ): void {
		$this->assertIsArray( $result, $why . ': ' . ( is_wp_error( $result ) ? $result->get_error_code() . ' ' . $result->get_error_message() : '' ) );
		$this->assertSame( self::ADA, $result['sub'] );
	}

	// ------------------------------------------------------------- local keys

	public function test_a_valid_rs256_token_gives_its_claims(): void {
		$claims = self::verify( self::sign( self::claims() ) );
		$this->assertAccepted( $claims );
		$this->assertSame( 'session_01TEST', $claims['sid'] );
	}

	public function test_both_workos_issuer_shapes_are_accepted_and_nothing_else(): void {
		$this->assertAccepted( self::verify( self::sign( self::claims( array( 'iss' => self::BASE ) ) ) ), 'legacy iss = base URL' );
		$this->assertAccepted( self::verify( self::sign( self::claims( array( 'iss' => self::BASE . '/user_management/' . self::CLIENT ) ) ) ), 'iss = base/user_management/client' );
		$wrong = array(
			'https://issuer.invalid',
			self::BASE . '/',
			self::BASE . '/user_management/client_other',
			'http://api.workos.com',
			self::BASE . '/user_management/' . self::CLIENT . '/',
			'HTTPS://API.WORKOS.COM',
		);
		foreach ( $wrong as $iss ) {
			$this->assertRefused( self::verify( self::sign( self::claims( array( 'iss' => $iss ) ) ) ), 'workos_token_issuer', $iss );
		}
		$claims = self::claims();
		unset( $claims['iss'] );
		$this->assertRefused( self::verify( self::sign( $claims ) ), 'workos_token_issuer', 'no iss' );
		$this->assertRefused( self::verify( self::sign( self::claims( array( 'iss' => array( self::BASE ) ) ) ) ), 'workos_token_issuer', 'iss array' );
	}

	public function test_issuers_filter_adds_a_custom_auth_domain(): void {
		$token = self::sign( self::claims( array( 'iss' => 'https://auth.example.test' ) ) );
		$this->assertRefused( self::verify( $token ), 'workos_token_issuer' );
		$add = static function ( array $issuers, string $client_id, string $base_url ) {
			return array_merge( $issuers, array( 'https://auth.example.test' ) );
		};
		add_filter( 'workos_jwt_issuers', $add, 10, 3 );
		try {
			$this->assertAccepted( self::verify( $token ) );
		} finally {
			remove_filter( 'workos_jwt_issuers', $add, 10 );
		}
	}

	public function test_alg_none_is_refused_in_every_spelling(): void {
		foreach ( array( 'none', 'None', 'NONE', '' ) as $alg ) {
			$unsigned = self::part( array( 'alg' => $alg, 'typ' => 'JWT', 'kid' => self::KID ) ) . '.' . self::part( self::claims() ) . '.';
			$this->assertRefused( self::verify( $unsigned ), 'workos_token_alg', "alg '$alg' unsigned" );
		}
		// alg none carrying a genuine RS256 signature: still refused, the header decides nothing else.
		$this->assertRefused( self::verify( self::sign( self::claims(), array( 'alg' => 'none' ) ) ), 'workos_token_alg', 'alg none with a signature' );
	}

	public function test_hs256_signed_with_the_public_key_is_refused(): void {
		// The classic key-confusion attack: the RSA public key (public knowledge, from the JWKS)
		// used as an HMAC secret.
		$jwk_pem = Jwks::pem_from_jwk( self::jwk_of( self::$private_key ) );
		$this->assertIsString( $jwk_pem );
		foreach ( array( self::$public_pem, $jwk_pem, trim( self::$public_pem ) ) as $secret ) {
			$input = self::part( array( 'alg' => 'HS256', 'typ' => 'JWT', 'kid' => self::KID ) ) . '.' . self::part( self::claims() );
			$token = $input . '.' . self::b64( hash_hmac( 'sha256', $input, $secret, true ) );
			$this->assertRefused( self::verify( $token ), 'workos_token_alg', 'HS256 with the public key' );
		}
	}

	public function test_other_and_missing_algorithms_are_refused(): void {
		$this->assertRefused( self::verify( self::sign( self::claims(), array( 'alg' => 'RS512' ), null, OPENSSL_ALGO_SHA512 ) ), 'workos_token_alg', 'RS512 with a real RS512 signature' );
		foreach ( array( 'RS384', 'PS256', 'ES256', 'rs256', 'RS256 ' ) as $alg ) {
			$this->assertRefused( self::verify( self::sign( self::claims(), array( 'alg' => $alg ) ) ), 'workos_token_alg', $alg );
		}
		$this->assertRefused( self::verify( self::sign( self::claims(), array( 'alg' => null ) ) ), 'workos_token_alg', 'no alg' );
		$this->assertRefused( self::verify( self::sign( self::claims(), array( 'alg' => array( 'RS256' ) ) ) ), 'workos_token_alg', 'alg array' );
		// RS256 in the header but an SHA-512 signature.
		$this->assertRefused( self::verify( self::sign( self::claims(), array(), null, OPENSSL_ALGO_SHA512 ) ), 'workos_token_signature', 'RS256 header, SHA-512 signature' );
	}

	public function test_kid_is_required_and_looked_up_in_the_sites_keys_only(): void {
		$this->assertRefused( self::verify( self::sign( self::claims(), array( 'kid' => null ) ) ), 'workos_token_kid_missing', 'no kid' );
		$this->assertRefused( self::verify( self::sign( self::claims(), array( 'kid' => '' ) ) ), 'workos_token_kid_missing', 'empty kid' );
		$this->assertRefused( self::verify( self::sign( self::claims(), array( 'kid' => 7 ) ) ), 'workos_token_kid_missing', 'numeric kid' );
		$this->assertRefused( self::verify( self::sign( self::claims(), array( 'kid' => 'sso_oidc_key_pair_OTHER' ) ) ), 'workos_token_kid_unknown', 'unknown kid' );
		// The attacker's own key embedded in the header (jwk, jku, x5u) is never used.
		$attacker = self::jwk_of( self::$other_key );
		$token    = self::sign( self::claims(), array( 'jwk' => $attacker, 'jku' => 'https://evil.example/jwks', 'x5u' => 'https://evil.example/cert' ), self::$other_key );
		$this->assertRefused( self::verify( $token ), 'workos_token_signature', 'embedded attacker key' );
	}

	public function test_critical_header_extensions_are_refused(): void {
		$this->assertRefused( self::verify( self::sign( self::claims(), array( 'crit' => array( 'exp' ) ) ) ), 'workos_token_malformed' );
	}

	public function test_tampered_payload_and_tampered_signature_are_refused(): void {
		$token                    = self::sign( self::claims() );
		list( $h, $p, $s )        = explode( '.', $token );
		$claims                   = self::claims( array( 'sub' => 'user_01JAU010000000000000000000' ) );
		$this->assertRefused( self::verify( $h . '.' . self::part( $claims ) . '.' . $s ), 'workos_token_signature', 'payload swapped' );
		$longer = self::claims( array( 'exp' => time() + 86400 ) );
		$this->assertRefused( self::verify( $h . '.' . self::part( $longer ) . '.' . $s ), 'workos_token_signature', 'exp extended' );

		$raw      = Jwt::base64url_decode( $s );
		$raw[10]  = chr( ord( $raw[10] ) ^ 0x01 );
		$this->assertRefused( self::verify( $h . '.' . $p . '.' . self::b64( $raw ) ), 'workos_token_signature', 'one bit of the signature flipped' );
		$this->assertRefused( self::verify( $h . '.' . $p . '.' . self::b64( substr( Jwt::base64url_decode( $s ), 0, 128 ) ) ), 'workos_token_signature', 'signature truncated' );
		$this->assertRefused( self::verify( $h . '.' . $p . '.' ), 'workos_token_signature', 'signature removed' );
		$this->assertRefused( self::verify( self::sign( self::claims(), array(), self::$other_key ) ), 'workos_token_signature', 'signed by another key under our kid' );
		// The header is signed too.
		$header = self::part( array( 'alg' => 'RS256', 'typ' => 'JWT', 'kid' => self::KID, 'x' => 1 ) );
		$this->assertRefused( self::verify( $header . '.' . $p . '.' . $s ), 'workos_token_signature', 'header changed' );
	}

	public function test_the_signature_is_checked_before_the_claims(): void {
		// An expired token with a bad signature reports the signature, so claims of unsigned data are never trusted or echoed.
		$expired = self::sign( self::claims( array( 'exp' => time() - 3600 ) ), array(), self::$other_key );
		$this->assertRefused( self::verify( $expired ), 'workos_token_signature' );
	}

	public function test_exp_is_required_and_has_60_seconds_of_leeway(): void {
		$now = 1800000000;
		$this->assertAccepted( self::verify( self::sign( self::claims( array( 'iat' => $now - 400, 'exp' => $now - 59 ) ) ), $now ), 'expired 59 s ago' );
		$this->assertRefused( self::verify( self::sign( self::claims( array( 'iat' => $now - 400, 'exp' => $now - 60 ) ) ), $now ), 'workos_token_expired', 'expired 60 s ago' );
		$this->assertRefused( self::verify( self::sign( self::claims( array( 'iat' => $now - 4000, 'exp' => $now - 3600 ) ) ), $now ), 'workos_token_expired', 'expired an hour ago' );
		$claims = self::claims();
		unset( $claims['exp'] );
		$this->assertRefused( self::verify( self::sign( $claims ) ), 'workos_token_claims', 'no exp' );
		foreach ( array( (string) ( time() + 300 ), null, true, array( time() + 300 ) ) as $bad ) {
			$this->assertRefused( self::verify( self::sign( self::claims( array( 'exp' => $bad ) ) ) ), 'workos_token_claims', 'exp ' . wp_json_encode( $bad ) );
		}
	}

	public function test_nbf_in_the_future_beyond_the_leeway_is_refused(): void {
		$now = 1800000000;
		$this->assertAccepted( self::verify( self::sign( self::claims( array( 'iat' => $now, 'nbf' => $now + 60, 'exp' => $now + 300 ) ) ), $now ), 'nbf in 60 s' );
		$this->assertRefused( self::verify( self::sign( self::claims( array( 'iat' => $now, 'nbf' => $now + 61, 'exp' => $now + 300 ) ) ), $now ), 'workos_token_not_yet_valid', 'nbf in 61 s' );
		$this->assertRefused( self::verify( self::sign( self::claims( array( 'nbf' => 'soon' ) ) ) ), 'workos_token_claims', 'nbf string' );
	}

	public function test_iat_in_the_future_beyond_the_leeway_is_refused(): void {
		$now = 1800000000;
		$this->assertAccepted( self::verify( self::sign( self::claims( array( 'iat' => $now + 60, 'exp' => $now + 360 ) ) ), $now ), 'iat in 60 s' );
		$this->assertRefused( self::verify( self::sign( self::claims( array( 'iat' => $now + 61, 'exp' => $now + 361 ) ) ), $now ), 'workos_token_not_yet_valid', 'iat in 61 s' );
		$this->assertRefused( self::verify( self::sign( self::claims( array( 'iat' => $now + 86400, 'exp' => $now + 86700 ) ) ), $now ), 'workos_token_not_yet_valid', 'iat tomorrow' );
	}

	public function test_sub_is_required(): void {
		$claims = self::claims();
		unset( $claims['sub'] );
		$this->assertRefused( self::verify( self::sign( $claims ) ), 'workos_token_claims', 'no sub' );
		$this->assertRefused( self::verify( self::sign( self::claims( array( 'sub' => '' ) ) ) ), 'workos_token_claims', 'empty sub' );
		$this->assertRefused( self::verify( self::sign( self::claims( array( 'sub' => 42 ) ) ) ), 'workos_token_claims', 'numeric sub' );
	}

	public function test_things_that_are_not_jwts_are_malformed(): void {
		$good               = self::sign( self::claims() );
		list( $h, $p, $s ) = explode( '.', $good );
		$cases              = array(
			'empty'                 => '',
			'a word'                => 'hello',
			'two parts'             => $h . '.' . $p,
			'four parts'            => $good . '.' . $s,
			'dots only'             => '..',
			'padding'               => $h . '=.' . $p . '.' . $s,
			'standard base64'       => strtr( $h, '-_', '+/' ) . '+/.' . $p . '.' . $s,
			'whitespace inside'     => $h . ' .' . $p . '.' . $s,
			'header not JSON'       => self::b64( 'not json' ) . '.' . $p . '.' . $s,
			'header a JSON list'    => self::b64( '["RS256"]' ) . '.' . $p . '.' . $s,
			'payload not JSON'      => $h . '.' . self::b64( 'sub=user' ) . '.' . $s,
			'payload a JSON string' => $h . '.' . self::b64( '"user"' ) . '.' . $s,
			'payload empty'         => $h . '..' . $s,
			'signature not base64'  => $h . '.' . $p . '.***',
			'impossible length'     => $h . '.' . $p . '.AAAAA',
			'an API key'            => 'sk_test_1234567890',
			'a UUID'                => '2b1c9f6e-5f0e-4c1a-9f71-8d6a0b6f1c11',
			'too long'              => $h . '.' . str_repeat( 'A', 20000 ) . '.' . $s,
		);
		foreach ( $cases as $why => $token ) {
			$this->assertRefused( self::verify( $token ), 'workos_token_malformed', $why );
		}
	}

	// ---------------------------------------------------- the emulator's real tokens

	/** The emulator's tokens checked as the site does: its JWKS, its issuers. */
	private static function verify_with_emulator( string $token ) {
		$credentials = EmulatorEnvironment::credentials();
		$jwks        = new Jwks( EmulatorEnvironment::url(), $credentials['client_id'] );
		return Jwt::verify( $token, array( $jwks, 'find_key' ), BearerAuth::issuers( EmulatorEnvironment::url(), $credentials['client_id'] ) );
	}

	private static function minted( string $kind, string $user_id = self::ADA ): string {
		$answer = EmulatorEnvironment::control( 'POST', '/_emulator/tokens', array( 'kind' => $kind, 'user_id' => $user_id ) );
		return (string) $answer['access_token'];
	}

	public function test_emulator_tokens_valid_ones_pass_and_each_bad_kind_is_refused(): void {
		EmulatorEnvironment::reset();
		$signed_in = EmulatorEnvironment::client()->authenticate_with_password( 'ada@acme.test', 'Password123!' );
		$this->assertIsArray( $signed_in );
		$claims = self::verify_with_emulator( $signed_in['access_token'] );
		$this->assertAccepted( $claims, 'real sign-in' );
		$this->assertSame( EmulatorEnvironment::organization_id( 'Acme Corp' ), $claims['org_id'] );
		$this->assertSame( EmulatorEnvironment::url() . '/user_management/' . EmulatorEnvironment::credentials()['client_id'], $claims['iss'] );

		$this->assertAccepted( self::verify_with_emulator( self::minted( 'valid' ) ), 'minted valid' );
		$this->assertRefused( self::verify_with_emulator( self::minted( 'expired' ) ), 'workos_token_expired', 'expired' );
		$this->assertRefused( self::verify_with_emulator( self::minted( 'unknown_kid' ) ), 'workos_token_kid_unknown', 'unknown_kid' );
		$this->assertRefused( self::verify_with_emulator( self::minted( 'tampered' ) ), 'workos_token_signature', 'tampered' );
		$this->assertRefused( self::verify_with_emulator( self::minted( 'wrong_issuer' ) ), 'workos_token_issuer', 'wrong_issuer' );
		$this->assertRefused( self::verify_with_emulator( self::minted( 'alg_none' ) ), 'workos_token_alg', 'alg_none' );
	}

	public function test_a_genuinely_signed_token_issued_in_the_future_is_refused(): void {
		EmulatorEnvironment::reset();
		// The emulator's clock an hour ahead: a real signature, iat one hour in the site's future.
		EmulatorEnvironment::control( 'POST', '/_emulator/clock', array( 'advance_seconds' => 3600 ) );
		try {
			$token = self::minted( 'valid' );
		} finally {
			EmulatorEnvironment::control( 'DELETE', '/_emulator/clock' );
		}
		$this->assertRefused( self::verify_with_emulator( $token ), 'workos_token_not_yet_valid' );
	}

	/**
	 * @param resource|object $key A private key.
	 * @return array<string,string> Its public JWK.
	 */
	private static function jwk_of( $key ): array {
		$rsa = openssl_pkey_get_details( $key )['rsa'];
		return array(
			'kty' => 'RSA',
			'use' => 'sig',
			'alg' => 'RS256',
			'kid' => self::KID,
			'n'   => self::b64( $rsa['n'] ),
			'e'   => self::b64( $rsa['e'] ),
		);
	}
}
