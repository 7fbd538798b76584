<?php
/**
 * Router of PHP's built-in server for the sandbox's multisite network (subdirectory sites): what
 * nginx's WordPress multisite rules do. /acme/wp-admin/x.php runs /wp-admin/x.php, /acme/wp-includes
 * and /acme/wp-content serve the network's shared files, other *.php run as they are, and every
 * other path goes to index.php, which finds the site from the path.
 *
 * php -S 127.0.0.1:PORT -t NETWORK_DIR network-router.php
 */
$sbx_root = rtrim( $_SERVER['DOCUMENT_ROOT'], '/' );
$sbx_path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
if ( false !== strpos( $sbx_path, '..' ) ) {
	http_response_code( 400 );
	exit;
}
// A site's slug in front of WordPress's own folders and scripts.
if ( preg_match( '#^/[_0-9a-zA-Z-]+(/wp-(?:admin|includes|content)(?:/.*)?|/[^/]+\.php)$#', $sbx_path, $sbx_m ) && file_exists( $sbx_root . $sbx_m[1] ) ) {
	$sbx_path = $sbx_m[1];
}
$sbx_file = $sbx_root . $sbx_path;
if ( is_dir( $sbx_file ) ) {
	$sbx_file = rtrim( $sbx_file, '/' ) . '/index.php';
	$sbx_path = rtrim( $sbx_path, '/' ) . '/index.php';
}
if ( ! is_file( $sbx_file ) ) {
	$sbx_file = $sbx_root . '/index.php';
	$sbx_path = '/index.php';
}
if ( '.php' !== substr( $sbx_file, -4 ) ) {
	$sbx_types = array( 'css' => 'text/css', 'js' => 'application/javascript', 'svg' => 'image/svg+xml', 'png' => 'image/png' );
	$sbx_ext   = strtolower( pathinfo( $sbx_file, PATHINFO_EXTENSION ) );
	header( 'Content-Type: ' . ( $sbx_types[ $sbx_ext ] ?? 'application/octet-stream' ) );
	readfile( $sbx_file );
	exit;
}
$_SERVER['SCRIPT_FILENAME'] = $sbx_file;
$_SERVER['SCRIPT_NAME']     = $sbx_path;
$_SERVER['PHP_SELF']        = $sbx_path;
chdir( dirname( $sbx_file ) );
unset( $sbx_root, $sbx_path, $sbx_m, $sbx_types, $sbx_ext );
require $sbx_file;
