<?php
/**
 * Changes the served sandbox site (database wp, not wp_tests) for tests and benchmarks that call
 * it over HTTP: runs a JSON list of operations read from stdin inside that WordPress and prints
 * their results as JSON.
 *
 *   echo '[["update_option","workos_active_environment","staging"]]' | WP_DB_NAME=wp php bearer-served-site.php SITE_DIR
 *
 * Operations ([name, ...arguments]):
 *   ["get_option", name]                      → {"exists": bool, "value": mixed}
 *   ["update_option", name, value]            → true
 *   ["delete_option", name]                   → bool
 *   ["create_user", {login, role, meta?, app_password?}] → {"id": int, "app_password"?: string}
 *   ["delete_user", id]                       → bool
 *   ["update_user_meta", id, key, value]      → true
 *   ["delete_transients", prefix]             → number of transients deleted
 *
 * Exits 1 with the message on stderr when an operation fails.
 *
 * @package WorkOSCompanion
 */

// phpcs:disable WordPress.WP.AlternativeFunctions -- a CLI tool.

if ( PHP_SAPI !== 'cli' || ! isset( $argv[1] ) || ! is_file( $argv[1] . '/wp-load.php' ) ) {
	fwrite( STDERR, "usage: php bearer-served-site.php SITE_DIR < operations.json\n" );
	exit( 2 );
}
$workos_served_ops = json_decode( (string) stream_get_contents( STDIN ), true );
if ( ! is_array( $workos_served_ops ) ) {
	fwrite( STDERR, "stdin is not a JSON list of operations\n" );
	exit( 2 );
}

$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require rtrim( $argv[1], '/' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

/**
 * Runs one operation.
 *
 * @param array<int,mixed> $op Name and arguments.
 * @return mixed
 */
function workos_served_site_run( array $op ) {
	global $wpdb;
	$name = array_shift( $op );
	switch ( $name ) {
		case 'get_option':
			$marker = new stdClass();
			$value  = get_option( $op[0], $marker );
			return array(
				'exists' => $value !== $marker,
				'value'  => $value === $marker ? null : $value,
			);
		case 'update_option':
			update_option( $op[0], $op[1] );
			return true;
		case 'delete_option':
			return delete_option( $op[0] );
		case 'create_user':
			$spec    = $op[0];
			$user_id = wp_insert_user(
				array(
					'user_login' => $spec['login'],
					'user_email' => $spec['login'] . '@tests.invalid',
					'user_pass'  => wp_generate_password( 24 ),
					'role'       => $spec['role'] ?? 'subscriber',
				)
			);
			if ( is_wp_error( $user_id ) ) {
				throw new RuntimeException( 'create_user: ' . $user_id->get_error_message() );
			}
			foreach ( (array) ( $spec['meta'] ?? array() ) as $key => $value ) {
				update_user_meta( $user_id, $key, $value );
			}
			$result = array( 'id' => $user_id );
			if ( ! empty( $spec['app_password'] ) ) {
				$created = WP_Application_Passwords::create_new_application_password( $user_id, array( 'name' => 'bearer tests' ) );
				if ( is_wp_error( $created ) ) {
					throw new RuntimeException( 'app password: ' . $created->get_error_message() );
				}
				$result['app_password'] = $created[0];
			}
			return $result;
		case 'delete_user':
			return wp_delete_user( (int) $op[0] );
		case 'update_user_meta':
			update_user_meta( (int) $op[0], $op[1], $op[2] );
			return true;
		case 'delete_transients':
			$names = $wpdb->get_col( $wpdb->prepare( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( '_transient_' . $op[0] ) . '%' ) );
			foreach ( $names as $option ) {
				delete_transient( substr( $option, strlen( '_transient_' ) ) );
			}
			return count( $names );
	}
	throw new RuntimeException( "unknown operation $name" );
}

$workos_served_results = array();
try {
	foreach ( $workos_served_ops as $workos_served_op ) {
		$workos_served_results[] = workos_served_site_run( (array) $workos_served_op );
	}
} catch ( Throwable $e ) {
	fwrite( STDERR, $e->getMessage() . "\n" );
	exit( 1 );
}
echo wp_json_encode( $workos_served_results ), "\n";
