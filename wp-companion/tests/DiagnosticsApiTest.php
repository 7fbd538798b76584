<?php
/**
 * GET /workos/v1/admin/diagnostics in-process: every check's pass / warn / fail under conditions
 * the test sets (options, tables, cron, faked HTTP answers), the emulator as WorkOS, the public
 * authorization probe, and that no secret ever appears in an answer.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\ActivityLog\Logger;
use WorkOSCompanion\Diagnostics\AuthorizationProbe;
use WorkOSCompanion\Diagnostics\Diagnostics;
use WorkOSCompanion\Webhook\EventStore;

final class DiagnosticsApiTest extends WPTestCase {
	private const ROUTE          = '/workos/v1/admin/diagnostics';
	private const API_KEY        = 'sk_test_diagnostics_0123456789abcdefWXYZ';
	private const WEBHOOK_SECRET = 'whsec_diagnostics_0123456789abcdefQRST';

	/** @var callable|null The pre_http_request filter of this test. */
	private $fake;

	protected function setUp(): void {
		parent::setUp();
		$this->snapshot_options( array( 'workos_staging', 'workos_production', 'workos_active_environment', 'workos_api_base_url', 'workos_db_version', 'cron', 'workos_webhook_tolerance' ) );
		delete_option( 'workos_production' );
		delete_option( 'workos_webhook_tolerance' );
		update_option( 'workos_active_environment', 'staging' );
		update_option( 'workos_staging', array() );
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	protected function tearDown(): void {
		if ( $this->fake ) {
			remove_filter( 'pre_http_request', $this->fake, 10 );
			$this->fake = null;
		}
		parent::tearDown();
	}

	/** Staging enabled with fake credentials against a WorkOS that $answer plays. */
	private function configure( array $extra = array() ): void {
		update_option(
			'workos_staging',
			array_merge(
				array(
					'api_key'        => self::API_KEY,
					'client_id'      => 'client_diag',
					'environment_id' => 'environment_diag',
					'webhook_secret' => self::WEBHOOK_SECRET,
				),
				$extra
			)
		);
		update_option( 'workos_api_base_url', 'https://workos.invalid' );
	}

	/**
	 * Answers HTTP requests whose URL contains $needle with $answer (an array response, a WP_Error
	 * or a callable building one from the URL and arguments); others go out for real.
	 *
	 * @param mixed $answer
	 */
	private function fake_http( string $needle, $answer ): void {
		if ( $this->fake ) {
			remove_filter( 'pre_http_request', $this->fake, 10 );
		}
		$this->fake = static function ( $pre, $args, $url ) use ( $needle, $answer ) {
			if ( false === strpos( (string) $url, $needle ) ) {
				return $pre;
			}
			return is_callable( $answer ) ? $answer( $url, $args ) : $answer;
		};
		add_filter( 'pre_http_request', $this->fake, 10, 3 );
	}

	/** @param array<string,string> $headers Lower-case names. */
	private static function response( int $code, array $headers = array(), string $body = '{"data":[],"list_metadata":{"after":null}}' ): array {
		return array(
			'headers'  => $headers,
			'body'     => $body,
			'response' => array(
				'code'    => $code,
				'message' => get_status_header_desc( $code ),
			),
			'cookies'  => array(),
			'filename' => null,
		);
	}

	/** @return array<string,array<string,mixed>> Check id → its result, for the checks named. */
	private function run_checks( string ...$only ): array {
		$response = $this->rest( 'GET', self::ROUTE, $only ? array( 'only' => $only ) : array() );
		$this->assertSame( 200, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$out = array();
		foreach ( $response->get_data()['checks'] as $check ) {
			$out[ $check['id'] ] = json_decode( (string) wp_json_encode( $check ), true );
		}
		return $out;
	}

	private function check( string $id ): array {
		return $this->run_checks( $id )[ $id ];
	}

	// ------------------------------------------------------------------------- shape

	public function test_every_check_answers_with_its_shape(): void {
		$response = $this->rest( 'GET', self::ROUTE );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'no-store', $response->get_headers()['Cache-Control'] );
		$data = $response->get_data();
		$this->assertSame( array_keys( Diagnostics::CHECKS ), array_column( $data['checks'], 'id' ) );
		$this->assertCount( 14, $data['checks'] );
		$counts = array( 'pass' => 0, 'warn' => 0, 'fail' => 0 );
		foreach ( $data['checks'] as $check ) {
			$check = json_decode( (string) wp_json_encode( $check ), true );
			$this->assertSame( array( 'id', 'status', 'summary', 'advice', 'details' ), array_keys( $check ) );
			$this->assertContains( $check['status'], array( 'pass', 'warn', 'fail' ) );
			$this->assertNotSame( '', $check['summary'], $check['id'] );
			if ( 'pass' !== $check['status'] ) {
				$this->assertNotSame( '', $check['advice'], $check['id'] . ' says what to do' );
			}
			++$counts[ $check['status'] ];
		}
		$this->assertSame( $counts, $data['counts'] );
		$this->assertSame( $counts['fail'] ? 'fail' : ( $counts['warn'] ? 'warn' : 'pass' ), $data['status'] );
		$this->assertSame( 'staging', $data['environment'] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $data['ran_at'] );
		$this->assertIsInt( $data['duration_ms'] );
	}

	public function test_only_runs_the_named_checks_in_order(): void {
		$this->assertSame( array( 'php_version', 'break_glass' ), array_keys( $this->run_checks( 'break_glass', 'php_version' ) ) );
		$list = $this->rest( 'GET', self::ROUTE, array( 'only' => 'schema_version,database_tables' ) )->get_data();
		$this->assertSame( array( 'database_tables', 'schema_version' ), array_column( $list['checks'], 'id' ), 'a comma-separated list works too' );
	}

	/** @return array<string,array{0:array<string,mixed>,1:string}> */
	public function bad_input(): array {
		return array(
			'unknown check'    => array( array( 'only' => array( 'coffee' ) ), 'rest_invalid_param' ),
			'sql'              => array( array( 'only' => "php_version' OR 1=1" ), 'rest_invalid_param' ),
			'script'           => array( array( 'only' => array( '<script>alert(1)</script>' ) ), 'rest_invalid_param' ),
			'unicode'          => array( array( 'only' => array( 'php_versiön' ) ), 'rest_invalid_param' ),
			'very long'        => array( array( 'only' => str_repeat( 'php_version', 1000 ) ), 'rest_invalid_param' ),
			'repeated'         => array( array( 'only' => array( 'php_version', 'php_version' ) ), 'rest_invalid_param' ),
			'object'           => array( array( 'only' => array( 'a' => array( 'b' ) ) ), 'rest_invalid_param' ),
			'unknown field'    => array( array( 'verbose' => '1' ), 'workos_unknown_parameter' ),
		);
	}

	/**
	 * @dataProvider bad_input
	 * @param array<string,mixed> $params
	 */
	public function test_bad_input_is_refused( array $params, string $code ): void {
		$response = $this->rest( 'GET', self::ROUTE, $params );
		$this->assertSame( 400, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertSame( $code, $response->get_data()['code'] );
	}

	// ------------------------------------------------------------------- platform, db

	public function test_platform_checks_pass_in_the_sandbox(): void {
		$checks = $this->run_checks( 'php_version', 'wordpress_version', 'php_extensions', 'http_transport' );
		$this->assertSame( 'pass', $checks['php_version']['status'], $checks['php_version']['summary'] );
		$this->assertSame( PHP_VERSION, $checks['php_version']['details']['version'] );
		$this->assertSame( '7.4', $checks['php_version']['details']['required'] );
		$this->assertSame( 'pass', $checks['wordpress_version']['status'] );
		$this->assertSame( '5.9', $checks['wordpress_version']['details']['required'] );
		$this->assertSame( 'pass', $checks['php_extensions']['status'] );
		$this->assertSame( array(), $checks['php_extensions']['details']['missing_required'] );
		$this->assertSame( 'pass', $checks['http_transport']['status'] );
		$this->assertTrue( $checks['http_transport']['details']['ssl'] );
	}

	public function test_tables_and_schema_version(): void {
		$checks = $this->run_checks( 'database_tables', 'schema_version' );
		$this->assertSame( 'pass', $checks['database_tables']['status'] );
		$this->assertCount( 6, $checks['database_tables']['details']['tables'] );
		$this->assertSame( 'pass', $checks['schema_version']['status'] );

		update_option( 'workos_db_version', 3 );
		$behind = $this->check( 'schema_version' );
		$this->assertSame( 'fail', $behind['status'] );
		$this->assertSame( array( 'installed' => 3, 'expected' => 4 ), $behind['details'] );

		update_option( 'workos_db_version', 9 );
		$this->assertSame( 'warn', $this->check( 'schema_version' )['status'] );
	}

	// ------------------------------------------------------------------------- WorkOS

	public function test_workos_not_configured_is_a_warning_not_a_call(): void {
		$this->fake_http(
			'workos.invalid',
			function () {
				$this->fail( 'no call to WorkOS without credentials' );
			}
		);
		$checks = $this->run_checks( 'workos_api', 'clock_skew' );
		$this->assertSame( 'warn', $checks['workos_api']['status'] );
		$this->assertSame( 'warn', $checks['clock_skew']['status'] );
		$this->assertArrayNotHasKey( 'skew_seconds', $checks['clock_skew']['details'] );
	}

	public function test_the_emulator_as_workos(): void {
		EmulatorEnvironment::configure_site( 'staging' );
		$checks = $this->run_checks( 'workos_api', 'clock_skew' );
		$this->assertSame( 'pass', $checks['workos_api']['status'], $checks['workos_api']['summary'] );
		$this->assertIsInt( $checks['workos_api']['details']['latency_ms'] );
		$this->assertSame( EmulatorEnvironment::url(), $checks['workos_api']['details']['api_base_url'] );

		// The skew is measured only against a Date header; the emulator's answers may not carry one.
		$date = wp_remote_retrieve_header( wp_remote_get( EmulatorEnvironment::url() . '/organizations?limit=1', array( 'headers' => array( 'Authorization' => 'Bearer ' . EmulatorEnvironment::credentials()['api_key'] ) ) ), 'date' );
		if ( '' === $date ) {
			$this->assertSame( 'warn', $checks['clock_skew']['status'] );
			$this->assertStringContainsString( 'Date header', $checks['clock_skew']['summary'] );
		} else {
			$this->assertSame( 'pass', $checks['clock_skew']['status'] );
			$this->assertLessThan( 5, abs( $checks['clock_skew']['details']['skew_seconds'] ) );
		}

		// A wrong API key: WorkOS (the emulator) refuses it.
		update_option( 'workos_staging', array_merge( get_option( 'workos_staging' ), array( 'api_key' => 'sk_test_not_the_right_key_0000' ) ) );
		$refused = $this->check( 'workos_api' );
		$this->assertSame( 'fail', $refused['status'] );
		$this->assertSame( 401, $refused['details']['http_status'] );
		$this->assertStringNotContainsString( 'sk_test_not_the_right_key_0000', wp_json_encode( $refused ) );
	}

	/** @return array<string,array{0:int,1:string,2:string}> */
	public function skews(): array {
		return array(
			'in step'             => array( 0, 'pass', '' ),
			'20 s ahead'          => array( -20, 'pass', 'ahead of' ),
			'a minute ahead'      => array( -60, 'warn', 'ahead of' ),
			'two minutes behind'  => array( 120, 'warn', 'behind' ),
			'five minutes behind' => array( 300, 'fail', 'behind' ),
			'an hour ahead'       => array( -3600, 'fail', 'ahead of' ),
		);
	}

	/**
	 * @dataProvider skews
	 * @param int $workos_offset Seconds WorkOS's clock is ahead of ours.
	 */
	public function test_clock_skew_thresholds( int $workos_offset, string $status, string $words ): void {
		$this->configure();
		$this->fake_http(
			'workos.invalid',
			static function () use ( $workos_offset ) {
				return self::response( 200, array( 'date' => gmdate( 'D, d M Y H:i:s \G\M\T', time() + $workos_offset ) ) );
			}
		);
		$check = $this->check( 'clock_skew' );
		$this->assertSame( $status, $check['status'], $check['summary'] );
		$this->assertEqualsWithDelta( -$workos_offset, $check['details']['skew_seconds'], 1.6 );
		$this->assertSame( 180, $check['details']['fail_above_seconds'] );
		$this->assertStringContainsString( $words, $check['summary'] );
	}

	public function test_clock_skew_follows_the_webhook_tolerance(): void {
		$this->configure();
		update_option( 'workos_webhook_tolerance', 600 );
		$this->fake_http( 'workos.invalid', self::response( 200, array( 'date' => gmdate( 'D, d M Y H:i:s \G\M\T', time() - 300 ) ) ) );
		$check = $this->check( 'clock_skew' );
		$this->assertSame( 'warn', $check['status'], 'within a 600 s tolerance five minutes only warn' );
		$this->assertSame( 600, $check['details']['fail_above_seconds'] );
	}

	public function test_an_unreadable_date_is_not_measured(): void {
		$this->configure();
		$this->fake_http( 'workos.invalid', self::response( 200, array( 'date' => 'yesterday-ish <script>' ) ) );
		$check = $this->check( 'clock_skew' );
		$this->assertSame( 'warn', $check['status'] );
		$this->assertArrayNotHasKey( 'skew_seconds', $check['details'] );
	}

	/** @return array<string,array{0:mixed,1:string,2:string}> */
	public function workos_failures(): array {
		return array(
			'key refused'   => array( self::response( 401, array(), '{"message":"Invalid API key ' . self::API_KEY . '","code":"unauthorized"}' ), 'fail', 'refused the API key' ),
			'server error'  => array( self::response( 500, array(), '{"message":"Internal error"}' ), 'fail', 'HTTP 500' ),
			'rate limited'  => array( self::response( 429, array( 'retry-after' => '5' ), '{"message":"Too many requests"}' ), 'warn', '429' ),
			'unreachable'   => array( new WP_Error( 'http_request_failed', 'cURL error 6: Could not resolve host' ), 'fail', 'could not be reached' ),
			'not json'      => array( self::response( 200, array(), '<html>proxy login</html>' ), 'fail', 'HTTP 502' ),
		);
	}

	/**
	 * @dataProvider workos_failures
	 * @param mixed $answer
	 */
	public function test_workos_failures( $answer, string $status, string $words ): void {
		$this->configure();
		$this->fake_http( 'workos.invalid', $answer );
		$check = $this->check( 'workos_api' );
		$this->assertSame( $status, $check['status'] );
		$this->assertStringContainsString( $words, $check['summary'] );
		$this->assertStringNotContainsString( self::API_KEY, (string) wp_json_encode( $check ), 'a secret quoted back by WorkOS is redacted' );
	}

	public function test_a_slow_workos_is_a_warning(): void {
		$this->configure();
		$this->fake_http(
			'workos.invalid',
			static function () {
				usleep( 2100000 );
				return self::response( 200 );
			}
		);
		$check = $this->check( 'workos_api' );
		$this->assertSame( 'warn', $check['status'] );
		$this->assertGreaterThan( 2000, $check['details']['latency_ms'] );
	}

	public function test_one_workos_call_serves_both_checks(): void {
		$this->configure();
		$calls = 0;
		$last  = array();
		$this->fake_http(
			'workos.invalid',
			static function ( $url, $args ) use ( &$calls, &$last ) {
				++$calls;
				$last = array( $url, $args );
				return self::response( 200, array( 'date' => gmdate( 'D, d M Y H:i:s \G\M\T' ) ) );
			}
		);
		$this->run_checks( 'workos_api', 'clock_skew' );
		$this->assertSame( 1, $calls );
		list( $url, $args ) = $last;
		$this->assertSame( 'https://workos.invalid/organizations?limit=1', $url );
		$this->assertSame( 'GET', $args['method'] );
		$this->assertSame( 'Bearer ' . self::API_KEY, $args['headers']['Authorization'] );
	}

	// ----------------------------------------------------------------------- loopback

	public function test_the_real_callback_url_is_not_cacheable(): void {
		$check = $this->check( 'callback_cache' );
		$this->assertSame( 'pass', $check['status'], wp_json_encode( $check ) );
		$this->assertSame( home_url( '/workos/callback' ), $check['details']['url'] );
	}

	/** @return array<string,array{0:mixed,1:string}> */
	public function callback_answers(): array {
		return array(
			'no-store'          => array( self::response( 400, array( 'cache-control' => 'no-store' ) ), 'pass' ),
			'private'           => array( self::response( 302, array( 'cache-control' => 'private, max-age=600' ) ), 'pass' ),
			'public'            => array( self::response( 400, array( 'cache-control' => 'public, max-age=3600' ) ), 'fail' ),
			'max-age only'      => array( self::response( 400, array( 'cache-control' => 'max-age=300' ) ), 'fail' ),
			's-maxage'          => array( self::response( 400, array( 'cache-control' => 'no-cache, s-maxage=60' ) ), 'fail' ),
			'cache hit'         => array( self::response( 400, array( 'cache-control' => 'no-cache', 'x-cache' => 'HIT from edge' ) ), 'fail' ),
			'cloudflare hit'    => array( self::response( 400, array( 'cache-control' => 'no-cache', 'cf-cache-status' => 'HIT' ) ), 'fail' ),
			'aged'              => array( self::response( 400, array( 'cache-control' => 'no-cache', 'age' => '42' ) ), 'fail' ),
			'no header'         => array( self::response( 400 ), 'warn' ),
			'rewrite rule gone' => array( self::response( 404, array( 'cache-control' => 'no-cache' ) ), 'fail' ),
			'unreachable'       => array( new WP_Error( 'http_request_failed', 'Connection refused' ), 'warn' ),
		);
	}

	/**
	 * @dataProvider callback_answers
	 * @param mixed $answer
	 */
	public function test_callback_cache_verdicts( $answer, string $status ): void {
		$this->fake_http( '/workos/callback', $answer );
		$check = $this->check( 'callback_cache' );
		$this->assertSame( $status, $check['status'], wp_json_encode( $check ) );
	}

	public function test_the_probe_route_tells_whether_its_header_arrived(): void {
		wp_set_current_user( 0 ); // public: the loopback carries no credentials
		$probe = static function ( ?string $header ): array {
			$request = new WP_REST_Request( 'GET', '/workos/v1/diagnostics/authorization-probe' );
			if ( null !== $header ) {
				$request->set_header( 'Authorization', $header );
			}
			$response = rest_do_request( $request );
			return array( $response->get_status(), $response->get_data(), $response->get_headers() );
		};
		list( $status, $data, $headers ) = $probe( AuthorizationProbe::header_value() );
		$this->assertSame( 200, $status );
		$this->assertSame( array( 'received' => true, 'verified' => true ), $data );
		$this->assertSame( 'no-store', $headers['Cache-Control'] );
		$this->assertSame( array( 'received' => true, 'verified' => false ), $probe( AuthorizationProbe::header_value( time() - 120 ) )[1], 'stale' );
		$this->assertSame( array( 'received' => true, 'verified' => false ), $probe( 'WorkOS-Probe 123.' . str_repeat( 'a', 64 ) )[1], 'forged' );
		$this->assertSame( array( 'received' => true, 'verified' => false ), $probe( 'Basic ' . base64_encode( 'x:y' ) )[1] ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- a test header.
		$this->assertSame( array( 'received' => false, 'verified' => false ), $probe( null )[1] );
	}

	/** Loopback answered by dispatching the probe route in this process, with the headers $pass keeps. */
	private function loopback_in_process( callable $pass ): void {
		$this->fake_http(
			'/diagnostics/authorization-probe',
			static function ( $url, $args ) use ( $pass ) {
				$request = new WP_REST_Request( 'GET', '/workos/v1/diagnostics/authorization-probe' );
				foreach ( $pass( (array) $args['headers'] ) as $name => $value ) {
					$request->set_header( $name, $value );
				}
				$response = rest_do_request( $request );
				return self::response( $response->get_status(), array(), (string) wp_json_encode( $response->get_data() ) );
			}
		);
	}

	public function test_authorization_header_verdicts(): void {
		$this->loopback_in_process(
			static function ( array $headers ): array {
				return $headers;
			}
		);
		$this->assertSame( 'pass', $this->check( 'authorization_header' )['status'] );

		$this->loopback_in_process(
			static function (): array {
				return array(); // a server that drops the header
			}
		);
		$dropped = $this->check( 'authorization_header' );
		$this->assertSame( 'fail', $dropped['status'] );
		$this->assertStringContainsString( 'CGIPassAuth', $dropped['advice'] );

		$this->loopback_in_process(
			static function (): array {
				return array( 'Authorization' => 'Basic cHJveHk6cHJveHk=' ); // a proxy that replaces it
			}
		);
		$this->assertSame( 'warn', $this->check( 'authorization_header' )['status'] );

		$this->fake_http( '/diagnostics/authorization-probe', self::response( 401, array(), '<html>Restricted</html>' ) );
		$this->assertSame( 'warn', $this->check( 'authorization_header' )['status'] );

		$this->fake_http( '/diagnostics/authorization-probe', new WP_Error( 'http_request_failed', 'Loopback blocked' ) );
		$this->assertSame( 'warn', $this->check( 'authorization_header' )['status'] );
	}

	public function test_a_check_that_throws_is_a_fail_of_its_own(): void {
		$this->fake_http(
			'/workos/callback',
			static function () {
				throw new RuntimeException( 'boom' );
			}
		);
		$checks = $this->run_checks( 'php_version', 'callback_cache' );
		$this->assertSame( 'pass', $checks['php_version']['status'] );
		$this->assertSame( 'fail', $checks['callback_cache']['status'] );
		$this->assertStringContainsString( 'boom', $checks['callback_cache']['summary'] );
	}

	// ---------------------------------------------------------------- cron, webhooks, sign-in

	public function test_wp_cron(): void {
		$cron = _get_cron_array();
		foreach ( $cron as $timestamp => $hooks ) {
			foreach ( array_keys( $hooks ) as $hook ) {
				if ( 0 === strpos( $hook, 'workos_' ) ) {
					unset( $cron[ $timestamp ][ $hook ] );
				}
			}
		}
		_set_cron_array( array_filter( $cron ) );
		$calm = $this->check( 'wp_cron' );
		$this->assertSame( 'pass', $calm['status'] );
		$this->assertSame( defined( 'DISABLE_WP_CRON' ) && DISABLE_WP_CRON, $calm['details']['disabled'] );

		wp_schedule_single_event( time() + 300, 'workos_push_process' );
		$this->assertSame( 'pass', $this->check( 'wp_cron' )['status'], 'a future event is not overdue' );

		wp_schedule_single_event( time() - 7200, 'workos_audit_process' );
		$late = $this->check( 'wp_cron' );
		$this->assertSame( 'fail', $late['status'] );
		$this->assertSame( array( 'workos_audit_process' ), array_keys( $late['details']['overdue_seconds'] ) );
		$this->assertGreaterThanOrEqual( 7200, $late['details']['overdue_seconds']['workos_audit_process'] );
		$this->assertStringContainsString( 'wp-cron.php', $late['advice'] );

		wp_schedule_single_event( time() - 7200, 'some_other_plugin_hook' );
		$this->assertSame( array( 'workos_audit_process' ), array_keys( $this->check( 'wp_cron' )['details']['overdue_seconds'] ), 'only our hooks' );
	}

	public function test_webhook_secret(): void {
		$missing = $this->check( 'webhook_secret' );
		$this->assertSame( 'fail', $missing['status'] );
		$this->assertSame( 'none', $missing['details']['source'] );

		update_option( 'workos_staging', array( 'webhook_secret' => self::WEBHOOK_SECRET ) );
		$set = $this->check( 'webhook_secret' );
		$this->assertSame( 'pass', $set['status'] );
		$this->assertSame( 'database', $set['details']['source'] );
		$this->assertStringNotContainsString( 'QRST', (string) wp_json_encode( $set ), 'not even the last characters' );

		update_option( 'workos_active_environment', 'production' );
		$this->assertSame( 'fail', $this->check( 'webhook_secret' )['status'], 'the active environment counts' );
	}

	public function test_last_webhook(): void {
		global $wpdb;
		$wpdb->query( 'DELETE FROM ' . EventStore::events_table() );
		$wpdb->query( 'DELETE FROM ' . Logger::table() );

		$none = $this->check( 'last_webhook' );
		$this->assertSame( 'warn', $none['status'] );
		$this->assertStringContainsString( rest_url( 'workos/v1/webhook' ), $none['advice'] );

		$wpdb->insert( EventStore::events_table(), array( 'event_id' => 'event_diag_1', 'event_type' => 'user.updated', 'object_id' => 'user_1', 'received_at' => gmdate( 'Y-m-d H:i:s', time() - 60 ), 'outcome' => 'applied' ) );
		$ok = $this->check( 'last_webhook' );
		$this->assertSame( 'pass', $ok['status'] );
		$this->assertSame( 'user.updated', $ok['details']['last_event']['event_type'] );
		$this->assertSame( 'applied', $ok['details']['last_event']['outcome'] );

		$wpdb->insert( Logger::table(), array( 'event_type' => 'webhook_rejected', 'metadata' => '{"code":"workos_invalid_signature","status":401,"reason":"signature_mismatch"}', 'created_at' => gmdate( 'Y-m-d H:i:s' ) ) );
		$refused = $this->check( 'last_webhook' );
		$this->assertSame( 'warn', $refused['status'] );
		$this->assertSame( 'signature_mismatch', $refused['details']['last_refusal']['reason'] );
		$this->assertStringContainsString( 'secret', $refused['advice'] );
	}

	public function test_break_glass(): void {
		$this->assertSame( 'pass', $this->check( 'break_glass' )['status'], 'WorkOS off: nothing to bypass' );
		$this->configure();
		$open = $this->check( 'break_glass' );
		$this->assertSame( 'warn', $open['status'], 'fallback defaults to on' );
		$this->assertTrue( $open['details']['allow_password_fallback'] );
		$this->configure( array( 'allow_password_fallback' => false ) );
		$closed = $this->check( 'break_glass' );
		$this->assertSame( 'pass', $closed['status'] );
		$this->assertNotSame( '', $closed['advice'], 'how to get in if WorkOS is down' );
	}

	public function test_no_secret_in_a_full_run(): void {
		$this->configure();
		update_option( 'workos_production', array( 'api_key' => 'sk_live_production_secret_987654321', 'webhook_secret' => 'whsec_production_secret_987654321' ) );
		$this->fake_http( 'workos.invalid', self::response( 403, array(), '{"message":"key ' . self::API_KEY . ' and ' . self::WEBHOOK_SECRET . ' and sk_live_production_secret_987654321"}' ) );
		$json = (string) wp_json_encode( $this->rest( 'GET', self::ROUTE )->get_data() );
		foreach ( array( self::API_KEY, self::WEBHOOK_SECRET, 'sk_live_production_secret_987654321', 'whsec_production_secret_987654321' ) as $secret ) {
			$this->assertStringNotContainsString( $secret, $json );
		}
		$this->assertStringContainsString( '[redacted]', $json );
	}
}

