<?php
/**
 * The activity feed (GET /wp-json/workos/v1/admin/activity) as the console's offline cache reads
 * it: the served sandbox site (nginx + php-fpm) holding ROWS activity-log rows, paged through in
 * pages of PAGE rows over HTTP by one client (keep-alive, the administrator's Application
 * Password), once asking for gzip and once not. Target (issue 6): 1,000,000 rows in ≤ 60 s with
 * gzip, pages of 5,000.
 *
 * Setup: ROWS rows are written straight into the served database with multi-row INSERTs (1,000
 * rows a statement, committed every 50,000) and deleted again at the end (also on Ctrl-C). Each
 * row carries its sequence number in metadata ("bench_seq"); the check afterwards: every page in
 * id order, every id once, every bench row with the next sequence number (so each row arrived
 * exactly once, decoded), has_more false only at the end. Rows other writers add meanwhile are
 * served too and counted apart.
 *
 * Baseline in the same run, same client, same connection reuse: as many GET
 * /wp-json/workos/v1/admin/status calls as the feed needed pages — the cost of any authenticated
 * management call (WordPress boot, Application Password check, REST dispatch, JSON answer), so
 * the ratio says how many "empty" calls one page of 5,000 rows costs and is comparable between
 * machines. For the breakdown it also times the raw SELECT of the same pages in PHP (mysqli,
 * no WordPress): what the database alone costs.
 *
 *   php bench/activity_feed.php SITE_URL SITE_DIR [ROWS] [PAGE]
 *
 * With BENCH_ACTIVITY_CACHE_BIN set (bench/run sets it), bench_activity_cache measures the
 * console's offline cache on the same rows before they are removed.
 *
 * Needs SANDBOX_STATE (the administrator's Application Password). Exits non-zero when a row is
 * missing, repeated, out of order or garbled, or a request fails.
 */

// phpcs:disable -- a benchmark script, not plugin code.

require __DIR__ . '/lib/served-site.php';

if ( $argc < 3 ) {
	fwrite( STDERR, "usage: php bench/activity_feed.php SITE_URL SITE_DIR [ROWS] [PAGE]\n" );
	exit( 2 );
}
list( , $site, $site_dir ) = $argv;
$site     = rtrim( $site, '/' );
$site_dir = rtrim( $site_dir, '/' );
$rows     = max( 1000, (int) ( $argv[3] ?? 1000000 ) );
$page     = min( 5000, max( 1, (int) ( $argv[4] ?? 5000 ) ) );
$target_s = 60.0 * $rows / 1000000; // 60 s per million rows


// ------------------------------------------------------------ credentials and database ---------

$creds = array();
foreach ( array( rtrim( (string) getenv( 'SANDBOX_STATE' ), '/' ) . '/credentials.env', dirname( $site_dir ) . '/credentials.env' ) as $file ) {
	foreach ( is_readable( $file ) ? file( $file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES ) : array() as $line ) {
		if ( preg_match( "/^([A-Z_]+)='([^']*)'$/", $line, $m ) ) {
			$creds[ $m[1] ] = $m[2];
		}
	}
	if ( ! empty( $creds['SANDBOX_APP_PASSWORD'] ) ) {
		break;
	}
}
if ( empty( $creds['SANDBOX_APP_PASSWORD'] ) ) {
	fail( 'no SANDBOX_APP_PASSWORD under $SANDBOX_STATE/credentials.env' );
}
$auth = 'Authorization: Basic ' . base64_encode( ( getenv( 'SANDBOX_ADMIN_USER' ) ?: 'admin' ) . ':' . $creds['SANDBOX_APP_PASSWORD'] );

// The served database, as the site's wp-config.php names it (database "wp", the served one).
$config = (string) file_get_contents( $site_dir . '/wp-config.php' );
$define = static function ( string $name ) use ( $config ): string {
	return preg_match( "/define\(\s*'" . $name . "',\s*'([^']*)'/", $config, $m ) ? $m[1] : '';
};
$prefix = preg_match( '/\$table_prefix\s*=\s*\'([^\']*)\'/', $config, $m ) ? $m[1] : 'wp_';
list( $db_host, $db_port ) = array_pad( explode( ':', $define( 'DB_HOST' ) ), 2, '3306' );
mysqli_report( MYSQLI_REPORT_OFF );
$db = @new mysqli( $db_host, $define( 'DB_USER' ), $define( 'DB_PASSWORD' ), 'wp', (int) $db_port );
if ( $db->connect_errno ) {
	fail( 'cannot connect to the served database: ' . $db->connect_error );
}
$db->set_charset( 'utf8mb4' );
$table = $prefix . 'workos_activity_log';

// ------------------------------------------------------------ fill (and clean up after) -------

$first_id = 0;
$last_id  = 0;
$cleanup  = static function () use ( $db, $table, &$first_id, &$last_id ) {
	static $done = false;
	if ( $done || 0 === $first_id ) {
		return;
	}
	$done = true;
	do {
		$db->query( "DELETE FROM `$table` WHERE id BETWEEN $first_id AND $last_id AND event_type LIKE 'bench\\_%' ORDER BY id LIMIT 50000" );
	} while ( $db->affected_rows > 0 );
};
register_shutdown_function( $cleanup );
if ( function_exists( 'pcntl_async_signals' ) ) {
	pcntl_async_signals( true );
	foreach ( array( SIGINT, SIGTERM ) as $signal ) {
		pcntl_signal( $signal, static function () { exit( 130 ); } );
	}
}
// Leftovers of an interrupted run go first.
do {
	$db->query( "DELETE FROM `$table` WHERE event_type LIKE 'bench\\_%' ORDER BY id LIMIT 50000" );
} while ( $db->affected_rows > 0 );

mt_srand( 20261127 );
$types  = array( 'bench_login', 'bench_logout', 'bench_login_failed', 'bench_webhook_applied', 'bench_user_created', 'bench_org_member_saved' );
$agents = array(
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
	'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
	'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
	'',
);
$t_fill = microtime( true );
$t0     = time() - $rows; // one row a second, ending now
$db->query( 'SET autocommit = 0' );
for ( $seq = 0; $seq < $rows; ) {
	$values = array();
	for ( $k = 0; $k < 1000 && $seq < $rows; ++$k, ++$seq ) {
		$user     = mt_rand( 0, 2000 );
		$meta     = json_encode(
			array(
				'bench_seq' => $seq,
				'event_id'  => 'event_01' . strtoupper( bin2hex( random_bytes( 12 ) ) ),
				'outcome'   => 0 === $seq % 7 ? 'skipped' : 'applied',
				'method'    => 0 === $seq % 3 ? 'headless' : 'authkit',
			)
		);
		$values[] = sprintf(
			"('%s', %d, '%s', '%s', '203.0.113.%d', '%s', '%s', '%s')",
			$types[ $seq % count( $types ) ],
			$user,
			$user ? 'user' . $user . '@example.test' : '',
			$user ? 'user_01JB' . str_pad( (string) $user, 22, '0', STR_PAD_LEFT ) : '',
			$user % 250,
			$agents[ $user % count( $agents ) ],
			$db->real_escape_string( $meta ),
			gmdate( 'Y-m-d H:i:s', $t0 + $seq )
		);
	}
	if ( ! $db->query( "INSERT INTO `$table` (event_type, user_id, user_email, workos_user_id, ip_address, user_agent, metadata, created_at) VALUES " . implode( ',', $values ) ) ) {
		fail( 'insert failed: ' . $db->error );
	}
	if ( 0 === $first_id ) {
		$first_id = (int) $db->insert_id; // the first row of the first statement
	}
	if ( 0 === $seq % 50000 || $seq === $rows ) {
		$db->query( 'COMMIT' );
	}
}
$db->query( 'SET autocommit = 1' );
$last_id = (int) $db->query( "SELECT MAX(id) FROM `$table` WHERE event_type LIKE 'bench\\_%'" )->fetch_row()[0];
$have    = (int) $db->query( "SELECT COUNT(*) FROM `$table` WHERE id BETWEEN $first_id AND $last_id AND event_type LIKE 'bench\\_%'" )->fetch_row()[0];
if ( $have !== $rows ) {
	fail( "fill: $have rows in the table, expected $rows" );
}
$fill_s = microtime( true ) - $t_fill;
printf( "activity feed: %s rows, pages of %s, one client (keep-alive), %s\n", number_format( $rows ), number_format( $page ), $site );
printf( "  fill: %s rows (ids %d..%d) in %.1f s with multi-row INSERTs of 1,000\n", number_format( $rows ), $first_id, $last_id, $fill_s );

// ------------------------------------------------------------ HTTP -----------------------------

$curl = curl_init();
/** @return array{0:int,1:string,2:float} Status, raw body (as sent: compressed when gzip), seconds. */
$get = static function ( string $url, bool $gzip ) use ( $curl, $auth ): array {
	$headers = array( $auth, 'Accept: application/json' );
	if ( $gzip ) {
		$headers[] = 'Accept-Encoding: gzip';
	}
	curl_setopt_array(
		$curl,
		array(
			CURLOPT_URL            => $url,
			CURLOPT_HTTPHEADER     => $headers,
			CURLOPT_RETURNTRANSFER => true,
			CURLOPT_ENCODING       => null, // no decoding by curl: the bytes on the wire are counted
			CURLOPT_HEADER         => false,
			CURLOPT_TIMEOUT        => 120,
			CURLOPT_TCP_NODELAY    => true,
		)
	);
	$t    = microtime( true );
	$body = curl_exec( $curl );
	$s    = microtime( true ) - $t;
	if ( false === $body ) {
		fail( "GET $url: " . curl_error( $curl ) );
	}
	return array( (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE ), (string) $body, $s );
};

/** One pass over the feed from just before the bench rows; checks everything, returns its figures. */
$pass = static function ( bool $gzip ) use ( $get, $site, $page, $rows, $first_id ): array {
	$after    = $first_id - 1;
	$next_seq = 0;
	$foreign  = 0;
	$wire     = 0;
	$json     = 0;
	$pages    = 0;
	$times    = array();
	$t        = microtime( true );
	do {
		list( $status, $raw, $s ) = $get( $site . '/wp-json/workos/v1/admin/activity?after_id=' . $after . '&limit=' . $page, $gzip );
		$times[] = $s;
		++$pages;
		$wire += strlen( $raw );
		$body  = $gzip ? @gzdecode( $raw ) : $raw;
		if ( false === $body ) {
			fail( sprintf( 'page %d (after_id %d): asked for gzip, the answer is not gzip', $pages, $after ) );
		}
		$json   += strlen( $body );
		$answer  = json_decode( $body );
		if ( 200 !== $status || ! is_object( $answer ) || ! is_array( $answer->items ?? null ) ) {
			fail( sprintf( 'page %d (after_id %d): HTTP %d %s', $pages, $after, $status, substr( $body, 0, 300 ) ) );
		}
		foreach ( $answer->items as $item ) {
			if ( $item->id <= $after ) {
				fail( sprintf( 'id %d after %d: not in id order (or repeated)', $item->id, $after ) );
			}
			$after = $item->id;
			if ( 0 !== strpos( $item->event_type, 'bench_' ) ) {
				++$foreign;
				continue;
			}
			$seq = $item->metadata->bench_seq ?? null;
			if ( $seq !== $next_seq ) {
				fail( sprintf( 'id %d carries bench_seq %s, expected %d: a row is missing, repeated or garbled', $item->id, var_export( $seq, true ), $next_seq ) );
			}
			if ( ! preg_match( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $item->created_at ) ) {
				fail( "id {$item->id}: created_at {$item->created_at} is not ISO 8601 UTC" );
			}
			++$next_seq;
		}
		if ( $answer->next_after_id !== $after ) {
			fail( sprintf( 'page %d: next_after_id %d, last id %d', $pages, $answer->next_after_id, $after ) );
		}
		if ( $answer->has_more && count( $answer->items ) !== $page ) {
			fail( sprintf( 'page %d: has_more with %d items', $pages, count( $answer->items ) ) );
		}
	} while ( $answer->has_more );
	$seconds = microtime( true ) - $t;
	if ( $next_seq !== $rows ) {
		fail( sprintf( '%d bench rows arrived, expected %d', $next_seq, $rows ) );
	}
	sort( $times );
	return array(
		'seconds' => $seconds,
		'pages'   => $pages,
		'wire'    => $wire,
		'json'    => $json,
		'p50'     => $times[ (int) floor( 0.5 * ( count( $times ) - 1 ) ) ],
		'p99'     => $times[ (int) floor( 0.99 * ( count( $times ) - 1 ) ) ],
		'foreign' => $foreign,
	);
};

// Warm-up: opcache and the connection, a few pages of each kind.
for ( $w = 0; $w < 3; ++$w ) {
	$get( $site . '/wp-json/workos/v1/admin/status', true );
	$get( $site . '/wp-json/workos/v1/admin/activity?after_id=' . ( $first_id - 1 ) . '&limit=' . $page, true );
}

$zipped = $pass( true );
$plain  = $pass( false );

// Baseline: as many authenticated status calls as the feed needed pages.
$t = microtime( true );
for ( $i = 0; $i < $zipped['pages']; ++$i ) {
	list( $status ) = $get( $site . '/wp-json/workos/v1/admin/status', true );
	if ( 200 !== $status ) {
		fail( "baseline GET admin/status answered HTTP $status" );
	}
}
$baseline_s = microtime( true ) - $t;

// Breakdown: the raw SELECT of the same pages in PHP, no WordPress.
$t     = microtime( true );
$after = $first_id - 1;
do {
	$result = $db->query( "SELECT id, event_type, user_id, user_email, workos_user_id, ip_address, user_agent, metadata, created_at FROM `$table` WHERE id > $after ORDER BY id LIMIT " . ( $page + 1 ) );
	$got    = $result->fetch_all( MYSQLI_ASSOC );
	$more   = count( $got ) > $page;
	$got    = array_slice( $got, 0, $page );
	$after  = $got ? (int) end( $got )['id'] : $after;
} while ( $more );
$select_s = microtime( true ) - $t;

// ------------------------------------------------------------ report ---------------------------

$mb        = static function ( int $bytes ): float {
	return $bytes / 1048576;
};
$per_page  = $zipped['seconds'] / $zipped['pages'];
$per_base  = $baseline_s / $zipped['pages'];
printf(
	"  gzip:     %d pages, %s rows in %6.1f s = %7s rows/s; page p50 %5.0f ms, p99 %5.0f ms; %7.1f MB on the wire (%.1f MB of JSON, %.1fx smaller)  target <= %.0f s: %s\n",
	$zipped['pages'],
	number_format( $rows ),
	$zipped['seconds'],
	number_format( $rows / $zipped['seconds'] ),
	1000 * $zipped['p50'],
	1000 * $zipped['p99'],
	$mb( $zipped['wire'] ),
	$mb( $zipped['json'] ),
	$zipped['json'] / max( 1, $zipped['wire'] ),
	$target_s,
	$zipped['seconds'] <= $target_s ? 'met' : 'MISSED'
);
printf(
	"  identity: %d pages, %s rows in %6.1f s = %7s rows/s; page p50 %5.0f ms, p99 %5.0f ms; %7.1f MB on the wire\n",
	$plain['pages'],
	number_format( $rows ),
	$plain['seconds'],
	number_format( $rows / $plain['seconds'] ),
	1000 * $plain['p50'],
	1000 * $plain['p99'],
	$mb( $plain['wire'] )
);
printf( "  baseline: %d x GET admin/status in %.1f s = %.1f ms a call; one feed page (gzip) = %.1fx a status call (ratio %.3f)\n", $zipped['pages'], $baseline_s, 1000 * $per_base, $per_page / $per_base, $per_base / $per_page );
printf( "  breakdown: raw SELECT of the same pages in PHP (mysqli, no WordPress) %.1f s = %.1f ms a page\n", $select_s, 1000 * $select_s / $zipped['pages'] );
printf( "  check: every id once, in id order, every bench row decoded with the next sequence number: OK%s\n", $zipped['foreign'] ? sprintf( ' (%d rows of other writers served too)', $zipped['foreign'] ) : '' );
// The console's side on the same rows (bench/activity_cache.cpp), while they are there.
$cache_bin = (string) getenv( 'BENCH_ACTIVITY_CACHE_BIN' );
if ( '' !== $cache_bin ) {
	passthru( escapeshellarg( $cache_bin ) . ' ' . escapeshellarg( $site ) . ' ' . escapeshellarg( getenv( 'SANDBOX_ADMIN_USER' ) ?: 'admin' ) . ' ' . escapeshellarg( $creds['SANDBOX_APP_PASSWORD'] ) . ' 200', $cache_rc );
	if ( 0 !== $cache_rc ) {
		fail( "bench_activity_cache failed (exit $cache_rc)" );
	}
}
$t = microtime( true );
$cleanup();
printf( "  cleanup: bench rows deleted in %.1f s\n", microtime( true ) - $t );
