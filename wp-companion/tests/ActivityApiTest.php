<?php
/**
 * GET /workos/v1/admin/activity and POST /workos/v1/admin/activity/clear in-process: the feed in
 * id order with its cursor, limits and prefix filter; the two-step clear with its single-use,
 * user-bound, scope-bound token; bad input on every argument refused with nothing written.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\ActivityLog\Logger;
use WorkOSCompanion\Rest\Admin\GzipAnswer;

final class ActivityApiTest extends WPTestCase {
	private const FEED  = '/workos/v1/admin/activity';
	private const CLEAR = '/workos/v1/admin/activity/clear';

	/** @var int The largest id before the test's rows. */
	private $base;

	/** @var int */
	private $admin;

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$this->snapshot_options( array( 'workos_staging', 'workos_active_environment' ) );
		update_option( 'workos_active_environment', 'staging' );
		update_option( 'workos_staging', array( 'enable_activity_log' => true ) );
		$this->base  = (int) $wpdb->get_var( 'SELECT MAX(id) FROM ' . Logger::table() );
		$this->admin = $this->create_user( 'administrator' );
		wp_set_current_user( $this->admin );
	}

	/** Writes $n rows straight into the table; returns their ids. */
	private function add_rows( int $n, string $type = 'login', ?string $metadata = '{"n":1}' ): array {
		global $wpdb;
		$ids = array();
		for ( $i = 0; $i < $n; $i++ ) {
			$wpdb->insert(
				Logger::table(),
				array(
					'event_type'     => $type,
					'user_id'        => 7,
					'user_email'     => 'ada@example.test',
					'workos_user_id' => 'user_01ADA',
					'ip_address'     => '203.0.113.9',
					'user_agent'     => 'Agent/1.0',
					'metadata'       => $metadata,
					'created_at'     => '2026-03-04 05:06:07',
				)
			);
			$ids[] = (int) $wpdb->insert_id;
		}
		return $ids;
	}

	private function count_rows(): int {
		global $wpdb;
		return (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Logger::table() );
	}

	// ------------------------------------------------------------------------ the feed

	public function test_feed_pages_in_id_order_with_a_cursor(): void {
		$ids = $this->add_rows( 5 );

		$first = $this->rest( 'GET', self::FEED, array( 'after_id' => $this->base, 'limit' => 2 ) );
		$this->assertSame( 200, $first->get_status() );
		$data = $first->get_data();
		$this->assertSame( array_slice( $ids, 0, 2 ), array_column( $data['items'], 'id' ) );
		$this->assertSame( $ids[1], $data['next_after_id'] );
		$this->assertTrue( $data['has_more'] );
		$this->assertSame( 'no-store', $first->get_headers()['Cache-Control'] );
		$this->assertSame( 'Accept-Encoding', $first->get_headers()['Vary'] );

		$item = $data['items'][0];
		$this->assertSame( array( 'id', 'event_type', 'user_id', 'user_email', 'workos_user_id', 'ip_address', 'user_agent', 'metadata', 'created_at' ), array_keys( $item ) );
		$this->assertSame( 'login', $item['event_type'] );
		$this->assertSame( 7, $item['user_id'] );
		$this->assertSame( 'ada@example.test', $item['user_email'] );
		$this->assertSame( 'user_01ADA', $item['workos_user_id'] );
		$this->assertSame( '203.0.113.9', $item['ip_address'] );
		$this->assertSame( 'Agent/1.0', $item['user_agent'] );
		$this->assertEquals( (object) array( 'n' => 1 ), $item['metadata'] );
		$this->assertSame( '2026-03-04T05:06:07Z', $item['created_at'] );

		$second = $this->rest( 'GET', self::FEED, array( 'after_id' => $data['next_after_id'], 'limit' => 2 ) )->get_data();
		$this->assertSame( array_slice( $ids, 2, 2 ), array_column( $second['items'], 'id' ) );
		$third = $this->rest( 'GET', self::FEED, array( 'after_id' => $second['next_after_id'], 'limit' => 2 ) )->get_data();
		$this->assertSame( array( $ids[4] ), array_column( $third['items'], 'id' ) );
		$this->assertFalse( $third['has_more'] );
		$this->assertSame( $ids[4], $third['next_after_id'] );

		// Exactly a full page at the end: has_more false without another call.
		$exact = $this->rest( 'GET', self::FEED, array( 'after_id' => $ids[2], 'limit' => 2 ) )->get_data();
		$this->assertSame( array( $ids[3], $ids[4] ), array_column( $exact['items'], 'id' ) );
		$this->assertFalse( $exact['has_more'] );

		// Past the end: empty, and the cursor stays.
		$empty = $this->rest( 'GET', self::FEED, array( 'after_id' => $ids[4] ) )->get_data();
		$this->assertSame( array( 'items' => array(), 'next_after_id' => $ids[4], 'has_more' => false ), $empty );
	}

	public function test_defaults_are_after_zero_and_a_thousand_rows(): void {
		$mine = $this->add_rows( 3 );
		$data = $this->rest( 'GET', self::FEED )->get_data();
		$ids  = array_column( $data['items'], 'id' );
		$this->assertLessThanOrEqual( 1000, count( $ids ) );
		$sorted = $ids;
		sort( $sorted );
		$this->assertSame( $sorted, $ids, 'id order' );
		if ( ! $data['has_more'] ) {
			$this->assertSame( $mine[2], end( $ids ) );
		}
	}

	public function test_metadata_is_an_object_or_null(): void {
		$this->add_rows( 1, 'login', '{}' );
		$this->add_rows( 1, 'login', null );
		$this->add_rows( 1, 'login', 'not json' );
		$this->add_rows( 1, 'login', '[1,2]' );
		$this->add_rows( 1, 'login', '{"nested":{"a":[1,"x"]},"html":"<b>"}' );
		$items = $this->rest( 'GET', self::FEED, array( 'after_id' => $this->base ) )->get_data()['items'];
		$json  = wp_json_encode( array_column( $items, 'metadata' ) );
		$this->assertSame( '[{},null,null,null,{"nested":{"a":[1,"x"]},"html":"<b>"}]', $json );
	}

	public function test_event_type_prefix_filters_and_keeps_id_order(): void {
		$this->add_rows( 1, 'webhook_applied' );
		$this->add_rows( 1, 'login' );
		$this->add_rows( 1, 'webhook_rejected' );
		$this->add_rows( 1, 'webhookXrejected' );
		$items = $this->rest( 'GET', self::FEED, array( 'after_id' => $this->base, 'event_type' => 'webhook_' ) )->get_data()['items'];
		$this->assertSame( array( 'webhook_applied', 'webhook_rejected' ), array_column( $items, 'event_type' ), '"_" is literal, not a LIKE wildcard' );
	}

	public function test_large_pages_are_one_query(): void {
		global $wpdb;
		$this->add_rows( 30 );
		$before = $wpdb->num_queries;
		$data   = $this->rest( 'GET', self::FEED, array( 'after_id' => $this->base, 'limit' => 5000 ) )->get_data();
		$this->assertCount( 30, $data['items'] );
		$this->assertSame( 1, $wpdb->num_queries - $before, 'one query per page, no per-row queries' );
	}

	/** @return array<string,array{0:array<string,mixed>,1:string}> */
	public function bad_feed_input(): array {
		return array(
			'after_id negative'       => array( array( 'after_id' => -1 ), 'after_id' ),
			'after_id text'           => array( array( 'after_id' => 'abc' ), 'after_id' ),
			'after_id fraction'       => array( array( 'after_id' => 1.5 ), 'after_id' ),
			'after_id sql'            => array( array( 'after_id' => '0 OR 1=1' ), 'after_id' ),
			'after_id array'          => array( array( 'after_id' => array( 1 ) ), 'after_id' ),
			'after_id beyond bigint'  => array( array( 'after_id' => '99999999999999999999999' ), 'after_id' ),
			'limit zero'              => array( array( 'limit' => 0 ), 'limit' ),
			'limit above 5000'        => array( array( 'limit' => 5001 ), 'limit' ),
			'limit text'              => array( array( 'limit' => 'all' ), 'limit' ),
			'event_type sql'          => array( array( 'event_type' => "login' OR '1'='1" ), 'event_type' ),
			'event_type script'       => array( array( 'event_type' => '<script>alert(1)</script>' ), 'event_type' ),
			'event_type unicode'      => array( array( 'event_type' => 'lögin' ), 'event_type' ),
			'event_type too long'     => array( array( 'event_type' => str_repeat( 'a', 51 ) ), 'event_type' ),
			'event_type empty'        => array( array( 'event_type' => '' ), 'event_type' ),
			'event_type wildcard'     => array( array( 'event_type' => 'log%' ), 'event_type' ),
		);
	}

	/**
	 * @dataProvider bad_feed_input
	 * @param array<string,mixed> $params
	 */
	public function test_bad_feed_input_is_refused( array $params, string $param ): void {
		$response = $this->rest( 'GET', self::FEED, $params );
		$this->assertSame( 400, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertSame( 'rest_invalid_param', $response->get_data()['code'] );
		$this->assertArrayHasKey( $param, $response->get_data()['data']['params'] );
	}

	public function test_unknown_parameters_are_refused(): void {
		$response = $this->rest( 'GET', self::FEED, array( 'afterid' => 5 ) );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'workos_unknown_parameter', $response->get_data()['code'] );
		$this->assertSame( array( 'afterid' ), $response->get_data()['data']['params'] );
		// WordPress's own underscore parameters are not ours to refuse.
		$this->assertSame( 200, $this->rest( 'GET', self::FEED, array( '_fields' => 'items' ) )->get_status() );
	}

	public function test_accept_encoding_parsing(): void {
		foreach ( array( 'gzip', 'gzip, deflate, br', 'deflate;q=1.0, compress;q=0.5, gzip;q=0.5', 'GZIP', 'x-gzip', '*', 'br, *;q=0.1' ) as $yes ) {
			$this->assertTrue( GzipAnswer::accepts_gzip( $yes ), $yes );
		}
		foreach ( array( '', 'identity', 'deflate, br', 'gzip;q=0', 'gzip; q=0.0', 'gzipx', '*;q=0' ) as $no ) {
			$this->assertFalse( GzipAnswer::accepts_gzip( $no ), $no );
		}
	}

	// ------------------------------------------------------------------------ clearing

	private function clear( array $body ): WP_REST_Response {
		return $this->rest_json( 'POST', self::CLEAR, $body );
	}

	public function test_clear_asks_for_confirmation_then_deletes_and_logs(): void {
		$ids   = $this->add_rows( 4 );
		$total = $this->count_rows();

		$ask = $this->clear( array() );
		$this->assertSame( 428, $ask->get_status() );
		$data = $ask->get_data();
		$this->assertSame( 'workos_confirmation_required', $data['code'] );
		$this->assertMatchesRegularExpression( '/^[A-Za-z0-9]{32}$/', $data['data']['confirm_token'] );
		$this->assertSame( 300, $data['data']['expires_in'] );
		$this->assertSame( $total, $data['data']['rows'] );
		$this->assertNull( $data['data']['before_id'] );
		$this->assertSame( $total, $this->count_rows(), 'asking deletes nothing' );

		$done = $this->clear( array( 'confirm' => $data['data']['confirm_token'] ) );
		$this->assertSame( 200, $done->get_status(), wp_json_encode( $done->get_data() ) );
		$this->assertSame( $total, $done->get_data()['deleted'] );
		$this->assertNull( $done->get_data()['before_id'] );
		$this->assertSame( 1, $this->count_rows(), 'only the activity_cleared row is left' );

		$feed = $this->rest( 'GET', self::FEED )->get_data()['items'];
		$this->assertCount( 1, $feed );
		$this->assertSame( 'activity_cleared', $feed[0]['event_type'] );
		$this->assertSame( $done->get_data()['activity_id'], $feed[0]['id'] );
		$this->assertGreaterThan( $ids[3], $feed[0]['id'], 'ids keep growing (no TRUNCATE): the offline cache cursor stays valid' );
		$this->assertSame( $this->admin, $feed[0]['user_id'] );
		$this->assertEquals( (object) array( 'deleted' => $total, 'before_id' => null ), $feed[0]['metadata'] );

		$again = $this->clear( array( 'confirm' => $data['data']['confirm_token'] ) );
		$this->assertSame( 409, $again->get_status() );
		$this->assertSame( 'workos_confirmation_invalid', $again->get_data()['code'] );
		$this->assertSame( 1, $this->count_rows(), 'a used token deletes nothing' );
	}

	public function test_before_id_keeps_newer_rows_and_binds_the_token(): void {
		$ids = $this->add_rows( 4 );
		$ask = $this->clear( array( 'before_id' => $ids[2] ) )->get_data()['data'];
		$this->assertSame( $ids[2], $ask['before_id'] );
		$older = $this->count_rows() - 2;
		$this->assertSame( $older, $ask['rows'] );

		// The token says "before $ids[2]": it cannot delete everything, nor more.
		$all = $this->clear( array( 'confirm' => $ask['confirm_token'] ) );
		$this->assertSame( 409, $all->get_status() );
		$more = $this->clear( array( 'confirm' => $ask['confirm_token'], 'before_id' => $ids[3] ) );
		$this->assertSame( 409, $more->get_status() );
		$this->assertSame( $older + 2, $this->count_rows() );

		$done = $this->clear( array( 'confirm' => $ask['confirm_token'], 'before_id' => $ids[2] ) );
		$this->assertSame( 200, $done->get_status(), 'a token presented with the wrong scope stays good for its own' );
		$this->assertSame( $older, $done->get_data()['deleted'] );
		$left = array_column( $this->rest( 'GET', self::FEED )->get_data()['items'], 'id' );
		$this->assertSame( array( $ids[2], $ids[3], $done->get_data()['activity_id'] ), $left );
	}

	public function test_a_token_is_bound_to_its_user(): void {
		$this->add_rows( 2 );
		$total = $this->count_rows();
		$token = $this->clear( array() )->get_data()['data']['confirm_token'];
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$other = $this->clear( array( 'confirm' => $token ) );
		$this->assertSame( 409, $other->get_status() );
		$this->assertSame( $total, $this->count_rows() );
		wp_set_current_user( $this->admin );
		$this->assertSame( 200, $this->clear( array( 'confirm' => $token ) )->get_status(), 'still good for its owner' );
	}

	public function test_an_expired_token_deletes_nothing(): void {
		global $wpdb;
		$this->add_rows( 2 );
		$total = $this->count_rows();
		$token = $this->clear( array() )->get_data()['data']['confirm_token'];
		// Age every confirmation transient past its five minutes.
		$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = %s WHERE option_name LIKE %s", (string) ( time() - 1 ), $wpdb->esc_like( '_transient_timeout_workos_confirm_' ) . '%' ) );
		wp_cache_flush();
		$late = $this->clear( array( 'confirm' => $token ) );
		$this->assertSame( 409, $late->get_status() );
		$this->assertSame( 'workos_confirmation_invalid', $late->get_data()['code'] );
		$this->assertSame( $total, $this->count_rows() );
	}

	/** @return array<string,array{0:array<string,mixed>,1:string,2:string}> */
	public function bad_clear_input(): array {
		$well_formed_unknown = str_repeat( 'A', 32 );
		return array(
			'unknown token'         => array( array( 'confirm' => $well_formed_unknown ), 'workos_confirmation_invalid', '' ),
			'token too short'       => array( array( 'confirm' => 'abc' ), 'rest_invalid_param', 'confirm' ),
			'token too long'        => array( array( 'confirm' => str_repeat( 'A', 33 ) ), 'rest_invalid_param', 'confirm' ),
			'token sql'             => array( array( 'confirm' => "' OR 1=1 -- aaaaaaaaaaaaaaaaaaaaa" ), 'rest_invalid_param', 'confirm' ),
			'token script'          => array( array( 'confirm' => '<script>alert(1)</script>aaaaaaa' ), 'rest_invalid_param', 'confirm' ),
			'token unicode'         => array( array( 'confirm' => str_repeat( 'é', 32 ) ), 'rest_invalid_param', 'confirm' ),
			'token number'          => array( array( 'confirm' => 12345 ), 'rest_invalid_param', 'confirm' ),
			'token array'           => array( array( 'confirm' => array( $well_formed_unknown ) ), 'rest_invalid_param', 'confirm' ),
			'before_id zero'        => array( array( 'before_id' => 0 ), 'rest_invalid_param', 'before_id' ),
			'before_id negative'    => array( array( 'before_id' => -5 ), 'rest_invalid_param', 'before_id' ),
			'before_id text'        => array( array( 'before_id' => 'latest' ), 'rest_invalid_param', 'before_id' ),
			'before_id sql'         => array( array( 'before_id' => '1; DELETE FROM wp_users' ), 'rest_invalid_param', 'before_id' ),
			'before_id huge'        => array( array( 'before_id' => 1e30 ), 'rest_invalid_param', 'before_id' ),
			'unknown field'         => array( array( 'confirm_token' => $well_formed_unknown ), 'workos_unknown_parameter', '' ),
			'unknown field with it' => array( array( 'before_id' => 5, 'all' => true ), 'workos_unknown_parameter', '' ),
		);
	}

	/**
	 * @dataProvider bad_clear_input
	 * @param array<string,mixed> $body
	 */
	public function test_bad_clear_input_deletes_nothing( array $body, string $code, string $param ): void {
		$this->add_rows( 2 );
		$total    = $this->count_rows();
		$response = $this->clear( $body );
		$this->assertContains( $response->get_status(), array( 400, 409 ), wp_json_encode( $response->get_data() ) );
		$this->assertSame( $code, $response->get_data()['code'] );
		if ( '' !== $param ) {
			$this->assertArrayHasKey( $param, $response->get_data()['data']['params'] );
		}
		$this->assertSame( $total, $this->count_rows() );
		$this->assertArrayNotHasKey( 'confirm_token', (array) ( $response->get_data()['data'] ?? array() ), 'a refused call gets no token either' );
	}

	public function test_only_post_clears(): void {
		$this->assertSame( 404, $this->rest( 'GET', self::CLEAR )->get_status() );
		$this->assertSame( 404, $this->rest( 'DELETE', self::FEED )->get_status() );
	}
}
