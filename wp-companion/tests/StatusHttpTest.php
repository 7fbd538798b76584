<?php
/**
 * The status route over real HTTP, as the console calls it: nginx + php-fpm serving the sandbox
 * site (database wp, not wp_tests) with Basic auth from an Application Password.
 *
 * @package WorkOSCompanion
 */

final class StatusHttpTest extends WPTestCase {
	/** @var string */
	private $url;

	/** @var array<string,string> */
	private $credentials;

	protected function setUp(): void {
		parent::setUp();
		$this->url = untrailingslashit( (string) getenv( 'SANDBOX_WP_URL' ) ) . '/wp-json/workos/v1/admin/status';

		$file = untrailingslashit( (string) getenv( 'SANDBOX_STATE' ) ) . '/credentials.env';
		$this->assertFileIsReadable( $file, 'the sandbox credentials file' );
		$this->credentials = array();
		foreach ( file( $file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES ) as $line ) {
			if ( preg_match( "/^([A-Z_]+)='([^']*)'$/", $line, $match ) ) {
				$this->credentials[ $match[1] ] = $match[2];
			}
		}
		$this->assertNotEmpty( $this->credentials['SANDBOX_APP_PASSWORD'] ?? '', "no SANDBOX_APP_PASSWORD in $file" );
	}

	private function admin_login(): string {
		return getenv( 'SANDBOX_ADMIN_USER' ) ?: 'admin';
	}

	/**
	 * @param string|null $password Application Password for Basic auth, or null for none.
	 * @return array{0:int,1:mixed,2:array<string,string>} Status, decoded body, headers.
	 */
	private function get_status( ?string $password ): array {
		$headers = array( 'Accept' => 'application/json' );
		if ( null !== $password ) {
			$headers['Authorization'] = 'Basic ' . base64_encode( $this->admin_login() . ':' . $password ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- HTTP Basic auth.
		}
		$response = wp_remote_get(
			$this->url,
			array(
				'headers'     => $headers,
				'timeout'     => 20,
				'redirection' => 0,
			)
		);
		$this->assertNotWPError( $response );
		return array(
			(int) wp_remote_retrieve_response_code( $response ),
			json_decode( wp_remote_retrieve_body( $response ), true ),
			wp_remote_retrieve_headers( $response )->getAll(),
		);
	}

	/** @param mixed $value A value that must not be a WP_Error. */
	private function assertNotWPError( $value ): void {
		$this->assertFalse( is_wp_error( $value ), is_wp_error( $value ) ? 'HTTP request failed: ' . $value->get_error_message() : '' );
	}

	public function test_application_password_gets_200(): void {
		list( $status, $body, $headers ) = $this->get_status( $this->credentials['SANDBOX_APP_PASSWORD'] );
		$this->assertSame( 200, $status, 'body: ' . wp_json_encode( $body ) );
		$this->assertSame( WORKOS_COMPANION_VERSION, $body['plugin']['version'] );
		$this->assertSame( 4, $body['plugin']['schema_version'] );
		$this->assertArrayHasKey( 'production', $body['environments'] );
		$this->assertArrayHasKey( 'staging', $body['environments'] );
		$this->assertStringContainsString( 'no-store', (string) ( $headers['cache-control'] ?? '' ) );
	}

	public function test_wrong_password_gets_401(): void {
		list( $status, $body ) = $this->get_status( 'abcd efgh ijkl mnop qrst uvwx' );
		$this->assertSame( 401, $status );
		$this->assertArrayNotHasKey( 'plugin', (array) $body );
	}

	public function test_no_auth_gets_401(): void {
		list( $status, $body ) = $this->get_status( null );
		$this->assertSame( 401, $status );
		$this->assertSame( 'workos_unauthorized', $body['code'] );
	}
}
