<?php
/**
 * POST /wp-json/workos/v1/webhook over real HTTP to the served sandbox site: every bad input of
 * issue 5 gets a clear 4xx (or 413) answer, an activity-log row, and lets nothing in; a correctly
 * signed event is applied. The signature scheme itself is checked against workos-api.md's vector.
 *
 * @package WorkOSCompanion
 */

require_once __DIR__ . '/support/WebhookSite.php';

use WorkOSCompanion\Webhook\Signature;

final class WebhookReceiverTest extends WPTestCase {
	/** @var string */
	private $org_id;

	protected function setUp(): void {
		parent::setUp();
		WebhookSite::configure();
		$this->org_id = 'org_recv_' . strtolower( bin2hex( random_bytes( 6 ) ) );
	}

	protected function tearDown(): void {
		WebhookSite::exec_sql( 'DELETE FROM wp_workos_organizations WHERE workos_org_id = ?', array( $this->org_id ) );
		WebhookSite::configure();
		parent::tearDown();
	}

	/** A body that would create an organization if let in. */
	private function org_body( ?string $event_id = null ): string {
		return WebhookSite::body(
			'organization.created',
			array(
				'object'     => 'organization',
				'id'         => $this->org_id,
				'name'       => 'Receiver ' . $this->org_id,
				'domains'    => array(),
				'created_at' => '2026-01-01T00:00:00.000Z',
				'updated_at' => '2026-01-01T00:00:00.000Z',
			),
			$event_id
		);
	}

	private function assertNothingLetIn( string $body ): void {
		$this->assertNull( WebhookSite::row( 'SELECT id FROM wp_workos_organizations WHERE workos_org_id = ?', array( $this->org_id ) ), 'the organization was not created' );
		$event = json_decode( $body, true );
		if ( is_array( $event ) && isset( $event['id'] ) && is_string( $event['id'] ) ) {
			$this->assertNull( WebhookSite::row( 'SELECT id FROM wp_workos_webhook_events WHERE event_id = ?', array( $event['id'] ) ), 'the event was not recorded as received' );
		}
	}

	/**
	 * @param array{0:int,1:mixed} $answer
	 */
	private function assertRejected( array $answer, int $status, string $code, ?string $reason, int $log_after ): void {
		$this->assertSame( $status, $answer[0], wp_json_encode( $answer[1] ) );
		$this->assertSame( $code, $answer[1]['code'] ?? null );
		$this->assertNotEmpty( $answer[1]['message'] ?? '' );
		if ( null !== $reason ) {
			$this->assertSame( $reason, $answer[1]['data']['reason'] ?? null );
		}
		$log = WebhookSite::activity( 'webhook_rejected', 1 );
		$this->assertNotEmpty( $log, 'a webhook_rejected activity row' );
		$this->assertGreaterThan( $log_after, (int) $log[0]['id'] );
		$this->assertSame( $code, $log[0]['metadata']['code'] );
		$this->assertSame( $status, $log[0]['metadata']['status'] );
	}

	public function test_signature_matches_the_workos_api_test_vector(): void {
		$body = '{"id":"event_01JGZ7Y3M8S6W9QF0T2V4X5B7C","event":"user.created","data":{"object":"user","id":"user_01JGZ7Y3M8S6W9QF0T2V4X5B7D","email":"ada@example.com"},"created_at":"2026-01-01T00:00:00.000Z"}';
		$this->assertSame( 194, strlen( $body ) );
		$this->assertSame( 't=1767225600000, v1=e5fb5b9200c21e7b4beb99d4388073a58e42beabb0ba48c49f5247dfebfece08', Signature::header( $body, 'whsec_test_emulator_secret', 1767225600000 ) );
		$this->assertTrue( Signature::verify( 't=1767225600000, v1=e5fb5b9200c21e7b4beb99d4388073a58e42beabb0ba48c49f5247dfebfece08', $body, 'whsec_test_emulator_secret', 1767225600000 + 1000 ) );
		$this->assertTrue( Signature::verify( 't=1767225600000,v1=E5FB5B9200C21E7B4BEB99D4388073A58E42BEABB0BA48C49F5247DFEBFECE08', $body, 'whsec_test_emulator_secret', 1767225600000 ), 'spaces optional, hex case-insensitive' );
		$this->assertTrue( is_wp_error( Signature::verify( 't=1767225600000, v1=e5fb5b9200c21e7b4beb99d4388073a58e42beabb0ba48c49f5247dfebfece08', $body . ' ', 'whsec_test_emulator_secret', 1767225600000 ) ), 'one byte more breaks it' );
	}

	public function test_correctly_signed_event_is_applied(): void {
		$body   = $this->org_body();
		$answer = WebhookSite::post( $body, WebhookSite::sign( $body ) );
		$this->assertSame( 200, $answer[0], wp_json_encode( $answer[1] ) );
		$this->assertSame( array( 'ok' => true, 'outcome' => 'applied' ), $answer[1] );
		$this->assertNotNull( WebhookSite::row( 'SELECT id FROM wp_workos_organizations WHERE workos_org_id = ?', array( $this->org_id ) ) );
		$event = json_decode( $body, true );
		$row   = WebhookSite::row( 'SELECT * FROM wp_workos_webhook_events WHERE event_id = ?', array( $event['id'] ) );
		$this->assertSame( 'applied', $row['outcome'] );
		$this->assertSame( 'organization.created', $row['event_type'] );
		$this->assertSame( $this->org_id, $row['object_id'] );
		$log = WebhookSite::activity( 'webhook_applied', 1 );
		$this->assertSame( $event['id'], $log[0]['metadata']['event_id'] );
		$this->assertSame( array( 'organization' => $this->org_id ), $log[0]['metadata']['object_ids'] );
		$this->assertSame( 'applied', $log[0]['metadata']['outcome'] );
	}

	public function test_missing_and_empty_header(): void {
		$body = $this->org_body();
		$mark = WebhookSite::max_activity_id();
		$this->assertRejected( WebhookSite::post( $body, null ), 401, 'workos_missing_signature', null, $mark );
		$mark = WebhookSite::max_activity_id();
		$this->assertRejected( WebhookSite::post( $body, '' ), 401, 'workos_missing_signature', null, $mark );
		$mark = WebhookSite::max_activity_id();
		$this->assertRejected( WebhookSite::post( $body, '   ' ), 401, 'workos_missing_signature', null, $mark );
		$this->assertNothingLetIn( $body );
	}

	public function test_garbled_headers(): void {
		$body  = $this->org_body();
		$valid = WebhookSite::sign( $body );
		list( $t, $v1 ) = array( substr( explode( ',', $valid )[0], 2 ), substr( trim( explode( ',', $valid )[1] ), 3 ) );
		foreach ( array( 'garbage', 'v1=' . $v1, 't=' . $t, 't=, v1=' . $v1, 't=' . $t . ', v1=', 't=abc, v1=' . $v1, 't=' . $t . ', v1=not-hex!', 't=' . $t . ' v1=' . $v1 ) as $header ) {
			$mark = WebhookSite::max_activity_id();
			$this->assertRejected( WebhookSite::post( $body, $header ), 401, 'workos_invalid_signature', 'malformed_header', $mark );
		}
		$this->assertNothingLetIn( $body );
	}

	public function test_wrong_secret_and_tampered_body(): void {
		$body = $this->org_body();
		$mark = WebhookSite::max_activity_id();
		$this->assertRejected( WebhookSite::post( $body, WebhookSite::sign( $body, 'whsec_wrong_secret' ) ), 401, 'workos_invalid_signature', 'signature_mismatch', $mark );
		$mark = WebhookSite::max_activity_id();
		$this->assertRejected( WebhookSite::post( $body, WebhookSite::sign( $body . "\n" ) ), 401, 'workos_invalid_signature', 'signature_mismatch', $mark );
		$this->assertNothingLetIn( $body );
	}

	public function test_stale_and_future_timestamps(): void {
		$body = $this->org_body();
		$mark = WebhookSite::max_activity_id();
		$this->assertRejected( WebhookSite::post( $body, WebhookSite::sign( $body, null, WebhookSite::now_ms() - 181000 ) ), 401, 'workos_invalid_signature', 'timestamp_too_old', $mark );
		$mark = WebhookSite::max_activity_id();
		$this->assertRejected( WebhookSite::post( $body, WebhookSite::sign( $body, null, WebhookSite::now_ms() + 181000 ) ), 401, 'workos_invalid_signature', 'timestamp_in_future', $mark );
		$this->assertNothingLetIn( $body );

		// Inside the 180 s window, past or future, it goes through.
		$answer = WebhookSite::post( $body, WebhookSite::sign( $body, null, WebhookSite::now_ms() - 170000 ) );
		$this->assertSame( 200, $answer[0], wp_json_encode( $answer[1] ) );
		$future = $this->org_body();
		$this->assertSame( 200, WebhookSite::post( $future, WebhookSite::sign( $future, null, WebhookSite::now_ms() + 170000 ) )[0] );
	}

	public function test_tolerance_is_configurable_by_option(): void {
		WebhookSite::php( 'update_option( "workos_webhook_tolerance", 30 ); echo "true";' );
		try {
			$body = $this->org_body();
			$mark = WebhookSite::max_activity_id();
			$this->assertRejected( WebhookSite::post( $body, WebhookSite::sign( $body, null, WebhookSite::now_ms() - 60000 ) ), 401, 'workos_invalid_signature', 'timestamp_too_old', $mark );
		} finally {
			WebhookSite::php( 'delete_option( "workos_webhook_tolerance" ); echo "true";' );
		}
		$this->assertSame( 200, WebhookSite::post( $body, WebhookSite::sign( $body, null, WebhookSite::now_ms() - 60000 ) )[0], 'the default 180 s again' );
	}

	public function test_timestamp_in_seconds(): void {
		$body = $this->org_body();
		$mark = WebhookSite::max_activity_id();
		$this->assertRejected( WebhookSite::post( $body, WebhookSite::sign( $body, null, time() ) ), 401, 'workos_invalid_signature', 'timestamp_in_seconds', $mark );
		$this->assertNothingLetIn( $body );
	}

	public function test_malformed_json(): void {
		foreach ( array( '{"id":"event_x","event":"organization.created",', 'not json at all', '"a string"', '[1,2,3]' ) as $body ) {
			$mark = WebhookSite::max_activity_id();
			$this->assertRejected( WebhookSite::post( $body, WebhookSite::sign( $body ) ), 400, 'workos_webhook_invalid_json', null, $mark );
		}
		$this->assertNothingLetIn( '{}' );
	}

	public function test_missing_fields(): void {
		$full = json_decode( $this->org_body(), true );
		foreach ( array( 'id', 'event', 'data' ) as $field ) {
			$event = $full;
			unset( $event[ $field ] );
			$body = (string) wp_json_encode( $event );
			$mark = WebhookSite::max_activity_id();
			$answer = WebhookSite::post( $body, WebhookSite::sign( $body ) );
			$this->assertRejected( $answer, 400, 'workos_invalid_event_payload', null, $mark );
			$this->assertContains( $field, $answer[1]['data']['fields'] );
			$this->assertNothingLetIn( $body );
		}
		$event       = $full;
		$event['id'] = '';
		$body        = (string) wp_json_encode( $event );
		$this->assertSame( 400, WebhookSite::post( $body, WebhookSite::sign( $body ) )[0], 'an empty id is missing too' );
		$this->assertNothingLetIn( $body );
	}

	public function test_unknown_event_answers_200_and_is_logged(): void {
		$id     = WebhookSite::event_id();
		$body   = WebhookSite::body( 'pipes.connected_account.created', array( 'id' => 'thing_1' ), $id );
		$answer = WebhookSite::post( $body, WebhookSite::sign( $body ) );
		$this->assertSame( 200, $answer[0] );
		$this->assertSame( 'unknown', $answer[1]['outcome'] );
		$log = WebhookSite::activity( 'webhook_unknown', 1 );
		$this->assertSame( $id, $log[0]['metadata']['event_id'] );
		$this->assertSame( 'pipes.connected_account.created', $log[0]['metadata']['event'] );
		$this->assertSame( 'unknown', WebhookSite::row( 'SELECT outcome FROM wp_workos_webhook_events WHERE event_id = ?', array( $id ) )['outcome'] );
	}

	public function test_body_over_the_limit_is_413_before_parsing(): void {
		// Not JSON and not signed: a 413 proves the size check runs before either.
		$body = str_repeat( 'x', 1048577 );
		$mark = WebhookSite::max_activity_id();
		$this->assertRejected( WebhookSite::post( $body, 'garbage' ), 413, 'workos_webhook_too_large', null, $mark );

		$event                 = json_decode( $this->org_body(), true );
		$event['data']['note'] = str_repeat( 'y', 1048576 );
		$body                  = (string) wp_json_encode( $event );
		$mark                  = WebhookSite::max_activity_id();
		$this->assertRejected( WebhookSite::post( $body, WebhookSite::sign( $body ) ), 413, 'workos_webhook_too_large', null, $mark );
		$this->assertNothingLetIn( $body );
	}

	public function test_secret_not_configured(): void {
		WebhookSite::configure( array( 'webhook_secret' => '' ) );
		$body = $this->org_body();
		$mark = WebhookSite::max_activity_id();
		$this->assertRejected( WebhookSite::post( $body, WebhookSite::sign( $body ) ), 403, 'workos_webhook_not_configured', null, $mark );
		$this->assertNothingLetIn( $body );
	}

	public function test_get_is_not_a_route(): void {
		$response = wp_remote_get( WebhookSite::endpoint(), array( 'timeout' => 20 ) );
		$this->assertSame( 404, (int) wp_remote_retrieve_response_code( $response ) );
	}
}
