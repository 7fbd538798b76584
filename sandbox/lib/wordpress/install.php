<?php
/**
 * php install.php SITE_DIR URL ADMIN_LOGIN CREDENTIALS_OUT
 *
 * Installs WordPress without WP-CLI, activates the companion, seeds users and posts, and creates
 * the console's Application Password. Idempotent: an installed site is only topped up.
 * Globals carry a prefix: wp-settings.php overwrites names such as $plugin and $site.
 */
if ( $argc < 5 ) {
	fwrite( STDERR, "usage: php install.php SITE_DIR URL ADMIN_LOGIN CREDENTIALS_OUT\n" );
	exit( 2 );
}
list( , $sbx_site, $sbx_url, $sbx_admin, $sbx_out ) = $argv;
$sbx_parts = parse_url( $sbx_url );
$_SERVER['HTTP_HOST']   = $sbx_parts['host'] . ( isset( $sbx_parts['port'] ) ? ':' . $sbx_parts['port'] : '' );
$_SERVER['SERVER_NAME'] = $sbx_parts['host'];
$_SERVER['SERVER_PORT'] = $sbx_parts['port'] ?? 80;
$_SERVER['REQUEST_URI'] = '/';

define( 'WP_INSTALLING', true );
require $sbx_site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

$sbx_password = null;
if ( ! is_blog_installed() ) {
	$sbx_password = wp_generate_password( 20, false );
	$sbx_result   = wp_install( 'WorkOS Sandbox', $sbx_admin, $sbx_admin . '@sandbox.test', false, '', $sbx_password );
	if ( is_wp_error( $sbx_result ) ) {
		fwrite( STDERR, 'wp_install: ' . $sbx_result->get_error_message() . "\n" );
		exit( 1 );
	}
}
update_option( 'permalink_structure', '/%postname%/' );
update_option( 'show_avatars', 0 );   // the browser would request gravatar.com on a closed network
update_option( 'blogdescription', 'A local WordPress with the WorkOS companion' );

$sbx_activated = activate_plugin( 'workos-companion/workos-companion.php' );
if ( is_wp_error( $sbx_activated ) ) {
	fwrite( STDERR, 'activate_plugin: ' . $sbx_activated->get_error_message() . "\n" );
	exit( 1 );
}

// A few users of every role and some content, so lists and role maps have something to show.
$sbx_people = array(
	array( 'editor', 'Erin', 'Editor', 'editor' ),
	array( 'author', 'Aaron', 'Author', 'author' ),
	array( 'contributor', 'Casey', 'Contributor', 'contributor' ),
	array( 'subscriber', 'Sam', 'Subscriber', 'subscriber' ),
	array( 'jdoe', 'Jane', 'Doe', 'editor' ),
	array( 'rroe', 'Richard', 'Roe', 'subscriber' ),
);
foreach ( $sbx_people as list( $sbx_login, $sbx_first, $sbx_last, $sbx_role ) ) {
	if ( username_exists( $sbx_login ) ) {
		continue;
	}
	wp_insert_user(
		array(
			'user_login'   => $sbx_login,
			'user_email'   => $sbx_login . '@sandbox.test',
			'user_pass'    => wp_generate_password( 20 ),
			'first_name'   => $sbx_first,
			'last_name'    => $sbx_last,
			'display_name' => $sbx_first . ' ' . $sbx_last,
			'role'         => $sbx_role,
		)
	);
}
$sbx_author = get_user_by( 'login', 'editor' );
foreach ( array( 'Welcome to the sandbox', 'Single sign-on with WorkOS', 'Directory sync explained' ) as $sbx_title ) {
	if ( get_page_by_title( $sbx_title, OBJECT, 'post' ) ) {
		continue;
	}
	wp_insert_post(
		array(
			'post_title'   => $sbx_title,
			'post_content' => '<!-- wp:paragraph --><p>' . esc_html( $sbx_title ) . ' — sample content of the WorkOS sandbox.</p><!-- /wp:paragraph -->',
			'post_status'  => 'publish',
			'post_author'  => $sbx_author ? $sbx_author->ID : 1,
		)
	);
}

// The console's credential: a fresh Application Password, written once to the 0600 credentials file.
$sbx_user = get_user_by( 'login', $sbx_admin );
if ( ! $sbx_user ) {
	fwrite( STDERR, "administrator $sbx_admin not found\n" );
	exit( 1 );
}
$sbx_existing = is_readable( $sbx_out ) ? file_get_contents( $sbx_out ) : '';
if ( null === $sbx_password && preg_match( "/SANDBOX_ADMIN_PASSWORD='([^']*)'/", $sbx_existing, $sbx_m ) ) {
	$sbx_password = $sbx_m[1];
}
if ( null === $sbx_password ) {
	// Installed before but the credentials were lost: set a new admin password rather than guess.
	$sbx_password = wp_generate_password( 20, false );
	wp_set_password( $sbx_password, $sbx_user->ID );
}
foreach ( WP_Application_Passwords::get_user_application_passwords( $sbx_user->ID ) as $sbx_item ) {
	if ( 'WorkOS Console (sandbox)' === $sbx_item['name'] ) {
		WP_Application_Passwords::delete_application_password( $sbx_user->ID, $sbx_item['uuid'] );
	}
}
$sbx_created = WP_Application_Passwords::create_new_application_password( $sbx_user->ID, array( 'name' => 'WorkOS Console (sandbox)' ) );
if ( is_wp_error( $sbx_created ) ) {
	fwrite( STDERR, 'application password: ' . $sbx_created->get_error_message() . "\n" );
	exit( 1 );
}
$sbx_env = sprintf(
	"# Sandbox-only credentials (never real ones), written by sandbox/lib/wordpress/install.php\nSANDBOX_ADMIN_PASSWORD='%s'\nSANDBOX_APP_PASSWORD='%s'\n",
	$sbx_password,
	$sbx_created[0]
);
file_put_contents( $sbx_out, $sbx_env );
chmod( $sbx_out, 0600 );
echo 'WordPress ready at ' . $sbx_url . ' (database ' . DB_NAME . ")\n";
