<?php
/**
 * `wpworkos sync import` of USERS WorkOS users from the sandbox's emulator into the served site
 * (issue 7): users/s, the console's peak RSS, and the ratio to the companion's own users/batch
 * rate measured in the same run without the console (the same users' creates posted straight to
 * POST /wp-json/workos/v1/admin/users/batch, 500 a request, 2 in flight — what the console sends).
 *
 *   php bench/sync_import.php SITE_URL SITE_DIR WPWORKOS_BIN [USERS]
 *
 * Needs SANDBOX_STATE and SANDBOX_EMULATOR_PORT. Makes USERS WorkOS users in an organization of
 * their own (so the import is scoped to them), runs the baseline on a copy of their e-mails,
 * removes those WordPress users, then runs the console (its own data folder and keyring session:
 * run under scripts/with-keyring), checks that every WorkOS user is linked to exactly one
 * WordPress user, and removes the bench users again. Targets: ratio >= 0.85, RSS <= 150 MB.
 * Exits non-zero when a check fails.
 */

// phpcs:disable -- a benchmark script, not plugin code.

require __DIR__ . '/lib/served-site.php';

if ( $argc < 4 ) {
	fwrite( STDERR, "usage: php bench/sync_import.php SITE_URL SITE_DIR WPWORKOS_BIN [USERS]\n" );
	exit( 2 );
}
list( , $site, $site_dir, $bin ) = $argv;
$site     = rtrim( $site, '/' );
$users    = max( 100, (int) ( $argv[4] ?? 10000 ) );
$state    = rtrim( (string) getenv( 'SANDBOX_STATE' ), '/' );
$emulator = 'http://127.0.0.1:' . getenv( 'SANDBOX_EMULATOR_PORT' );


function env_file( string $file ): array {
	$out = array();
	foreach ( is_readable( $file ) ? file( $file, FILE_IGNORE_NEW_LINES ) : array() as $line ) {
		if ( preg_match( "/^([A-Z_]+)='([^']*)'$/", trim( $line ), $m ) ) {
			$out[ $m[1] ] = $m[2];
		}
	}
	return $out;
}

$site_creds = env_file( "$state/credentials.env" );
$workos     = env_file( "$state/emulator/credentials.env" );
if ( empty( $site_creds['SANDBOX_APP_PASSWORD'] ) || empty( $workos['SANDBOX_WORKOS_API_KEY'] ) ) {
	fail( "no sandbox credentials under $state" );
}
$auth = 'admin:' . $site_creds['SANDBOX_APP_PASSWORD'];

/** One keep-alive JSON request; [status, decoded body]. */
function call( $curl, string $method, string $url, ?array $body, array $headers ): array {
	curl_setopt_array( $curl, array(
		CURLOPT_URL            => $url,
		CURLOPT_CUSTOMREQUEST  => $method,
		CURLOPT_POSTFIELDS     => null === $body ? null : json_encode( $body ),
		CURLOPT_HTTPHEADER     => array_merge( array( 'Content-Type: application/json' ), $headers ),
		CURLOPT_RETURNTRANSFER => true,
		CURLOPT_TIMEOUT        => 300,
	) );
	$raw = curl_exec( $curl );
	return array( (int) curl_getinfo( $curl, CURLINFO_HTTP_CODE ), json_decode( (string) $raw, true ) );
}


/** Removes the WordPress users of this run in a few statements, inside the served site. */
function remove_site_users( string $site_dir, string $site, string $like ): void {
	served( $site_dir, $site, 'global $wpdb; $ids = array_map( "intval", $wpdb->get_col( $wpdb->prepare( "SELECT ID FROM {$wpdb->users} WHERE user_email LIKE %s", ' . var_export( $like, true ) . ' ) ) );'
		. 'foreach ( array_chunk( $ids, 1000 ) as $c ) { $l = implode( ",", $c ); $wpdb->query( "DELETE FROM {$wpdb->usermeta} WHERE user_id IN ($l)" ); $wpdb->query( "DELETE FROM {$wpdb->users} WHERE ID IN ($l)" ); }'
		. 'wp_update_user_counts(); echo count( $ids );' );
}

// The emulator tells the site about every user it makes (user.created webhooks), and the site
// provisions them itself: for the length of the bench its webhooks go unverified (no secret),
// so that the console imports every user. The settings are put back at the end.
$site_php = static function ( string $code ) use ( $site_dir, $site ) {
	return served( $site_dir, $site, $code );
};
$saved_rows = $site_php( '$rows = array(); foreach ( array( "workos_staging", "workos_production" ) as $o ) { $rows[ $o ] = get_option( $o, null ); $r = get_option( $o, array() ); if ( is_array( $r ) ) { unset( $r["webhook_secret"] ); update_option( $o, $r ); } } echo json_encode( $rows );' );
register_shutdown_function( static function () use ( $site_php, $saved_rows ) {
	$site_php( '$rows = json_decode( ' . var_export( json_encode( $saved_rows ), true ) . ', true ); foreach ( $rows as $o => $v ) { null === $v ? delete_option( $o ) : update_option( $o, $v ); } echo "true";' );
} );

$tag     = 'sib' . substr( (string) time(), -6 );
$api     = curl_init();
$bearer  = array( 'Authorization: Bearer ' . $workos['SANDBOX_WORKOS_API_KEY'] );
list( $status, $org ) = call( $api, 'POST', "$emulator/organizations", array( 'name' => "Sync import bench $tag" ), $bearer );
if ( 201 !== $status ) {
	fail( "the emulator did not create the organization ($status)" );
}
$t0  = microtime( true );
$ids = array();
for ( $i = 0; $i < $users; $i++ ) {
	list( $status, $u ) = call( $api, 'POST', "$emulator/user_management/users", array( 'email' => "$tag-$i@example.test", 'first_name' => 'Bench', 'last_name' => "User $i", 'email_verified' => true ), $bearer );
	list( $mstatus )     = 201 === $status ? call( $api, 'POST', "$emulator/user_management/organization_memberships", array( 'user_id' => $u['id'], 'organization_id' => $org['id'] ), $bearer ) : array( 0 );
	if ( 201 !== $status || 201 !== $mstatus ) {
		fail( "the emulator did not create user $i ($status / $mstatus)" );
	}
	$ids[] = $u['id'];
}
printf( "setup: %d WorkOS users in %s, %.1f s\n", $users, $org['id'], microtime( true ) - $t0 );

// Baseline: the same creates straight to users/batch (500 a request, 2 in flight), under other ids.
$bodies = array();
foreach ( array_chunk( range( 0, $users - 1 ), 500 ) as $chunk ) {
	$ops = array();
	foreach ( $chunk as $i ) {
		$ops[] = array( 'op' => 'create', 'email' => "$tag-base-$i@example.test", 'first_name' => 'Bench', 'last_name' => "User $i", 'workos_user_id' => "user_{$tag}_base_$i", 'organization_id' => $org['id'] );
	}
	$bodies[] = array( 'operations' => $ops );
}
$base_seconds = post_all( "$site/wp-json/workos/v1/admin/users/batch", $auth, array_map( 'json_encode', $bodies ), 2,
	static function ( $key, int $status, string $answer ) {
		if ( 200 !== $status ) {
			fail( "users/batch answered $status: " . substr( $answer, 0, 300 ) );
		}
	}
);
$base_rate    = $users / $base_seconds;
remove_site_users( $site_dir, $site, "$tag-base-%" );

// The console: its own data folder; site profile and WorkOS key through its own commands.
$data = sys_get_temp_dir() . "/sync-import-bench-$tag";
@mkdir( $data, 0700, true );
$env  = 'WPWORKOS_DATA_DIR=' . escapeshellarg( $data ) . ' ';
$run  = static function ( string $args, string $stdin = '' ) use ( $env, $bin ): array {
	$cmd = ( '' === $stdin ? '' : 'printf %s ' . escapeshellarg( $stdin ) . ' | ' ) . $env . escapeshellarg( $bin ) . ' ' . $args . ' 2>&1';
	exec( $cmd, $out, $rc );
	return array( $rc, implode( "\n", $out ) );
};
list( $rc, $out ) = $run( 'site add bench --url ' . escapeshellarg( $site ) . ' --user admin --password-stdin', $site_creds['SANDBOX_APP_PASSWORD'] . "\n" );
if ( 0 !== $rc ) {
	fail( "site add failed: $out" );
}
list( $rc, $out ) = $run( '--env staging site secret bench api-key --secret-stdin', $workos['SANDBOX_WORKOS_API_KEY'] . "\n" );
if ( 0 !== $rc ) {
	fail( "site secret failed: $out" );
}
$start = microtime( true );
exec( $env . '/usr/bin/time -f "RSS %M" ' . escapeshellarg( $bin ) . ' --env staging sync import --organization_id=' . escapeshellarg( $org['id'] ) . ' --yes --report ' . escapeshellarg( "$data/report.csv" ) . ' 2>&1', $lines, $rc );
$seconds = microtime( true ) - $start;
$text    = implode( "\n", $lines );
if ( 0 !== $rc || ! preg_match( '/Imported: (\d+) imported, (\d+) failed, (\d+) skipped/', $text, $m ) || (int) $m[1] !== $users ) {
	fail( "sync import did not import every user (exit $rc): " . substr( $text, -1500 ) . "\n" . implode( '', array_slice( (array) @file( "$data/report.csv" ), 0, 5 ) ) );
}
preg_match( '/RSS (\d+)/', $text, $rss );
$rss_mb = isset( $rss[1] ) ? (int) $rss[1] / 1024 : -1;

// Every WorkOS user linked to exactly one WordPress user.
$check_rows = served( $site_dir, $site, 'global $wpdb; echo json_encode( $wpdb->get_results( $wpdb->prepare( "SELECT m.meta_value id, COUNT(*) n FROM {$wpdb->usermeta} m JOIN {$wpdb->users} u ON u.ID = m.user_id WHERE m.meta_key = %s AND u.user_email LIKE %s GROUP BY m.meta_value", "_workos_user_id", ' . var_export( "$tag-%", true ) . ' ), ARRAY_A ) );' );
$linked = array();
foreach ( (array) $check_rows as $row ) {
	$linked[ $row['id'] ] = (int) $row['n'];
}
$wrong = 0;
foreach ( $ids as $id ) {
	$wrong += 1 === ( $linked[ $id ] ?? 0 ) ? 0 : 1;
}
remove_site_users( $site_dir, $site, "$tag-%" );
exec( 'rm -rf ' . escapeshellarg( $data ) );

$rate  = $users / $seconds;
$ratio = $rate / $base_rate;
printf( "sync import: %d WorkOS users, %s\n", $users, $site );
printf( "  baseline users/batch straight (500/request, 2 in flight)   %7.1f users/s  (%.1f s)\n", $base_rate, $base_seconds );
printf( "  wpworkos sync import (pages WorkOS, plans, journals, posts) %7.1f users/s  (%.1f s)  ratio %.2f (target >= 0.85: %s)\n", $rate, $seconds, $ratio, $ratio >= 0.85 ? 'met' : 'NOT met' );
printf( "  console peak RSS %.1f MB (target <= 150 MB: %s)\n", $rss_mb, $rss_mb >= 0 && $rss_mb <= 150 ? 'met' : 'NOT met' );
printf( "  check: %d of %d WorkOS users not linked to exactly one WordPress user\n", $wrong, $users );
exit( $wrong ? 1 : 0 );
