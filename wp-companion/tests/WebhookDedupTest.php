<?php
/**
 * Deduplication by event id and ordering by the object's updated_at (schema 4 tables), over real
 * HTTP to the served site — including identical deliveries racing on parallel PHP workers — and
 * in-process for what HTTP cannot provoke: a transient handler failure (503, not recorded, the
 * redelivery applied) and a permanent one (200, recorded and logged as failed).
 *
 * @package WorkOSCompanion
 */

require_once __DIR__ . '/support/WebhookSite.php';

use WorkOSCompanion\Database\Schema;
use WorkOSCompanion\Webhook\Dispatcher;
use WorkOSCompanion\Webhook\EventStore;
use WorkOSCompanion\Webhook\HandlerResult;
use WorkOSCompanion\Webhook\Signature;
use WorkOSCompanion\Webhook\TransientFailure;

/** Test handler: fails transiently while $fail_next is set, then applies. */
final class WebhookDedupTestFlakyHandler {
	/** @var int */
	public static $fail_next = 0;
	/** @var int */
	public static $applied = 0;
	/** @var string */
	public static $mode = 'transient';

	public function handle( string $action, array $event ): HandlerResult {
		global $wpdb;
		if ( self::$fail_next > 0 ) {
			--self::$fail_next;
			if ( 'transient' === self::$mode ) {
				throw new TransientFailure( 'database is down' );
			}
			if ( 'db_gone' === self::$mode ) {
				$wpdb->last_error = 'MySQL server has gone away';
				throw new RuntimeException( 'query failed' );
			}
			throw new RuntimeException( 'this payload cannot be applied' );
		}
		++self::$applied;
		return HandlerResult::applied( 'test', array( 'thing' => (string) $event['data']['id'] ) );
	}
}

final class WebhookDedupTest extends WPTestCase {
	/** @var string */
	private $org_id;

	protected function setUp(): void {
		parent::setUp();
		$this->org_id = 'org_dedup_' . strtolower( bin2hex( random_bytes( 6 ) ) );
	}

	protected function tearDown(): void {
		WebhookSite::exec_sql( 'DELETE FROM wp_workos_organizations WHERE workos_org_id = ?', array( $this->org_id ) );
		remove_all_filters( 'workos_webhook_handler_class' );
		parent::tearDown();
	}

	/** @return array<string,mixed> */
	private function org( string $name, int $updated_ms ): array {
		return array(
			'object'     => 'organization',
			'id'         => $this->org_id,
			'name'       => $name,
			'domains'    => array(),
			'created_at' => '2026-01-01T00:00:00.000Z',
			'updated_at' => WebhookSite::iso( $updated_ms ),
		);
	}

	private function served_name(): ?string {
		$row = WebhookSite::row( 'SELECT name FROM wp_workos_organizations WHERE workos_org_id = ?', array( $this->org_id ) );
		return $row ? $row['name'] : null;
	}

	// ------------------------------------------------------------------ over HTTP

	public function test_replayed_event_answers_200_and_changes_nothing(): void {
		WebhookSite::configure();
		$base = 1767225600000;
		$e1   = WebhookSite::event_id();
		$body = WebhookSite::body( 'organization.created', $this->org( 'First', $base ), $e1 );
		$this->assertSame( 'applied', WebhookSite::post( $body, WebhookSite::sign( $body ) )[1]['outcome'] );
		$this->assertSame( 'applied', WebhookSite::send( 'organization.updated', $this->org( 'Second', $base + 1000 ) )[1]['outcome'] );

		// The same delivery again (fresh signature, same event id): nothing changes.
		$answer = WebhookSite::post( $body, WebhookSite::sign( $body ) );
		$this->assertSame( 200, $answer[0] );
		$this->assertSame( 'duplicate', $answer[1]['outcome'] );
		$this->assertSame( 'Second', $this->served_name() );
		$this->assertCount( 1, WebhookSite::rows( 'SELECT id FROM wp_workos_webhook_events WHERE event_id = ?', array( $e1 ) ) );
		$this->assertSame( $e1, WebhookSite::activity( 'webhook_duplicate', 1 )[0]['metadata']['event_id'] );

		// Even a replay with a different body under the same id is ignored.
		$other = WebhookSite::body( 'organization.updated', $this->org( 'Third', $base + 5000 ), $e1 );
		$this->assertSame( 'duplicate', WebhookSite::post( $other, WebhookSite::sign( $other ) )[1]['outcome'] );
		$this->assertSame( 'Second', $this->served_name() );
	}

	public function test_identical_deliveries_in_parallel_are_applied_once(): void {
		WebhookSite::configure();
		$body  = WebhookSite::body( 'organization.created', $this->org( 'Racing', 1767225600000 ) );
		$multi = curl_multi_init();
		$hands = array();
		for ( $i = 0; $i < 8; $i++ ) {
			$ch = curl_init( WebhookSite::endpoint() );
			curl_setopt_array(
				$ch,
				array(
					CURLOPT_POST           => true,
					CURLOPT_POSTFIELDS     => $body,
					CURLOPT_RETURNTRANSFER => true,
					CURLOPT_TIMEOUT        => 30,
					CURLOPT_HTTPHEADER     => array( 'Content-Type: application/json', 'WorkOS-Signature: ' . WebhookSite::sign( $body ) ),
				)
			);
			curl_multi_add_handle( $multi, $ch );
			$hands[] = $ch;
		}
		do {
			$status = curl_multi_exec( $multi, $running );
			if ( $running ) {
				curl_multi_select( $multi, 1.0 );
			}
		} while ( $running && CURLM_OK === $status );
		$outcomes = array();
		foreach ( $hands as $ch ) {
			$this->assertSame( 200, (int) curl_getinfo( $ch, CURLINFO_RESPONSE_CODE ), (string) curl_multi_getcontent( $ch ) );
			$outcomes[] = json_decode( (string) curl_multi_getcontent( $ch ), true )['outcome'] ?? '';
			curl_multi_remove_handle( $multi, $ch );
		}
		curl_multi_close( $multi );
		$counts = array_count_values( $outcomes );
		$this->assertSame( 1, $counts['applied'] ?? 0, wp_json_encode( $outcomes ) );
		$this->assertSame( 7, $counts['duplicate'] ?? 0, wp_json_encode( $outcomes ) );
		$this->assertCount( 1, WebhookSite::rows( 'SELECT id FROM wp_workos_organizations WHERE workos_org_id = ?', array( $this->org_id ) ) );
	}

	public function test_out_of_order_update_does_not_overwrite_newer_data(): void {
		WebhookSite::configure();
		$t = 1767225600000;
		$this->assertSame( 'applied', WebhookSite::send( 'organization.created', $this->org( 'Created', $t ) )[1]['outcome'] );
		$this->assertSame( 'applied', WebhookSite::send( 'organization.updated', $this->org( 'Newer', $t + 2 ) )[1]['outcome'] );

		// One millisecond older than what was applied: stale, answered 200, nothing changes.
		$id     = WebhookSite::event_id();
		$answer = WebhookSite::send( 'organization.updated', $this->org( 'Older', $t + 1 ), $id );
		$this->assertSame( 200, $answer[0] );
		$this->assertSame( 'stale', $answer[1]['outcome'] );
		$this->assertSame( 'Newer', $this->served_name() );
		$this->assertSame( 'stale', WebhookSite::row( 'SELECT outcome FROM wp_workos_webhook_events WHERE event_id = ?', array( $id ) )['outcome'] );
		$log = WebhookSite::activity( 'webhook_stale', 1 )[0]['metadata'];
		$this->assertSame( $id, $log['event_id'] );
		$this->assertSame( 'older_than_applied', $log['reason'] );
		$this->assertSame( $t + 2, (int) WebhookSite::row( 'SELECT updated_at_ms FROM wp_workos_object_versions WHERE object_id = ?', array( $this->org_id ) )['updated_at_ms'] );

		// The same updated_at again is not older: applied.
		$this->assertSame( 'applied', WebhookSite::send( 'organization.updated', $this->org( 'Same instant', $t + 2 ) )[1]['outcome'] );
		$this->assertSame( 'Same instant', $this->served_name() );
		// A deletion older than the last update is stale too; a newer one applies.
		$this->assertSame( 'stale', WebhookSite::send( 'organization.deleted', $this->org( 'Created', $t ) )[1]['outcome'] );
		$this->assertNotNull( $this->served_name() );
		$this->assertSame( 'applied', WebhookSite::send( 'organization.deleted', $this->org( 'Same instant', $t + 3 ) )[1]['outcome'] );
		$this->assertNull( $this->served_name() );
	}

	// ------------------------------------------------------------------ in-process

	private function flaky( string $mode, int $failures ): void {
		EmulatorEnvironment::configure_site( 'staging', array( 'enable_activity_log' => true ) );
		WebhookDedupTestFlakyHandler::$mode      = $mode;
		WebhookDedupTestFlakyHandler::$fail_next = $failures;
		WebhookDedupTestFlakyHandler::$applied   = 0;
		add_filter(
			'workos_webhook_handler_class',
			static function ( $class, $type ) {
				return 'test.flaky' === $type ? WebhookDedupTestFlakyHandler::class : $class;
			},
			10,
			2
		);
	}

	private function deliver( string $body ): WP_REST_Response {
		$request = new WP_REST_Request( 'POST', '/workos/v1/webhook' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_header( 'WorkOS-Signature', Signature::header( $body, EmulatorEnvironment::credentials()['webhook_secret'] ) );
		$request->set_body( $body );
		return rest_do_request( $request );
	}

	public function test_transient_failure_answers_503_and_the_retry_is_applied(): void {
		foreach ( array( 'transient', 'db_gone' ) as $mode ) {
			$this->flaky( $mode, 1 );
			$id   = WebhookSite::event_id();
			$body = WebhookSite::body( 'test.flaky', array( 'id' => 'thing_' . $mode ), $id );

			$first = $this->deliver( $body );
			$this->assertSame( 503, $first->get_status(), $mode );
			$this->assertSame( 'workos_webhook_retry', $first->get_data()['code'] );
			$this->assertNull( EventStore::find( $id ), 'a transient failure is not recorded as processed' );
			$this->assertSame( 0, WebhookDedupTestFlakyHandler::$applied );

			$retry = $this->deliver( $body );
			$this->assertSame( 200, $retry->get_status() );
			$this->assertSame( 'applied', $retry->get_data()['outcome'] );
			$this->assertSame( 1, WebhookDedupTestFlakyHandler::$applied );
			$this->assertSame( 'applied', EventStore::find( $id )['outcome'] );
			$this->assertSame( 'duplicate', $this->deliver( $body )->get_data()['outcome'] );
			$this->assertSame( 1, WebhookDedupTestFlakyHandler::$applied );
		}
	}

	public function test_permanent_failure_is_logged_and_answered_200(): void {
		global $wpdb;
		$this->flaky( 'permanent', 1 );
		$id       = WebhookSite::event_id();
		$response = $this->deliver( WebhookSite::body( 'test.flaky', array( 'id' => 'thing_p' ), $id ) );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'failed', $response->get_data()['outcome'] );
		$row = EventStore::find( $id );
		$this->assertSame( 'failed', $row['outcome'] );
		$this->assertStringContainsString( 'cannot be applied', $row['reason'] );
		$log = $wpdb->get_var( $wpdb->prepare( "SELECT metadata FROM {$wpdb->prefix}workos_activity_log WHERE event_type = 'webhook_failed' AND metadata LIKE %s", '%' . $wpdb->esc_like( $id ) . '%' ) );
		$this->assertNotNull( $log, 'a webhook_failed activity row' );
		$this->assertSame( 0, WebhookDedupTestFlakyHandler::$applied );
	}

	public function test_handler_classes_follow_the_convention(): void {
		$this->assertSame( array( 'WorkOSCompanion\\Webhook\\Handlers\\UserHandler', 'deleted' ), Dispatcher::route( 'user.deleted' ) );
		$this->assertSame( array( 'WorkOSCompanion\\Webhook\\Handlers\\OrganizationMembershipHandler', 'updated' ), Dispatcher::route( 'organization_membership.updated' ) );
		$this->assertSame( array( 'WorkOSCompanion\\Webhook\\Handlers\\OrganizationHandler', 'created' ), Dispatcher::route( 'organization.created' ) );
		$this->assertNull( Dispatcher::route( 'session.created' ), 'no SessionHandler: unknown' );
		$this->assertNull( Dispatcher::route( 'user' ) );
		$this->assertNull( Dispatcher::route( '../../etc.passwd' ) );
		$this->assertNull( Dispatcher::route( 'User.Created' ) );
	}

	public function test_timestamps_keep_milliseconds(): void {
		$this->assertSame( 1767225600123, EventStore::to_ms( '2026-01-01T00:00:00.123Z' ) );
		$this->assertSame( 1767225600000, EventStore::to_ms( '2026-01-01T00:00:00Z' ) );
		$this->assertSame( 1767225600093, EventStore::to_ms( '2026-01-01 00:00:00.093' ) );
		$this->assertSame( 1767225600649, EventStore::to_ms( '2026-01-01 00:00:00.649164' ) );
		$this->assertSame( 1767225600500, EventStore::to_ms( '2026-01-01T01:00:00.5+01:00' ) );
		$this->assertSame( 0, EventStore::to_ms( 'yesterday' ) );
		$this->assertSame( 0, EventStore::to_ms( null ) );
	}

	public function test_schema_4_tables_and_upgrade_from_3(): void {
		global $wpdb;
		$this->assertSame( 4, Schema::VERSION );
		$this->snapshot_options( array( Schema::VERSION_OPTION ) );
		$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}workos_object_versions" );
		update_option( Schema::VERSION_OPTION, 3 );
		$wpdb->query( 'COMMIT' );
		Schema::maybe_upgrade();
		$this->assertSame( 4, Schema::installed_version() );
		foreach ( array( 'workos_webhook_events', 'workos_object_versions' ) as $table ) {
			$this->assertSame( $wpdb->prefix . $table, $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->prefix . $table ) ) );
		}
		$unique = $wpdb->get_results( "SHOW INDEX FROM {$wpdb->prefix}workos_webhook_events WHERE Key_name = 'idx_event_id'", ARRAY_A );
		$this->assertSame( '0', (string) $unique[0]['Non_unique'] );
		$this->assertSame( 'event_id', $unique[0]['Column_name'] );
	}
}
