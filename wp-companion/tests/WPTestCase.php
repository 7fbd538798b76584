<?php
/**
 * A small stand-in for WP_UnitTestCase (not packaged in Debian): every test runs in a database
 * transaction that tearDown rolls back, with a clean object cache and no current user.
 *
 * DDL (CREATE, ALTER, DROP) commits implicitly in MariaDB: a test that changes the schema must
 * put back what it changed itself; snapshot_options()/restore_options() help with options.
 *
 * @package WorkOSCompanion
 */

use PHPUnit\Framework\TestCase;

abstract class WPTestCase extends TestCase {
	/** @var array<string,mixed> Option values saved by snapshot_options(); absent options map to the marker. */
	private $saved_options = array();

	/** Named database lock that serialises tests across processes. */
	private const LOCK = 'workos_companion_tests';

	/** Marks an option that did not exist when it was saved. */
	private const ABSENT = "\0workos-tests-absent\0";

	/**
	 * Test processes may run in parallel (ctest -j) against the one wp_tests database, and some
	 * tests change the schema, which no transaction isolates. A database lock held from before
	 * setUp to after tearDown (subclasses included) runs one test at a time across processes.
	 *
	 * @before
	 */
	protected function acquire_database_lock(): void {
		global $wpdb;
		$this->assertSame( '1', (string) $wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, %d)', self::LOCK, 300 ) ), 'another test process held the wp_tests lock for 300 s' );
	}

	/** @after */
	protected function release_database_lock(): void {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', self::LOCK ) );
	}

	protected function setUp(): void {
		global $wpdb;
		parent::setUp();
		$wpdb->query( 'SET autocommit = 0' );
		$wpdb->query( 'START TRANSACTION' );
		wp_cache_flush();
		wp_set_current_user( 0 );
	}

	protected function tearDown(): void {
		global $wpdb;
		$wpdb->query( 'ROLLBACK' );
		$wpdb->query( 'SET autocommit = 1' );
		$this->restore_options();
		wp_cache_flush();
		wp_set_current_user( 0 );
		parent::tearDown();
	}

	/**
	 * Remembers options so restore_options() (run by tearDown) can put them back even after an
	 * implicit commit.
	 *
	 * @param string[] $names Option names.
	 */
	protected function snapshot_options( array $names ): void {
		global $wpdb;
		foreach ( $names as $name ) {
			if ( array_key_exists( $name, $this->saved_options ) ) {
				continue;
			}
			$row = $wpdb->get_row( $wpdb->prepare( "SELECT option_value, autoload FROM {$wpdb->options} WHERE option_name = %s", $name ) );
			$this->saved_options[ $name ] = $row ? array( $row->option_value, $row->autoload ) : self::ABSENT;
		}
	}

	/** Writes the snapshot back in its own committed statements. */
	private function restore_options(): void {
		global $wpdb;
		foreach ( $this->saved_options as $name => $saved ) {
			if ( self::ABSENT === $saved ) {
				$wpdb->delete( $wpdb->options, array( 'option_name' => $name ), array( '%s' ) );
				continue;
			}
			$wpdb->query(
				$wpdb->prepare(
					"INSERT INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, %s) ON DUPLICATE KEY UPDATE option_value = VALUES(option_value), autoload = VALUES(autoload)",
					$name,
					$saved[0],
					$saved[1]
				)
			);
		}
		$this->saved_options = array();
	}

	/**
	 * Dispatches a REST request in this process, permission_callback included.
	 *
	 * @param string              $method HTTP method.
	 * @param string              $route  Route such as /workos/v1/admin/status.
	 * @param array<string,mixed> $params Request parameters.
	 */
	protected function rest( string $method, string $route, array $params = array() ): WP_REST_Response {
		$request = new WP_REST_Request( $method, $route );
		foreach ( $params as $key => $value ) {
			$request->set_param( $key, $value );
		}
		return rest_do_request( $request );
	}

	/**
	 * Dispatches a REST request with a JSON body, as the console sends it.
	 *
	 * @param array<string,mixed> $body  Encoded as the JSON body.
	 * @param array<string,mixed> $query Query parameters.
	 */
	protected function rest_json( string $method, string $route, array $body, array $query = array() ): WP_REST_Response {
		$request = new WP_REST_Request( $method, $route );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( $body ) );
		$request->set_query_params( $query );
		return rest_do_request( $request );
	}

	/**
	 * Creates a user with a role (inside the test's transaction) and returns its id.
	 *
	 * @param string $role WordPress role.
	 */
	protected function create_user( string $role ): int {
		$login   = 'workos_test_' . $role . '_' . wp_generate_password( 8, false );
		$user_id = wp_insert_user(
			array(
				'user_login' => $login,
				'user_email' => $login . '@tests.invalid',
				'user_pass'  => wp_generate_password( 24 ),
				'role'       => $role,
			)
		);
		$this->assertIsInt( $user_id, is_wp_error( $user_id ) ? $user_id->get_error_message() : 'wp_insert_user failed' );
		return $user_id;
	}
}
