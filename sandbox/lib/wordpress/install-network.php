<?php
/**
 * php install-network.php setup|sites NETWORK_DIR URL ADMIN_LOGIN CREDENTIALS_OUT
 *
 * Makes the multisite network of sandbox/network, in two processes because WordPress decides at
 * load time whether it is a network:
 *   setup (WORKOS_NETWORK_SETUP=1, loaded as a single site): installs WordPress, then the network
 *         tables (install_network, populate_network) for subdirectory sites on URL's host:port;
 *   sites (loaded as the network): the sites /acme/ and /globex/, then the companion activated
 *         network-wide, as a super admin does it in Network Admin → Plugins.
 * The administrator (a super admin) gets a random password, written to CREDENTIALS_OUT (0600).
 * Globals carry a prefix: wp-settings.php overwrites names such as $site.
 */
if ( $argc < 6 || ! in_array( $argv[1], array( 'setup', 'sites' ), true ) ) {
	fwrite( STDERR, "usage: php install-network.php setup|sites NETWORK_DIR URL ADMIN_LOGIN CREDENTIALS_OUT\n" );
	exit( 2 );
}
list( , $sbx_phase, $sbx_dir, $sbx_url, $sbx_admin, $sbx_out ) = $argv;
$sbx_parts = parse_url( $sbx_url );
$sbx_host  = $sbx_parts['host'] . ':' . $sbx_parts['port'];
$_SERVER['HTTP_HOST']   = $sbx_host;
$_SERVER['SERVER_NAME'] = $sbx_parts['host'];
$_SERVER['SERVER_PORT'] = $sbx_parts['port'];
$_SERVER['REQUEST_URI'] = '/';

if ( 'setup' === $sbx_phase ) {
	define( 'WP_INSTALLING', true );
	define( 'WP_INSTALLING_NETWORK', true );
}
require $sbx_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/network.php';

function sbx_fail( string $what ): void {
	fwrite( STDERR, "install-network.php: $what\n" );
	exit( 1 );
}

if ( 'setup' === $sbx_phase ) {
	if ( is_multisite() ) {
		sbx_fail( 'the network is loaded as a multisite already: run this phase with WORKOS_NETWORK_SETUP=1' );
	}
	$sbx_password = wp_generate_password( 20, false );
	$sbx_result   = wp_install( 'WorkOS Sandbox Network', $sbx_admin, $sbx_admin . '@sandbox.test', false, '', $sbx_password );
	if ( is_wp_error( $sbx_result ) ) {
		sbx_fail( 'wp_install: ' . $sbx_result->get_error_message() );
	}
	update_option( 'siteurl', $sbx_url );
	update_option( 'home', $sbx_url );
	update_option( 'permalink_structure', '/%postname%/' );
	update_option( 'show_avatars', 0 );
	// As wp-admin/network.php does: a single site has no names for the network tables yet.
	foreach ( $wpdb->tables( 'ms_global' ) as $sbx_table => $sbx_prefixed ) {
		$wpdb->$sbx_table = $sbx_prefixed;
	}
	install_network();
	$sbx_network = populate_network( 1, $sbx_host, $sbx_admin . '@sandbox.test', 'WorkOS Sandbox Network', '/', false );
	if ( is_wp_error( $sbx_network ) && 'no_wildcard_dns' !== $sbx_network->get_error_code() ) {
		sbx_fail( 'populate_network: ' . $sbx_network->get_error_message() );
	}
	file_put_contents( $sbx_out, sprintf( "# Sandbox-only credentials, written by sandbox/lib/wordpress/install-network.php\nSANDBOX_NETWORK_ADMIN_PASSWORD='%s'\n", $sbx_password ) );
	chmod( $sbx_out, 0600 );
	echo "network tables ready on $sbx_host\n";
	exit( 0 );
}

if ( ! is_multisite() ) {
	sbx_fail( 'WordPress did not load as a network: is MULTISITE defined in wp-config.php?' );
}
$sbx_admin_user = get_user_by( 'login', $sbx_admin );
if ( ! $sbx_admin_user ) {
	sbx_fail( "no administrator $sbx_admin" );
}
foreach ( array( 'acme' => 'Acme Corp', 'globex' => 'Globex' ) as $sbx_slug => $sbx_title ) {
	$sbx_site_id = wp_insert_site(
		array(
			'domain'  => $sbx_host,
			'path'    => '/' . $sbx_slug . '/',
			'title'   => $sbx_title,
			'user_id' => $sbx_admin_user->ID,
			'options' => array( 'permalink_structure' => '/%postname%/', 'show_avatars' => 0 ),
		)
	);
	if ( is_wp_error( $sbx_site_id ) ) {
		sbx_fail( "site /$sbx_slug/: " . $sbx_site_id->get_error_message() );
	}
	// WordPress strips the ":" of host:port from a new site's domain (sites live on ports 80 and
	// 443 in production); the sandbox's network lives on its own port, so the site gets it back.
	$wpdb->update( $wpdb->blogs, array( 'domain' => $sbx_host ), array( 'blog_id' => $sbx_site_id ) );
	clean_blog_cache( $sbx_site_id );
	update_blog_option( $sbx_site_id, 'siteurl', $sbx_url . '/' . $sbx_slug );
	update_blog_option( $sbx_site_id, 'home', $sbx_url . '/' . $sbx_slug );
}
$sbx_activated = activate_plugin( 'workos-companion/workos-companion.php', '', true );
if ( is_wp_error( $sbx_activated ) ) {
	sbx_fail( 'network activation: ' . $sbx_activated->get_error_message() );
}
echo 'network ready at ' . $sbx_url . ' with ' . count( get_sites() ) . " sites, the companion network-active\n";
