<?php
/**
 * The sign-in round trip through WorkOS, as a browser does it, against the sandbox site in
 * redirect mode and its emulator: wp-login.php → AuthKit page → form post → /workos/callback
 * (code exchange, user link, role, cookie) → wp-admin. Reports the whole trip and the callback
 * request alone. Baseline in the same run: WordPress's own password login (wp-login.php?fallback=1
 * form post) of the sandbox administrator.
 *
 *   php bench/callback_roundtrip.php SITE_URL SITE_DIR [ROUNDS]
 *
 * Needs SANDBOX_STATE (credentials). Configures the served site for the emulator (bench sandbox).
 */

// phpcs:disable -- a benchmark script, not plugin code.

if ( $argc < 3 ) {
	fwrite( STDERR, "usage: php bench/callback_roundtrip.php SITE_URL SITE_DIR [ROUNDS]\n" );
	exit( 2 );
}
list( , $site, $site_dir ) = $argv;
$site   = rtrim( $site, '/' );
$rounds = (int) ( $argv[3] ?? 30 );

$state = rtrim( (string) getenv( 'SANDBOX_STATE' ), '/' );
$creds = array();
foreach ( file( $state . '/credentials.env', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES ) ?: array() as $line ) {
	if ( preg_match( "/^([A-Z_]+)='([^']*)'$/", $line, $m ) ) {
		$creds[ $m[1] ] = $m[2];
	}
}
passthru(
	escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( dirname( __DIR__ ) . '/sandbox/lib/wordpress/configure-workos.php' ) . ' '
	. escapeshellarg( $site_dir ) . ' ' . escapeshellarg( $site ) . ' login_mode=redirect allow_password_fallback=true > /dev/null',
	$rc
);
if ( 0 !== $rc ) {
	fwrite( STDERR, "callback_roundtrip: could not configure the site\n" );
	exit( 1 );
}

/** One HTTP request without following redirects; returns [status, headers, body, seconds]. */
function http( string $method, string $url, string $jar, array $form = null ): array {
	$ch = curl_init( $url );
	curl_setopt_array(
		$ch,
		array(
			CURLOPT_CUSTOMREQUEST  => $method,
			CURLOPT_RETURNTRANSFER => true,
			CURLOPT_HEADER         => true,
			CURLOPT_FOLLOWLOCATION => false,
			CURLOPT_COOKIEJAR      => $jar,
			CURLOPT_COOKIEFILE     => $jar,
			CURLOPT_TIMEOUT        => 30,
		)
	);
	if ( null !== $form ) {
		curl_setopt( $ch, CURLOPT_POSTFIELDS, http_build_query( $form ) );
	}
	$raw = curl_exec( $ch );
	if ( false === $raw ) {
		fwrite( STDERR, "callback_roundtrip: $method $url: " . curl_error( $ch ) . "\n" );
		exit( 1 );
	}
	$split = curl_getinfo( $ch, CURLINFO_HEADER_SIZE );
	$out   = array( curl_getinfo( $ch, CURLINFO_RESPONSE_CODE ), substr( $raw, 0, $split ), substr( $raw, $split ), curl_getinfo( $ch, CURLINFO_TOTAL_TIME ) );
	curl_close( $ch );
	return $out;
}

function location( string $headers ): string {
	return preg_match( '/^Location:\s*(\S+)/mi', $headers, $m ) ? $m[1] : '';
}

/** The SSO trip; returns [total seconds, callback seconds]. */
function sso( string $site, string $email ): array {
	$jar = tempnam( sys_get_temp_dir(), 'bench-jar' );
	$t0  = microtime( true );
	list( $s1, $h1 ) = http( 'GET', $site . '/wp-login.php', $jar );
	$authorize       = location( $h1 );
	list( , , $page ) = http( 'GET', $authorize, $jar );
	if ( ! preg_match( '/<form[^>]*id="sign-in-form"[^>]*>/', $page, $form ) || ! preg_match( '/action="([^"]+)"/', $form[0], $fm ) ) {
		fwrite( STDERR, "callback_roundtrip: no sign-in form (wp-login answered $s1)\n" );
		exit( 1 );
	}
	$fields = array();
	preg_match_all( '/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/', $page, $hm, PREG_SET_ORDER );
	foreach ( $hm as $h ) {
		$fields[ html_entity_decode( $h[1] ) ] = html_entity_decode( $h[2], ENT_QUOTES );
	}
	$fields['email']    = $email;
	$fields['password'] = 'Password123!';
	$action             = html_entity_decode( $fm[1] );
	$base               = preg_replace( '#^(https?://[^/]+).*$#', '$1', $authorize );
	list( , $h3 )       = http( 'POST', 0 === strpos( $action, 'http' ) ? $action : $base . $action, $jar, $fields );
	$callback           = location( $h3 );
	list( $s4, $h4, , $callback_seconds ) = http( 'GET', $callback, $jar );
	$total = microtime( true ) - $t0;
	@unlink( $jar );
	if ( 302 !== $s4 || false === strpos( location( $h4 ), '/wp-admin' ) || false === stripos( $h4, 'wordpress_logged_in' ) ) {
		fwrite( STDERR, "callback_roundtrip: the callback did not sign in (HTTP $s4, Location " . location( $h4 ) . ")\n" );
		exit( 1 );
	}
	return array( $total, $callback_seconds );
}

/** The native password login; returns seconds. */
function native( string $site, string $user, string $password ): float {
	$jar = tempnam( sys_get_temp_dir(), 'bench-jar' );
	$t0  = microtime( true );
	http( 'GET', $site . '/wp-login.php?fallback=1', $jar );
	list( $status, $headers ) = http( 'POST', $site . '/wp-login.php?fallback=1', $jar, array( 'log' => $user, 'pwd' => $password, 'fallback' => '1', 'testcookie' => '1' ) );
	$total = microtime( true ) - $t0;
	@unlink( $jar );
	if ( 302 !== $status || false === stripos( $headers, 'wordpress_logged_in' ) ) {
		fwrite( STDERR, "callback_roundtrip: the native login failed (HTTP $status)\n" );
		exit( 1 );
	}
	return $total;
}

function median( array $v ): float {
	sort( $v );
	return $v[ intdiv( count( $v ), 2 ) ];
}

for ( $i = 0; $i < 3; ++$i ) { // warm-up: the first trip creates the WordPress user
	sso( $site, 'alan@acme.test' );
	native( $site, 'admin', $creds['SANDBOX_ADMIN_PASSWORD'] );
}
$trips = array();
$callbacks = array();
$natives = array();
for ( $i = 0; $i < $rounds; ++$i ) {
	list( $trip, $callback ) = sso( $site, 'alan@acme.test' );
	$trips[]     = $trip * 1000;
	$callbacks[] = $callback * 1000;
	$natives[]   = native( $site, 'admin', $creds['SANDBOX_ADMIN_PASSWORD'] ) * 1000;
}
printf( "sign-in round trip: %d rounds, %s\n", $rounds, $site );
printf( "  baseline native password login (2 requests)  median %7.1f ms\n", median( $natives ) );
printf( "  WorkOS SSO round trip (5 requests)           median %7.1f ms   ratio %.2fx\n", median( $trips ), median( $trips ) / median( $natives ) );
printf( "  of which GET /workos/callback                median %7.1f ms   ratio %.2fx\n", median( $callbacks ), median( $callbacks ) / median( $natives ) );
