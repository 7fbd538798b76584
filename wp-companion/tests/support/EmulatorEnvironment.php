<?php
/**
 * The sandbox's WorkOS emulator, as the tests reach it: its URL, the sandbox-only credentials
 * sandbox/up made for it, its control API, and a test site configured to use it.
 *
 * Needs SANDBOX_EMULATOR_PORT and SANDBOX_STATE (./test exports them); fails loudly without.
 *
 * @package WorkOSCompanion
 */

use PHPUnit\Framework\Assert;
use WorkOSCompanion\WorkOS\Client;

final class EmulatorEnvironment {
	public const ENVIRONMENT_ID = 'environment_sandbox';

	public static function url(): string {
		$port = getenv( 'SANDBOX_EMULATOR_PORT' );
		Assert::assertNotEmpty( $port, 'SANDBOX_EMULATOR_PORT is not set: run the tests through ./test, which starts the sandbox with its WorkOS emulator' );
		return 'http://127.0.0.1:' . $port;
	}

	/** @return array{api_key:string,client_id:string,webhook_secret:string} */
	public static function credentials(): array {
		$file = untrailingslashit( (string) getenv( 'SANDBOX_STATE' ) ) . '/emulator/credentials.env';
		Assert::assertFileIsReadable( $file, 'the emulator credentials the sandbox made' );
		$values = array();
		foreach ( file( $file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES ) as $line ) {
			if ( preg_match( "/^([A-Z_]+)='([^']*)'$/", $line, $m ) ) {
				$values[ $m[1] ] = $m[2];
			}
		}
		return array(
			'api_key'        => $values['SANDBOX_WORKOS_API_KEY'] ?? '',
			'client_id'      => $values['SANDBOX_WORKOS_CLIENT_ID'] ?? '',
			'webhook_secret' => $values['SANDBOX_WEBHOOK_SECRET'] ?? '',
		);
	}

	/** Points the test site's environment at the emulator and makes it "enabled". */
	public static function configure_site( string $env = 'staging', array $settings = array() ): void {
		$credentials = self::credentials();
		update_option( 'workos_api_base_url', self::url() );
		update_option( 'workos_active_environment', $env );
		update_option(
			'workos_' . $env,
			array_merge(
				array(
					'api_key'        => $credentials['api_key'],
					'client_id'      => $credentials['client_id'],
					'environment_id' => self::ENVIRONMENT_ID,
					'webhook_secret' => $credentials['webhook_secret'],
				),
				$settings
			)
		);
	}

	public static function client(): Client {
		$credentials = self::credentials();
		return new Client( self::url(), $credentials['api_key'], $credentials['client_id'] );
	}

	/**
	 * A control-API call (/_emulator/...); fails the test on a non-2xx answer.
	 *
	 * @param array<string,mixed>|null $body JSON body.
	 * @return array<string,mixed>
	 */
	public static function control( string $method, string $path, ?array $body = null ): array {
		$args = array(
			'method'  => $method,
			'timeout' => 20,
			'headers' => array( 'Content-Type' => 'application/json' ),
		);
		if ( null !== $body ) {
			$args['body'] = wp_json_encode( (object) $body );
		}
		$response = wp_remote_request( self::url() . $path, $args );
		Assert::assertFalse( is_wp_error( $response ), is_wp_error( $response ) ? $response->get_error_message() : '' );
		$status = (int) wp_remote_retrieve_response_code( $response );
		Assert::assertTrue( $status >= 200 && $status < 300, "$method $path answered $status: " . wp_remote_retrieve_body( $response ) );
		$data = json_decode( wp_remote_retrieve_body( $response ), true );
		return is_array( $data ) ? $data : array();
	}

	/** Back to the demo seed: every test starts from the same WorkOS state. */
	public static function reset(): void {
		self::control( 'POST', '/_emulator/reset' );
	}

	/** The id of a seeded organization by name ("Acme Corp", "Globex"). */
	public static function organization_id( string $name ): string {
		$list = self::client()->request( 'GET', '/organizations', array( 'search' => $name ) );
		Assert::assertIsArray( $list );
		Assert::assertNotEmpty( $list['data'], "no organization named $name in the emulator" );
		return (string) $list['data'][0]['id'];
	}
}
