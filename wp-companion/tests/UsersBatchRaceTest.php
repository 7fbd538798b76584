<?php
/**
 * Users batches and user.created webhooks for the same WorkOS users, all at once over real HTTP
 * (nginx + php-fpm, database wp): what the console's import meets when WorkOS delivers the new
 * users' events while it imports them. Every WorkOS user must end up with exactly one WordPress
 * user, whichever request got there first (a batch and a webhook used to both create it: same
 * username, same e-mail, both linked). The served site is shared: every user made here is deleted.
 *
 * @package WorkOSCompanion
 */

require_once __DIR__ . '/support/AdminApi.php';

final class UsersBatchRaceTest extends WPTestCase {
	private const USERS = 60;

	/** @var string */
	private $p;

	protected function setUp(): void {
		parent::setUp();
		$this->p = 'rc' . strtolower( wp_generate_password( 6, false ) );
		WebhookSite::configure(); // the webhook secret, so user.created events are applied
	}

	protected function tearDown(): void {
		$ids = array_map( 'intval', array_column( WebhookSite::rows( 'SELECT ID FROM wp_users WHERE user_email LIKE ?', array( $this->p . '%' ) ), 'ID' ) );
		WebhookSite::delete_users( $ids );
		WebhookSite::configure();
		parent::tearDown();
	}

	private function workos_id( int $i ): string {
		return sprintf( 'user_%s_%03d', $this->p, $i );
	}

	private function email( int $i ): string {
		return sprintf( '%s.%03d@tests.invalid', $this->p, $i );
	}

	/** @return resource|\CurlHandle A batch of creates, in the console's shape. */
	private function batch_request( array $indexes ) {
		list( $login, $password ) = AdminApi::admin();
		$operations               = array();
		foreach ( $indexes as $i ) {
			$operations[] = array(
				'op'             => 'create',
				'workos_user_id' => $this->workos_id( $i ),
				'email'          => $this->email( $i ),
				'first_name'     => 'Race' . $i,
			);
		}
		return $this->request( WebhookSite::base() . '/wp-json/workos/v1/admin/users/batch', (string) wp_json_encode( array( 'operations' => $operations ) ), array( 'Content-Type: application/json' ), $login . ':' . $password );
	}

	/** @return resource|\CurlHandle A signed user.created delivery, as WorkOS sends it. */
	private function webhook_request( int $i ) {
		$body = WebhookSite::body(
			'user.created',
			array(
				'object'         => 'user',
				'id'             => $this->workos_id( $i ),
				'email'          => $this->email( $i ),
				'email_verified' => true,
				'first_name'     => 'Race' . $i,
				'last_name'      => '',
				'created_at'     => '2026-01-01T00:00:00.000Z',
				'updated_at'     => '2026-01-01T00:00:00.000Z',
			)
		);
		return $this->request( WebhookSite::endpoint(), $body, array( 'Content-Type: application/json', 'WorkOS-Signature: ' . WebhookSite::sign( $body ) ) );
	}

	/** @return resource|\CurlHandle */
	private function request( string $url, string $body, array $headers, string $userpwd = '' ) {
		$ch = curl_init( $url );
		curl_setopt_array(
			$ch,
			array(
				CURLOPT_POST           => true,
				CURLOPT_POSTFIELDS     => $body,
				CURLOPT_HTTPHEADER     => $headers,
				CURLOPT_RETURNTRANSFER => true,
				CURLOPT_TIMEOUT        => 120,
			)
		);
		if ( '' !== $userpwd ) {
			curl_setopt( $ch, CURLOPT_USERPWD, $userpwd );
		}
		return $ch;
	}

	/**
	 * Sends every request at once and waits for all of them.
	 *
	 * @param array<int,resource|\CurlHandle> $handles
	 * @return array<int,array{0:int,1:mixed}> Status and decoded body, in the same order.
	 */
	private static function all_at_once( array $handles ): array {
		$multi = curl_multi_init();
		foreach ( $handles as $ch ) {
			curl_multi_add_handle( $multi, $ch );
		}
		do {
			curl_multi_exec( $multi, $running );
			curl_multi_select( $multi, 0.05 );
		} while ( $running > 0 );
		$out = array();
		foreach ( $handles as $ch ) {
			$out[] = array( (int) curl_getinfo( $ch, CURLINFO_RESPONSE_CODE ), json_decode( (string) curl_multi_getcontent( $ch ), true ) );
			curl_multi_remove_handle( $multi, $ch );
		}
		curl_multi_close( $multi );
		return $out;
	}

	public function test_batches_and_user_created_webhooks_never_create_a_workos_user_twice(): void {
		// Three batches of 20 (in reverse order, as the console's journal hands them out) and one
		// user.created event per user (in order), interleaved so each batch races the webhooks of
		// its own users on the site's four PHP workers.
		$handles = array();
		$kinds   = array();
		for ( $b = 0; $b < 3; $b++ ) {
			$handles[] = $this->batch_request( range( $b * 20 + 19, $b * 20 ) );
			$kinds[]   = 'batch';
			for ( $i = $b * 20; $i < $b * 20 + 20; $i++ ) {
				$handles[] = $this->webhook_request( $i );
				$kinds[]   = 'webhook';
			}
		}
		$answers = self::all_at_once( $handles );

		// Exactly one WordPress user per WorkOS user: one holder of each WorkOS id, one user per
		// e-mail address and per username.
		$held = WebhookSite::rows( "SELECT meta_value, COUNT(*) AS n, GROUP_CONCAT(user_id) AS ids FROM wp_usermeta WHERE meta_key = '_workos_user_id' AND meta_value LIKE ? GROUP BY meta_value", array( 'user\_' . $this->p . '\_%' ) );
		$twice = array_values( array_filter( $held, static function ( $row ) { return (int) $row['n'] > 1; } ) );
		$this->assertSame( array(), $twice, 'WorkOS users linked to more than one WordPress user' );
		$this->assertEqualsCanonicalizing( array_map( array( $this, 'workos_id' ), range( 0, self::USERS - 1 ) ), array_column( $held, 'meta_value' ) );
		$users = WebhookSite::rows( 'SELECT COUNT(*) AS n, COUNT(DISTINCT user_email) AS emails, COUNT(DISTINCT user_login) AS logins FROM wp_users WHERE user_email LIKE ?', array( $this->p . '.%' ) )[0];
		$this->assertSame( array( self::USERS, self::USERS, self::USERS ), array( (int) $users['n'], (int) $users['emails'], (int) $users['logins'] ) );

		// Every request answered as it should: each batch's creates created or found the user
		// (never workos_email_exists: a webhook's user, half written, seen by a batch).
		foreach ( $answers as $n => $answer ) {
			list( $status, $body ) = $answer;
			if ( 'batch' === $kinds[ $n ] ) {
				$this->assertSame( 200, $status, wp_json_encode( $body ) );
				foreach ( $body['results'] as $result ) {
					$this->assertTrue( $result['ok'], wp_json_encode( $result ) );
					$this->assertContains( $result['outcome'], array( 'created', 'exists' ) );
				}
			} else {
				// Applied, or (rarely) 503 when a batch kept the lock: WorkOS would deliver it again.
				$this->assertContains( $status, array( 200, 503 ), wp_json_encode( $body ) );
			}
		}

		// A batch sent again answers every one of them "exists", with that one user.
		list( $status, $again ) = self::all_at_once( array( $this->batch_request( range( 0, self::USERS - 1 ) ) ) )[0];
		$this->assertSame( 200, $status, wp_json_encode( $again ) );
		$this->assertSame( array( 'exists' => self::USERS ), $again['summary']['outcomes'] );
	}

	/**
	 * A writer that ignores the lock (here a user_register hook of some plugin, writing straight
	 * to the database) gives a WorkOS id the batch is creating a user for to another user: the
	 * batch refuses to commit and rolls back whole, rather than leave it linked twice.
	 */
	public function test_a_batch_never_commits_a_workos_id_someone_else_linked_meanwhile(): void {
		global $wpdb;
		EmulatorEnvironment::configure_site( 'staging', array( 'enable_activity_log' => true ) ); // wp_tests, rolled back
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$other  = $this->create_user( 'subscriber' );
		$workos = 'user_LB' . $this->p;
		$sneak  = static function () use ( $wpdb, $other, $workos ): void {
			$wpdb->insert( $wpdb->usermeta, array( 'user_id' => $other, 'meta_key' => '_workos_user_id', 'meta_value' => $workos ) ); // phpcs:ignore WordPress.DB.SlowDBQuery -- the test's lock-less writer.
		};
		add_action( 'user_register', $sneak );
		$response = $this->rest(
			'POST',
			'/workos/v1/admin/users/batch',
			array(
				'operations' => array(
					array( 'op' => 'create', 'email' => $this->p . '.lb@tests.invalid', 'workos_user_id' => $workos ),
				),
			)
		);
		remove_action( 'user_register', $sneak );
		$this->assertSame( 500, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertSame( 'workos_batch_failed', $response->get_data()['code'] );
		$this->assertFalse( get_user_by( 'email', $this->p . '.lb@tests.invalid' ) );
		$this->assertSame( '0', (string) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->usermeta} WHERE meta_key = '_workos_user_id' AND meta_value = %s", $workos ) ) );
		$this->assertStringContainsString( $workos, (string) json_decode( (string) $wpdb->get_var( "SELECT metadata FROM {$wpdb->prefix}workos_activity_log WHERE event_type = 'users_batch_failed' ORDER BY id DESC LIMIT 1" ), true )['error'] );
	}
}
