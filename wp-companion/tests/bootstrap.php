<?php
/**
 * PHPUnit bootstrap: a real WordPress on the sandbox's MariaDB, database wp_tests.
 *
 * The sandbox (./test or sandbox/up) provides the site and the database server; this file
 * switches the site's wp-config.php to the wp_tests database, installs WordPress and the
 * companion there once (in a subprocess, under a database lock, only while wp_tests is empty),
 * then loads WordPress at file scope. Missing environment is an error, never a skip.
 *
 * @package WorkOSCompanion
 */

// phpcs:disable WordPress.WP.AlternativeFunctions -- WordPress is not loaded yet.

/** The test database and the table prefix of the sandbox's wp-config.php. */
const WORKOS_TESTS_DB_NAME      = 'wp_tests';
const WORKOS_TESTS_TABLE_PREFIX = 'wp_';
const WORKOS_TESTS_PLUGIN       = 'workos-companion/workos-companion.php';

/**
 * Stops the run with a message on stderr.
 *
 * @param string $message What is wrong and what to do.
 */
function workos_tests_abort( string $message ): void {
	fwrite( STDERR, "\nworkos-companion tests: $message\n" );
	exit( 1 );
}

/**
 * A required environment variable, or the end of the run.
 *
 * @param string $name Variable name.
 */
function workos_tests_env( string $name ): string {
	$value = getenv( $name );
	if ( false === $value || '' === $value ) {
		workos_tests_abort( "$name is not set. Run the tests through ./test, or start a sandbox (sandbox/up) and export SANDBOX_STATE, SANDBOX_WP_URL, WP_SITE_DIR, WP_DB_HOST, WP_DB_PORT, WP_DB_USER and WP_DB_PASSWORD." );
	}
	return $value;
}

/**
 * Installs WordPress and the companion into the test database unless that is done already.
 * Safe when several test processes start together: a named lock serialises them, and only an
 * empty (or half-installed) database is installed into.
 *
 * @param string $site_dir The sandbox site.
 * @param string $url      The URL the site is served at (wp-config.php pins home and siteurl).
 */
function workos_tests_install_once( string $site_dir, string $url ): void {
	mysqli_report( MYSQLI_REPORT_OFF );
	$db = mysqli_init();
	if ( ! $db || ! @$db->real_connect( workos_tests_env( 'WP_DB_HOST' ), workos_tests_env( 'WP_DB_USER' ), workos_tests_env( 'WP_DB_PASSWORD' ), WORKOS_TESTS_DB_NAME, (int) workos_tests_env( 'WP_DB_PORT' ) ) ) {
		workos_tests_abort( 'cannot connect to MariaDB at ' . getenv( 'WP_DB_HOST' ) . ':' . getenv( 'WP_DB_PORT' ) . ' database ' . WORKOS_TESTS_DB_NAME . ': ' . mysqli_connect_error() );
	}
	$query = static function ( string $sql, array $params = array() ) use ( $db ) {
		$stmt = $db->prepare( $sql );
		if ( ! $stmt ) {
			workos_tests_abort( "query failed: $sql: " . $db->error );
		}
		if ( $params ) {
			$stmt->bind_param( str_repeat( 's', count( $params ) ), ...$params );
		}
		if ( ! $stmt->execute() ) {
			workos_tests_abort( "query failed: $sql: " . $stmt->error );
		}
		$result = $stmt->get_result();
		return $result ? $result->fetch_all( MYSQLI_NUM ) : array();
	};

	$lock = $query( 'SELECT GET_LOCK(?, 300)', array( 'workos_companion_tests_install' ) );
	if ( '1' !== (string) $lock[0][0] ) {
		workos_tests_abort( 'timed out waiting for another test process to install ' . WORKOS_TESTS_DB_NAME );
	}

	$tables = array_column( $query( 'SELECT table_name FROM information_schema.tables WHERE table_schema = ?', array( WORKOS_TESTS_DB_NAME ) ), 0 );
	$ready  = false;
	if ( in_array( WORKOS_TESTS_TABLE_PREFIX . 'options', $tables, true ) ) {
		$active = $query( 'SELECT option_value FROM `' . WORKOS_TESTS_TABLE_PREFIX . 'options` WHERE option_name = ?', array( 'active_plugins' ) );
		$ready  = isset( $active[0][0] ) && false !== strpos( $active[0][0], WORKOS_TESTS_PLUGIN );
	}

	if ( ! $ready ) {
		// Empty, or left half-installed by a killed run: start from nothing.
		foreach ( $tables as $table ) {
			$query( 'DROP TABLE `' . str_replace( '`', '``', $table ) . '`' );
		}
		$credentials = tempnam( sys_get_temp_dir(), 'workos-tests-credentials-' );
		$command     = sprintf(
			'php %s %s %s admin %s 2>&1',
			escapeshellarg( dirname( __DIR__, 2 ) . '/sandbox/lib/wordpress/install.php' ),
			escapeshellarg( $site_dir ),
			escapeshellarg( $url ),
			escapeshellarg( $credentials )
		);
		// The subprocess inherits WP_DB_NAME=wp_tests; WP_INSTALLING stays out of this process.
		exec( $command, $output, $status );
		@unlink( $credentials );
		if ( 0 !== $status ) {
			foreach ( array_column( $query( 'SELECT table_name FROM information_schema.tables WHERE table_schema = ?', array( WORKOS_TESTS_DB_NAME ) ), 0 ) as $table ) {
				$query( 'DROP TABLE `' . str_replace( '`', '``', $table ) . '`' );
			}
			$query( 'SELECT RELEASE_LOCK(?)', array( 'workos_companion_tests_install' ) );
			workos_tests_abort( "installing WordPress into the test database failed (exit $status):\n  " . implode( "\n  ", $output ) );
		}
	}

	$query( 'SELECT RELEASE_LOCK(?)', array( 'workos_companion_tests_install' ) );
	$db->close();
}

$workos_tests_site = rtrim( workos_tests_env( 'WP_SITE_DIR' ), '/' );
$workos_tests_url  = rtrim( workos_tests_env( 'SANDBOX_WP_URL' ), '/' );
workos_tests_env( 'SANDBOX_STATE' );
if ( ! is_file( $workos_tests_site . '/wp-load.php' ) || ! is_file( $workos_tests_site . '/wp-config.php' ) ) {
	workos_tests_abort( "WP_SITE_DIR=$workos_tests_site is not a sandbox site (no wp-load.php or wp-config.php)." );
}

putenv( 'WP_DB_NAME=' . WORKOS_TESTS_DB_NAME ); // The sandbox's wp-config.php reads it.
workos_tests_install_once( $workos_tests_site, $workos_tests_url );

$workos_tests_parts         = parse_url( $workos_tests_url );
$_SERVER['HTTP_HOST']       = $workos_tests_parts['host'] . ( isset( $workos_tests_parts['port'] ) ? ':' . $workos_tests_parts['port'] : '' );
$_SERVER['SERVER_NAME']     = $workos_tests_parts['host'];
$_SERVER['SERVER_PORT']     = $workos_tests_parts['port'] ?? 80;
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';

// At file scope: WordPress keeps its state in globals declared while loading.
// PHPUnit includes this file inside a function: WordPress's globals must be declared global
// here, or they end up local to it (shortcodes, for one, would vanish).
global $shortcode_tags, $wp_filter, $wp_actions, $wp_current_filter, $wp_rewrite, $wp, $wp_query, $wp_the_query,
	$wpdb, $wp_roles, $wp_locale, $wp_widget_factory, $wp_embed, $wp_version, $table_prefix, $current_user;
require $workos_tests_site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

if ( WORKOS_TESTS_DB_NAME !== DB_NAME ) {
	workos_tests_abort( 'wp-config.php ignored WP_DB_NAME: WordPress uses database ' . DB_NAME . '.' );
}
if ( DB_HOST !== getenv( 'WP_DB_HOST' ) . ':' . getenv( 'WP_DB_PORT' ) ) {
	workos_tests_abort( 'wp-config.php points at ' . DB_HOST . ' but WP_DB_HOST:WP_DB_PORT is ' . getenv( 'WP_DB_HOST' ) . ':' . getenv( 'WP_DB_PORT' ) . '.' );
}

require_once __DIR__ . '/WPTestCase.php';
require_once __DIR__ . '/support/EmulatorEnvironment.php';
