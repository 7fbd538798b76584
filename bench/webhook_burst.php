<?php
/**
 * A burst of signed WorkOS webhook events against the served sandbox site (nginx + php-fpm
 * workers), then a check of the database against what the events say (issue 5).
 *
 * 1,000 WordPress users linked to WorkOS-like ids (_workos_user_id user_bench_NNNN; the last
 * fifth also to directory users, _workos_directory_user_id directory_user_bench_NNNN) and one
 * cached organization (org_bench, the site's organization_id). EVENTS signed envelopes, mixed:
 * user.updated (names), organization_membership.created/updated (roles member/editor),
 * dsync.user.updated (names of the directory-linked users), plus ~5 % replays (an event id sent
 * again) and ~5 % out-of-order updates (updated_at older than one already answered). Replays and
 * out-of-order events are sent only once the event they refer to has been answered, so their
 * outcome is certain (duplicate / stale); everything else flows freely, CONCURRENCY in flight,
 * connections kept alive. Names of one user come from one object only (user or directory user),
 * so the expected final state is deterministic: per object, the data with the newest updated_at.
 *
 * Baseline in the same run: the same server answering a bare REST no-op route (POST
 * /wp-json/bench/v1/noop → {}, registered by a sandbox-only mu-plugin written for the run and
 * removed afterwards) with the same bodies and headers, measured before and after the burst
 * (pooled). Target: webhook events/s ≥ 60 % of the baseline's requests/s, zero lost, zero
 * applied twice. Activity log OFF (the pipeline, not the log); BENCH_ACTIVITY_LOG=1 turns it on.
 *
 *   php bench/webhook_burst.php SITE_URL SITE_DIR [EVENTS] [CONCURRENCY] [USERS]
 *
 * Needs SANDBOX_STATE (the emulator's webhook secret). Exits non-zero when the database or any
 * answer disagrees with the events.
 */

// phpcs:disable -- a benchmark script, not plugin code.

require __DIR__ . '/lib/served-site.php';

if ( $argc < 3 ) {
	fwrite( STDERR, "usage: php bench/webhook_burst.php SITE_URL SITE_DIR [EVENTS] [CONCURRENCY] [USERS]\n" );
	exit( 2 );
}
list( , $site, $site_dir ) = $argv;
$site         = rtrim( $site, '/' );
$site_dir     = rtrim( $site_dir, '/' );
$total        = max( 100, (int) ( $argv[3] ?? 5000 ) );
$concurrency  = max( 1, (int) ( $argv[4] ?? 8 ) );
$users        = max( 10, (int) ( $argv[5] ?? 1000 ) );
$activity_log = '1' === (string) getenv( 'BENCH_ACTIVITY_LOG' );
$dsync_from   = (int) floor( $users * 0.8 ); // users from here on are directory-linked

$creds = array();
foreach ( array( rtrim( (string) getenv( 'SANDBOX_STATE' ), '/' ) . '/emulator/credentials.env', dirname( $site_dir ) . '/emulator/credentials.env' ) as $file ) {
	foreach ( is_readable( $file ) ? file( $file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES ) : array() as $line ) {
		if ( preg_match( "/^([A-Z_]+)='([^']*)'$/", $line, $m ) ) {
			$creds[ $m[1] ] = $m[2];
		}
	}
	if ( ! empty( $creds['SANDBOX_WEBHOOK_SECRET'] ) ) {
		break;
	}
}
if ( empty( $creds['SANDBOX_WEBHOOK_SECRET'] ) ) {
	fwrite( STDERR, "webhook_burst: no SANDBOX_WEBHOOK_SECRET under \$SANDBOX_STATE/emulator/credentials.env\n" );
	exit( 2 );
}
$secret = $creds['SANDBOX_WEBHOOK_SECRET'];


/** configure-workos.php against the served site. */
function configure( string $site_dir, string $site, array $pairs ): void {
	exec(
		'WP_DB_NAME=wp ' . escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( dirname( __DIR__ ) . '/sandbox/lib/wordpress/configure-workos.php' ) . ' '
		. escapeshellarg( $site_dir ) . ' ' . escapeshellarg( $site ) . ' ' . implode( ' ', array_map( 'escapeshellarg', $pairs ) ) . ' 2>&1',
		$out,
		$rc
	);
	if ( 0 !== $rc ) {
		fail( 'could not configure the site: ' . implode( "\n", $out ) );
	}
}


// ---------------------------------------------------------------- setup ----------------------

$mu_dir  = $site_dir . '/wp-content/mu-plugins';
$mu_file = $mu_dir . '/bench-noop.php';

/** Puts the site back: no-op route gone, bench data removed, WorkOS off as the sandbox started. */
$cleanup = static function () use ( $mu_file, $site_dir, $site ) {
	static $done = false;
	if ( $done ) {
		return;
	}
	$done = true;
	@unlink( $mu_file );
	served(
		$site_dir,
		$site,
		<<<'PHP'
global $wpdb;
foreach ( get_users( array( 'search' => 'whburst_*', 'search_columns' => array( 'user_login' ), 'fields' => 'ID', 'number' => -1 ) ) as $id ) {
	wp_delete_user( (int) $id );
}
$org = $wpdb->get_var( "SELECT id FROM {$wpdb->prefix}workos_organizations WHERE workos_org_id = 'org_bench'" );
if ( $org ) {
	$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->prefix}workos_org_memberships WHERE org_id = %d", $org ) );
	$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->prefix}workos_org_sites WHERE org_id = %d", $org ) );
	$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->prefix}workos_organizations WHERE id = %d", $org ) );
}
$wpdb->query( "DELETE FROM {$wpdb->prefix}workos_webhook_events WHERE event_id LIKE 'event\_burst\_%' OR event_id LIKE 'event\_warm\_%'" );
$wpdb->query( "DELETE FROM {$wpdb->prefix}workos_object_versions WHERE object_id LIKE '%\_bench\_%' OR object_id LIKE 'user\_warm\_%'" );
echo "true";
PHP
	);
	configure( $site_dir, $site, array( 'enabled=0', 'enable_activity_log=', 'organization_id=', 'login_mode=' ) );
};

configure( $site_dir, $site, array( 'enable_activity_log=' . ( $activity_log ? 'true' : 'false' ), 'organization_id=org_bench', 'role_map=' ) );
if ( ! is_dir( $mu_dir ) && ! mkdir( $mu_dir, 0755, true ) ) {
	fail( "cannot create $mu_dir" );
}
file_put_contents(
	$mu_file,
	<<<'PHP'
<?php
// Sandbox-only, written by bench/webhook_burst.php for its baseline and removed after the run.
add_action( 'rest_api_init', function () {
	register_rest_route( 'bench/v1', '/noop', array(
		'methods'             => 'POST',
		'callback'            => function () { return new WP_REST_Response( new stdClass(), 200 ); },
		'permission_callback' => '__return_true',
	) );
} );
PHP
);
register_shutdown_function( $cleanup );
if ( function_exists( 'pcntl_async_signals' ) ) { // Ctrl-C still cleans up
	pcntl_async_signals( true );
	foreach ( array( SIGINT, SIGTERM ) as $signal ) {
		pcntl_signal( $signal, static function () { exit( 130 ); } );
	}
}

$t_setup = microtime( true );
$setup   = served(
	$site_dir,
	$site,
	'$users = ' . $users . '; $dsync_from = ' . $dsync_from . ';' . <<<'PHP'
global $wpdb;
\WorkOSCompanion\Database\Schema::maybe_upgrade();
// Leftovers of an interrupted run go first (their metas would link other users).
foreach ( get_users( array( 'search' => 'whburst_*', 'search_columns' => array( 'user_login' ), 'fields' => 'ID', 'number' => -1 ) ) as $old ) {
	wp_delete_user( (int) $old );
}
$wpdb->query( "DELETE FROM {$wpdb->prefix}workos_webhook_events WHERE event_id LIKE 'event\_burst\_%' OR event_id LIKE 'event\_warm\_%'" );
$wpdb->query( "DELETE FROM {$wpdb->prefix}workos_object_versions WHERE object_id LIKE '%\_bench\_%' OR object_id LIKE 'user\_warm\_%'" );
$org = \WorkOSCompanion\Organization\OrganizationRepository::upsert( array( 'id' => 'org_bench', 'name' => 'Bench Org' ) );
$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->prefix}workos_org_memberships WHERE org_id = %d", $org ) );
$ids = array();
for ( $i = 0; $i < $users; ++$i ) {
	$n  = sprintf( '%04d', $i );
	$id = wp_insert_user( array( 'user_login' => 'whburst_' . $n, 'user_email' => 'whburst_' . $n . '@bench.invalid', 'user_pass' => wp_generate_password( 24 ), 'role' => 'subscriber', 'first_name' => 'Old', 'last_name' => 'Name' ) );
	if ( is_wp_error( $id ) ) {
		fwrite( STDERR, $id->get_error_message() );
		exit( 1 );
	}
	update_user_meta( $id, '_workos_user_id', 'user_bench_' . $n );
	if ( $i >= $dsync_from ) {
		update_user_meta( $id, '_workos_directory_user_id', 'directory_user_bench_' . $n );
	}
	$ids[ $n ] = $id;
}
echo wp_json_encode( array( 'org' => $org, 'ids' => $ids ) );
PHP
);
if ( count( $setup['ids'] ?? array() ) !== $users || (int) ( $setup['org'] ?? 0 ) <= 0 ) {
	fail( 'setup did not create the users and the organization' );
}
$ids = $setup['ids'];
printf( "setup: %d users linked (%d of them directory users), organization org_bench cached, %.1f s\n", $users, $users - $dsync_from, microtime( true ) - $t_setup );

// ---------------------------------------------------------------- events ---------------------

mt_srand( 20261126 );
$base_ms  = (int) floor( microtime( true ) * 1000 ) - 86400000; // updated_at values: a day ago onwards
$iso      = static function ( int $ms ): string {
	return gmdate( 'Y-m-d\TH:i:s', intdiv( $ms, 1000 ) ) . sprintf( '.%03dZ', $ms % 1000 );
};
$events   = array(); // each: body, id, kind (fresh|replay|stale), after (index or -1), expect (outcome or '')
$versions = array(); // object id => [ [ms, index], ... ] in send order
$clock    = array(); // object id => newest updated_at generated
$expected = array(); // n => [first, last, role, names_ms, role_ms, names_from]
$counts   = array( 'user.updated' => 0, 'organization_membership.created' => 0, 'organization_membership.updated' => 0, 'dsync.user.updated' => 0, 'replay' => 0, 'stale' => 0 );
$roles    = array( 'member' => 'subscriber', 'editor' => 'editor' );
$seq      = 0;

$envelope = static function ( string $type, array $data ) use ( &$seq ): array {
	$id = sprintf( 'event_burst_%06d_%s', ++$seq, bin2hex( random_bytes( 4 ) ) );
	return array( $id, json_encode( array( 'object' => 'event', 'id' => $id, 'event' => $type, 'data' => $data, 'created_at' => gmdate( 'Y-m-d\TH:i:s.000\Z' ) ) ) );
};

/** The data of one object version: names (user / directory user) or role (membership). */
$data_for = static function ( string $type, string $n, int $ms, string $first, string $last, string $role ) use ( $iso ): array {
	switch ( $type ) {
		case 'user.updated':
			return array( 'object' => 'user', 'id' => 'user_bench_' . $n, 'email' => 'whburst_' . $n . '@bench.invalid', 'email_verified' => true, 'first_name' => $first, 'last_name' => $last, 'profile_picture_url' => null, 'created_at' => $iso( 0 ), 'updated_at' => $iso( $ms ) );
		case 'dsync.user.updated':
			return array( 'object' => 'directory_user', 'id' => 'directory_user_bench_' . $n, 'directory_id' => 'directory_bench', 'organization_id' => 'org_bench', 'idp_id' => 'idp_' . $n, 'first_name' => $first, 'last_name' => $last, 'emails' => array( array( 'primary' => true, 'type' => 'work', 'value' => 'whburst_' . $n . '@bench.invalid' ) ), 'email' => 'whburst_' . $n . '@bench.invalid', 'state' => 'active', 'created_at' => $iso( 0 ), 'updated_at' => $iso( $ms ) );
		default:
			return array( 'object' => 'organization_membership', 'id' => 'om_bench_' . $n, 'user_id' => 'user_bench_' . $n, 'organization_id' => 'org_bench', 'role' => array( 'slug' => $role ), 'status' => 'active', 'created_at' => $iso( 0 ), 'updated_at' => $iso( $ms ) );
	}
};

$replays = (int) round( $total * 0.05 );
$stales  = (int) round( $total * 0.05 );
$fresh   = $total - $replays - $stales;
// Positions of the replays and stale events, spread over the burst (never in its first tenth so
// that they have events to refer to).
$special = array();
while ( count( $special ) < $replays + $stales ) {
	$special[ mt_rand( (int) ( $total / 10 ), $total - 1 ) ] = true;
}
$special_kinds = array_merge( array_fill( 0, $replays, 'replay' ), array_fill( 0, $stales, 'stale' ) );
shuffle( $special_kinds );
ksort( $special );
$special = array_combine( array_keys( $special ), $special_kinds );

for ( $i = 0; $i < $total; ++$i ) {
	$kind = $special[ $i ] ?? 'fresh';
	if ( 'replay' === $kind ) {
		$of       = mt_rand( 0, $i - 20 ); // the very same delivery again (new signature, same body)
		while ( 'fresh' !== $events[ $of ]['kind'] ) {
			--$of;
		}
		$events[] = array( 'id' => $events[ $of ]['id'], 'body' => $events[ $of ]['body'], 'kind' => 'replay', 'after' => $of, 'expect' => 'duplicate' );
		++$counts['replay'];
		continue;
	}
	if ( 'stale' === $kind ) {
		// An object with at least two versions sent: data older than its newest, sent after the newest is answered.
		$candidates = array_keys( array_filter( $versions, static function ( $v ) { return count( $v ) >= 2; } ) );
		$object     = $candidates[ mt_rand( 0, count( $candidates ) - 1 ) ];
		$newest     = end( $versions[ $object ] );
		$ms         = $newest[0] - mt_rand( 1, 500 );
		$n          = substr( $object, -4 );
		$type       = 0 === strpos( $object, 'om_' ) ? 'organization_membership.updated' : ( 0 === strpos( $object, 'directory_' ) ? 'dsync.user.updated' : 'user.updated' );
		list( $id, $body ) = $envelope( $type, $data_for( $type, $n, $ms, 'Stale' . $i, 'Older' . $i, 'admin' ) );
		$events[]   = array( 'id' => $id, 'body' => $body, 'kind' => 'stale', 'after' => $newest[1], 'expect' => 'stale' );
		++$counts['stale'];
		continue;
	}
	$u = mt_rand( 0, $users - 1 );
	$n = sprintf( '%04d', $u );
	if ( mt_rand( 1, 100 ) <= 55 ) {
		$type   = $u >= $dsync_from ? 'dsync.user.updated' : 'user.updated';
		$object = ( $u >= $dsync_from ? 'directory_user_bench_' : 'user_bench_' ) . $n;
	} else {
		$object = 'om_bench_' . $n;
		$type   = isset( $versions[ $object ] ) ? 'organization_membership.updated' : 'organization_membership.created';
	}
	$ms                 = ( $clock[ $object ] ?? $base_ms ) + mt_rand( 1000, 60000 );
	$clock[ $object ]   = $ms;
	$first              = 'F' . $i;
	$last               = 'L' . $i . '-' . $n;
	$role               = mt_rand( 0, 1 ) ? 'editor' : 'member';
	$versions[ $object ][] = array( $ms, $i );
	list( $id, $body )  = $envelope( $type, $data_for( $type, $n, $ms, $first, $last, $role ) );
	$events[]           = array( 'id' => $id, 'body' => $body, 'kind' => 'fresh', 'after' => -1, 'expect' => '' );
	++$counts[ $type ];
	if ( 0 === strpos( $object, 'om_' ) ) {
		$expected[ $n ]['role']        = $roles[ $role ];
		$expected[ $n ]['workos_role'] = $role;
	} else {
		$expected[ $n ]['first'] = $first;
		$expected[ $n ]['last']  = $last;
	}
}
$unique = count( array_unique( array_column( $events, 'id' ) ) );
printf(
	"events: %d (%d unique ids): user.updated %d, organization_membership.created %d / updated %d, dsync.user.updated %d, replays %d, out-of-order %d; concurrency %d; activity log %s\n",
	$total, $unique, $counts['user.updated'], $counts['organization_membership.created'], $counts['organization_membership.updated'], $counts['dsync.user.updated'], $counts['replay'], $counts['stale'], $concurrency, $activity_log ? 'ON' : 'OFF'
);

// ---------------------------------------------------------------- the runner -----------------

/**
 * Posts requests with $concurrency in flight over kept-alive connections. $next() returns the
 * next request [url, body, headers] or null when nothing is ready (or none is left), $done($k,
 * $status, $body, $seconds) records an answer. Returns the wall-clock seconds.
 */
function burst( int $concurrency, callable $next, callable $done, callable $left ): float {
	$multi = curl_multi_init();
	curl_multi_setopt( $multi, CURLMOPT_MAX_HOST_CONNECTIONS, $concurrency );
	$free    = array();
	$running = array();
	for ( $s = 0; $s < $concurrency; ++$s ) {
		$free[] = curl_init();
	}
	$t0 = microtime( true );
	do {
		while ( $free && null !== ( $req = $next() ) ) {
			$ch = array_pop( $free );
			curl_setopt_array(
				$ch,
				array(
					CURLOPT_URL            => $req['url'],
					CURLOPT_POST           => true,
					CURLOPT_POSTFIELDS     => $req['body'],
					CURLOPT_HTTPHEADER     => $req['headers'],
					CURLOPT_RETURNTRANSFER => true,
					CURLOPT_TIMEOUT        => 60,
					CURLOPT_TCP_KEEPALIVE  => 1,
				)
			);
			$running[ (int) $ch ] = array( $ch, $req['key'] );
			curl_multi_add_handle( $multi, $ch );
		}
		if ( ! $running ) {
			if ( $left() ) {
				fail( 'scheduler stalled: requests left but none ready and none in flight' );
			}
			break;
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
			$done( $key, (int) curl_getinfo( $ch, CURLINFO_RESPONSE_CODE ), (string) curl_multi_getcontent( $ch ), (float) curl_getinfo( $ch, CURLINFO_TOTAL_TIME ) );
			curl_multi_remove_handle( $multi, $ch );
			$free[] = $ch;
		}
	} while ( true );
	$seconds = microtime( true ) - $t0;
	foreach ( $free as $ch ) {
		curl_close( $ch );
	}
	curl_multi_close( $multi );
	return $seconds;
}

$webhook_url = $site . '/wp-json/workos/v1/webhook';
$noop_url    = $site . '/wp-json/bench/v1/noop';
$headers     = static function ( string $body ) use ( $secret ): array {
	$t = (int) floor( microtime( true ) * 1000 );
	return array( 'Content-Type: application/json', 'WorkOS-Signature: t=' . $t . ', v1=' . hash_hmac( 'sha256', $t . '.' . $body, $secret ) );
};

/** The baseline: every event body (signed alike) to the no-op route; [seconds, latencies ms, non-200]. */
$baseline = static function ( int $count ) use ( $events, $concurrency, $noop_url, $headers ): array {
	$i       = 0;
	$lat     = array();
	$bad     = 0;
	$seconds = burst(
		$concurrency,
		static function () use ( &$i, $count, $events, $noop_url, $headers ) {
			if ( $i >= $count ) {
				return null;
			}
			$body = $events[ $i % count( $events ) ]['body'];
			return array( 'key' => $i++, 'url' => $noop_url, 'body' => $body, 'headers' => $headers( $body ) );
		},
		static function ( $key, $status, $body, $s ) use ( &$lat, &$bad ) {
			$lat[] = $s * 1000;
			if ( 200 !== $status || '{}' !== trim( $body ) ) {
				++$bad;
			}
		},
		static function () {
			return false;
		}
	);
	return array( $seconds, $lat, $bad );
};

function pct( array $v, float $p ): float {
	sort( $v );
	return $v[ min( count( $v ) - 1, (int) ceil( $p * count( $v ) ) - 1 ) ];
}

// ---------------------------------------------------------------- warm-up, baseline, burst ---

list( , , $bad ) = $baseline( 200 );
if ( $bad ) {
	fail( "the no-op route did not answer 200 {} ($bad times in the warm-up)" );
}
// Webhook warm-up: unlinked users (skipped), ids outside the burst's.
$warm = 0;
burst(
	$concurrency,
	static function () use ( &$warm, $webhook_url, $headers, $iso ) {
		if ( $warm >= 100 ) {
			return null;
		}
		$body = json_encode( array( 'object' => 'event', 'id' => sprintf( 'event_warm_%04d_%s', $warm, bin2hex( random_bytes( 4 ) ) ), 'event' => 'user.updated', 'data' => array( 'object' => 'user', 'id' => 'user_warm_' . $warm, 'email' => 'warm' . $warm . '@bench.invalid', 'first_name' => 'W', 'last_name' => 'W', 'updated_at' => $iso( 1000000 + $warm ) ), 'created_at' => gmdate( 'Y-m-d\TH:i:s.000\Z' ) ) );
		return array( 'key' => $warm++, 'url' => $webhook_url, 'body' => $body, 'headers' => $headers( $body ) );
	},
	static function ( $key, $status, $body ) {
		if ( 200 !== $status ) {
			fail( "webhook warm-up answered HTTP $status: $body" );
		}
	},
	static function () {
		return false;
	}
);

list( $b1_seconds, $b1_lat, $b1_bad ) = $baseline( $total );

// The burst. Dependent events (replays, out-of-order) wait for the event they refer to.
$answered = array_fill( 0, $total, false );
$status   = array();
$outcome  = array();
$latency  = array();
$cursor   = 0;      // first index not sent yet
$sent     = array(); // index => true for sent beyond the cursor
$window   = 64;
$w_seconds = burst(
	$concurrency,
	static function () use ( &$cursor, &$sent, &$answered, $events, $total, $window, $webhook_url, $headers ) {
		while ( $cursor < $total && isset( $sent[ $cursor ] ) ) {
			unset( $sent[ $cursor ] );
			++$cursor;
		}
		for ( $k = $cursor; $k < $total && $k < $cursor + $window; ++$k ) {
			if ( isset( $sent[ $k ] ) ) {
				continue;
			}
			$after = $events[ $k ]['after'];
			if ( $after >= 0 && ! $answered[ $after ] ) {
				continue;
			}
			$sent[ $k ] = true;
			return array( 'key' => $k, 'url' => $webhook_url, 'body' => $events[ $k ]['body'], 'headers' => $headers( $events[ $k ]['body'] ) );
		}
		return null;
	},
	static function ( $k, $http, $body, $s ) use ( &$answered, &$status, &$outcome, &$latency ) {
		$answered[ $k ] = true;
		$status[ $k ]   = $http;
		$decoded        = json_decode( $body, true );
		$outcome[ $k ]  = is_array( $decoded ) ? (string) ( $decoded['outcome'] ?? ( $decoded['code'] ?? '?' ) ) : '?';
		$latency[ $k ]  = $s * 1000;
	},
	static function () use ( &$cursor, &$sent, $total ) {
		return $cursor < $total || count( $sent ) > 0;
	}
);

list( $b2_seconds, $b2_lat, $b2_bad ) = $baseline( $total );

// ---------------------------------------------------------------- verification ---------------

$state = served(
	$site_dir,
	$site,
	<<<'PHP'
global $wpdb;
$users = array();
foreach ( $wpdb->get_results( "SELECT u.ID, u.user_login FROM {$wpdb->users} u WHERE u.user_login LIKE 'whburst\_%'" ) as $row ) {
	$u = get_userdata( (int) $row->ID );
	$users[ substr( $row->user_login, 8 ) ] = array( 'first' => $u->first_name, 'last' => $u->last_name, 'roles' => array_values( $u->roles ) );
}
$org = (int) $wpdb->get_var( "SELECT id FROM {$wpdb->prefix}workos_organizations WHERE workos_org_id = 'org_bench'" );
foreach ( $wpdb->get_results( $wpdb->prepare( "SELECT u.user_login, m.workos_role, m.wp_role, m.workos_membership_id FROM {$wpdb->prefix}workos_org_memberships m JOIN {$wpdb->users} u ON u.ID = m.user_id WHERE m.org_id = %d", $org ) ) as $row ) {
	$users[ substr( $row->user_login, 8 ) ]['membership'] = array( $row->workos_role, $row->wp_role, $row->workos_membership_id );
}
$events = $wpdb->get_results( "SELECT event_id, outcome, reason FROM {$wpdb->prefix}workos_webhook_events WHERE event_id LIKE 'event\_burst\_%'", ARRAY_A );
$log    = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}workos_activity_log" );
echo wp_json_encode( array( 'users' => $users, 'events' => $events, 'log_rows' => $log ) );
PHP
);

$problems = array();
$note     = static function ( string $what ) use ( &$problems ) {
	if ( count( $problems ) < 20 ) {
		fwrite( STDERR, "  MISMATCH: $what\n" );
	}
	$problems[] = $what;
};

// Answers.
$non2xx  = 0;
$by_id   = array(); // id => outcomes of its non-duplicate answers
$tally   = array();
foreach ( $events as $k => $event ) {
	if ( ! isset( $status[ $k ] ) ) {
		$note( "event #$k never answered" );
		continue;
	}
	if ( $status[ $k ] < 200 || $status[ $k ] > 299 ) {
		++$non2xx;
		$note( "event #$k ({$event['id']}) answered HTTP {$status[ $k ]} {$outcome[ $k ]}" );
	}
	$tally[ $outcome[ $k ] ] = ( $tally[ $outcome[ $k ] ] ?? 0 ) + 1;
	if ( '' !== $event['expect'] && $event['expect'] !== $outcome[ $k ] ) {
		$note( "event #$k ({$event['kind']}) answered {$outcome[ $k ]}, expected {$event['expect']}" );
	}
	if ( 'duplicate' !== $outcome[ $k ] ) {
		$by_id[ $event['id'] ][] = $outcome[ $k ];
	}
}
// The events table: one row per unique id, none left processing, its outcome the one answered.
$rows = array();
foreach ( $state['events'] as $row ) {
	$rows[ $row['event_id'] ][] = $row;
}
$lost  = 0;
$twice = 0;
foreach ( array_unique( array_column( $events, 'id' ) ) as $id ) {
	$answers = $by_id[ $id ] ?? array();
	$stored  = $rows[ $id ] ?? array();
	if ( ! $stored || 'processing' === $stored[0]['outcome'] || ! $answers ) {
		++$lost;
		$note( "event $id lost (rows " . count( $stored ) . ', answers ' . json_encode( $answers ) . ')' );
		continue;
	}
	if ( count( $stored ) > 1 || count( $answers ) > 1 ) {
		++$twice;
		$note( "event $id applied more than once (rows " . count( $stored ) . ', answers ' . json_encode( $answers ) . ')' );
		continue;
	}
	if ( $stored[0]['outcome'] !== $answers[0] ) {
		$note( "event $id stored outcome {$stored[0]['outcome']}, answered {$answers[0]}" );
	}
	if ( 'failed' === $answers[0] ) {
		$note( "event $id failed: {$stored[0]['reason']}" );
	}
}
if ( count( $state['events'] ) !== $unique ) {
	$note( sprintf( 'events table holds %d burst rows for %d unique ids', count( $state['events'] ), $unique ) );
}
// Final state per user.
$wrong_users = 0;
foreach ( $ids as $n => $wp_id ) {
	$have = $state['users'][ $n ] ?? null;
	$want = $expected[ $n ] ?? array();
	$bad  = array();
	if ( null === $have ) {
		$bad[] = 'user missing';
	} else {
		$first = $want['first'] ?? 'Old';
		$last  = $want['last'] ?? 'Name';
		if ( $have['first'] !== $first || $have['last'] !== $last ) {
			$bad[] = "names {$have['first']} {$have['last']}, expected $first $last";
		}
		$role = $want['role'] ?? 'subscriber';
		if ( array( $role ) !== $have['roles'] ) {
			$bad[] = 'roles ' . implode( ',', $have['roles'] ) . ", expected $role";
		}
		if ( isset( $want['workos_role'] ) ) {
			$m = $have['membership'] ?? null;
			if ( array( $want['workos_role'], $role, 'om_bench_' . $n ) !== $m ) {
				$bad[] = 'membership row ' . json_encode( $m ) . ", expected {$want['workos_role']}/$role";
			}
		} elseif ( isset( $have['membership'] ) ) {
			$bad[] = 'membership row without any membership event';
		}
	}
	if ( $bad ) {
		++$wrong_users;
		$note( "user $n: " . implode( '; ', $bad ) );
	}
}

// ---------------------------------------------------------------- report ---------------------

$b_lat     = array_merge( $b1_lat, $b2_lat );
$b_rate    = ( 2 * $total ) / ( $b1_seconds + $b2_seconds );
$w_rate    = $total / $w_seconds;
$w_lat     = array_values( $latency );
ksort( $tally );
printf( "webhook burst: %d events, concurrency %d, %s\n", $total, $concurrency, $site );
printf( "  baseline POST /wp-json/bench/v1/noop   %7.1f req/s     p50 %6.1f ms  p99 %6.1f ms   (before %.1f, after %.1f req/s; non-200 %d)\n", $b_rate, pct( $b_lat, 0.50 ), pct( $b_lat, 0.99 ), $total / $b1_seconds, $total / $b2_seconds, $b1_bad + $b2_bad );
printf( "  POST /wp-json/workos/v1/webhook        %7.1f events/s  p50 %6.1f ms  p99 %6.1f ms   ratio %.3f (target >= 0.60: %s)\n", $w_rate, pct( $w_lat, 0.50 ), pct( $w_lat, 0.99 ), $w_rate / $b_rate, $w_rate / $b_rate >= 0.60 ? 'met' : 'MISSED' );
$by_type = array();
foreach ( $latency as $k => $ms ) {
	$by_type[ 'fresh' === $events[ $k ]['kind'] ? json_decode( $events[ $k ]['body'], true )['event'] : $events[ $k ]['kind'] ][] = $ms;
}
ksort( $by_type );
printf( "  p50 by kind (queueing included): %s\n", implode( ', ', array_map( static function ( $k, $v ) { return sprintf( '%s %.1f ms', $k, pct( $v, 0.50 ) ); }, array_keys( $by_type ), $by_type ) ) );
printf( "  answers: %s; non-2xx %d\n", implode( ', ', array_map( static function ( $k, $v ) { return "$k $v"; }, array_keys( $tally ), $tally ) ), $non2xx );
printf( "  database: %d burst rows for %d unique ids; lost %d, applied twice %d; users not as the events say %d of %d%s\n", count( $state['events'] ), $unique, $lost, $twice, $wrong_users, $users, $activity_log ? '; activity log rows ' . $state['log_rows'] : '' );
if ( $problems || $b1_bad + $b2_bad ) {
	fwrite( STDERR, sprintf( "webhook_burst: FAILED: %d mismatches\n", count( $problems ) ) );
	exit( 1 );
}
echo "  database check: OK (every event applied once, final state as the events say)\n";
