<?php
/**
 * The WorkOS client against the sandbox's emulator over real HTTP: answers, the three error
 * shapes kept intact, and an unreachable WorkOS.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\WorkOS\Client;

final class WorkOSClientTest extends WPTestCase {
	protected function setUp(): void {
		parent::setUp();
		EmulatorEnvironment::reset();
	}

	public function test_lists_and_reads_resources(): void {
		$client = EmulatorEnvironment::client();
		$orgs   = $client->request( 'GET', '/organizations', array( 'limit' => 1, 'order' => 'asc' ) );
		$this->assertIsArray( $orgs );
		$this->assertSame( 'list', $orgs['object'] );
		$this->assertCount( 1, $orgs['data'] );
		$this->assertNotNull( $orgs['list_metadata']['after'] );
		$org = $client->get_organization( $orgs['data'][0]['id'] );
		$this->assertSame( $orgs['data'][0]['name'], $org['name'] );
	}

	public function test_password_grant_and_organization_selection(): void {
		$client = EmulatorEnvironment::client();
		$ok     = $client->authenticate_with_password( 'ada@acme.test', 'Password123!', '127.0.0.1', 'phpunit' );
		$this->assertIsArray( $ok, is_wp_error( $ok ) ? $ok->get_error_message() : '' );
		$this->assertSame( 'ada@acme.test', $ok['user']['email'] );
		$this->assertNotEmpty( $ok['access_token'] );
		$this->assertSame( EmulatorEnvironment::organization_id( 'Acme Corp' ), $ok['organization_id'] );

		$pick = $client->authenticate_with_password( 'grace@acme.test', 'Password123!' );
		$this->assertWPError( $pick, 'organization_selection_required' );
		$this->assertSame( 403, $pick->get_error_data()['status'] );
		$body   = $pick->get_error_data()['body'];
		$chosen = $client->authenticate_with_organization_selection( $body['pending_authentication_token'], $body['organizations'][1]['id'] );
		$this->assertIsArray( $chosen );
		$this->assertSame( $body['organizations'][1]['id'], $chosen['organization_id'] );
	}

	public function test_errors_keep_workos_code_message_status_and_request_id(): void {
		$wrong = EmulatorEnvironment::client()->authenticate_with_password( 'ada@acme.test', 'nope-nope' );
		$this->assertWPError( $wrong, 'invalid_credentials' ); // shape A
		$this->assertSame( 400, $wrong->get_error_data()['status'] );
		$this->assertNotEmpty( $wrong->get_error_data()['request_id'] );

		$code = EmulatorEnvironment::client()->authenticate_with_code( 'not-a-code' );
		$this->assertWPError( $code, 'invalid_grant' ); // shape B
		$this->assertNotSame( '', $code->get_error_message() );

		$missing = EmulatorEnvironment::client()->get_user( 'user_nope' );
		$this->assertWPError( $missing, 'entity_not_found' );
		$this->assertSame( 404, $missing->get_error_data()['status'] );

		$credentials = EmulatorEnvironment::credentials();
		$bad_key     = new Client( EmulatorEnvironment::url(), 'sk_test_wrong', $credentials['client_id'] );
		$denied      = $bad_key->request( 'GET', '/organizations' );
		$this->assertWPError( $denied, 'unauthorized' );
		$this->assertSame( 401, $denied->get_error_data()['status'] );
	}

	public function test_rate_limit_keeps_retry_after(): void {
		EmulatorEnvironment::control( 'POST', '/_emulator/faults', array( 'path' => '/organizations', 'status' => 429, 'retry_after' => 3 ) );
		$limited = EmulatorEnvironment::client()->request( 'GET', '/organizations' );
		$this->assertWPError( $limited, 'rate_limit_exceeded' );
		$this->assertSame( 3, $limited->get_error_data()['retry_after'] );
	}

	public function test_unreachable_workos_is_a_clear_503(): void {
		$down   = new Client( 'http://127.0.0.1:1', 'sk', 'client' );
		$result = $down->request( 'GET', '/organizations' );
		$this->assertWPError( $result, 'workos_unreachable' );
		$this->assertSame( 503, $result->get_error_data()['status'] );
		$this->assertStringContainsString( 'WorkOS could not be reached', $result->get_error_message() );
	}

	public function test_authorization_url_and_jwks(): void {
		$client = EmulatorEnvironment::client();
		$url    = $client->authorization_url( array( 'redirect_uri' => 'http://127.0.0.1:9/cb', 'state' => 'a b&c' ) );
		parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
		$this->assertSame( 'authkit', $query['provider'] );
		$this->assertSame( 'a b&c', $query['state'] );
		$with_org = $client->authorization_url( array( 'redirect_uri' => 'x', 'organization_id' => 'org_1' ) );
		$this->assertStringNotContainsString( 'provider=', $with_org );

		$jwks = $client->jwks();
		$this->assertIsArray( $jwks );
		$this->assertSame( 'RS256', $jwks['keys'][0]['alg'] );
	}

	/** @param mixed $value */
	private function assertWPError( $value, string $code, string $message = '' ): void {
		$this->assertInstanceOf( WP_Error::class, $value, $message );
		$this->assertSame( $code, $value->get_error_code(), $message );
	}
}
