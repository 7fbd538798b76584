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
// A network (sandbox/network): every site, each having its own settings.
foreach ( is_multisite() ? get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) : array( 0 ) as $sbx_blog ) {
	$sbx_blog && switch_to_blog( (int) $sbx_blog );
	update_option( 'workos_api_base_url', esc_url_raw( $sbx_workos ) );
	echo 'WorkOS base URL', $sbx_blog ? " of site $sbx_blog" : '', ': ', get_option( 'workos_api_base_url' ), "\n";
	$sbx_blog && restore_current_blog();
}
