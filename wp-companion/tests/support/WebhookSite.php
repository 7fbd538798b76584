<?php
/**
 * The served sandbox site (nginx + php-fpm, database wp) as the webhook tests reach it: signed
 * POSTs to its /wp-json/workos/v1/webhook, its database read over an own autocommit connection
 * (the test's transaction on wp_tests would freeze a snapshot), PHP run inside it, and its
 * configuration through sandbox/lib/wordpress/configure-workos.php.
 *
 * @package WorkOSCompanion
 */

use PHPUnit\Framework\Assert;

final class WebhookSite {
	/** @var mysqli|null */
	private static $db;

	public static function base(): string {
		$url = (string) getenv( 'SANDBOX_WP_URL' );
		Assert::assertNotEmpty( $url, 'SANDBOX_WP_URL is not set' );
		return untrailingslashit( $url );
	}

	public static function endpoint(): string {
		return self::base() . '/wp-json/workos/v1/webhook';
	}

	public static function secret(): string {
		return EmulatorEnvironment::credentials()['webhook_secret'];
	}

	public static function now_ms(): int {
		return (int) floor( microtime( true ) * 1000 );
	}

	public static function sign( string $body, ?string $secret = null, ?int $t = null ): string {
		$t = $t ?? self::now_ms();
		return 't=' . $t . ', v1=' . hash_hmac( 'sha256', $t . '.' . $body, $secret ?? self::secret() );
	}

	/** A unique event id. */
	public static function event_id(): string {
		return 'event_test_' . strtoupper( bin2hex( random_bytes( 10 ) ) );
	}

	/** @param array<string,mixed> $data */
	public static function body( string $type, array $data, ?string $id = null ): string {
		return (string) wp_json_encode(
			array(
				'object'     => 'event',
				'id'         => $id ?? self::event_id(),
				'event'      => $type,
				'data'       => $data,
				'created_at' => gmdate( 'Y-m-d\TH:i:s.000\Z' ),
			)
		);
	}

	/**
	 * POSTs a body with a signature header (null: no header at all), to the served site's webhook
	 * endpoint or the one given.
	 *
	 * @return array{0:int,1:mixed} Status and decoded JSON body.
	 */
	public static function post( string $body, ?string $signature, ?string $endpoint = null ): array {
		$headers = array( 'Content-Type' => 'application/json' );
		if ( null !== $signature ) {
			$headers['WorkOS-Signature'] = $signature;
		}
		$response = wp_remote_post(
			$endpoint ?? self::endpoint(),
			array(
				'headers'     => $headers,
				'body'        => $body,
				'timeout'     => 30,
				'redirection' => 0,
			)
		);
		Assert::assertFalse( is_wp_error( $response ), is_wp_error( $response ) ? $response->get_error_message() : '' );
		return array( (int) wp_remote_retrieve_response_code( $response ), json_decode( wp_remote_retrieve_body( $response ), true ) );
	}

	/**
	 * Signs and sends an event.
	 *
	 * @param array<string,mixed> $data
	 * @return array{0:int,1:mixed}
	 */
	public static function send( string $type, array $data, ?string $id = null ): array {
		$body = self::body( $type, $data, $id );
		return self::post( $body, self::sign( $body ) );
	}

	public static function db(): mysqli {
		if ( ! self::$db ) {
			self::$db = new mysqli( (string) getenv( 'WP_DB_HOST' ), (string) getenv( 'WP_DB_USER' ), (string) getenv( 'WP_DB_PASSWORD' ), 'wp', (int) getenv( 'WP_DB_PORT' ) );
			self::$db->set_charset( 'utf8mb4' );
			self::$db->autocommit( true );
		}
		return self::$db;
	}

	/**
	 * Rows of a query with "?" placeholders (strings) on the served database; table names use
	 * the "wp_" prefix of the sandbox.
	 *
	 * @param array<int,scalar> $params
	 * @return array<int,array<string,mixed>>
	 */
	public static function rows( string $sql, array $params = array() ): array {
		return self::rows_of( self::db(), $sql, $params );
	}

	/**
	 * Rows of a query with "?" placeholders (bound as strings) on any connection.
	 *
	 * @param array<int,scalar> $params
	 * @return array<int,array<string,mixed>>
	 */
	public static function rows_of( mysqli $db, string $sql, array $params = array() ): array {
		$statement = $db->prepare( $sql );
		Assert::assertNotFalse( $statement, $db->error );
		if ( $params ) {
			$statement->bind_param( str_repeat( 's', count( $params ) ), ...array_map( 'strval', $params ) );
		}
		Assert::assertTrue( $statement->execute(), $statement->error );
		$result = $statement->get_result();
		return $result ? $result->fetch_all( MYSQLI_ASSOC ) : array();
	}

	/** @param array<int,scalar> $params */
	public static function row( string $sql, array $params = array() ): ?array {
		$rows = self::rows( $sql, $params );
		return $rows ? $rows[0] : null;
	}

	/** @param array<int,scalar> $params */
	public static function exec_sql( string $sql, array $params = array() ): void {
		$statement = self::db()->prepare( $sql );
		Assert::assertNotFalse( $statement, self::db()->error );
		if ( $params ) {
			$statement->bind_param( str_repeat( 's', count( $params ) ), ...array_map( 'strval', $params ) );
		}
		Assert::assertTrue( $statement->execute(), $statement->error );
	}

	/** The newest activity-log rows of a type, newest first, metadata decoded. */
	public static function activity( string $type, int $limit = 5 ): array {
		$rows = self::rows( 'SELECT * FROM wp_workos_activity_log WHERE event_type = ? ORDER BY id DESC LIMIT ' . (int) $limit, array( $type ) );
		foreach ( $rows as &$row ) {
			$row['metadata'] = json_decode( (string) $row['metadata'], true );
		}
		return $rows;
	}

	public static function max_activity_id(): int {
		return (int) ( self::row( 'SELECT MAX(id) AS id FROM wp_workos_activity_log' )['id'] ?? 0 );
	}

	/**
	 * Runs PHP inside the served WordPress and returns the JSON it printed last.
	 *
	 * @return mixed
	 */
	public static function php( string $code ) {
		$parts = wp_parse_url( self::base() );
		$boot  = '$_SERVER["HTTP_HOST"] = ' . var_export( $parts['host'] . ':' . $parts['port'], true ) . '; $_SERVER["REQUEST_URI"] = "/"; require ' . var_export( untrailingslashit( (string) getenv( 'WP_SITE_DIR' ) ) . '/wp-load.php', true ) . '; require_once ABSPATH . "wp-admin/includes/user.php";'; // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- PHP literals.
		exec( 'WP_DB_NAME=wp ' . escapeshellarg( PHP_BINARY ) . ' -r ' . escapeshellarg( $boot . $code ) . ' 2>&1', $output, $status ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec -- the served site is another process.
		Assert::assertSame( 0, $status, implode( "\n", $output ) );
		return json_decode( (string) end( $output ), true );
	}

	/**
	 * The served site's active environment enabled against the emulator, with the activity log on,
	 * then KEY=VALUE pairs (see configure-workos.php; "KEY=" removes a key).
	 *
	 * @param array<string,string> $pairs
	 */
	public static function configure( array $pairs = array() ): void {
		$args = array( 'enable_activity_log=true', 'organization_id=', 'role_map=', 'webhook_secret=' . self::secret() );
		foreach ( $pairs as $key => $value ) {
			$args[] = $key . '=' . $value;
		}
		self::run_configure( $args );
		// The served site is shared with the browser and CLI suites: switch WorkOS off again when
		// this test process ends, as the sandbox started.
		static $restore_registered = false;
		if ( ! $restore_registered ) {
			$restore_registered = true;
			register_shutdown_function(
				static function (): void {
					self::run_configure( array( 'enabled=0', 'enable_activity_log=', 'login_mode=' ) );
				}
			);
		}
	}

	/** @param string[] $args KEY=VALUE arguments of configure-workos.php. */
	private static function run_configure( array $args ): void {
		$command = escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( dirname( __DIR__, 3 ) . '/sandbox/lib/wordpress/configure-workos.php' ) . ' ' . escapeshellarg( untrailingslashit( (string) getenv( 'WP_SITE_DIR' ) ) ) . ' ' . escapeshellarg( self::base() ) . ' ' . implode( ' ', array_map( 'escapeshellarg', $args ) );
		exec( 'WP_DB_NAME=wp ' . $command . ' 2>&1', $output, $status ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec -- configures another process's site.
		Assert::assertSame( 0, $status, implode( "\n", $output ) );
	}

	/**
	 * A WordPress user in the served site, optionally linked to a WorkOS user id.
	 *
	 * @return int The user id.
	 */
	public static function create_user( string $login, string $role, string $workos_id = '', string $email = '' ): int {
		$email = '' === $email ? $login . '@tests.invalid' : $email;
		$id    = self::php(
			'$id = wp_insert_user( array( "user_login" => ' . var_export( $login, true ) . ', "user_email" => ' . var_export( $email, true ) . ', "user_pass" => wp_generate_password( 24 ), "role" => ' . var_export( $role, true ) . ', "first_name" => "Old", "last_name" => "Name" ) );' // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- PHP literals.
			. ( '' !== $workos_id ? 'update_user_meta( $id, "_workos_user_id", ' . var_export( $workos_id, true ) . ' );' : '' ) // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- PHP literal.
			. 'echo wp_json_encode( is_wp_error( $id ) ? $id->get_error_message() : $id );'
		);
		Assert::assertIsInt( $id, 'create_user: ' . wp_json_encode( $id ) );
		return $id;
	}

	/** Deletes served users by id (and their memberships rows). */
	public static function delete_users( array $ids ): void {
		$ids = array_values( array_filter( array_map( 'intval', $ids ) ) );
		if ( ! $ids ) {
			return;
		}
		self::php( 'foreach ( ' . var_export( $ids, true ) . ' as $id ) { wp_delete_user( $id ); } echo "true";' ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- PHP literal.
		self::exec_sql( 'DELETE FROM wp_workos_org_memberships WHERE user_id IN (' . implode( ',', $ids ) . ')' );
	}

	/** @return array<string,mixed>|null The served user row with first/last name and roles. */
	public static function user( int $id ): ?array {
		return self::php( '$u = get_userdata( ' . $id . ' ); echo wp_json_encode( $u ? array( "email" => $u->user_email, "first_name" => $u->first_name, "last_name" => $u->last_name, "display_name" => $u->display_name, "roles" => array_values( $u->roles ), "deactivated" => (string) get_user_meta( $u->ID, "_workos_deactivated", true ), "workos_id" => (string) get_user_meta( $u->ID, "_workos_user_id", true ) ) : null );' );
	}

	/**
	 * Polls until $check returns a truthy value or $seconds pass; returns the last value.
	 *
	 * @return mixed
	 */
	public static function poll( callable $check, float $seconds = 10.0 ) {
		$until = microtime( true ) + $seconds;
		do {
			$value = $check();
			if ( $value ) {
				return $value;
			}
			usleep( 200000 );
		} while ( microtime( true ) < $until );
		return $value;
	}

	/** ISO timestamp with milliseconds for a Unix ms value. */
	public static function iso( int $ms ): string {
		return gmdate( 'Y-m-d\TH:i:s', intdiv( $ms, 1000 ) ) . sprintf( '.%03dZ', $ms % 1000 ) ;
	}
}
