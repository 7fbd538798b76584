<?php
/**
 * php demo-content.php SITE_DIR URL
 *
 * The demo's front door: a published page "Sign in with WorkOS" holding the companion's login
 * button. Idempotent. Prints the page's URL.
 */
if ( $argc < 3 ) {
	fwrite( STDERR, "usage: php demo-content.php SITE_DIR URL\n" );
	exit( 2 );
}
list( , $sbx_site, $sbx_url ) = $argv;
$sbx_parts              = parse_url( $sbx_url );
$_SERVER['HTTP_HOST']   = $sbx_parts['host'] . ( isset( $sbx_parts['port'] ) ? ':' . $sbx_parts['port'] : '' );
$_SERVER['SERVER_NAME'] = $sbx_parts['host'];
$_SERVER['REQUEST_URI'] = '/';
require $sbx_site . '/wp-load.php';

$sbx_page = get_page_by_path( 'workos-sign-in' );
if ( ! $sbx_page ) {
	$sbx_id = wp_insert_post(
		array(
			'post_type'    => 'page',
			'post_name'    => 'workos-sign-in',
			'post_title'   => 'Sign in with WorkOS',
			'post_status'  => 'publish',
			'post_content' => "<!-- wp:paragraph --><p>Staff of Acme Corp sign in with their company account.</p><!-- /wp:paragraph -->\n"
				. "<!-- wp:shortcode -->[workos_login]<!-- /wp:shortcode -->",
		),
		true
	);
	if ( is_wp_error( $sbx_id ) ) {
		fwrite( STDERR, 'demo page: ' . $sbx_id->get_error_message() . "\n" );
		exit( 1 );
	}
	$sbx_page = get_post( $sbx_id );
}
echo get_permalink( $sbx_page ), "\n";
