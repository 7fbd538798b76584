<?php
/**
 * REST bearer-token authentication with a warm JWKS against the same request authenticated by an
 * Application Password: GET /wp-json/wp/v2/users/me as one WordPress user, linked to the demo
 * WorkOS user ada@acme.test, through nginx + php-fpm. Batches of the two alternate so drift on the
 * machine hits both alike; every connection is kept alive. Target: ratio ≤ 1.1×.
 *
 *   php bench/bearer_auth.php SITE_URL SITE_DIR EMULATOR_URL [REQUESTS] [CONCURRENCY]
 *
 * Needs SANDBOX_STATE (for the emulator's credentials). The served site is enabled for the
 * emulator for the run and put back afterwards (wp-companion/tests/support/bearer-served-site.php).
 */

// phpcs:disable -- a benchmark script, not plugin code.

if ( $argc < 4 ) {
	fwrite( STDERR, "usage: php bench/bearer_auth.php SITE_URL SITE_DIR EMULATOR_URL [REQUESTS] [CONCURRENCY]\n" );
	exit( 2 );
}
list( , $site, $site_dir, $emulator ) = $argv;
$site        = rtrim( $site, '/' );
$emulator    = rtrim( $emulator, '/' );
$total       = (int) ( $argv[4] ?? 200 );
$concurrency = max( 1, (int) ( $argv[5] ?? 1 ) );
$batch       = 20;

$credentials = array();
foreach ( file( rtrim( (string) getenv( 'SANDBOX_STATE' ), '/' ) . '/emulator/credentials.env', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES ) ?: array() as $line ) {
	if ( preg_match( "/^([A-Z_]+)='([^']*)'$/", $line, $m ) ) {
		$credentials[ $m[1] ] = $m[2];
	}
}
if ( empty( $credentials['SANDBOX_WORKOS_API_KEY'] ) ) {
	fwrite( STDERR, "bearer_auth: no emulator credentials under \$SANDBOX_STATE/emulator/credentials.env\n" );
	exit( 2 );
}

/** Runs operations in the served site's WordPress. */
function served( string $site_dir, array $ops ): array {
	$env               = getenv();
	$env['WP_DB_NAME'] = 'wp';
	$process           = proc_open(
		array( PHP_BINARY, dirname( __DIR__ ) . '/wp-companion/tests/support/bearer-served-site.php', $site_dir ),
		array( 0 => array( 'pipe', 'r' ), 1 => array( 'pipe', 'w' ), 2 => array( 'pipe', 'w' ) ),
		$pipes,
		null,
		$env
	);
	fwrite( $pipes[0], json_encode( $ops ) );
	fclose( $pipes[0] );
	$out = stream_get_contents( $pipes[1] );
	$err = stream_get_contents( $pipes[2] );
	if ( 0 !== proc_close( $process ) ) {
		fwrite( STDERR, "bearer_auth: configuring the site failed: $err\n" );
		exit( 1 );
	}
	$lines = array_values( array_filter( explode( "\n", trim( $out ) ) ) );
	return json_decode( end( $lines ), true );
}

/** A fresh WorkOS access token for ada (real password sign-in at the emulator). */
function access_token( string $emulator, array $credentials ): string {
	$ch = curl_init( $emulator . '/user_management/authenticate' );
	curl_setopt_array(
		$ch,
		array(
			CURLOPT_POST           => true,
			CURLOPT_RETURNTRANSFER => true,
			CURLOPT_HTTPHEADER     => array( 'Content-Type: application/json' ),
			CURLOPT_POSTFIELDS     => json_encode(
				array(
					'grant_type'    => 'password',
					'email'         => 'ada@acme.test',
					'password'      => 'Password123!',
					'client_id'     => $credentials['SANDBOX_WORKOS_CLIENT_ID'],
					'client_secret' => $credentials['SANDBOX_WORKOS_API_KEY'],
				)
			),
		)
	);
	$answer = json_decode( (string) curl_exec( $ch ), true );
	if ( empty( $answer['access_token'] ) ) {
		fwrite( STDERR, "bearer_auth: the emulator gave no access token\n" );
		exit( 1 );
	}
	return $answer['access_token'];
}

/**
 * Sends $count requests with $concurrency in flight on kept-alive handles.
 *
 * @param CurlHandle[] $handles One per slot, reused.
 * @return array{0:float[],1:int} Milliseconds of each request, failures (not 200 or another user).
 */
function run_batch( array $handles, string $url, string $authorization, int $count, int $expected_id ): array {
	$multi    = curl_multi_init();
	$ms       = array();
	$failures = 0;
	$started  = 0;
	$start_of = array();
	$launch   = static function ( $ch ) use ( $multi, $url, $authorization, &$started, &$start_of ) {
		curl_setopt_array(
			$ch,
			array(
				CURLOPT_URL            => $url,
				CURLOPT_RETURNTRANSFER => true,
				CURLOPT_HTTPHEADER     => array( 'Authorization: ' . $authorization, 'Accept: application/json' ),
			)
		);
		$start_of[ spl_object_id( $ch ) ] = hrtime( true );
		curl_multi_add_handle( $multi, $ch );
		++$started;
	};
	foreach ( $handles as $ch ) {
		if ( $started < $count ) {
			$launch( $ch );
		}
	}
	do {
		curl_multi_exec( $multi, $running );
		while ( $info = curl_multi_info_read( $multi ) ) {
			$ch   = $info['handle'];
			$ms[] = ( hrtime( true ) - $start_of[ spl_object_id( $ch ) ] ) / 1e6;
			$body = json_decode( (string) curl_multi_getcontent( $ch ), true );
			if ( 200 !== curl_getinfo( $ch, CURLINFO_RESPONSE_CODE ) || ( $body['id'] ?? null ) !== $expected_id ) {
				if ( 0 === $failures++ && getenv( 'BENCH_VERBOSE' ) ) {
					fwrite( STDERR, 'bearer_auth: HTTP ' . curl_getinfo( $ch, CURLINFO_RESPONSE_CODE ) . ' ' . curl_multi_getcontent( $ch ) . "\n" );
				}
			}
			curl_multi_remove_handle( $multi, $ch );
			if ( $started < $count ) {
				$launch( $ch );
			}
		}
		if ( $running ) {
			curl_multi_select( $multi, 0.05 );
		}
	} while ( $running || count( $ms ) < $count );
	curl_multi_close( $multi );
	return array( $ms, $failures );
}

/** @param float[] $ms */
function figures( array $ms, float $seconds, int $failures ): array {
	sort( $ms );
	$n = count( $ms );
	return array(
		'p50'      => $ms[ intdiv( $n, 2 ) ],
		'p95'      => $ms[ min( $n - 1, intdiv( $n * 95, 100 ) ) ],
		'mean'     => array_sum( $ms ) / $n,
		'rps'      => $n / $seconds,
		'failures' => $failures,
	);
}

function show( string $name, array $f ): void {
	printf( "  %-40s p50 %7.2f ms   p95 %7.2f ms   mean %7.2f ms   %7.1f req/s   failures %d\n", $name, $f['p50'], $f['p95'], $f['mean'], $f['rps'], $f['failures'] );
}

// ---------------------------------------------------------------- set up the site

$names  = array( 'workos_api_base_url', 'workos_active_environment', 'workos_staging' );
$before = served( $site_dir, array_map( static function ( $n ) { return array( 'get_option', $n ); }, $names ) );
$login  = 'bench_bearer_' . bin2hex( random_bytes( 3 ) );
$setup  = served(
	$site_dir,
	array(
		array( 'update_option', 'workos_api_base_url', $emulator ),
		array( 'update_option', 'workos_active_environment', 'staging' ),
		array(
			'update_option',
			'workos_staging',
			array(
				'api_key'        => $credentials['SANDBOX_WORKOS_API_KEY'],
				'client_id'      => $credentials['SANDBOX_WORKOS_CLIENT_ID'],
				'environment_id' => 'environment_sandbox',
			),
		),
		array( 'delete_transients', 'workos_jwks_' ), // The warm-up fetches the keys afresh.
		array( 'create_user', array( 'login' => $login, 'role' => 'editor', 'meta' => array( '_workos_user_id' => 'user_01JAU000000000000000000000' ), 'app_password' => true ) ),
	)
);
$user_id = $setup[4]['id'];
$basic   = 'Basic ' . base64_encode( $login . ':' . $setup[4]['app_password'] );
register_shutdown_function(
	static function () use ( $site_dir, $names, $before, $user_id ) {
		$ops = array( array( 'delete_user', $user_id ) );
		foreach ( $names as $i => $name ) {
			$ops[] = $before[ $i ]['exists'] ? array( 'update_option', $name, $before[ $i ]['value'] ) : array( 'delete_option', $name );
		}
		served( $site_dir, $ops );
	}
);

// ---------------------------------------------------------------------- measure

$url     = $site . '/wp-json/wp/v2/users/me';
$handles = array();
for ( $i = 0; $i < $concurrency; $i++ ) {
	$handles[] = curl_init();
}
$token     = access_token( $emulator, $credentials );
$minted_at = time();

printf( "bearer auth: %d requests each, concurrency %d, %s (user %s, WorkOS ada@acme.test)\n", $total, $concurrency, $url, $login );
// Warm-up: opcache, MariaDB, and the JWKS cache (the first bearer request fetches the keys).
foreach ( array( 'Bearer ' . $token, $basic ) as $authorization ) {
	if ( run_batch( $handles, $url, $authorization, $batch, $user_id )[1] > 0 ) {
		fwrite( STDERR, 'bearer_auth: the warm-up with ' . strtok( $authorization, ' ' ) . " failed; run with BENCH_VERBOSE=1 to see the answer\n" );
		exit( 1 );
	}
}

$results = array(
	'bearer' => array( array(), 0, 0.0 ),
	'basic'  => array( array(), 0, 0.0 ),
);
for ( $done = 0; $done < $total; $done += $batch ) {
	$n = min( $batch, $total - $done );
	if ( time() - $minted_at > 200 ) { // Tokens live 300 s.
		$token     = access_token( $emulator, $credentials );
		$minted_at = time();
	}
	foreach ( array( 'bearer' => 'Bearer ' . $token, 'basic' => $basic ) as $kind => $authorization ) {
		$t0                        = hrtime( true );
		list( $ms, $failures )     = run_batch( $handles, $url, $authorization, $n, $user_id );
		$results[ $kind ][0]       = array_merge( $results[ $kind ][0], $ms );
		$results[ $kind ][1]      += $failures;
		$results[ $kind ][2]      += ( hrtime( true ) - $t0 ) / 1e9;
	}
}
$basic_figures  = figures( $results['basic'][0], $results['basic'][2], $results['basic'][1] );
$bearer_figures = figures( $results['bearer'][0], $results['bearer'][2], $results['bearer'][1] );
show( 'Application Password GET users/me', $basic_figures );
show( 'WorkOS bearer token GET users/me', $bearer_figures );
printf(
	"  ratio (bearer / Application Password): p50 %.2fx, mean %.2fx, throughput %.2fx (target <= 1.10x)\n",
	$bearer_figures['p50'] / $basic_figures['p50'],
	$bearer_figures['mean'] / $basic_figures['mean'],
	$bearer_figures['rps'] / $basic_figures['rps']
);
exit( $basic_figures['failures'] + $bearer_figures['failures'] > 0 ? 1 : 0 );
