<?php
/**
 * Diagnostics over real HTTP against the served sandbox site and its WorkOS emulator: the checks
 * that need the real server (loopback Authorization header, callback headers, WorkOS reached
 * with the configured key), the public probe route, and the webhook echo end to end — prepared
 * by the console's call, signed here as the console would, delivered to the public webhook
 * route, reported back.
 *
 * @package WorkOSCompanion
 */

require_once __DIR__ . '/support/AdminApi.php';

final class DiagnosticsHttpTest extends WPTestCase {
	protected function setUp(): void {
		parent::setUp();
		WebhookSite::configure();
	}

	protected function tearDown(): void {
		WebhookSite::configure();
		parent::tearDown();
	}

	/** @return array<string,array<string,mixed>> */
	private function run_checks( string $only = '' ): array {
		list( $status, $body, $headers ) = AdminApi::call( 'GET', 'diagnostics', '' === $only ? null : array( 'only' => $only ) );
		$this->assertSame( 200, $status, wp_json_encode( $body ) );
		$this->assertStringContainsString( 'no-store', (string) ( $headers['cache-control'] ?? '' ) );
		return array_column( $body['checks'], null, 'id' );
	}

	public function test_the_served_site_configured_against_the_emulator(): void {
		list( $status, $body ) = AdminApi::call( 'GET', 'diagnostics' );
		$this->assertSame( 200, $status );
		$checks = array_column( $body['checks'], null, 'id' );
		$this->assertCount( 14, $checks );
		foreach ( array( 'php_version', 'wordpress_version', 'php_extensions', 'http_transport', 'database_tables', 'schema_version', 'workos_api', 'callback_cache', 'authorization_header', 'webhook_secret' ) as $id ) {
			$this->assertSame( 'pass', $checks[ $id ]['status'], $id . ': ' . $checks[ $id ]['summary'] . ' ' . $checks[ $id ]['advice'] );
		}
		$this->assertSame( EmulatorEnvironment::url(), $checks['workos_api']['details']['api_base_url'] );
		$this->assertSame( 200, $checks['authorization_header']['details']['http_status'], 'nginx passes the header to PHP-FPM' );
		$this->assertSame( 'warn', $checks['break_glass']['status'], 'the sandbox keeps password sign-in as break-glass' );

		$raw = (string) wp_json_encode( $body );
		$this->assertStringNotContainsString( EmulatorEnvironment::credentials()['api_key'], $raw );
		$this->assertStringNotContainsString( WebhookSite::secret(), $raw );
		$this->assertStringNotContainsString( substr( WebhookSite::secret(), -8 ), $raw, 'not even its end' );
	}

	public function test_unconfigured_workos_and_missing_secret(): void {
		WebhookSite::configure( array( 'enabled' => '0', 'webhook_secret' => '' ) );
		$checks = $this->run_checks( 'workos_api,webhook_secret,break_glass' );
		$this->assertSame( array( 'workos_api', 'webhook_secret', 'break_glass' ), array_keys( $checks ) );
		$this->assertSame( 'warn', $checks['workos_api']['status'] );
		$this->assertSame( 'fail', $checks['webhook_secret']['status'] );
		$this->assertSame( 'pass', $checks['break_glass']['status'] );
	}

	public function test_bad_input_over_http(): void {
		foreach ( array( array( 'only' => 'nope' ), array( 'only' => '<script>' ), array( 'only' => "php_version'--" ), array( 'all' => '1' ) ) as $query ) {
			list( $status, $body ) = AdminApi::call( 'GET', 'diagnostics', $query );
			$this->assertSame( 400, $status, wp_json_encode( $query ) );
			$this->assertContains( $body['code'], array( 'rest_invalid_param', 'workos_unknown_parameter' ) );
		}
	}

	public function test_the_probe_route_is_public_and_says_only_whether_a_header_came(): void {
		$url = WebhookSite::base() . '/wp-json/workos/v1/diagnostics/authorization-probe';
		$get = static function ( array $headers ) use ( $url ): array {
			$response = wp_remote_get( $url, array( 'headers' => $headers ) );
			return array( (int) wp_remote_retrieve_response_code( $response ), json_decode( wp_remote_retrieve_body( $response ), true ), (string) wp_remote_retrieve_header( $response, 'cache-control' ) );
		};
		list( $status, $body, $cache ) = $get( array() );
		$this->assertSame( 200, $status );
		$this->assertSame( array( 'received' => false, 'verified' => false ), $body );
		$this->assertSame( 'no-store', $cache );
		$this->assertSame( array( 'received' => true, 'verified' => false ), $get( array( 'Authorization' => 'WorkOS-Probe 1.' . str_repeat( '0', 64 ) ) )[1] );
	}

	// ------------------------------------------------------------------ webhook echo

	/** Prepares an echo through the management API. */
	private function prepare(): array {
		list( $status, $echo ) = AdminApi::call( 'POST', 'diagnostics/webhook-echo' );
		$this->assertSame( 201, $status, wp_json_encode( $echo ) );
		$this->assertSame( WebhookSite::endpoint(), $echo['webhook_url'] );
		return $echo;
	}

	/** @return array<string,mixed> */
	private function report( string $event_id ): array {
		list( $status, $body ) = AdminApi::call( 'GET', 'diagnostics/webhook-echo/' . $event_id );
		$this->assertSame( 200, $status, wp_json_encode( $body ) );
		return $body;
	}

	public function test_webhook_echo_end_to_end(): void {
		$echo  = $this->prepare();
		$after = WebhookSite::max_activity_id();
		$this->assertSame( 'pending', $this->report( $echo['event_id'] )['status'] );

		// The console holds a wrong secret: refused, and the report says why.
		list( $status, $answer ) = WebhookSite::post( $echo['body'], WebhookSite::sign( $echo['body'], 'whsec_console_has_an_old_one' ) );
		$this->assertSame( 401, $status );
		$refused = $this->report( $echo['event_id'] );
		$this->assertSame( 'refused', $refused['status'] );
		$this->assertSame( 'signature_mismatch', $refused['refusal']['reason'] );

		// The right secret: verified, nothing applied, nothing deduplicated.
		list( $status, $answer ) = WebhookSite::post( $echo['body'], WebhookSite::sign( $echo['body'] ) );
		$this->assertSame( 200, $status, wp_json_encode( $answer ) );
		$this->assertSame( array( 'ok' => true, 'outcome' => 'echo' ), $answer );
		$verified = $this->report( $echo['event_id'] );
		$this->assertSame( 'verified', $verified['status'] );
		$this->assertTrue( $verified['arrived'] );
		$this->assertTrue( $verified['verified'] );
		$this->assertNotNull( $verified['received_at'] );
		$this->assertNull( WebhookSite::row( 'SELECT id FROM wp_workos_webhook_events WHERE event_id = ?', array( $echo['event_id'] ) ), 'no dedup row' );
		$logged = WebhookSite::activity( 'webhook_echo', 1 );
		$this->assertGreaterThan( $after, (int) $logged[0]['id'] );
		$this->assertSame( $echo['event_id'], $logged[0]['metadata']['event_id'] );
		$this->assertSame( 'echo', $logged[0]['metadata']['outcome'] );
	}

	public function test_an_echo_built_by_the_console_and_a_stale_one(): void {
		$id   = 'event_echo_console_' . strtoupper( bin2hex( random_bytes( 6 ) ) );
		$body = WebhookSite::body( 'workos_console.echo', array( 'object' => 'organization', 'id' => 'org_echo_http_never', 'name' => 'Never' ), $id );
		list( $status, $answer ) = WebhookSite::post( $body, WebhookSite::sign( $body ) );
		$this->assertSame( 200, $status );
		$this->assertSame( 'echo', $answer['outcome'] );
		$this->assertSame( 'verified', $this->report( $id )['status'] );
		$this->assertNull( WebhookSite::row( 'SELECT id FROM wp_workos_organizations WHERE workos_org_id = ?', array( 'org_echo_http_never' ) ), 'an echo applies nothing' );

		$echo = $this->prepare();
		list( $status ) = WebhookSite::post( $echo['body'], WebhookSite::sign( $echo['body'], null, WebhookSite::now_ms() - 10 * 60 * 1000 ) );
		$this->assertSame( 401, $status );
		$this->assertSame( 'timestamp_too_old', $this->report( $echo['event_id'] )['refusal']['reason'] );
	}

	public function test_echo_reports_refuse_bad_ids(): void {
		list( $status, $body ) = AdminApi::call( 'GET', 'diagnostics/webhook-echo/event_never_prepared_' . bin2hex( random_bytes( 4 ) ) );
		$this->assertSame( 404, $status );
		$this->assertSame( 'workos_echo_not_found', $body['code'] );
		foreach ( array( rawurlencode( '<script>' ), rawurlencode( "1' OR '1'='1" ), str_repeat( 'a', 300 ) ) as $bad ) {
			list( $status ) = AdminApi::call( 'GET', 'diagnostics/webhook-echo/' . $bad );
			$this->assertSame( 404, $status, $bad );
		}
		list( $status, $body ) = AdminApi::call( 'POST', 'diagnostics/webhook-echo', array( 'secret' => 'whsec_x' ) );
		$this->assertSame( 400, $status );
		$this->assertSame( 'workos_unknown_parameter', $body['code'] );
	}
}
