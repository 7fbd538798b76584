<?php
/**
 * The activity feed and its clearing over real HTTP (nginx + php-fpm, Application Password): the
 * feed pages through rows of the served database in id order, is gzip-compressed on the wire
 * when the client accepts it (WordPress and PHP would not) and identical once decoded; bad input
 * is refused; clearing needs its token.
 *
 * Rows are written under an event type of this test's own and removed afterwards; the clear
 * flow deletes below id 1 only (nothing), because the served log is shared with other suites.
 *
 * @package WorkOSCompanion
 */

require_once __DIR__ . '/support/AdminApi.php';

final class ActivityHttpTest extends WPTestCase {
	/** @var string */
	private $type;

	protected function setUp(): void {
		parent::setUp();
		WebhookSite::configure();
		$this->type = 'httpfeed_' . strtolower( bin2hex( random_bytes( 5 ) ) );
	}

	protected function tearDown(): void {
		WebhookSite::exec_sql( 'DELETE FROM wp_workos_activity_log WHERE event_type = ?', array( $this->type ) );
		parent::tearDown();
	}

	/** @return int[] Ids of $n rows written into the served log. */
	private function add_rows( int $n ): array {
		$ids = array();
		for ( $i = 0; $i < $n; $i++ ) {
			WebhookSite::exec_sql(
				'INSERT INTO wp_workos_activity_log (event_type, user_id, user_email, workos_user_id, ip_address, user_agent, metadata, created_at) VALUES (?, 0, ?, ?, ?, ?, ?, ?)',
				array( $this->type, 'grace@example.test', 'user_01GRACE', '198.51.100.7', 'Console/1.0 (Ünïcode)', wp_json_encode( array( 'i' => $i, 'text' => 'Grüße <b>' ) ), '2026-05-06 07:08:09' )
			);
			$ids[] = (int) WebhookSite::row( 'SELECT LAST_INSERT_ID() AS id' )['id'];
		}
		return $ids;
	}

	/**
	 * A GET with PHP's curl, nothing decoded for us: what went over the wire.
	 *
	 * @return array{0:int,1:array<string,string>,2:string} Status, lower-case headers, raw body.
	 */
	private function raw_get( string $query, bool $gzip ): array {
		list( $login, $password ) = AdminApi::admin();
		$headers = array( 'Authorization: Basic ' . base64_encode( $login . ':' . $password ), 'Accept: application/json' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- HTTP Basic auth.
		if ( $gzip ) {
			$headers[] = 'Accept-Encoding: gzip';
		}
		$out  = array();
		$curl = curl_init( WebhookSite::base() . '/wp-json/workos/v1/admin/activity?' . $query ); // phpcs:ignore WordPress.WP.AlternativeFunctions.curl_curl_init -- raw bytes wanted.
		curl_setopt_array( // phpcs:ignore WordPress.WP.AlternativeFunctions.curl_curl_setopt_array
			$curl,
			array(
				CURLOPT_HTTPHEADER     => $headers,
				CURLOPT_RETURNTRANSFER => true,
				CURLOPT_TIMEOUT        => 30,
				CURLOPT_HEADERFUNCTION => static function ( $handle, string $line ) use ( &$out ): int {
					$pair = explode( ':', $line, 2 );
					if ( 2 === count( $pair ) ) {
						$out[ strtolower( trim( $pair[0] ) ) ] = trim( $pair[1] );
					}
					return strlen( $line );
				},
			)
		);
		$body = (string) curl_exec( $curl ); // phpcs:ignore WordPress.WP.AlternativeFunctions.curl_curl_exec
		$code = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE ); // phpcs:ignore WordPress.WP.AlternativeFunctions.curl_curl_getinfo
		curl_close( $curl ); // phpcs:ignore WordPress.WP.AlternativeFunctions.curl_curl_close
		return array( $code, $out, $body );
	}

	public function test_feed_pages_in_id_order_over_http(): void {
		$after = WebhookSite::max_activity_id();
		$ids   = $this->add_rows( 5 );
		$seen  = array();
		$pages = 0;
		do {
			list( $status, $body ) = AdminApi::call( 'GET', 'activity', array( 'after_id' => $after, 'limit' => 2, 'event_type' => $this->type ) );
			$this->assertSame( 200, $status, wp_json_encode( $body ) );
			foreach ( $body['items'] as $item ) {
				$seen[] = $item['id'];
			}
			$after = $body['next_after_id'];
			++$pages;
		} while ( $body['has_more'] && $pages < 10 );
		$this->assertSame( $ids, $seen );
		$this->assertSame( 3, $pages );

		list( , $body ) = AdminApi::call( 'GET', 'activity', array( 'after_id' => $ids[0] - 1, 'limit' => 1, 'event_type' => $this->type ) );
		$item = $body['items'][0];
		$this->assertSame( $ids[0], $item['id'] );
		$this->assertSame( 'Console/1.0 (Ünïcode)', $item['user_agent'] );
		$this->assertSame( array( 'i' => 0, 'text' => 'Grüße <b>' ), $item['metadata'] );
		$this->assertSame( '2026-05-06T07:08:09Z', $item['created_at'] );
		$this->assertSame( '198.51.100.7', $item['ip_address'] );
	}

	public function test_gzip_on_the_wire_when_accepted_and_identical_once_decoded(): void {
		$ids   = $this->add_rows( 40 );
		$query = 'after_id=' . ( $ids[0] - 1 ) . '&limit=5000&event_type=' . $this->type;

		list( $status, $headers, $zipped ) = $this->raw_get( $query, true );
		$this->assertSame( 200, $status );
		$this->assertSame( 'gzip', $headers['content-encoding'] ?? null, 'compressed when the client accepts gzip' );
		$this->assertStringContainsString( 'Accept-Encoding', $headers['vary'] ?? '' );
		$this->assertSame( 'no-store', $headers['cache-control'] ?? null, 'WordPress\'s no-cache headers still went out after the buffer opened' );
		$this->assertSame( "\x1f\x8b", substr( $zipped, 0, 2 ), 'a gzip stream' );
		$decoded = gzdecode( $zipped );
		$this->assertIsString( $decoded );

		list( $status, $headers, $plain ) = $this->raw_get( $query, false );
		$this->assertSame( 200, $status );
		$this->assertArrayNotHasKey( 'content-encoding', $headers, 'identity when the client does not ask' );
		$this->assertSame( $plain, $decoded, 'the same JSON either way' );
		$this->assertSame( $ids, array_column( json_decode( $plain, true )['items'], 'id' ) );
		$this->assertLessThan( strlen( $plain ) / 4, strlen( $zipped ), 'repetitive JSON compresses well' );

		// Errors of the route are compressed too, and still readable.
		list( $status, $headers, $error ) = $this->raw_get( 'limit=0', true );
		$this->assertSame( 400, $status );
		$this->assertSame( 'rest_invalid_param', json_decode( 'gzip' === ( $headers['content-encoding'] ?? '' ) ? gzdecode( $error ) : $error, true )['code'] );

		// Other routes are left alone.
		list( $status, $headers ) = $this->raw_get( $query . '&x=1', true );
		$this->assertSame( 400, $status, 'unknown parameter' );
		$response = wp_remote_get( WebhookSite::base() . '/wp-json/workos/v1/admin/status', array( 'headers' => array( 'Authorization' => 'Basic ' . base64_encode( implode( ':', AdminApi::admin() ) ), 'Accept-Encoding' => 'gzip' ), 'decompress' => false ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- HTTP Basic auth.
		$this->assertSame( '', (string) wp_remote_retrieve_header( $response, 'content-encoding' ) );
	}

	/** @return array<string,array{0:array<string,scalar>}> */
	public function bad_input(): array {
		return array(
			'after_id text'     => array( array( 'after_id' => 'abc' ) ),
			'after_id negative' => array( array( 'after_id' => '-1' ) ),
			'limit too large'   => array( array( 'limit' => '5001' ) ),
			'limit sql'         => array( array( 'limit' => '10; DROP TABLE wp_users' ) ),
			'event_type script' => array( array( 'event_type' => '<script>alert(1)</script>' ) ),
			'event_type long'   => array( array( 'event_type' => str_repeat( 'x', 300 ) ) ),
			'unknown'           => array( array( 'before' => '5' ) ),
		);
	}

	/**
	 * @dataProvider bad_input
	 * @param array<string,scalar> $query
	 */
	public function test_bad_input_is_refused_over_http( array $query ): void {
		list( $status, $body ) = AdminApi::call( 'GET', 'activity', $query );
		$this->assertSame( 400, $status, wp_json_encode( $body ) );
		$this->assertContains( $body['code'], array( 'rest_invalid_param', 'workos_unknown_parameter' ) );
	}

	public function test_clear_needs_its_token_over_http(): void {
		$total = (int) WebhookSite::row( 'SELECT COUNT(*) AS n FROM wp_workos_activity_log' )['n'];
		list( $status, $ask ) = AdminApi::call( 'POST', 'activity/clear', array( 'before_id' => 1 ) );
		$this->assertSame( 428, $status, wp_json_encode( $ask ) );
		$this->assertSame( 'workos_confirmation_required', $ask['code'] );
		$this->assertSame( 0, $ask['data']['rows'] );
		$token = $ask['data']['confirm_token'];

		list( $status, $wrong ) = AdminApi::call( 'POST', 'activity/clear', array( 'before_id' => 1, 'confirm' => strrev( $token ) ) );
		$this->assertSame( 409, $status );
		$this->assertSame( 'workos_confirmation_invalid', $wrong['code'] );

		list( $status, $bad ) = AdminApi::call( 'POST', 'activity/clear', array( 'before_id' => 1, 'confirm' => $token, 'everything' => true ) );
		$this->assertSame( 400, $status );
		$this->assertSame( 'workos_unknown_parameter', $bad['code'] );
		$this->assertGreaterThanOrEqual( $total, (int) WebhookSite::row( 'SELECT COUNT(*) AS n FROM wp_workos_activity_log' )['n'], 'nothing deleted' );

		$before = WebhookSite::max_activity_id();
		list( $status, $done ) = AdminApi::call( 'POST', 'activity/clear', array( 'before_id' => 1, 'confirm' => $token ) );
		$this->assertSame( 200, $status, wp_json_encode( $done ) );
		$this->assertSame( 0, $done['deleted'] );
		$this->assertSame( 1, $done['before_id'] );
		$logged = WebhookSite::activity( 'activity_cleared', 1 )[0];
		$this->assertSame( $done['activity_id'], (int) $logged['id'] );
		$this->assertGreaterThan( $before, (int) $logged['id'] );
		$this->assertSame( array( 'deleted' => 0, 'before_id' => 1 ), $logged['metadata'] );
		WebhookSite::exec_sql( 'DELETE FROM wp_workos_activity_log WHERE id = ?', array( $logged['id'] ) );

		list( $status ) = AdminApi::call( 'POST', 'activity/clear', array( 'before_id' => 1, 'confirm' => $token ) );
		$this->assertSame( 409, $status, 'single use' );
	}
}
