<?php
/**
 * 10,000 WordPress users created and linked to WorkOS through POST /wp-json/workos/v1/admin/
 * users/batch (500 operations a request, over HTTP: nginx + php-fpm, Application Password), then
 * checked in the database: every user there once, linked to its WorkOS id, with its role, its
 * user_level and all of wp_insert_user()'s profile meta; no WorkOS id held twice; a retried batch
 * answered "exists"; no e-mail sent (the sandbox's mail log). Issue #6.
 *
 * Baselines in the same run, on the same site:
 *  (a) WordPress's ordinary path at its ceiling: a naive loop of wp_insert_user() plus
 *      update_user_meta() for the link metadata, one PHP process per core, all in parallel;
 *      users/s = all users / (last process's end − first process's start), WordPress's boot
 *      excluded. Targets: batch ≥ 0.90 × (a); stretch ≥ 2 × (a).
 *  (b) one user per REST request: users/batch with a single create, at concurrency 1 and 4.
 * The table is emptied of bench users before each measurement so they all start from the same
 * site. Activity log as the site has it (the sandbox: off).
 *
 *   php bench/users_batch.php SITE_URL SITE_DIR [USERS] [BATCH] [CONCURRENCY] [BASELINE_USERS] [REST_USERS]
 *
 * Defaults: 10000 users, 500 a batch, 2 batches in flight, (a) on 10000 users, (b) on 300 users at
 * each concurrency. Needs SANDBOX_STATE (the Application Password in credentials.env, the mail
 * log). Exits non-zero when an answer or the database disagrees with the batches.
 */

// phpcs:disable -- a benchmark script, not plugin code.

require __DIR__ . '/lib/served-site.php';

if ( $argc < 3 ) {
	fwrite( STDERR, "usage: php bench/users_batch.php SITE_URL SITE_DIR [USERS] [BATCH] [CONCURRENCY] [BASELINE_USERS] [REST_USERS]\n" );
	exit( 2 );
}
list( , $site, $site_dir ) = $argv;
$site           = rtrim( $site, '/' );
$site_dir       = rtrim( $site_dir, '/' );
$users          = max( 10, (int) ( $argv[3] ?? 10000 ) );
$batch_size     = max( 1, min( 500, (int) ( $argv[4] ?? 500 ) ) );
$concurrency    = max( 1, (int) ( $argv[5] ?? 2 ) );
$baseline_users = max( 10, (int) ( $argv[6] ?? $users ) );
$rest_users     = max( 10, (int) ( $argv[7] ?? 300 ) );
$cores          = max( 1, (int) trim( (string) shell_exec( 'nproc' ) ) );
$state          = rtrim( (string) getenv( 'SANDBOX_STATE' ), '/' );
$mail_log       = $state . '/logs/mail.log';
$prefix         = 'ubench';

$creds = array();
foreach ( array( $state . '/credentials.env', dirname( $site_dir ) . '/credentials.env' ) as $file ) {
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
	fwrite( STDERR, "users_batch: no SANDBOX_APP_PASSWORD in \$SANDBOX_STATE/credentials.env\n" );
	exit( 2 );
}
$auth = ( getenv( 'SANDBOX_ADMIN_USER' ) ?: 'admin' ) . ':' . $creds['SANDBOX_APP_PASSWORD'];




/** Several PHP processes inside the served site at once; the JSON each printed last. */
function served_parallel( string $site_dir, string $site, array $codes ): array {
	$procs = array();
	foreach ( $codes as $k => $code ) {
		$file          = site_script( $site_dir, $site, $code );
		$env           = getenv();
		$env['WP_DB_NAME'] = 'wp';
		$proc          = proc_open( array( PHP_BINARY, '-d', 'memory_limit=1G', $file ), array( 1 => array( 'pipe', 'w' ), 2 => array( 'pipe', 'w' ) ), $pipes, null, $env );
		$procs[ $k ]   = array( $proc, $pipes, $file );
	}
	$out = array();
	foreach ( $procs as $k => list( $proc, $pipes, $file ) ) {
		$stdout = stream_get_contents( $pipes[1] );
		$stderr = stream_get_contents( $pipes[2] );
		$rc     = proc_close( $proc );
		unlink( $file );
		$lines = array_values( array_filter( explode( "\n", trim( $stdout ) ) ) );
		$last  = json_decode( (string) end( $lines ), true );
		if ( 0 !== $rc || null === $last ) {
			fail( "baseline process $k failed (exit $rc): " . substr( $stdout . $stderr, -2000 ) );
		}
		$out[ $k ] = $last;
	}
	return $out;
}

/** Deletes every bench user in a few statements (wp_delete_user() would take minutes). */
function remove_bench_users( string $site_dir, string $site ): int {
	return (int) served(
		$site_dir,
		$site,
		<<<'PHP'
global $wpdb;
$ids = array_map( 'intval', $wpdb->get_col( "SELECT ID FROM {$wpdb->users} WHERE user_login LIKE 'ubench\_%'" ) );
foreach ( array_chunk( $ids, 1000 ) as $chunk ) {
	$list = implode( ',', $chunk );
	$wpdb->query( "DELETE FROM {$wpdb->usermeta} WHERE user_id IN ($list)" );
	$wpdb->query( "DELETE FROM {$wpdb->users} WHERE ID IN ($list)" );
	foreach ( $chunk as $id ) {
		wp_cache_delete( $id, 'users' );
		wp_cache_delete( $id, 'user_meta' );
	}
}
wp_update_user_counts();
echo count( $ids );
PHP
	);
}

function mail_lines( string $file ): int {
	clearstatcache();
	return is_file( $file ) ? count( file( $file ) ) : 0;
}


$roles = array( 'subscriber', 'subscriber', 'subscriber', 'author', 'editor' );
/** The create operation of bench user $n of run $run. */
$create = static function ( string $run, int $n ) use ( $prefix, $roles ): array {
	return array(
		'op'             => 'create',
		'email'          => sprintf( '%s_%s_%05d@bench.invalid', $prefix, $run, $n ),
		'first_name'     => 'Bench',
		'last_name'      => sprintf( 'User %05d', $n ),
		'role'           => $roles[ $n % count( $roles ) ],
		'workos_user_id' => sprintf( 'user_%s_%s_%05d', $prefix, $run, $n ),
	);
};

// ---------------------------------------------------------------- setup ----------------------

$cleanup = static function () use ( $site_dir, $site ) {
	static $done = false;
	if ( ! $done ) {
		$done = true;
		remove_bench_users( $site_dir, $site );
	}
};
register_shutdown_function( $cleanup );
if ( function_exists( 'pcntl_async_signals' ) ) { // Ctrl-C still cleans up
	pcntl_async_signals( true );
	foreach ( array( SIGINT, SIGTERM ) as $signal ) {
		pcntl_signal( $signal, static function () { exit( 130 ); } );
	}
}
$left_over = remove_bench_users( $site_dir, $site );
$site_info = served( $site_dir, $site, 'global $wpdb; echo json_encode( array( "users" => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->users}" ), "bulk" => \WorkOSCompanion\Users\Batch\UserCreator::bulk_enabled(), "activity_log" => \WorkOSCompanion\ActivityLog\Logger::is_enabled() ) );' );
$mails     = mail_lines( $mail_log );
printf( "users batch: %d users, %d a batch, %d in flight, %s; %d cores; site has %d users%s; bulk path %s; activity log %s\n", $users, $batch_size, $concurrency, $site, $cores, $site_info['users'], $left_over ? " ($left_over bench leftovers removed)" : '', $site_info['bulk'] ? 'on' : 'OFF', $site_info['activity_log'] ? 'on' : 'off' );

$batch_url = $site . '/wp-json/workos/v1/admin/users/batch';

// ---------------------------------------------------------------- (a) wp_insert_user ceiling --

$per     = (int) ceil( $baseline_users / $cores );
$codes   = array();
for ( $c = 0; $c < $cores; ++$c ) {
	$from    = $c * $per;
	$to      = min( $baseline_users, $from + $per );
	$codes[] = '$from = ' . $from . '; $to = ' . $to . ';' . <<<'PHP'
$roles = array( 'subscriber', 'subscriber', 'subscriber', 'author', 'editor' );
$t0    = microtime( true );
for ( $n = $from; $n < $to; ++$n ) {
	$email = sprintf( 'ubench_a_%05d@bench.invalid', $n );
	$id    = wp_insert_user( array( 'user_login' => sprintf( 'ubench_a_%05d', $n ), 'user_email' => $email, 'user_pass' => wp_generate_password( 64, true, true ), 'first_name' => 'Bench', 'last_name' => sprintf( 'User %05d', $n ), 'role' => $roles[ $n % 5 ] ) );
	if ( is_wp_error( $id ) ) {
		fwrite( STDERR, $id->get_error_message() );
		exit( 1 );
	}
	update_user_meta( $id, '_workos_user_id', sprintf( 'user_ubench_a_%05d', $n ) );
	update_user_meta( $id, '_workos_last_synced_at', gmdate( 'Y-m-d H:i:s' ) );
	update_user_meta( $id, '_workos_profile_hash', hash( 'sha256', $email . '|Bench|' . sprintf( 'User %05d', $n ) ) );
	update_user_meta( $id, '_workos_first_login', '1' );
}
echo json_encode( array( 'start' => $t0, 'end' => microtime( true ), 'n' => $to - $from ) );
PHP;
}
$runs     = served_parallel( $site_dir, $site, $codes );
$a_span   = max( array_column( $runs, 'end' ) ) - min( array_column( $runs, 'start' ) );
$a_rate   = $baseline_users / $a_span;
$a_single = array_map( static function ( $r ) { return $r['n'] / ( $r['end'] - $r['start'] ); }, $runs );
remove_bench_users( $site_dir, $site );

// ---------------------------------------------------------------- (b) one user a request ------

$rest = array();
foreach ( array( 1, 4 ) as $c ) {
	$bodies = array();
	for ( $n = 0; $n < $rest_users; ++$n ) {
		$bodies[ $n ] = json_encode( array( 'operations' => array( $create( 'b' . $c, $n ) ) ) );
	}
	$bad     = 0;
	$seconds = post_all(
		$batch_url,
		$auth,
		$bodies,
		$c,
		static function ( $key, $status, $body ) use ( &$bad ) {
			$answer = json_decode( $body, true );
			if ( 200 !== $status || 'created' !== ( $answer['results'][0]['outcome'] ?? '' ) ) {
				++$bad;
			}
		}
	);
	if ( $bad ) {
		fail( "$bad single-user requests at concurrency $c did not create their user" );
	}
	$rest[ $c ] = $rest_users / $seconds;
	remove_bench_users( $site_dir, $site );
}

// ---------------------------------------------------------------- the batches -----------------

$bodies = array();
for ( $from = 0; $from < $users; $from += $batch_size ) {
	$ops = array();
	for ( $n = $from; $n < min( $users, $from + $batch_size ); ++$n ) {
		$ops[] = $create( 'c', $n );
	}
	$bodies[ $from ] = json_encode( array( 'operations' => $ops ) );
}
$answers  = array();
$latency  = array();
$t_batch  = microtime( true );
$seconds  = post_all(
	$batch_url,
	$auth,
	$bodies,
	$concurrency,
	static function ( $from, $status, $body ) use ( &$answers ) {
		$answers[ $from ] = array( $status, json_decode( $body, true ), $body );
	}
);
$b_rate = $users / $seconds;

// The first batch again, as a console retrying after a timeout: everything "exists".
$retry = array();
post_all(
	$batch_url,
	$auth,
	array( 0 => $bodies[0] ),
	1,
	static function ( $k, $status, $body ) use ( &$retry ) {
		$retry = array( $status, json_decode( $body, true ) );
	}
);

// ---------------------------------------------------------------- verification ---------------

$problems = array();
$note     = static function ( string $what ) use ( &$problems ) {
	if ( count( $problems ) < 20 ) {
		fwrite( STDERR, "  MISMATCH: $what\n" );
	}
	$problems[] = $what;
};
$ids = array();
foreach ( $answers as $from => list( $status, $answer, $raw ) ) {
	if ( 200 !== $status || ! is_array( $answer ) ) {
		$note( "batch from $from answered HTTP $status: " . substr( $raw, 0, 300 ) );
		continue;
	}
	foreach ( $answer['results'] as $result ) {
		$n = $from + $result['index'];
		if ( ! $result['ok'] || 'created' !== $result['outcome'] || ! is_int( $result['user_id'] ) ) {
			$note( "user $n: " . json_encode( $result ) );
			continue;
		}
		$ids[ $n ] = $result['user_id'];
	}
}
ksort( $ids );
if ( 200 !== $retry[0] || array_column( $retry[1]['results'] ?? array(), 'outcome' ) !== array_fill( 0, min( $batch_size, $users ), 'exists' ) ) {
	$note( 'the retried first batch was not answered "exists" throughout: ' . json_encode( $retry[1]['summary'] ?? $retry ) );
} elseif ( array_column( $retry[1]['results'], 'user_id' ) !== array_slice( $ids, 0, min( $batch_size, $users ) ) ) {
	$note( 'the retried first batch named other users' );
}

$db = served(
	$site_dir,
	$site,
	<<<'PHP'
global $wpdb;
$out = array();
$rows = $wpdb->get_results(
	"SELECT u.ID, u.user_login, u.user_nicename, u.display_name,
		MAX(CASE WHEN m.meta_key = '_workos_user_id' THEN m.meta_value END) AS workos,
		MAX(CASE WHEN m.meta_key = '{$wpdb->prefix}capabilities' THEN m.meta_value END) AS caps,
		MAX(CASE WHEN m.meta_key = '{$wpdb->prefix}user_level' THEN m.meta_value END) AS level,
		MAX(CASE WHEN m.meta_key = 'first_name' THEN m.meta_value END) AS first,
		COUNT(m.umeta_id) AS meta_rows, COUNT(DISTINCT m.meta_key) AS meta_keys
	FROM {$wpdb->users} u LEFT JOIN {$wpdb->usermeta} m ON m.user_id = u.ID
	WHERE u.user_login LIKE 'ubench\_c\_%' GROUP BY u.ID",
	ARRAY_A
);
$held = $wpdb->get_results( "SELECT meta_value, COUNT(*) AS n FROM {$wpdb->usermeta} WHERE meta_key = '_workos_user_id' AND meta_value LIKE 'user\_ubench\_c\_%' GROUP BY meta_value HAVING n > 1", ARRAY_A );
$slugs = (int) $wpdb->get_var( "SELECT COUNT(*) FROM (SELECT user_nicename FROM {$wpdb->users} GROUP BY user_nicename HAVING COUNT(*) > 1) d" );
echo json_encode( array( 'rows' => $rows, 'held_twice' => $held, 'duplicate_nicenames' => $slugs, 'user_count' => (int) get_option( 'user_count' ), 'users' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->users}" ) ) );
PHP
);
$levels = array( 'subscriber' => '0', 'author' => '2', 'editor' => '7' );
$by_id  = array();
foreach ( $db['rows'] as $row ) {
	$by_id[ (int) $row['ID'] ] = $row;
}
if ( count( $db['rows'] ) !== $users ) {
	$note( sprintf( 'the database holds %d bench users, expected %d', count( $db['rows'] ), $users ) );
}
$wrong = 0;
foreach ( $ids as $n => $id ) {
	$row  = $by_id[ $id ] ?? null;
	$want = $create( 'c', $n );
	$bad  = array();
	if ( null === $row ) {
		$bad[] = 'missing';
	} else {
		if ( sprintf( '%s_c_%05d', $prefix, $n ) !== $row['user_login'] ) {
			$bad[] = 'login ' . $row['user_login'];
		}
		if ( $want['workos_user_id'] !== $row['workos'] ) {
			$bad[] = 'linked to ' . var_export( $row['workos'], true );
		}
		if ( serialize( array( $want['role'] => true ) ) !== $row['caps'] || $levels[ $want['role'] ] !== $row['level'] ) {
			$bad[] = "role {$row['caps']} level {$row['level']}, expected {$want['role']}";
		}
		if ( 'Bench' !== $row['first'] || 'Bench ' . $want['last_name'] !== $row['display_name'] ) {
			$bad[] = 'names';
		}
		// wp_insert_user()'s 13 rows plus the link's 4 (_workos_user_id, _last_synced_at, _profile_hash, _first_login).
		if ( 17 !== (int) $row['meta_rows'] || 17 !== (int) $row['meta_keys'] ) {
			$bad[] = "{$row['meta_rows']} meta rows ({$row['meta_keys']} keys), expected 17";
		}
	}
	if ( $bad ) {
		++$wrong;
		$note( "user $n (#$id): " . implode( '; ', $bad ) );
	}
}
if ( $db['held_twice'] ) {
	$note( count( $db['held_twice'] ) . ' WorkOS ids are held by more than one user' );
}
if ( $db['duplicate_nicenames'] ) {
	$note( $db['duplicate_nicenames'] . ' nicenames are used twice' );
}
if ( $db['user_count'] !== $db['users'] && $db['users'] <= 10000 ) {
	$note( "WordPress's user_count option says {$db['user_count']}, the table holds {$db['users']}" );
}
$mailed = mail_lines( $mail_log ) - $mails;
if ( 0 !== $mailed ) {
	$note( "$mailed e-mails were sent" );
}

// ---------------------------------------------------------------- report ---------------------

printf( "  (a) wp_insert_user + link meta, %d processes   %7.1f users/s  (%d users; per process %s users/s)\n", $cores, $a_rate, $baseline_users, implode( ', ', array_map( static function ( $r ) { return sprintf( '%.1f', $r ); }, $a_single ) ) );
printf( "  (b) one user per request, concurrency 1       %7.1f users/s  (%d users)\n", $rest[1], $rest_users );
printf( "  (b) one user per request, concurrency 4       %7.1f users/s  (%d users)\n", $rest[4], $rest_users );
printf( "  POST users/batch, %d a request, %d in flight  %7.1f users/s  (%d users in %.1f s)\n", $batch_size, $concurrency, $b_rate, $users, $seconds );
$ratio = $b_rate / $a_rate;
printf( "  ratio to (a) %.2f (target >= 0.90: %s; stretch >= 2.0: %s); to (b) at 1: %.1f, at 4: %.1f\n", $ratio, $ratio >= 0.9 ? 'met' : 'MISSED', $ratio >= 2.0 ? 'met' : 'missed', $b_rate / $rest[1], $b_rate / $rest[4] );
printf( "  database: %d of %d users as created (linked, role, level, 17 meta rows), %d wrong; WorkOS ids held twice %d; e-mails %d\n", count( $db['rows'] ), $users, $wrong, count( $db['held_twice'] ), $mailed );
$cleanup();
if ( $problems ) {
	fwrite( STDERR, sprintf( "users_batch: FAILED: %d mismatches\n", count( $problems ) ) );
	exit( 1 );
}
echo "  database check: OK (every user once, linked, with its role; retry answered exists; no e-mail)\n";
