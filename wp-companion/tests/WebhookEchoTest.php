<?php
/**
 * The webhook echo in-process: POST /admin/diagnostics/webhook-echo prepares an envelope, the
 * receiver (dispatched in this process) records a verified echo without claiming, dispatching or
 * firing anything, records refusals only of prepared bodies, and GET …/webhook-echo/{id} reports.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Webhook\EventStore;
use WorkOSCompanion\Webhook\Signature;
use WorkOSCompanion\Webhook\WebhookEcho;

final class WebhookEchoTest extends WPTestCase {
	private const PREPARE = '/workos/v1/admin/diagnostics/webhook-echo';
	private const SECRET  = 'whsec_echo_test_0123456789abcdef';

	protected function setUp(): void {
		parent::setUp();
		$this->snapshot_options( array( 'workos_staging', 'workos_active_environment' ) );
		update_option( 'workos_active_environment', 'staging' );
		update_option(
			'workos_staging',
			array(
				'webhook_secret'      => self::SECRET,
				'enable_activity_log' => true,
			)
		);
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	/** POSTs a body to the webhook route in-process, signed with $secret (null: no header). */
	private function deliver( string $body, ?string $secret = self::SECRET, ?int $t = null ): WP_REST_Response {
		$request = new WP_REST_Request( 'POST', '/workos/v1/webhook' );
		$request->set_header( 'Content-Type', 'application/json' );
		if ( null !== $secret ) {
			$request->set_header( 'WorkOS-Signature', Signature::header( $body, $secret, $t ) );
		}
		$request->set_body( $body );
		$response = rest_do_request( $request ); // a WP_Error when refused before dispatch
		return is_wp_error( $response ) ? rest_convert_error_to_response( $response ) : $response;
	}

	private function status_of( string $id ): WP_REST_Response {
		return $this->rest( 'GET', self::PREPARE . '/' . $id );
	}

	private static function count_rows( string $table ): int {
		global $wpdb;
		return (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
	}

	private static function echo_transients(): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( '_transient_workos_echo' ) . '%' ) );
	}

	public function test_prepare_sign_deliver_report(): void {
		$prepared = $this->rest( 'POST', self::PREPARE );
		$this->assertSame( 201, $prepared->get_status(), wp_json_encode( $prepared->get_data() ) );
		$echo = $prepared->get_data();
		$this->assertMatchesRegularExpression( '/^event_echo_[0-9A-F]{26}$/', $echo['event_id'] );
		$this->assertSame( 'workos_console.echo', $echo['event_type'] );
		$this->assertSame( rest_url( 'workos/v1/webhook' ), $echo['webhook_url'] );
		$this->assertSame( 'WorkOS-Signature', $echo['signature_header'] );
		$this->assertTrue( $echo['secret_set'] );
		$envelope = json_decode( $echo['body'], true );
		$this->assertSame( $echo['event_id'], $envelope['id'] );
		$this->assertSame( 'workos_console.echo', $envelope['event'] );
		$this->assertIsArray( $envelope['data'] );
		$this->assertStringNotContainsString( self::SECRET, (string) wp_json_encode( $echo ) );
		$this->assertStringNotContainsString( 'v1=', $echo['body'], 'the companion signs nothing' );

		$pending = $this->status_of( $echo['event_id'] )->get_data();
		$this->assertSame( 'pending', $pending['status'] );
		$this->assertFalse( $pending['arrived'] );
		$this->assertFalse( $pending['verified'] );
		$this->assertNull( $pending['received_at'] );

		$events   = self::count_rows( EventStore::events_table() );
		$versions = self::count_rows( EventStore::versions_table() );
		$fired    = 0;
		$count    = static function () use ( &$fired ) {
			++$fired;
		};
		add_action( 'workos_webhook', $count );
		add_action( 'workos_webhook_workos_console.echo', $count );

		$answer = $this->deliver( $echo['body'] );
		$this->assertSame( 200, $answer->get_status() );
		$this->assertSame( array( 'ok' => true, 'outcome' => 'echo' ), $answer->get_data() );
		$this->assertSame( 0, $fired, 'no hook: nothing outside can act on an echo' );
		$this->assertSame( $events, self::count_rows( EventStore::events_table() ), 'no dedup row' );
		$this->assertSame( $versions, self::count_rows( EventStore::versions_table() ) );

		$verified = $this->status_of( $echo['event_id'] )->get_data();
		$this->assertSame( 'verified', $verified['status'] );
		$this->assertTrue( $verified['arrived'] );
		$this->assertTrue( $verified['verified'] );
		$this->assertSame( 1, $verified['deliveries'] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $verified['received_at'] );
		$this->assertSame( $pending['issued_at'], $verified['issued_at'] );

		global $wpdb;
		$log = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}workos_activity_log WHERE event_type = %s ORDER BY id DESC LIMIT 1", 'webhook_echo' ), ARRAY_A );
		$this->assertSame( $echo['event_id'], json_decode( $log['metadata'], true )['event_id'] );

		// Sent again (a replay within the tolerance): still only an echo, counted.
		$this->assertSame( 'echo', $this->deliver( $echo['body'] )->get_data()['outcome'] );
		$this->assertSame( 2, $this->status_of( $echo['event_id'] )->get_data()['deliveries'] );
		remove_action( 'workos_webhook', $count );
		remove_action( 'workos_webhook_workos_console.echo', $count );

		// A later bad delivery of the same body does not undo the proof.
		$this->assertSame( 401, $this->deliver( $echo['body'], 'whsec_wrong' )->get_status() );
		$this->assertSame( 'verified', $this->status_of( $echo['event_id'] )->get_data()['status'] );
	}

	public function test_an_echo_that_looks_like_data_changes_nothing(): void {
		global $wpdb;
		$id   = 'event_echo_console_built_1';
		$body = (string) wp_json_encode(
			array(
				'id'         => $id,
				'event'      => 'workos_console.echo',
				'data'       => array(
					'object'     => 'organization',
					'id'         => 'org_echo_must_not_exist',
					'name'       => 'Echo Org',
					'updated_at' => '2026-01-01T00:00:00.000Z',
				),
				'created_at' => '2026-01-01T00:00:00.000Z',
			)
		);
		$this->assertSame( 'echo', $this->deliver( $body )->get_data()['outcome'] );
		$this->assertNull( $wpdb->get_var( $wpdb->prepare( "SELECT id FROM {$wpdb->prefix}workos_organizations WHERE workos_org_id = %s", 'org_echo_must_not_exist' ) ) );
		$this->assertSame( 0, EventStore::applied_version( 'org_echo_must_not_exist' ) );
		$this->assertSame( 'verified', $this->status_of( $id )->get_data()['status'], 'an echo the console built itself is recorded too' );
	}

	/** @return array<string,array{0:?string,1:?int,2:string}> */
	public function refusals(): array {
		return array(
			'wrong secret'   => array( 'whsec_not_the_one', null, 'signature_mismatch' ),
			'no signature'   => array( null, null, 'workos_missing_signature' ),
			'too old'        => array( self::SECRET, (int) floor( microtime( true ) * 1000 ) - 600000, 'timestamp_too_old' ),
			'in the future'  => array( self::SECRET, (int) floor( microtime( true ) * 1000 ) + 600000, 'timestamp_in_future' ),
		);
	}

	/** @dataProvider refusals */
	public function test_refusals_of_a_prepared_body_are_recorded( ?string $secret, ?int $t, string $reason ): void {
		$echo   = $this->rest( 'POST', self::PREPARE )->get_data();
		$answer = $this->deliver( $echo['body'], $secret, $t );
		$this->assertSame( 401, $answer->get_status() );
		$status = $this->status_of( $echo['event_id'] )->get_data();
		$this->assertSame( 'refused', $status['status'] );
		$this->assertTrue( $status['arrived'] );
		$this->assertFalse( $status['verified'] );
		$this->assertSame( $reason, $status['refusal']['reason'] );
		$this->assertSame( 401, $status['refusal']['http_status'] );
	}

	public function test_unprepared_or_altered_bodies_leave_no_record(): void {
		$echo    = $this->rest( 'POST', self::PREPARE )->get_data();
		$altered = str_replace( '"data":{', '"data":{"x":1,', $echo['body'] );
		$this->assertSame( 401, $this->deliver( $altered, 'whsec_not_the_one' )->get_status() );
		$this->assertSame( 'pending', $this->status_of( $echo['event_id'] )->get_data()['status'], 'only the exact prepared bytes are looked up' );

		$before = self::echo_transients();
		$this->deliver( '{"id":"event_echo_x","event":"workos_console.echo","data":{}}', 'whsec_not_the_one' );
		$this->assertSame( $before, self::echo_transients(), 'a refused body nobody prepared writes nothing' );
		$this->assertSame( 404, $this->status_of( 'event_echo_x' )->get_status() );
	}

	public function test_without_a_secret_the_refusal_says_so(): void {
		$echo = $this->rest( 'POST', self::PREPARE )->get_data();
		update_option( 'workos_staging', array( 'enable_activity_log' => true ) );
		$answer = $this->deliver( $echo['body'] );
		$this->assertSame( 403, $answer->get_status() );
		$status = $this->status_of( $echo['event_id'] )->get_data();
		$this->assertSame( 'refused', $status['status'] );
		$this->assertSame( 'workos_webhook_not_configured', $status['refusal']['code'] );
		$this->assertFalse( $this->rest( 'POST', self::PREPARE )->get_data()['secret_set'] );
	}

	public function test_unknown_ids_and_bad_input(): void {
		$unknown = $this->status_of( 'event_never_seen' );
		$this->assertSame( 404, $unknown->get_status() );
		$this->assertSame( 'workos_echo_not_found', $unknown->get_data()['code'] );
		$this->assertSame( 'no-store', $unknown->get_headers()['Cache-Control'] );

		foreach ( array( "event' OR '1'='1", '<script>alert(1)</script>', 'évènement', str_repeat( 'a', 192 ), '' ) as $bad ) {
			$response = $this->status_of( rawurlencode( $bad ) );
			$this->assertSame( 404, $response->get_status(), $bad );
			$this->assertContains( $response->get_data()['code'], array( 'rest_no_route' ), $bad );
		}

		$before = self::echo_transients();
		$extra  = $this->rest_json( 'POST', self::PREPARE, array( 'event_id' => 'event_mine' ) );
		$this->assertSame( 400, $extra->get_status() );
		$this->assertSame( 'workos_unknown_parameter', $extra->get_data()['code'] );
		$this->assertSame( $before, self::echo_transients(), 'nothing prepared' );
		$this->assertSame( 400, $this->rest( 'GET', self::PREPARE . '/event_never_seen', array( 'verbose' => 1 ) )->get_status() );
		$this->assertSame( 404, $this->rest( 'GET', self::PREPARE )->get_status(), 'prepare is POST only' );
	}

	public function test_records_expire(): void {
		$echo = $this->rest( 'POST', self::PREPARE )->get_data();
		$this->assertSame( 900, WebhookEcho::TTL );
		global $wpdb;
		$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = %s WHERE option_name LIKE %s", (string) ( time() - 1 ), $wpdb->esc_like( '_transient_timeout_workos_echo' ) . '%' ) );
		wp_cache_flush();
		$this->assertSame( 404, $this->status_of( $echo['event_id'] )->get_status() );
	}
}
