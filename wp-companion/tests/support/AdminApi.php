<?php
/**
 * The management API over real HTTP, as the console calls it: the served sandbox site (nginx +
 * php-fpm, database wp) with HTTP Basic auth from Application Passwords — the sandbox
 * administrator's from credentials.env, or one made for a user of any role.
 *
 * @package WorkOSCompanion
 */

use PHPUnit\Framework\Assert;

require_once __DIR__ . '/WebhookSite.php';

final class AdminApi {
	/** @var array<string,array{0:string,1:string}> Login and Application Password per role. */
	private static $accounts = array();

	/** The sandbox administrator's login and Application Password. */
	public static function admin(): array {
		$file = untrailingslashit( (string) getenv( 'SANDBOX_STATE' ) ) . '/credentials.env';
		Assert::assertFileIsReadable( $file, 'the sandbox credentials file' );
		preg_match( "/SANDBOX_APP_PASSWORD='([^']*)'/", (string) file_get_contents( $file ), $match ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
		Assert::assertNotEmpty( $match[1] ?? '', "no SANDBOX_APP_PASSWORD in $file" );
		return array( getenv( 'SANDBOX_ADMIN_USER' ) ?: 'admin', $match[1] );
	}

	/**
	 * A served-site user of $role with an Application Password, made once per process and deleted
	 * when it ends.
	 *
	 * @return array{0:string,1:string,2:int} Login, password and user id.
	 */
	public static function account( string $role ): array {
		if ( isset( self::$accounts[ $role ] ) ) {
			return self::$accounts[ $role ];
		}
		$login = 'api_' . $role . '_' . strtolower( wp_generate_password( 6, false ) );
		$made  = WebhookSite::php(
			'$id = wp_insert_user( array( "user_login" => ' . var_export( $login, true ) . ', "user_email" => ' . var_export( $login . '@tests.invalid', true ) . ', "user_pass" => wp_generate_password( 24 ), "role" => ' . var_export( $role, true ) . ' ) );' // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- PHP literals.
			. 'if ( is_wp_error( $id ) ) { echo wp_json_encode( $id->get_error_message() ); exit; }'
			. '$made = WP_Application_Passwords::create_new_application_password( $id, array( "name" => "tests" ) );'
			. 'echo wp_json_encode( is_wp_error( $made ) ? $made->get_error_message() : array( $id, $made[0] ) );'
		);
		Assert::assertIsArray( $made, 'account(' . $role . '): ' . wp_json_encode( $made ) );
		if ( ! self::$accounts ) {
			register_shutdown_function(
				static function (): void {
					$ids = array_map( static function ( $a ) { return $a[2]; }, self::$accounts );
					WebhookSite::delete_users( $ids );
				}
			);
		}
		self::$accounts[ $role ] = array( $login, $made[1], (int) $made[0] );
		return self::$accounts[ $role ];
	}

	/**
	 * One call. $data goes into the query string for GET/DELETE, into a JSON body otherwise.
	 *
	 * @param array<string,mixed>|null        $data
	 * @param array{0:string,1:string}|false|null $auth Login and password; null: the administrator; false: none.
	 * @param array<string,string>            $headers Extra request headers.
	 * @return array{0:int,1:mixed,2:array<string,string>,3:string} Status, decoded body, headers, raw body.
	 */
	public static function call( string $method, string $path, ?array $data = null, $auth = null, array $headers = array() ): array {
		$url     = WebhookSite::base() . '/wp-json/workos/v1/admin/' . ltrim( $path, '/' );
		$headers = array_merge( array( 'Accept' => 'application/json' ), $headers );
		$auth    = null === $auth ? self::admin() : $auth;
		if ( false !== $auth ) {
			$headers['Authorization'] = 'Basic ' . base64_encode( $auth[0] . ':' . $auth[1] ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- HTTP Basic auth.
		}
		$args = array(
			'method'      => $method,
			'headers'     => $headers,
			'timeout'     => 60,
			'redirection' => 0,
		);
		if ( null !== $data ) {
			if ( in_array( $method, array( 'GET', 'DELETE' ), true ) ) {
				$url = add_query_arg( array_map( 'rawurlencode', array_map( 'strval', $data ) ), $url );
			} else {
				$args['headers']['Content-Type'] = 'application/json';
				$args['body']                    = wp_json_encode( $data );
			}
		}
		$response = wp_remote_request( $url, $args );
		Assert::assertFalse( is_wp_error( $response ), is_wp_error( $response ) ? $method . ' ' . $path . ': ' . $response->get_error_message() : '' );
		$raw = wp_remote_retrieve_body( $response );
		return array( (int) wp_remote_retrieve_response_code( $response ), json_decode( $raw, true ), wp_remote_retrieve_headers( $response )->getAll(), $raw );
	}
}
