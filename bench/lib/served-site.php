<?php
/**
 * What the PHP benchmarks share: failing loudly, running PHP inside the served sandbox site (its
 * own process, WordPress booted as for a request to SITE), and posting JSON bodies to it with a
 * bounded number in flight over kept-alive connections.
 */

// phpcs:disable -- benchmark support, not plugin code.

/** Stops the benchmark: a failed check is a failed run. */
function fail( string $message ): void {
	fwrite( STDERR, basename( $_SERVER['SCRIPT_NAME'] ?? 'bench', '.php' ) . ": $message\n" );
	exit( 1 );
}

/** A PHP file that boots the served site as a request to $site would, then runs $code. */
function site_script( string $site_dir, string $site, string $code ): string {
	$parts = parse_url( $site );
	$boot  = '$_SERVER["HTTP_HOST"] = ' . var_export( $parts['host'] . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' ), true ) . '; $_SERVER["REQUEST_URI"] = "/"; require ' . var_export( $site_dir . '/wp-load.php', true ) . '; require_once ABSPATH . "wp-admin/includes/user.php";';
	$file  = tempnam( sys_get_temp_dir(), 'bench' );
	file_put_contents( $file, "<?php\n" . $boot . "\n" . $code );
	return $file;
}

/** Runs $code in the served site (database wp) and answers the JSON of its last output line. */
function served( string $site_dir, string $site, string $code ) {
	$file = site_script( $site_dir, $site, $code );
	exec( 'WP_DB_NAME=wp ' . escapeshellarg( PHP_BINARY ) . ' -d memory_limit=1G ' . escapeshellarg( $file ) . ' 2>&1', $out, $rc );
	unlink( $file );
	$last = json_decode( (string) end( $out ), true );
	if ( 0 !== $rc || null === $last ) {
		fail( "PHP step in the served site failed (exit $rc): " . implode( "\n", array_slice( $out, -20 ) ) );
	}
	return $last;
}

/**
 * POSTs every body (JSON text) to $url as $auth, $concurrency in flight on reused connections;
 * $done( key, HTTP status, answer ) sees each answer. Answers the seconds it took.
 */
function post_all( string $url, string $auth, array $bodies, int $concurrency, callable $done ): float {
	$multi = curl_multi_init();
	curl_multi_setopt( $multi, CURLMOPT_MAX_HOST_CONNECTIONS, $concurrency );
	$free = array();
	for ( $i = 0; $i < $concurrency; ++$i ) {
		$free[] = curl_init();
	}
	$queue   = $bodies;
	$running = array();
	$t0      = microtime( true );
	while ( $queue || $running ) {
		while ( $free && $queue ) {
			$key  = array_key_first( $queue );
			$body = $queue[ $key ];
			unset( $queue[ $key ] );
			$ch = array_pop( $free );
			curl_setopt_array(
				$ch,
				array(
					CURLOPT_URL            => $url,
					CURLOPT_POST           => true,
					CURLOPT_POSTFIELDS     => $body,
					CURLOPT_HTTPHEADER     => array( 'Content-Type: application/json', 'Accept: application/json' ),
					CURLOPT_USERPWD        => $auth,
					CURLOPT_RETURNTRANSFER => true,
					CURLOPT_TIMEOUT        => 300,
					CURLOPT_TCP_KEEPALIVE  => 1,
				)
			);
			$running[ (int) $ch ] = array( $ch, $key );
			curl_multi_add_handle( $multi, $ch );
		}
		curl_multi_exec( $multi, $active );
		if ( curl_multi_select( $multi, 0.05 ) === -1 ) {
			usleep( 1000 );
		}
		curl_multi_exec( $multi, $active );
		while ( $info = curl_multi_info_read( $multi ) ) {
			$ch = $info['handle'];
			list( , $key ) = $running[ (int) $ch ];
			unset( $running[ (int) $ch ] );
			if ( CURLE_OK !== $info['result'] ) {
				fail( 'transport error: ' . curl_error( $ch ) );
			}
			$done( $key, (int) curl_getinfo( $ch, CURLINFO_RESPONSE_CODE ), (string) curl_multi_getcontent( $ch ) );
			curl_multi_remove_handle( $multi, $ch );
			$free[] = $ch;
		}
	}
	$seconds = microtime( true ) - $t0;
	foreach ( $free as $ch ) {
		curl_close( $ch );
	}
	curl_multi_close( $multi );
	return $seconds;
}
