<?php
/**
 * The local activity log of the sign-in path (seed spec §10.2, issue 4 point 10): the switch
 * (constant > option), the rows and their columns, workos_activity_logged, and the client IP taken
 * from REMOTE_ADDR unless a trusted proxy is configured (preface decision).
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\ActivityLog\ClientIp;
use WorkOSCompanion\ActivityLog\LoginActivity;
use WorkOSCompanion\ActivityLog\Logger;

final class ActivityLogTest extends WPTestCase {
	/** @var array<string,mixed> */
	private $server;

	protected function setUp(): void {
		parent::setUp();
		$this->server = $_SERVER;
		EmulatorEnvironment::configure_site( 'staging', array( 'enable_activity_log' => true ) );
		$_SERVER['REMOTE_ADDR']     = '203.0.113.7';
		$_SERVER['HTTP_USER_AGENT'] = 'ActivityLogTest/1.0';
	}

	protected function tearDown(): void {
		$_SERVER = $this->server;
		remove_all_filters( 'workos_trusted_proxies' );
		parent::tearDown();
	}

	/** @return array<int,array<string,mixed>> Rows written by this test, oldest first. */
	private function rows( string $type = '' ): array {
		global $wpdb;
		$table = Logger::table();
		$sql   = "SELECT * FROM {$table}" . ( '' !== $type ? $wpdb->prepare( ' WHERE event_type = %s', $type ) : '' ) . ' ORDER BY id ASC';
		return $wpdb->get_results( $sql, ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name and prepared clause.
	}

	private function clear(): void {
		global $wpdb;
		$wpdb->query( 'DELETE FROM ' . Logger::table() ); // rolled back with the test's transaction.
	}

	public function test_hooks_are_registered(): void {
		$this->assertNotFalse( has_action( 'workos_user_authenticated', array( LoginActivity::class, 'on_authenticated' ) ) );
		$this->assertNotFalse( has_action( 'wp_logout', array( LoginActivity::class, 'on_logout' ) ) );
		$this->assertNotFalse( has_action( 'wp_login_failed', array( LoginActivity::class, 'on_login_failed' ) ) );
		$this->assertNotFalse( has_action( 'workos_login_denied', array( LoginActivity::class, 'on_login_denied' ) ) );
		$this->assertNotFalse( has_action( 'workos_bypass_activated', array( LoginActivity::class, 'on_bypass' ) ) );
	}

	public function test_nothing_is_written_while_disabled(): void {
		$this->clear();
		EmulatorEnvironment::configure_site( 'staging', array( 'enable_activity_log' => false ) );
		$this->assertFalse( Logger::is_enabled() );
		do_action( 'wp_login_failed', 'someone', new WP_Error( 'invalid_username' ) );
		do_action( 'workos_bypass_activated' );
		$this->assertSame( 0, Logger::log( 'login', array( 'user_id' => 1 ) ) );
		$this->assertSame( array(), $this->rows() );

		EmulatorEnvironment::configure_site( 'staging' ); // never saved: off by default
		$this->assertFalse( Logger::is_enabled() );
	}

	public function test_setting_is_read_from_the_active_environment(): void {
		EmulatorEnvironment::configure_site( 'staging', array( 'enable_activity_log' => false ) );
		update_option( 'workos_production', array( 'enable_activity_log' => true ) );
		$this->assertFalse( Logger::is_enabled(), 'production is on but staging is active' );
		update_option( 'workos_active_environment', 'production' );
		$this->assertTrue( Logger::is_enabled() );
	}

	public function test_login_row_from_a_real_workos_sign_in(): void {
		$this->clear();
		EmulatorEnvironment::reset();
		$response = EmulatorEnvironment::client()->authenticate_with_password( 'ada@acme.test', 'Password123!' );
		$this->assertIsArray( $response );
		$user_id = $this->create_user( 'editor' );
		update_user_meta( $user_id, '_workos_user_id', $response['user']['id'] );

		LoginActivity::on_authenticated( $user_id, $response );
		LoginActivity::on_authenticated( $user_id, array_diff_key( $response, array( 'access_token' => 1 ) ) );

		$rows = $this->rows( 'login' );
		$this->assertCount( 2, $rows );
		$this->assertSame( (string) $user_id, $rows[0]['user_id'] );
		$this->assertSame( get_userdata( $user_id )->user_email, $rows[0]['user_email'] );
		$this->assertSame( $response['user']['id'], $rows[0]['workos_user_id'] );
		$this->assertSame( '203.0.113.7', $rows[0]['ip_address'] );
		$this->assertSame( 'ActivityLogTest/1.0', $rows[0]['user_agent'] );
		$this->assertSame( 'authkit', json_decode( $rows[0]['metadata'], true )['method'] );
		$this->assertSame( 'headless', json_decode( $rows[1]['metadata'], true )['method'] );
		$this->assertEqualsWithDelta( time(), strtotime( $rows[0]['created_at'] . ' UTC' ), 5, 'created_at is UTC' );
	}

	public function test_logout_row_names_the_user_even_after_the_current_user_is_cleared(): void {
		$this->clear();
		$user_id = $this->create_user( 'author' );
		wp_set_current_user( 0 ); // as WordPress does before firing wp_logout
		do_action( 'wp_logout', $user_id );
		$rows = $this->rows( 'logout' );
		$this->assertCount( 1, $rows );
		$this->assertSame( (string) $user_id, $rows[0]['user_id'] );
		$this->assertNull( $rows[0]['metadata'] );
	}

	public function test_failed_native_login_is_recorded_without_the_password(): void {
		$this->clear();
		$user_id = $this->create_user( 'subscriber' );
		$login   = get_userdata( $user_id )->user_login;
		$result  = wp_authenticate( $login, 'wrong-password-Secret!' );
		$this->assertWPErrorCode( $result, 'incorrect_password' );

		$rows = $this->rows( 'login_failed' );
		$this->assertCount( 1, $rows );
		$this->assertSame( '0', $rows[0]['user_id'] );
		$this->assertSame( '', $rows[0]['user_email'] );
		$this->assertSame( array( 'username' => $login, 'error' => 'incorrect_password' ), json_decode( $rows[0]['metadata'], true ) );
		$this->assertStringNotContainsString( 'Secret', implode( '|', $rows[0] ) );
	}

	public function test_hostile_username_is_stored_as_plain_text(): void {
		$this->clear();
		do_action( 'wp_login_failed', "<script>alert(1)</script>admin'; DROP TABLE x; --" . str_repeat( 'a', 400 ), new WP_Error( 'invalid_username' ) );
		$meta = json_decode( $this->rows( 'login_failed' )[0]['metadata'], true );
		$this->assertStringNotContainsString( '<script>', $meta['username'] );
		$this->assertStringStartsWith( "admin'; DROP TABLE x;", $meta['username'] );
		$this->assertLessThanOrEqual( 191, strlen( $meta['username'] ) );
	}

	public function test_login_denied_before_any_user_exists(): void {
		$this->clear();
		$response = array(
			'user' => array(
				'id'    => 'user_01DENIED',
				'email' => 'nobody@acme.test',
			),
		);
		do_action( 'workos_login_denied', 0, 'no_active_membership', $response );
		$rows = $this->rows( 'login_denied' );
		$this->assertCount( 1, $rows );
		$this->assertSame( '0', $rows[0]['user_id'] );
		$this->assertSame( 'nobody@acme.test', $rows[0]['user_email'] );
		$this->assertSame( 'user_01DENIED', $rows[0]['workos_user_id'] );
		$this->assertSame( array( 'reason' => 'no_active_membership' ), json_decode( $rows[0]['metadata'], true ) );
	}

	public function test_bypass_row_with_the_client_ip(): void {
		$this->clear();
		wp_set_current_user( $this->create_user( 'administrator' ) );
		do_action( 'workos_bypass_activated' );
		$rows = $this->rows( 'bypass_activated' );
		$this->assertCount( 1, $rows );
		$this->assertSame( '0', $rows[0]['user_id'] );
		$this->assertSame( array( 'ip' => '203.0.113.7' ), json_decode( $rows[0]['metadata'], true ) );
	}

	public function test_activity_logged_action_receives_the_row(): void {
		$seen = array();
		$spy  = static function ( $type, $row ) use ( &$seen ) {
			$seen[] = array( $type, $row );
		};
		add_action( 'workos_activity_logged', $spy, 10, 2 );
		$id = Logger::log( 'login_failed', array( 'user_id' => 0, 'metadata' => array( 'username' => 'x' ) ) );
		remove_action( 'workos_activity_logged', $spy, 10 );
		$this->assertGreaterThan( 0, $id );
		$this->assertCount( 1, $seen );
		$this->assertSame( 'login_failed', $seen[0][0] );
		$this->assertSame( $id, $seen[0][1]['id'] );
		$this->assertSame( '{"username":"x"}', $seen[0][1]['metadata'] );
	}

	public function test_event_type_and_user_agent_are_cleaned(): void {
		$this->clear();
		$_SERVER['HTTP_USER_AGENT'] = '<b>Agent</b>' . str_repeat( 'x', 600 );
		$id                         = Logger::log( "email_change.Confirmed'); --", array( 'user_id' => 0, 'metadata' => 'not an array' ) );
		$row                        = $this->rows()[0];
		$this->assertSame( $id, (int) $row['id'] );
		$this->assertSame( 'email_change.confirmed--', $row['event_type'] );
		$this->assertStringStartsWith( 'Agent', $row['user_agent'] );
		$this->assertSame( 512, strlen( $row['user_agent'] ) );
		$this->assertNull( $row['metadata'] );
		$this->assertSame( 0, Logger::log( '<>!!', array() ), 'an event type with nothing left is refused' );
	}

	public function test_spoofable_headers_are_ignored_without_a_trusted_proxy(): void {
		$_SERVER['HTTP_X_FORWARDED_FOR']   = '198.51.100.1';
		$_SERVER['HTTP_CF_CONNECTING_IP']  = '198.51.100.2';
		$_SERVER['HTTP_X_REAL_IP']         = '198.51.100.3';
		$_SERVER['HTTP_CLIENT_IP']         = '198.51.100.4';
		$this->assertSame( '203.0.113.7', ClientIp::get() );

		$this->clear();
		do_action( 'wp_login_failed', 'x', new WP_Error( 'invalid_username' ) );
		$this->assertSame( '203.0.113.7', $this->rows( 'login_failed' )[0]['ip_address'] );
	}

	public function test_forwarded_for_is_read_only_behind_a_trusted_proxy(): void {
		$_SERVER['REMOTE_ADDR']          = '10.0.0.5';
		$_SERVER['HTTP_X_FORWARDED_FOR'] = '6.6.6.6, 198.51.100.9, 10.0.0.4';
		$this->assertSame( '10.0.0.5', ClientIp::get(), 'no proxy trusted yet' );

		add_filter(
			'workos_trusted_proxies',
			static function () {
				return array( '10.0.0.0/24' );
			}
		);
		// The right-most address not added by a trusted proxy; the spoofed left-most one is ignored.
		$this->assertSame( '198.51.100.9', ClientIp::get() );

		$_SERVER['HTTP_X_FORWARDED_FOR'] = 'garbage, 10.0.0.4';
		$this->assertSame( '10.0.0.5', ClientIp::get(), 'a malformed hop: the proxy itself' );

		$_SERVER['HTTP_X_FORWARDED_FOR'] = '';
		$this->assertSame( '10.0.0.5', ClientIp::get() );

		$_SERVER['REMOTE_ADDR']          = '192.0.2.1'; // not a trusted proxy
		$_SERVER['HTTP_X_FORWARDED_FOR'] = '198.51.100.9';
		$this->assertSame( '192.0.2.1', ClientIp::get() );
	}

	public function test_exact_and_ipv6_proxies(): void {
		$_SERVER['REMOTE_ADDR']          = '2001:db8::1';
		$_SERVER['HTTP_X_FORWARDED_FOR'] = '2001:DB8:1:0:0:0:0:BEEF';
		add_filter(
			'workos_trusted_proxies',
			static function () {
				return array( '2001:db8::/64', 'not-an-ip', '10.0.0.0/99' );
			}
		);
		$this->assertSame( '2001:db8:1::beef', ClientIp::get(), 'canonical form' );

		$this->assertTrue( ClientIp::in_list( '192.0.2.10', array( '192.0.2.10' ) ) );
		$this->assertFalse( ClientIp::in_list( '192.0.2.11', array( '192.0.2.10' ) ) );
		$this->assertTrue( ClientIp::in_list( '172.16.5.4', array( '172.16.0.0/12' ) ) );
		$this->assertFalse( ClientIp::in_list( '172.32.0.1', array( '172.16.0.0/12' ) ) );
		$this->assertFalse( ClientIp::in_list( '10.0.0.1', array( '::/0' ) ), 'no family mixing' );
	}

	public function test_invalid_remote_addr_gives_no_ip(): void {
		foreach ( array( '', 'unknown', '1.2.3.4, 5.6.7.8', '999.1.1.1', '<script>', '::ffff:zz' ) as $bad ) {
			$_SERVER['REMOTE_ADDR'] = $bad;
			$this->assertSame( '', ClientIp::get(), var_export( $bad, true ) );
		}
		unset( $_SERVER['REMOTE_ADDR'] );
		$this->assertSame( '', ClientIp::get() );
	}

	/**
	 * @runInSeparateProcess
	 * @preserveGlobalState disabled
	 */
	public function test_constant_off_beats_the_option(): void {
		define( 'WORKOS_ENABLE_ACTIVITY_LOG', false );
		$this->assertFalse( Logger::is_enabled() );
		$this->assertSame( 0, Logger::log( 'login', array( 'user_id' => 0 ) ) );
	}

	/**
	 * @runInSeparateProcess
	 * @preserveGlobalState disabled
	 */
	public function test_constant_on_beats_the_option(): void {
		EmulatorEnvironment::configure_site( 'staging', array( 'enable_activity_log' => false ) );
		define( 'WORKOS_ENABLE_ACTIVITY_LOG', true );
		$this->assertTrue( Logger::is_enabled() );
		$this->assertGreaterThan( 0, Logger::log( 'login', array( 'user_id' => 0 ) ) );
	}

	/** @param mixed $value */
	private function assertWPErrorCode( $value, string $code ): void {
		$this->assertInstanceOf( WP_Error::class, $value );
		$this->assertSame( $code, $value->get_error_code() );
	}
}
