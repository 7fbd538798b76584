<?php
/**
 * php configure-workos.php SITE_DIR URL [KEY=VALUE ...]
 *
 * URL is the site's address; in the multisite network of sandbox/network, the site's own
 * (http://127.0.0.1:8090/acme/).
 *
 * Makes the sandbox site's active WorkOS environment (staging unless WORKOS_ENVIRONMENT says
 * otherwise) "enabled" against its emulator: the emulator's API key, client ID and webhook secret
 * from $SITE_DIR/../emulator/credentials.env (or CREDENTIALS=file), environment_id
 * "environment_sandbox", then every KEY=VALUE given, in the environment's option row.
 *
 *   login_mode=redirect|headless   allow_password_fallback=true|false   organization_id=org_...
 *   role_map='{"admin":"administrator"}'   (JSON objects/arrays and true/false/null are decoded)
 *   KEY=                           removes KEY from the row
 *   enabled=0                      removes the credentials (the site signs in with WordPress only)
 *
 * Idempotent: running it twice with the same arguments leaves the same row. Prints the row with
 * secrets masked.
 */
if ( $argc < 3 ) {
	fwrite( STDERR, "usage: php configure-workos.php SITE_DIR URL [KEY=VALUE ...]\n" );
	exit( 2 );
}
$sbx_site  = rtrim( $argv[1], '/' );
$sbx_url   = $argv[2];
$sbx_pairs = array();
foreach ( array_slice( $argv, 3 ) as $sbx_arg ) {
	if ( ! preg_match( '/^([a-z_]+)=(.*)$/s', $sbx_arg, $sbx_m ) ) {
		fwrite( STDERR, "configure-workos.php: expected KEY=VALUE, got '$sbx_arg'\n" );
		exit( 2 );
	}
	$sbx_pairs[ $sbx_m[1] ] = $sbx_m[2];
}

$sbx_credentials_file = $sbx_pairs['CREDENTIALS'] ?? dirname( $sbx_site ) . '/emulator/credentials.env';
unset( $sbx_pairs['CREDENTIALS'] );
$sbx_credentials = array();
foreach ( is_readable( $sbx_credentials_file ) ? file( $sbx_credentials_file, FILE_IGNORE_NEW_LINES ) : array() as $sbx_line ) {
	if ( preg_match( "/^([A-Z_]+)='([^']*)'$/", trim( $sbx_line ), $sbx_m ) ) {
		$sbx_credentials[ $sbx_m[1] ] = $sbx_m[2];
	}
}

$sbx_parts              = parse_url( $sbx_url );
$_SERVER['HTTP_HOST']   = $sbx_parts['host'] . ( isset( $sbx_parts['port'] ) ? ':' . $sbx_parts['port'] : '' );
$_SERVER['SERVER_NAME'] = $sbx_parts['host'];
// The URL's path picks the site of a multisite network (sandbox/network: .../acme/).
$_SERVER['REQUEST_URI'] = rtrim( $sbx_parts['path'] ?? '', '/' ) . '/';
require $sbx_site . '/wp-load.php';

$sbx_env = defined( 'WORKOS_ENVIRONMENT' ) && in_array( WORKOS_ENVIRONMENT, array( 'production', 'staging' ), true ) ? WORKOS_ENVIRONMENT : 'staging';
if ( ! defined( 'WORKOS_ENVIRONMENT' ) ) {
	update_option( 'workos_active_environment', $sbx_env );
}
$sbx_row = get_option( 'workos_' . $sbx_env, array() );
$sbx_row = is_array( $sbx_row ) ? $sbx_row : array();

$sbx_enabled = ! isset( $sbx_pairs['enabled'] ) || ! in_array( strtolower( $sbx_pairs['enabled'] ), array( '0', 'false', 'no', 'off' ), true );
unset( $sbx_pairs['enabled'] );
if ( $sbx_enabled ) {
	if ( empty( $sbx_credentials['SANDBOX_WORKOS_API_KEY'] ) || empty( $sbx_credentials['SANDBOX_WORKOS_CLIENT_ID'] ) ) {
		fwrite( STDERR, "configure-workos.php: no emulator credentials in $sbx_credentials_file\n" );
		exit( 1 );
	}
	$sbx_row['api_key']        = $sbx_credentials['SANDBOX_WORKOS_API_KEY'];
	$sbx_row['client_id']      = $sbx_credentials['SANDBOX_WORKOS_CLIENT_ID'];
	$sbx_row['webhook_secret'] = $sbx_credentials['SANDBOX_WEBHOOK_SECRET'] ?? ( $sbx_row['webhook_secret'] ?? '' );
	$sbx_row['environment_id'] = 'environment_sandbox';
} else {
	unset( $sbx_row['api_key'], $sbx_row['client_id'], $sbx_row['environment_id'] );
}

foreach ( $sbx_pairs as $sbx_key => $sbx_value ) {
	if ( '' === $sbx_value ) {
		unset( $sbx_row[ $sbx_key ] );
		continue;
	}
	$sbx_decoded         = json_decode( $sbx_value, true );
	$sbx_row[ $sbx_key ] = ( JSON_ERROR_NONE === json_last_error() && ! is_int( $sbx_decoded ) && ! is_float( $sbx_decoded ) ) ? $sbx_decoded : $sbx_value;
}
update_option( 'workos_' . $sbx_env, $sbx_row );

$sbx_shown = $sbx_row;
foreach ( array( 'api_key', 'webhook_secret' ) as $sbx_secret ) {
	if ( isset( $sbx_shown[ $sbx_secret ] ) ) {
		$sbx_shown[ $sbx_secret ] = str_repeat( '*', max( 0, strlen( $sbx_shown[ $sbx_secret ] ) - 4 ) ) . substr( $sbx_shown[ $sbx_secret ], -4 );
	}
}
echo 'workos_', $sbx_env, ' ', json_encode( $sbx_shown, JSON_UNESCAPED_SLASHES ), "\n";
