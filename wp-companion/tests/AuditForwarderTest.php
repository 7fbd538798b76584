<?php
/**
 * Audit events to WorkOS (seed spec §11, issue 4 point 10) against the emulator, whose strict
 * validation answers 422 to any event not in the shape of workos-api.md §6: events are queued
 * during the request (no HTTP), delivered by AuditQueue::process() (WP-Cron's handler) with a
 * stable Idempotency-Key, retried with backoff, given up after MAX_ATTEMPTS or at once when
 * WorkOS refuses the event.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\AuditLog\AuditEvent;
use WorkOSCompanion\AuditLog\AuditForwarder;
use WorkOSCompanion\AuditLog\AuditQueue;

final class AuditForwarderTest extends WPTestCase {
	/** @var string */
	private $org;
	/** @var string */
	private $workos_user;
	/** @var int */
	private $admin;
	/** @var string[] URLs requested while the spy listened. */
	private $requests = array();

	protected function setUp(): void {
		parent::setUp();
		EmulatorEnvironment::reset();
		EmulatorEnvironment::control( 'DELETE', '/_emulator/faults' );
		EmulatorEnvironment::configure_site( 'staging', array( 'audit_logging_enabled' => true ) );
		$this->org         = EmulatorEnvironment::organization_id( 'Acme Corp' );
		$ada               = EmulatorEnvironment::client()->request( 'GET', '/user_management/users', array( 'email' => 'ada@acme.test' ) );
		$this->workos_user = (string) $ada['data'][0]['id'];

		AuditQueue::purge();
		$this->admin = $this->create_user( 'administrator' );
		wp_update_user( array( 'ID' => $this->admin, 'display_name' => 'Ada Lovelace' ) );
		update_user_meta( $this->admin, '_workos_user_id', $this->workos_user );
		update_user_meta( $this->admin, '_workos_org_id', $this->org );
		$_SERVER['REMOTE_ADDR']     = '203.0.113.9';
		$_SERVER['HTTP_USER_AGENT'] = 'AuditForwarderTest/1.0';
		AuditQueue::purge(); // creating and linking the admin queued events of its own.
	}

	protected function tearDown(): void {
		EmulatorEnvironment::control( 'DELETE', '/_emulator/faults' );
		remove_all_filters( 'pre_http_request' );
		remove_all_filters( 'workos_audit_event' );
		remove_all_actions( 'workos_audit_event_failed' );
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
		unset( $_SERVER['HTTP_USER_AGENT'] );
		parent::tearDown();
	}

	/** @return array<int,array<string,mixed>> What the emulator received for an organization. */
	private function received( ?string $org = null ): array {
		return EmulatorEnvironment::control( 'GET', '/_emulator/audit_events?organization_id=' . rawurlencode( $org ?? $this->org ) )['data'];
	}

	/** Counts outgoing HTTP requests without changing them. */
	private function spy_on_http(): void {
		$this->requests = array();
		add_filter(
			'pre_http_request',
			function ( $pre, $args, $url ) {
				$this->requests[] = $url;
				return $pre;
			},
			10,
			3
		);
	}

	private function login_as_admin(): void {
		$user = get_userdata( $this->admin );
		do_action( 'wp_login', $user->user_login, $user );
	}

	public function test_hooks_and_cron_handler_are_registered(): void {
		foreach ( array( 'wp_login' => 'on_login', 'wp_logout' => 'on_logout', 'wp_login_failed' => 'on_login_failed', 'wp_after_insert_post' => 'on_post_saved', 'delete_post' => 'on_post_deleted', 'user_register' => 'on_user_created', 'delete_user' => 'on_user_deleted', 'set_user_role' => 'on_role_changed' ) as $hook => $method ) {
			$this->assertNotFalse( has_action( $hook, array( AuditForwarder::class, $method ) ), $hook );
		}
		$this->assertNotFalse( has_action( AuditQueue::CRON_HOOK, array( AuditQueue::class, 'run_cron' ) ) );
	}

	public function test_a_login_only_queues_the_event_and_never_calls_workos(): void {
		// Were the event sent inline, this latency would show in the login's duration.
		EmulatorEnvironment::control( 'POST', '/_emulator/faults', array( 'path' => '/audit_logs', 'latency_ms' => 3000, 'count' => -1 ) );
		wp_unschedule_hook( AuditQueue::CRON_HOOK );
		$this->spy_on_http();

		$started = microtime( true );
		$this->login_as_admin();
		$elapsed = microtime( true ) - $started;

		// Other features may talk to WorkOS at sign-in; audit forwarding never does.
		$this->assertSame( array(), preg_grep( '#/audit_logs/#', $this->requests ), 'no audit-log request during the login' );
		$this->assertLessThan( 0.5, $elapsed );
		$queue = AuditQueue::all();
		$this->assertCount( 1, $queue );
		$this->assertSame( 'pending', $queue[0]['status'] );
		$this->assertSame( 0, $queue[0]['attempts'] );
		$this->assertSame( 'user.logged_in', $queue[0]['event']['action'] );
		$this->assertSame( $this->org, $queue[0]['organization_id'] );
		$this->assertNotFalse( wp_next_scheduled( AuditQueue::CRON_HOOK ), 'a cron run is scheduled' );
		$this->assertLessThanOrEqual( time(), wp_next_scheduled( AuditQueue::CRON_HOOK ) );
		$this->assertSame( array(), $this->received(), 'nothing reached WorkOS yet' );
	}

	public function test_processing_delivers_the_documented_shape(): void {
		$this->login_as_admin();
		$key = AuditQueue::all()[0]['key'];

		$summary = AuditQueue::process( 10 );
		$this->assertSame( 1, $summary['sent'], wp_json_encode( AuditQueue::all() ) );
		$this->assertSame( array(), AuditQueue::all(), 'a delivered event leaves the queue' );

		$events = $this->received();
		$this->assertCount( 1, $events );
		$event = $events[0];
		$this->assertSame( $key, $event['idempotency_key'] );
		$this->assertSame( 'user.logged_in', $event['action'] );
		$this->assertSame( 1, $event['version'] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/', $event['occurred_at'] );
		$this->assertEqualsWithDelta( time(), strtotime( $event['occurred_at'] ), 10 );
		$this->assertEquals(
			array(
				'id'       => $this->workos_user,
				'type'     => 'user',
				'name'     => 'Ada Lovelace',
				'metadata' => array( 'wp_user_id' => $this->admin ),
			),
			$event['actor']
		);
		$this->assertEquals( array( array( 'id' => 'login', 'type' => 'session', 'name' => 'User Login' ) ), $event['targets'] );
		$this->assertEquals( array( 'location' => '203.0.113.9', 'user_agent' => 'AuditForwarderTest/1.0' ), $event['context'] );
		$this->assertSame( '203.0.113.9', $event['metadata']['ip_address'] );
		$this->assertSame( AuditEvent::site_key(), $event['metadata']['site'] );
	}

	public function test_every_forwarded_event_is_accepted_by_workos(): void {
		$failed = array();
		add_action(
			'workos_audit_event_failed',
			static function ( $item, $error ) use ( &$failed ) {
				$failed[] = $item['event']['action'] . ': ' . $error->get_error_message() . ' ' . wp_json_encode( $error->get_error_data() );
			},
			10,
			2
		);
		wp_set_current_user( $this->admin );
		$this->login_as_admin();
		do_action( 'wp_login_failed', get_userdata( $this->admin )->user_login, new WP_Error( 'incorrect_password' ) );
		do_action( 'wp_login_failed', 'nobody-at-all', new WP_Error( 'invalid_username' ) ); // nobody to attribute: skipped

		$post_id = wp_insert_post( array( 'post_title' => 'Draft <em>one</em>', 'post_status' => 'draft', 'post_type' => 'post' ) );
		wp_update_post( array( 'ID' => $post_id, 'post_content' => 'More.' ) );
		wp_publish_post( $post_id );
		wp_trash_post( $post_id );
		wp_delete_post( $post_id, true );
		wp_insert_post( array( 'post_title' => 'Menu', 'post_status' => 'publish', 'post_type' => 'nav_menu_item' ) ); // not viewable: skipped

		$other = $this->create_user( 'subscriber' );
		( new WP_User( $other ) )->set_role( 'editor' );
		require_once ABSPATH . 'wp-admin/includes/user.php';
		wp_delete_user( $other );
		do_action( 'wp_logout', $this->admin );

		$actions = array_map(
			static function ( $item ) {
				return $item['event']['action'];
			},
			AuditQueue::all()
		);
		$this->assertSame(
			array( 'user.logged_in', 'user.login_failed', 'post.created', 'post.updated', 'post.published', 'post.trashed', 'post.deleted', 'user.created', 'user.role_changed', 'user.deleted', 'user.logged_out' ),
			$actions
		);

		$summary = AuditQueue::process( 50 );
		$this->assertSame( array(), $failed, 'WorkOS refused an event' );
		$this->assertSame( count( $actions ), $summary['sent'] );
		$received = $this->received();
		$this->assertSame( $actions, array_column( $received, 'action' ) );

		$by_action = array_column( $received, null, 'action' );
		$this->assertEquals( array( array( 'id' => (string) $post_id, 'type' => 'post', 'name' => 'Draft one' ) ), $by_action['post.created']['targets'] );
		$this->assertSame( 'post', $by_action['post.published']['metadata']['post_type'] );
		$this->assertSame( 'publish', $by_action['post.published']['metadata']['post_status'] );
		$this->assertSame( array( 'id' => 'wp_user_' . $other, 'type' => 'user' ), array_intersect_key( $by_action['user.role_changed']['targets'][0], array( 'id' => 1, 'type' => 1 ) ) );
		$this->assertSame( 'subscriber', $by_action['user.role_changed']['metadata']['old_roles'] );
		$this->assertSame( 'editor', $by_action['user.role_changed']['metadata']['new_role'] );
		$this->assertSame( 'incorrect_password', $by_action['user.login_failed']['metadata']['error'] );
		$this->assertSame( $this->workos_user, $by_action['user.logged_out']['actor']['id'] );
	}

	public function test_a_503_is_retried_later_and_delivered_exactly_once(): void {
		EmulatorEnvironment::control( 'POST', '/_emulator/faults', array( 'path' => '/audit_logs/events', 'status' => 503, 'count' => 1 ) );
		$this->login_as_admin();
		$now = time();

		$first = AuditQueue::process( 10, $now );
		$this->assertSame( 1, $first['retry'] );
		$item = AuditQueue::all()[0];
		$this->assertSame( 1, $item['attempts'] );
		$this->assertSame( 'pending', $item['status'] );
		$this->assertStringContainsString( 'HTTP 503', $item['last_error'] );
		$this->assertGreaterThanOrEqual( $now + AuditQueue::BASE_DELAY, $item['next_attempt_at'] );
		$this->assertLessThanOrEqual( $now + AuditQueue::BASE_DELAY * 1.1, $item['next_attempt_at'] );
		$this->assertSame( $item['next_attempt_at'], wp_next_scheduled( AuditQueue::CRON_HOOK ), 'the cron run moves to the retry time' );
		$this->assertSame( array(), $this->received() );

		$early = AuditQueue::process( 10, $now + 1 );
		$this->assertSame( array( 0, 1 ), array( $early['sent'], $early['pending'] ), 'not before its time' );

		$second = AuditQueue::process( 10, $item['next_attempt_at'] );
		$this->assertSame( 1, $second['sent'] );
		$received = $this->received();
		$this->assertCount( 1, $received );
		$this->assertSame( $item['key'], $received[0]['idempotency_key'], 'the same key on every attempt' );
	}

	public function test_a_lost_acknowledgement_does_not_duplicate_the_event(): void {
		global $wpdb;
		$this->login_as_admin();
		$item = AuditQueue::all()[0];
		$row  = $wpdb->get_row( $wpdb->prepare( "SELECT option_name, option_value FROM {$wpdb->options} WHERE option_name = %s", AuditQueue::OPTION_PREFIX . $item['key'] ), ARRAY_A );
		$this->assertSame( 1, AuditQueue::process( 10 )['sent'] );

		// WorkOS recorded it but the site never learned (crash before the queue row was removed).
		$wpdb->insert( $wpdb->options, array( 'option_name' => $row['option_name'], 'option_value' => $row['option_value'], 'autoload' => 'no' ) );
		$this->assertSame( 1, AuditQueue::process( 10 )['sent'], 'WorkOS answers the replay with success' );
		$this->assertCount( 1, $this->received(), 'exactly once thanks to the Idempotency-Key' );
	}

	public function test_gives_up_after_max_attempts_and_says_so(): void {
		EmulatorEnvironment::control( 'POST', '/_emulator/faults', array( 'path' => '/audit_logs/events', 'status' => 503, 'count' => -1 ) );
		$failed = array();
		add_action(
			'workos_audit_event_failed',
			static function ( $item ) use ( &$failed ) {
				$failed[] = $item;
			}
		);
		$this->login_as_admin();
		$now = time();
		for ( $i = 1; $i <= AuditQueue::MAX_ATTEMPTS; $i++ ) {
			AuditQueue::process( 10, $now );
			$item = AuditQueue::all()[0];
			$this->assertSame( $i, $item['attempts'] );
			$now = max( $now, (int) $item['next_attempt_at'] );
		}
		$this->assertSame( 'failed', $item['status'] );
		$this->assertCount( 1, $failed );
		$this->assertSame( AuditQueue::MAX_ATTEMPTS, $failed[0]['attempts'] );

		$after = AuditQueue::process( 10, $now + DAY_IN_SECONDS );
		$this->assertSame( 0, $after['sent'] + $after['retry'] + $after['failed'], 'a failed event is not tried again' );
		$this->assertCount( 1, AuditQueue::all(), 'kept for inspection' );
		AuditQueue::process( 10, $now + AuditQueue::KEEP_FAILED + 1 );
		$this->assertSame( array(), AuditQueue::all(), 'and purged after KEEP_FAILED' );
	}

	public function test_an_event_workos_refuses_is_not_retried(): void {
		update_user_meta( $this->admin, '_workos_org_id', 'org_01NOTANORGANIZATION0000' );
		$this->login_as_admin();
		$summary = AuditQueue::process( 10 );
		$this->assertSame( 1, $summary['failed'] );
		$item = AuditQueue::all()[0];
		$this->assertSame( 'failed', $item['status'] );
		$this->assertSame( 1, $item['attempts'] );
		$this->assertStringContainsString( 'Organization not found', $item['last_error'] );
	}

	public function test_unreachable_or_unconfigured_workos_keeps_the_event_for_later(): void {
		$this->login_as_admin();
		update_option( 'workos_api_base_url', 'http://127.0.0.1:1' );
		$this->assertSame( 1, AuditQueue::process( 10 )['retry'] );
		$this->assertStringContainsString( 'could not be reached', AuditQueue::all()[0]['last_error'] );

		EmulatorEnvironment::configure_site( 'staging', array( 'api_key' => '' ) );
		$this->assertSame( 1, AuditQueue::process( 10, time() + DAY_IN_SECONDS )['retry'] );
		$this->assertSame( 2, AuditQueue::all()[0]['attempts'] );

		EmulatorEnvironment::configure_site( 'staging', array( 'audit_logging_enabled' => false ) );
		$this->assertSame( 1, AuditQueue::process( 10, time() + 2 * DAY_IN_SECONDS )['sent'], 'queued while on: still delivered' );
		$this->assertCount( 1, $this->received() );
	}

	public function test_nothing_is_queued_while_audit_logging_is_off_or_workos_unconfigured(): void {
		EmulatorEnvironment::configure_site( 'staging', array( 'audit_logging_enabled' => false ) );
		$this->login_as_admin();
		$this->assertSame( array(), AuditQueue::all() );

		update_option( 'workos_staging', array( 'audit_logging_enabled' => true ) );
		$this->login_as_admin();
		$this->assertSame( array(), AuditQueue::all() );
	}

	public function test_organization_and_actor_for_users_not_linked_to_workos(): void {
		$local = $this->create_user( 'editor' );
		AuditQueue::purge();
		$user = get_userdata( $local );
		do_action( 'wp_login', $user->user_login, $user );
		$this->assertSame( array(), AuditQueue::all(), 'no organization anywhere: nothing to send' );

		EmulatorEnvironment::configure_site( 'staging', array( 'audit_logging_enabled' => true, 'organization_id' => $this->org ) );
		do_action( 'wp_login', $user->user_login, $user );
		$queue = AuditQueue::all();
		$this->assertCount( 1, $queue );
		$this->assertSame( $this->org, $queue[0]['organization_id'], "the site's organization" );
		$this->assertSame( 'wp_user_' . $local, $queue[0]['event']['actor']['id'] );
		$this->assertSame( 1, AuditQueue::process( 10 )['sent'] );
	}

	public function test_filter_can_change_or_skip_an_event(): void {
		add_filter(
			'workos_audit_event',
			static function ( $event ) {
				return 'user.logged_in' === $event['action'] ? false : $event;
			}
		);
		$this->login_as_admin();
		$this->assertSame( array(), AuditQueue::all() );
	}

	public function test_metadata_follows_the_workos_rules(): void {
		$clean = AuditEvent::metadata(
			array_merge(
				array(
					'ok'              => 'yes',
					'number'          => 3,
					'flag'            => false,
					'nested'          => array( 'a' => 1 ),
					'object'          => new stdClass(),
					'bad key!'        => 'x',
					str_repeat( 'k', 41 ) => 'x',
					'long'            => str_repeat( 'é', 600 ),
					'nan'             => NAN,
				),
				array_fill_keys( array_map( static function ( $i ) { return 'k' . $i; }, range( 1, 60 ) ), 'v' )
			)
		);
		$this->assertSame( 'yes', $clean['ok'] );
		$this->assertSame( 3, $clean['number'] );
		$this->assertFalse( $clean['flag'] );
		$this->assertArrayNotHasKey( 'nested', $clean );
		$this->assertArrayNotHasKey( 'object', $clean );
		$this->assertArrayNotHasKey( 'bad key!', $clean );
		$this->assertArrayNotHasKey( str_repeat( 'k', 41 ), $clean );
		$this->assertArrayNotHasKey( 'nan', $clean );
		$this->assertSame( 500, mb_strlen( $clean['long'] ) );
		$this->assertCount( 50, $clean );
	}

	public function test_backoff_doubles_and_is_capped(): void {
		$this->assertGreaterThanOrEqual( 60, AuditQueue::backoff( 1 ) );
		$this->assertLessThanOrEqual( 66, AuditQueue::backoff( 1 ) );
		$this->assertGreaterThanOrEqual( 240, AuditQueue::backoff( 3 ) );
		$this->assertLessThanOrEqual( 264, AuditQueue::backoff( 3 ) );
		$this->assertLessThanOrEqual( AuditQueue::MAX_DELAY * 1.1, AuditQueue::backoff( 40 ) );
		$this->assertSame( 900, AuditQueue::backoff( 1, 900 ), 'Retry-After wins when longer' );
	}

	public function test_a_second_runner_backs_off_while_one_is_processing(): void {
		$this->login_as_admin();
		$other = mysqli_init();
		$this->assertTrue( $other->real_connect( getenv( 'WP_DB_HOST' ), getenv( 'WP_DB_USER' ), getenv( 'WP_DB_PASSWORD' ), DB_NAME, (int) getenv( 'WP_DB_PORT' ) ) );
		$other->query( "SELECT GET_LOCK('workos_audit_queue_" . get_current_blog_id() . "', 5)" );
		$summary = AuditQueue::process( 10 );
		$other->close();
		$this->assertTrue( $summary['locked'] );
		$this->assertSame( 0, $summary['sent'] );
		$this->assertCount( 1, AuditQueue::all() );
		$this->assertSame( 1, AuditQueue::process( 10 )['sent'], 'the lock is gone with the other runner' );
	}

	public function test_cron_handler_processes_the_queue(): void {
		$this->login_as_admin();
		do_action( AuditQueue::CRON_HOOK );
		$this->assertSame( array(), AuditQueue::all() );
		$this->assertCount( 1, $this->received() );
	}
}
