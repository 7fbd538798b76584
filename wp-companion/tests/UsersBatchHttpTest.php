<?php
/**
 * The users routes over real HTTP, as the console calls them (nginx + php-fpm, database wp,
 * Application Passwords): a batch of creates listed back page by page, a retried batch and two
 * concurrent ones that never duplicate a WorkOS user, dry runs and malformed bodies that write
 * nothing, deactivation that really locks an account out, and no e-mail from any of it (the
 * sandbox logs every wp_mail() to $SANDBOX_STATE/logs/mail.log). The served site is shared:
 * every user made here is deleted again.
 *
 * @package WorkOSCompanion
 */

require_once __DIR__ . '/support/AdminApi.php';

final class UsersBatchHttpTest extends WPTestCase {
	/** @var string */
	private $p;

	/** @var int[] Served users to delete at the end. */
	private $made = array();

	protected function setUp(): void {
		parent::setUp();
		$this->p = 'hb' . strtolower( wp_generate_password( 6, false ) );
	}

	protected function tearDown(): void {
		$ids = $this->made;
		foreach ( WebhookSite::rows( 'SELECT ID FROM wp_users WHERE user_email LIKE ?', array( $this->p . '%' ) ) as $row ) {
			$ids[] = (int) $row['ID'];
		}
		WebhookSite::delete_users( array_unique( $ids ) );
		parent::tearDown();
	}

	/**
	 * @param array<int,array<string,mixed>> $operations
	 * @return array<string,mixed>
	 */
	private function batch( array $operations, bool $dry_run = false ): array {
		list( $status, $body ) = AdminApi::call( 'POST', 'users/batch', array( 'operations' => $operations, 'dry_run' => $dry_run ) );
		$this->assertSame( 200, $status, wp_json_encode( $body ) );
		$this->assertCount( count( $operations ), $body['results'] );
		foreach ( $body['results'] as $result ) {
			if ( is_int( $result['user_id'] ) ) {
				$this->made[] = $result['user_id'];
			}
		}
		return $body;
	}

	/** A raw body POSTed to users/batch. @return array{0:int,1:mixed} */
	private function post_raw( string $body, string $type = 'application/json' ): array {
		list( $login, $password ) = AdminApi::admin();
		$response                 = wp_remote_post(
			WebhookSite::base() . '/wp-json/workos/v1/admin/users/batch',
			array(
				'headers' => array(
					'Authorization' => 'Basic ' . base64_encode( $login . ':' . $password ), // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- HTTP Basic auth.
					'Content-Type'  => $type,
				),
				'body'    => $body,
				'timeout' => 60,
			)
		);
		$this->assertFalse( is_wp_error( $response ) );
		return array( (int) wp_remote_retrieve_response_code( $response ), json_decode( wp_remote_retrieve_body( $response ), true ) );
	}

	private function mail_lines(): int {
		$file = untrailingslashit( (string) getenv( 'SANDBOX_STATE' ) ) . '/logs/mail.log';
		clearstatcache();
		return is_file( $file ) ? count( file( $file ) ) : 0;
	}

	/** Row counts and a checksum of the served users tables. */
	private function footprint(): array {
		return WebhookSite::row( 'SELECT (SELECT COUNT(*) FROM wp_users) AS users, (SELECT COUNT(*) FROM wp_usermeta) AS meta, (SELECT SUM(CRC32(CONCAT(user_id, meta_key, COALESCE(meta_value, \'\')))) FROM wp_usermeta) AS checksum' );
	}

	/** @return array<int,array<string,mixed>> Creates of n linked users with this test's prefix. */
	private function creates( int $from, int $to ): array {
		$ops   = array();
		$roles = array( 'subscriber', 'editor', 'author' );
		for ( $i = $from; $i < $to; $i++ ) {
			$ops[] = array(
				'op'             => 'create',
				'email'          => sprintf( '%s.%03d@tests.invalid', $this->p, $i ),
				'first_name'     => 'Ünï' . $i,
				'last_name'      => "O'Test",
				'role'           => $roles[ $i % 3 ],
				'workos_user_id' => sprintf( 'user_%s_%03d', $this->p, $i ),
			);
		}
		return $ops;
	}

	public function test_created_users_are_linked_listed_and_nobody_is_mailed(): void {
		$mails = $this->mail_lines();
		$data  = $this->batch( $this->creates( 0, 60 ) );
		$this->assertSame( 60, $data['summary']['ok'] );
		$this->assertSame( array( 'created' => 60 ), $data['summary']['outcomes'] );
		$ids = array_column( $data['results'], 'user_id' );
		$this->assertCount( 60, array_unique( $ids ) );

		// The served database holds them as WordPress would, linked, with their roles.
		$rows = WebhookSite::rows(
			"SELECT u.ID, u.user_login, u.display_name, w.meta_value AS workos, c.meta_value AS caps, l.meta_value AS level FROM wp_users u JOIN wp_usermeta w ON w.user_id = u.ID AND w.meta_key = '_workos_user_id' JOIN wp_usermeta c ON c.user_id = u.ID AND c.meta_key = 'wp_capabilities' JOIN wp_usermeta l ON l.user_id = u.ID AND l.meta_key = 'wp_user_level' WHERE u.user_email LIKE ? ORDER BY u.ID",
			array( $this->p . '.%' )
		);
		$this->assertCount( 60, $rows );
		$levels = array( 'subscriber' => '0', 'editor' => '7', 'author' => '2' );
		foreach ( $rows as $n => $row ) {
			$role = array( 'subscriber', 'editor', 'author' )[ $n % 3 ];
			$this->assertSame( $ids[ $n ], (int) $row['ID'] );
			$this->assertSame( sprintf( '%s.%03d', $this->p, $n ), $row['user_login'] );
			$this->assertSame( sprintf( 'user_%s_%03d', $this->p, $n ), $row['workos'] );
			$this->assertSame( serialize( array( $role => true ) ), $row['caps'] );
			$this->assertSame( $levels[ $role ], $row['level'] );
			$this->assertSame( "Ünï$n O'Test", $row['display_name'] );
		}

		// Listed back page by page.
		$seen  = array();
		$after = 0;
		do {
			list( $status, $page ) = AdminApi::call( 'GET', 'users', array( 'search' => $this->p . '.', 'limit' => 25, 'after' => $after, 'linked' => 'true' ) );
			$this->assertSame( 200, $status, wp_json_encode( $page ) );
			$seen  = array_merge( $seen, array_column( $page['users'], 'id' ) );
			$after = $page['next_after'];
		} while ( null !== $after && count( $seen ) < 100 );
		$this->assertSame( $ids, $seen );
		list( , $editors ) = AdminApi::call( 'GET', 'users', array( 'search' => $this->p . '.', 'role' => 'editor', 'limit' => 500 ) );
		$this->assertCount( 20, $editors['users'] );
		list( , $unlinked ) = AdminApi::call( 'GET', 'users', array( 'search' => $this->p . '.', 'linked' => 'false' ) );
		$this->assertSame( array(), $unlinked['users'] );

		list( $status, $one ) = AdminApi::call( 'GET', 'users/lookup', array( 'workos_user_id' => sprintf( 'user_%s_%03d', $this->p, 7 ) ) );
		$this->assertSame( 200, $status );
		$this->assertSame( $ids[7], $one['id'] );
		$this->assertSame( array( 'editor' ), $one['roles'] ); // 7 % 3
		$this->assertFalse( $one['deactivated'] );
		list( $status, $by_id ) = AdminApi::call( 'GET', 'users/' . $ids[7] );
		$this->assertSame( array( 200, $one ), array( $status, $by_id ) );
		list( $status, $missing ) = AdminApi::call( 'GET', 'users/lookup', array( 'email' => 'nobody.' . $this->p . '@tests.invalid' ) );
		$this->assertSame( array( 404, 'workos_user_not_found' ), array( $status, $missing['code'] ) );

		// An update of e-mail and names, and a deactivation: no mail either.
		$data = $this->batch(
			array(
				array( 'op' => 'update', 'user_id' => $ids[0], 'email' => $this->p . '.changed@tests.invalid', 'first_name' => 'Changed' ),
				array( 'op' => 'deactivate', 'user_id' => $ids[1] ),
				array( 'op' => 'unlink', 'user_id' => $ids[2] ),
			)
		);
		$this->assertSame( array( 'deactivated' => 1, 'unlinked' => 1, 'updated' => 1 ), $data['summary']['outcomes'] );
		$this->assertSame( $mails, $this->mail_lines(), 'no e-mail from creating, updating or deactivating users' );

		// The mail log does record WordPress's mails: the check above can fail.
		WebhookSite::php( 'wp_mail( "nobody@tests.invalid", "users test", "x" ); echo "true";' );
		$this->assertSame( $mails + 1, $this->mail_lines() );
	}

	public function test_retries_and_concurrent_batches_never_duplicate_a_workos_user(): void {
		$first = $this->batch( $this->creates( 0, 10 ) );
		$again = $this->batch( $this->creates( 0, 10 ) );
		$this->assertSame( array( 'exists' => 10 ), $again['summary']['outcomes'] );
		$this->assertSame( array_column( $first['results'], 'user_id' ), array_column( $again['results'], 'user_id' ) );

		// Two batches at once, overlapping on 20 WorkOS users.
		list( $login, $password ) = AdminApi::admin();
		$multi                    = curl_multi_init();
		$handles                  = array();
		foreach ( array( $this->creates( 10, 50 ), $this->creates( 30, 70 ) ) as $operations ) {
			$ch = curl_init( WebhookSite::base() . '/wp-json/workos/v1/admin/users/batch' );
			curl_setopt_array(
				$ch,
				array(
					CURLOPT_POST           => true,
					CURLOPT_POSTFIELDS     => wp_json_encode( array( 'operations' => $operations ) ),
					CURLOPT_HTTPHEADER     => array( 'Content-Type: application/json' ),
					CURLOPT_USERPWD        => $login . ':' . $password,
					CURLOPT_RETURNTRANSFER => true,
					CURLOPT_TIMEOUT        => 60,
				)
			);
			curl_multi_add_handle( $multi, $ch );
			$handles[] = $ch;
		}
		do {
			curl_multi_exec( $multi, $running );
			curl_multi_select( $multi, 0.1 );
		} while ( $running > 0 );
		$outcomes = array();
		foreach ( $handles as $ch ) {
			$this->assertSame( 200, curl_getinfo( $ch, CURLINFO_RESPONSE_CODE ), (string) curl_multi_getcontent( $ch ) );
			$body = json_decode( (string) curl_multi_getcontent( $ch ), true );
			foreach ( $body['results'] as $result ) {
				$this->assertTrue( $result['ok'], wp_json_encode( $result ) );
				$outcomes[ $result['outcome'] ] = ( $outcomes[ $result['outcome'] ] ?? 0 ) + 1;
				$this->made[]                   = $result['user_id'];
			}
			curl_multi_remove_handle( $multi, $ch );
		}
		curl_multi_close( $multi );
		$this->assertSame( array( 'created' => 60, 'exists' => 20 ), array( 'created' => $outcomes['created'] ?? 0, 'exists' => $outcomes['exists'] ?? 0 ) );
		$held = WebhookSite::rows( "SELECT meta_value, COUNT(*) AS n FROM wp_usermeta WHERE meta_key = '_workos_user_id' AND meta_value LIKE ? GROUP BY meta_value", array( 'user\_' . $this->p . '\_%' ) );
		$this->assertCount( 70, $held );
		$this->assertSame( array( 1 ), array_values( array_unique( array_map( 'intval', array_column( $held, 'n' ) ) ) ) );
		$this->assertSame( 70, (int) WebhookSite::row( 'SELECT COUNT(*) AS n FROM wp_users WHERE user_email LIKE ?', array( $this->p . '.%' ) )['n'] );
	}

	public function test_dry_runs_and_malformed_bodies_write_nothing(): void {
		$existing = $this->batch( $this->creates( 0, 2 ) )['results'][0]['user_id'];
		$before   = $this->footprint();

		$dry = $this->batch( array_merge( $this->creates( 2, 40 ), array( array( 'op' => 'deactivate', 'user_id' => $existing ), array( 'op' => 'unlink', 'user_id' => $existing ) ) ), true );
		$this->assertTrue( $dry['dry_run'] );
		$this->assertSame( array( 'created' => 38, 'deactivated' => 1, 'unlinked' => 1 ), $dry['summary']['outcomes'] );
		$this->assertNull( $dry['results'][0]['user_id'] );

		$good = $this->creates( 90, 91 )[0];
		$bad  = array(
			'invalid JSON'          => array( '{"operations": [', 'application/json', 'rest_invalid_json' ),
			'a JSON array'          => array( wp_json_encode( array( $good ) ), 'application/json', 'rest_missing_callback_param' ),
			'operations null'       => array( '{"operations": null}', 'application/json', 'rest_missing_callback_param' ),
			'operations a string'   => array( '{"operations": "create"}', 'application/json', 'rest_invalid_param' ),
			'operations an object'  => array( wp_json_encode( array( 'operations' => array( 'x' => $good ) ) ), 'application/json', 'rest_invalid_param' ),
			'501 operations'        => array( wp_json_encode( array( 'operations' => array_fill( 0, 501, $good ) ) ), 'application/json', 'rest_invalid_param' ),
			'unknown op'            => array( wp_json_encode( array( 'operations' => array( $good, array( 'op' => 'purge' ) ) ) ), 'application/json', 'rest_invalid_param' ),
			'unknown field'         => array( wp_json_encode( array( 'operations' => array( $good + array( 'user_pass' => 'x' ) ) ) ), 'application/json', 'rest_invalid_param' ),
			'field of another op'   => array( wp_json_encode( array( 'operations' => array( $good, array( 'op' => 'deactivate', 'user_id' => $existing, 'role' => 'editor' ) ) ) ), 'application/json', 'workos_invalid_batch' ),
			'unknown body field'    => array( wp_json_encode( array( 'operations' => array( $good ), 'atomic' => true ) ), 'application/json', 'workos_unknown_parameter' ),
			'user_id a string'      => array( wp_json_encode( array( 'operations' => array( array( 'op' => 'deactivate', 'user_id' => '1; DROP TABLE wp_users' ) ) ) ), 'application/json', 'rest_invalid_param' ),
			'email a number'        => array( wp_json_encode( array( 'operations' => array( array( 'op' => 'create', 'email' => 7 ) ) ) ), 'application/json', 'rest_invalid_param' ),
			'names too long'        => array( wp_json_encode( array( 'operations' => array( array_merge( $good, array( 'last_name' => str_repeat( '語', 101 ) ) ) ) ) ), 'application/json', 'rest_invalid_param' ),
			'workos id with script' => array( wp_json_encode( array( 'operations' => array( array( 'op' => 'link', 'user_id' => $existing, 'workos_user_id' => '<script>alert(1)</script>' ) ) ) ), 'application/json', 'rest_invalid_param' ),
			'dry_run a string'      => array( wp_json_encode( array( 'operations' => array( $good ), 'dry_run' => 'yes please' ) ), 'application/json', 'rest_invalid_param' ),
		);
		foreach ( $bad as $what => list( $body, $type, $code ) ) {
			list( $status, $answer ) = $this->post_raw( $body, $type );
			$this->assertSame( 400, $status, $what . ': ' . wp_json_encode( $answer ) );
			$this->assertSame( $code, $answer['code'] ?? null, $what . ': ' . wp_json_encode( $answer ) );
		}
		// Bad values inside a well-formed batch: refused one by one, the good one written.
		$data = $this->batch(
			array(
				array( 'op' => 'create', 'email' => "'; DELETE FROM wp_users; --@tests.invalid" ),
				array( 'op' => 'create', 'email' => $this->p . '.x@tests.invalid', 'role' => '<img src=x onerror=alert(1)>' ),
				array( 'op' => 'update', 'user_id' => $existing, 'email' => 'ünïcode@tests.invalid' ),
				array( 'op' => 'deactivate', 'user_email' => 'nobody.' . $this->p . '@tests.invalid' ),
			)
		);
		$this->assertSame( array( 'workos_invalid_email', 'workos_invalid_role', 'workos_invalid_email', 'workos_user_not_found' ), array_column( array_column( $data['results'], 'error' ), 'code' ) );
		$this->assertEquals( $before, $this->footprint() );
	}

	public function test_deactivation_locks_the_account_out_over_http(): void {
		list( $login, $password, $editor ) = AdminApi::account( 'editor' );
		list( $status, $body )             = AdminApi::call( 'GET', 'users', array( 'limit' => 1 ), array( $login, $password ) );
		$this->assertSame( array( 403, 'workos_forbidden' ), array( $status, $body['code'] ) );
		list( $status, $body ) = AdminApi::call( 'POST', 'users/batch', array( 'operations' => array( array( 'op' => 'deactivate', 'user_id' => $editor ) ) ), array( $login, $password ) );
		$this->assertSame( array( 403, 'workos_forbidden' ), array( $status, $body['code'] ) );
		list( $status, $body ) = AdminApi::call( 'GET', 'users', null, false );
		$this->assertSame( array( 401, 'workos_unauthorized' ), array( $status, $body['code'] ) );

		try {
			$this->assertSame( 'deactivated', $this->batch( array( array( 'op' => 'deactivate', 'user_id' => $editor ) ) )['results'][0]['outcome'] );
			list( $status, $body ) = AdminApi::call( 'GET', 'users', array( 'limit' => 1 ), array( $login, $password ) );
			$this->assertSame( 'workos_user_deactivated', $body['code'] ?? null, wp_json_encode( $body ) );
			$this->assertContains( $status, array( 401, 403 ) );
		} finally {
			$this->assertSame( 'reactivated', $this->batch( array( array( 'op' => 'reactivate', 'user_id' => $editor ) ) )['results'][0]['outcome'] );
		}
		list( $status, $body ) = AdminApi::call( 'GET', 'users', array( 'limit' => 1 ), array( $login, $password ) );
		$this->assertSame( array( 403, 'workos_forbidden' ), array( $status, $body['code'] ) );
		$this->made = array_diff( $this->made, array( $editor ) ); // AdminApi deletes its own accounts

		// The console's own account is never deactivated or demoted through it.
		list( , $me ) = AdminApi::call( 'GET', 'users/lookup', array( 'email' => (string) WebhookSite::row( 'SELECT user_email FROM wp_users WHERE user_login = ?', array( AdminApi::admin()[0] ) )['user_email'] ) );
		$data         = $this->batch(
			array(
				array( 'op' => 'deactivate', 'user_id' => $me['id'] ),
				array( 'op' => 'update', 'user_id' => $me['id'], 'role' => 'subscriber' ),
			)
		);
		$this->made   = array_diff( $this->made, array( $me['id'] ) );
		$this->assertSame( array( 'workos_current_user', 'workos_current_user' ), array_column( array_column( $data['results'], 'error' ), 'code' ) );
		$this->assertSame( array( 'administrator' ), AdminApi::call( 'GET', 'users/' . $me['id'] )[1]['roles'] );
	}
}
