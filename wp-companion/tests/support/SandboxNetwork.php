<?php
/**
 * The multisite network of sandbox/network as the multisite suite reaches it: started fresh on a
 * free port (sites /, /acme/ and /globex/, the companion network-active), its sites' settings
 * through configure-workos.php, PHP run inside one of its sites, its database (wp_network) read
 * over an own connection. Stopped again when the test process ends.
 *
 * @package WorkOSCompanion
 */

use PHPUnit\Framework\Assert;

final class SandboxNetwork {
	/** @var string */
	private static $url = '';

	/** @var mysqli|null */
	private static $db;

	public static function start(): void {
		$root = dirname( __DIR__, 3 );
		exec( escapeshellarg( $root . '/scripts/free-port' ), $port_out, $status ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec -- a test harness.
		Assert::assertSame( 0, $status, 'scripts/free-port' );
		$port = (int) trim( (string) end( $port_out ) );
		exec( 'SANDBOX_NETWORK_PORT=' . $port . ' ' . escapeshellarg( $root . '/sandbox/network' ) . ' --fresh 2>&1', $output, $status ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec -- starts the network.
		Assert::assertSame( 0, $status, "sandbox/network failed:\n" . implode( "\n", $output ) );
		self::$url = 'http://127.0.0.1:' . $port;
		register_shutdown_function(
			static function () use ( $root, $port ): void {
				exec( 'SANDBOX_NETWORK_PORT=' . $port . ' ' . escapeshellarg( $root . '/sandbox/network' ) . ' --stop 2>&1' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec -- stops the network.
			}
		);
	}

	/** A site's address: '' the main site, 'acme' → …/acme. */
	public static function url( string $site = '' ): string {
		Assert::assertNotEmpty( self::$url, 'the network is not started' );
		return self::$url . ( '' === $site ? '' : '/' . $site );
	}

	public static function dir(): string {
		return untrailingslashit( (string) getenv( 'SANDBOX_STATE' ) ) . '/network';
	}

	/** A site's blog id. */
	public static function blog_id( string $site ): int {
		return (int) self::row( 'SELECT blog_id FROM wp_blogs WHERE path = ?', array( '' === $site ? '/' : '/' . $site . '/' ) )['blog_id'];
	}

	/** The table prefix of a site (wp_ for the main site, wp_2_ …). */
	public static function prefix( string $site ): string {
		$id = self::blog_id( $site );
		return 1 === $id ? 'wp_' : 'wp_' . $id . '_';
	}

	/**
	 * Runs PHP inside a site of the network and returns the JSON it printed last.
	 *
	 * @return mixed
	 */
	public static function php( string $site, string $code ) {
		$parts = wp_parse_url( self::$url );
		$boot  = '$_SERVER["HTTP_HOST"] = ' . var_export( $parts['host'] . ':' . $parts['port'], true ) . '; $_SERVER["REQUEST_URI"] = ' . var_export( '' === $site ? '/' : '/' . $site . '/', true ) . '; require ' . var_export( self::dir() . '/wp-load.php', true ) . ';'; // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- PHP literals.
		exec( escapeshellarg( PHP_BINARY ) . ' -r ' . escapeshellarg( $boot . $code ) . ' 2>&1', $output, $status ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec -- the network is another WordPress.
		Assert::assertSame( 0, $status, implode( "\n", $output ) );
		return json_decode( (string) end( $output ), true );
	}

	/**
	 * A site's active environment enabled against the emulator, then KEY=VALUE pairs.
	 *
	 * @param array<string,string> $pairs
	 */
	public static function configure( string $site, array $pairs ): void {
		$args = array();
		foreach ( $pairs as $key => $value ) {
			$args[] = $key . '=' . $value;
		}
		$command = escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( dirname( __DIR__, 3 ) . '/sandbox/lib/wordpress/configure-workos.php' ) . ' ' . escapeshellarg( self::dir() ) . ' ' . escapeshellarg( self::url( $site ) . '/' ) . ' ' . implode( ' ', array_map( 'escapeshellarg', $args ) );
		exec( $command . ' 2>&1', $output, $status ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec -- configures the network's site.
		Assert::assertSame( 0, $status, implode( "\n", $output ) );
	}

	/**
	 * Signs an event with $secret and posts it to a site's webhook endpoint.
	 *
	 * @param array<string,mixed> $data
	 * @return array{0:int,1:mixed}
	 */
	public static function send( string $site, string $secret, string $type, array $data, ?string $id = null ): array {
		$body = WebhookSite::body( $type, $data, $id );
		return WebhookSite::post( $body, WebhookSite::sign( $body, $secret ), self::url( $site ) . '/wp-json/workos/v1/webhook' );
	}

	/**
	 * Rows of a query with "?" placeholders on the network's database.
	 *
	 * @param array<int,scalar> $params
	 * @return array<int,array<string,mixed>>
	 */
	public static function rows( string $sql, array $params = array() ): array {
		if ( ! self::$db ) {
			self::$db = new mysqli( (string) getenv( 'WP_DB_HOST' ), (string) getenv( 'WP_DB_USER' ), (string) getenv( 'WP_DB_PASSWORD' ), 'wp_network', (int) getenv( 'WP_DB_PORT' ) );
			self::$db->set_charset( 'utf8mb4' );
			self::$db->autocommit( true );
		}
		return WebhookSite::rows_of( self::$db, $sql, $params );
	}

	/** @param array<int,scalar> $params */
	public static function row( string $sql, array $params = array() ): ?array {
		$rows = self::rows( $sql, $params );
		return $rows ? $rows[0] : null;
	}

	/** The names of a site's WorkOS tables, sorted. */
	public static function workos_tables( string $prefix ): array {
		$names = array_column( self::rows( 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_name LIKE ?', array( 'wp_network', str_replace( '_', '\\_', $prefix ) . 'workos\\_%' ) ), 'name' );
		sort( $names );
		return $names;
	}
}
