<?php
/**
 * php point-at-emulator.php SITE_DIR URL WORKOS_URL
 *
 * Points the sandbox site at its WorkOS emulator through the companion's base-URL option (run on
 * every sandbox/up, so a changed emulator port reaches the site). An option, not a constant: the
 * console can see and change it, and PHPUnit's database keeps the real default.
 */
if ( $argc < 4 ) {
	fwrite( STDERR, "usage: php point-at-emulator.php SITE_DIR URL WORKOS_URL\n" );
	exit( 2 );
}
list( , $sbx_site, $sbx_url, $sbx_workos ) = $argv;
$sbx_parts              = parse_url( $sbx_url );
$_SERVER['HTTP_HOST']   = $sbx_parts['host'] . ( isset( $sbx_parts['port'] ) ? ':' . $sbx_parts['port'] : '' );
$_SERVER['SERVER_NAME'] = $sbx_parts['host'];
$_SERVER['REQUEST_URI'] = '/';
require $sbx_site . '/wp-load.php';
update_option( 'workos_api_base_url', esc_url_raw( $sbx_workos ) );
echo 'WorkOS base URL: ', get_option( 'workos_api_base_url' ), "\n";
