<?php
/**
 * The access matrix of the management API over real HTTP (nginx + php-fpm, Application
 * Passwords): every route and method under /workos/v1/admin/ — read from the REST index, so a
 * new route is covered without being listed here — for an anonymous caller (401), a subscriber
 * and an editor (403), and the administrator (neither). Errors come before any argument is
 * looked at, so an unauthorised caller learns nothing from them.
 *
 * @package WorkOSCompanion
 */

require_once __DIR__ . '/support/AdminApi.php';

final class AdminAccessTest extends WPTestCase {
	/** @return array<int,array{0:string,1:string}> Route path (under admin/) and method. */
	private static function endpoints(): array {
		$response = wp_remote_get( WebhookSite::base() . '/wp-json/workos/v1', array( 'timeout' => 30 ) );
		self::assertFalse( is_wp_error( $response ) );
		$index = json_decode( wp_remote_retrieve_body( $response ), true );
		self::assertIsArray( $index['routes'] ?? null, 'the REST index of workos/v1' );
		$out = array();
		foreach ( $index['routes'] as $route => $spec ) {
			if ( 0 !== strpos( $route, '/workos/v1/admin/' ) ) {
				continue;
			}
			// A sample value for each path parameter: digits where the pattern wants digits.
			$path = preg_replace_callback(
				'/\(\?P<[a-z_]+>([^)]*)\)/i',
				static function ( array $m ): string {
					return false !== strpos( $m[1], '\d' ) || false !== strpos( $m[1], '0-9' ) ? '1' : 'sample';
				},
				substr( $route, strlen( '/workos/v1/admin/' ) )
			);
			foreach ( $spec['endpoints'] as $endpoint ) {
				foreach ( $endpoint['methods'] as $method ) {
					$out[] = array( $path, $method );
				}
			}
		}
		return $out;
	}

	public function test_the_index_lists_the_routes_the_console_needs(): void {
		$paths = array_unique( array_column( self::endpoints(), 0 ) );
		foreach ( array( 'status', 'settings', 'role-map', 'redirects', 'changelog', 'network/sites' ) as $needed ) {
			$this->assertContains( $needed, $paths );
		}
	}

	public function test_anonymous_callers_get_401_on_every_route(): void {
		foreach ( self::endpoints() as list( $path, $method ) ) {
			list( $status, $body ) = AdminApi::call( $method, $path, null, false );
			$this->assertSame( 401, $status, "$method $path: " . wp_json_encode( $body ) );
			$this->assertSame( 'workos_unauthorized', $body['code'] ?? null, "$method $path" );
		}
	}

	public function test_a_wrong_application_password_gets_401_on_every_route(): void {
		$admin = AdminApi::admin();
		foreach ( self::endpoints() as list( $path, $method ) ) {
			list( $status ) = AdminApi::call( $method, $path, null, array( $admin[0], 'abcd efgh ijkl mnop qrst uvwx' ) );
			$this->assertSame( 401, $status, "$method $path" );
		}
	}

	/** @return array<string,array{0:string}> */
	public function lesser_roles(): array {
		return array(
			'subscriber'  => array( 'subscriber' ),
			'contributor' => array( 'contributor' ),
			'editor'      => array( 'editor' ),
		);
	}

	/**
	 * @dataProvider lesser_roles
	 */
	public function test_lesser_roles_get_403_on_every_route( string $role ): void {
		$account = AdminApi::account( $role );
		foreach ( self::endpoints() as list( $path, $method ) ) {
			list( $status, $body ) = AdminApi::call( $method, $path, array( 'unexpected' => '<script>' ), $account );
			$this->assertSame( 403, $status, "$role $method $path: " . wp_json_encode( $body ) );
			$this->assertSame( 'workos_forbidden', $body['code'] ?? null );
		}
	}

	public function test_the_administrator_is_let_through_everywhere(): void {
		foreach ( self::endpoints() as list( $path, $method ) ) {
			if ( 'GET' !== $method ) {
				continue; // writes are each route's own tests; here only whether the door opens
			}
			list( $status, $body, $headers ) = AdminApi::call( $method, $path );
			$this->assertNotContains( $status, array( 401, 403 ), "$method $path: " . wp_json_encode( $body ) );
			$this->assertLessThan( 500, $status, "$method $path: " . wp_json_encode( $body ) );
			$this->assertStringContainsString( 'no-store', (string) ( $headers['cache-control'] ?? '' ), "$method $path" );
		}
	}

	public function test_network_routes_on_a_single_site_say_so(): void {
		list( $status, $body ) = AdminApi::call( 'GET', 'network/sites' );
		$this->assertSame( 404, $status );
		$this->assertSame( 'workos_not_multisite', $body['code'] );
	}

	public function test_the_changelog_is_the_plugins_own(): void {
		list( $status, $body ) = AdminApi::call( 'GET', 'changelog' );
		$this->assertSame( 200, $status );
		$this->assertSame( WORKOS_COMPANION_VERSION, $body['version'] );
		$this->assertSame( 'markdown', $body['format'] );
		$this->assertSame( file_get_contents( dirname( __DIR__ ) . '/CHANGELOG.md' ), $body['markdown'] ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- the plugin's file.
		$this->assertStringContainsString( '## [Unreleased]', $body['markdown'] );
	}
}
