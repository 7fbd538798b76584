<?php
/**
 * The users part of the management API in process (issue #6): GET users (filters, cursor paging,
 * two queries a page), GET users/{id} and users/lookup, and POST users/batch — every operation,
 * dry runs, idempotency by WorkOS id, the last administrator, no e-mails and no pushes, the bulk
 * create writing what wp_insert_user() writes, per-operation errors, savepoints and the rollback
 * of a failed batch, and bad input on every argument with nothing written.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Auth\AccountLock;
use WorkOSCompanion\Auth\TokenStore;
use WorkOSCompanion\Sync\Deprovisioner;
use WorkOSCompanion\Sync\PushQueue;
use WorkOSCompanion\Sync\UserLinker;

final class UsersApiTest extends WPTestCase {
	private const ROUTE = '/workos/v1/admin/users';

	/** @var string A prefix unique to this test, for logins and e-mail addresses. */
	private $p;

	/** @var int */
	private $admin;

	/** @var int Mails WordPress tried to send. */
	private $mails = 0;

	/** @var callable */
	private $mail_counter;

	protected function setUp(): void {
		parent::setUp();
		EmulatorEnvironment::configure_site( 'staging', array( 'enable_activity_log' => true ) );
		$this->p     = 'ut' . strtolower( wp_generate_password( 6, false ) );
		$this->admin = $this->create_user( 'administrator' );
		wp_set_current_user( $this->admin );
		$this->mails        = 0;
		$this->mail_counter = function () {
			++$this->mails;
			return true; // never really sent
		};
		add_filter( 'pre_wp_mail', $this->mail_counter, 1 );
	}

	protected function tearDown(): void {
		remove_filter( 'pre_wp_mail', $this->mail_counter, 1 );
		remove_role( 'console_manager' );
		parent::tearDown();
	}

	// ------------------------------------------------------------------ helpers

	/** @param array<string,mixed> $params */
	private function get( string $path, array $params = array() ): WP_REST_Response {
		return $this->rest( 'GET', self::ROUTE . $path, $params );
	}

	/**
	 * A batch that must answer 200.
	 *
	 * @param array<int,array<string,mixed>> $operations
	 * @return array<string,mixed>
	 */
	private function batch( array $operations, bool $dry_run = false ): array {
		$response = $this->rest(
			'POST',
			self::ROUTE . '/batch',
			array(
				'operations' => $operations,
				'dry_run'    => $dry_run,
			)
		);
		$this->assertSame( 200, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();
		$this->assertCount( count( $operations ), $data['results'] );
		foreach ( $data['results'] as $i => $result ) {
			$this->assertSame( $i, $result['index'] );
			$this->assertSame( $operations[ $i ]['op'], $result['op'] );
			$this->assertSame( array( 'index', 'op', 'ok', 'user_id', 'outcome', 'error' ), array_keys( $result ) );
		}
		return $data;
	}

	/**
	 * @param array<string,mixed> $result One result.
	 */
	private function assertOk( array $result, string $outcome ): int {
		$this->assertTrue( $result['ok'], wp_json_encode( $result ) );
		$this->assertSame( $outcome, $result['outcome'], wp_json_encode( $result ) );
		$this->assertNull( $result['error'] );
		return (int) $result['user_id'];
	}

	/** @param array<string,mixed> $result One result. */
	private function assertRefused( array $result, string $code ): void {
		$this->assertFalse( $result['ok'], wp_json_encode( $result ) );
		$this->assertNull( $result['outcome'] );
		$this->assertSame( $code, $result['error']['code'], wp_json_encode( $result ) );
		$this->assertNotSame( '', $result['error']['message'] );
	}

	/** @param WP_REST_Response $response */
	private function assertStatus( int $status, $response, string $code = '' ): void {
		$this->assertSame( $status, $response->get_status(), wp_json_encode( $response->get_data() ) );
		if ( '' !== $code ) {
			$this->assertSame( $code, $response->get_data()['code'] );
		}
	}

	/** Row counts of what a batch could write. */
	private function footprint(): array {
		global $wpdb;
		return array(
			'users'    => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->users}" ),
			'usermeta' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->usermeta}" ),
			'checksum' => (string) $wpdb->get_var( "SELECT SUM(CRC32(CONCAT(user_id, meta_key, COALESCE(meta_value, '')))) FROM {$wpdb->usermeta}" ),
			'activity' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}workos_activity_log" ),
			'pushes'   => (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( PushQueue::OPTION_PREFIX ) . '%' ) ),
		);
	}

	/** A user with names, e-mail under this test's prefix and an optional WorkOS link. */
	private function user( string $name, string $role = 'subscriber', string $workos = '' ): int {
		$id = wp_insert_user(
			array(
				'user_login' => $this->p . '_' . $name,
				'user_email' => $this->p . '_' . $name . '@tests.invalid',
				'user_pass'  => wp_generate_password( 24 ),
				'first_name' => ucfirst( $name ),
				'last_name'  => 'Tester',
				'role'       => $role,
			)
		);
		$this->assertIsInt( $id );
		if ( '' !== $workos ) {
			update_user_meta( $id, UserLinker::META_USER_ID, $workos );
		}
		return $id;
	}

	/** @return array<string,string> Every usermeta row of a user, first value per key. */
	private function meta_rows( int $id ): array {
		global $wpdb;
		$out = array();
		foreach ( $wpdb->get_results( $wpdb->prepare( "SELECT meta_key, meta_value FROM {$wpdb->usermeta} WHERE user_id = %d ORDER BY umeta_id", $id ) ) as $row ) {
			$this->assertArrayNotHasKey( $row->meta_key, $out, "duplicate meta key {$row->meta_key}" );
			$out[ $row->meta_key ] = $row->meta_value;
		}
		return $out;
	}

	/** Users holding a WorkOS id. */
	private function holders( string $workos ): array {
		global $wpdb;
		return array_map( 'intval', $wpdb->get_col( $wpdb->prepare( "SELECT user_id FROM {$wpdb->usermeta} WHERE meta_key = %s AND meta_value = %s", UserLinker::META_USER_ID, $workos ) ) );
	}

	/** The current user becomes one who may manage the site without being an administrator. */
	private function act_as_manager( array $extra_caps = array( 'create_users', 'edit_users', 'promote_users', 'list_users' ) ): int {
		add_role( 'console_manager', 'Console manager', array_fill_keys( array_merge( array( 'read', 'manage_options' ), $extra_caps ), true ) );
		$manager = $this->create_user( 'console_manager' );
		wp_set_current_user( $manager );
		return $manager;
	}

	/** Only $keep stays an active administrator (in this test's transaction). */
	private function only_active_admin( int $keep ): void {
		foreach ( get_users( array( 'role' => 'administrator', 'fields' => 'ID', 'blog_id' => get_current_blog_id() ) ) as $id ) {
			if ( (int) $id !== $keep ) {
				update_user_meta( (int) $id, AccountLock::META, '1' );
			}
		}
	}

	// ------------------------------------------------------------------ GET users

	public function test_list_shows_each_user_with_workos_metadata(): void {
		$linked = $this->user( 'linked', 'editor', 'user_01LINKED' . $this->p );
		update_user_meta( $linked, '_workos_directory_user_id', 'directory_user_01X' );
		update_user_meta( $linked, UserLinker::META_ORG_ID, 'org_01ACME' );
		update_user_meta( $linked, UserLinker::META_SYNCED_AT, '2026-01-02 03:04:05' );
		$gone = $this->user( 'gone', 'author' );
		update_user_meta( $gone, AccountLock::META, '1' );
		update_user_meta( $gone, Deprovisioner::META, array( 'action' => 'deactivate', 'reason' => 'user.deleted', 'at' => '2026-02-03 04:05:06', 'roles' => array( 'author' ) ) );

		$response = $this->get( '', array( 'search' => $this->p . '_' ) );
		$this->assertStatus( 200, $response );
		$this->assertStringContainsString( 'no-store', (string) ( $response->get_headers()['Cache-Control'] ?? '' ) );
		$data = $response->get_data();
		$this->assertNull( $data['next_after'] );
		$this->assertSame( array( $linked, $gone ), array_column( $data['users'], 'id' ) );
		$this->assertSame(
			array(
				'id'                => $linked,
				'login'             => $this->p . '_linked',
				'email'             => $this->p . '_linked@tests.invalid',
				'display_name'      => 'Linked Tester',
				'roles'             => array( 'editor' ),
				'registered'        => gmdate( 'Y-m-d\TH:i:s\Z', strtotime( get_userdata( $linked )->user_registered . ' UTC' ) ),
				'workos_user_id'    => 'user_01LINKED' . $this->p,
				'directory_user_id' => 'directory_user_01X',
				'org_id'            => 'org_01ACME',
				'last_synced_at'    => '2026-01-02T03:04:05Z',
				'deactivated'       => false,
				'deprovisioned'     => null,
			),
			$data['users'][0]
		);
		$this->assertTrue( $data['users'][1]['deactivated'] );
		$this->assertNull( $data['users'][1]['workos_user_id'] );
		$this->assertSame( array( 'action' => 'deactivate', 'reason' => 'user.deleted', 'at' => '2026-02-03T04:05:06Z', 'roles' => array( 'author' ) ), $data['users'][1]['deprovisioned'] );
		$this->assertArrayNotHasKey( 'user_pass', $data['users'][0] );
	}

	public function test_filters_linked_role_and_search(): void {
		$a = $this->user( 'alpha', 'editor', 'user_A' . $this->p );
		$b = $this->user( 'bravo', 'editor' );
		$c = $this->user( 'charlie', 'subscriber', 'user_C' . $this->p );
		update_user_meta( $b, UserLinker::META_USER_ID, '' ); // an empty link is no link
		wp_update_user( array( 'ID' => $c, 'display_name' => 'Zoë Ünicode' ) );
		$ids = function ( array $params ): array {
			$response = $this->get( '', $params + array( 'search' => $this->p ) );
			$this->assertStatus( 200, $response );
			return array_column( $response->get_data()['users'], 'id' );
		};
		$this->assertSame( array( $a, $b, $c ), $ids( array() ) );
		$this->assertSame( array( $a, $c ), $ids( array( 'linked' => 'true' ) ) );
		$this->assertSame( array( $b ), $ids( array( 'linked' => 'false' ) ) );
		$this->assertSame( array( $a, $b ), $ids( array( 'role' => 'editor' ) ) );
		$this->assertSame( array( $a ), $ids( array( 'role' => 'editor', 'linked' => '1' ) ) );
		$this->assertSame( array(), $ids( array( 'role' => 'author' ) ) );
		// Login, e-mail address and display name.
		$this->assertSame( array( $b ), $ids( array( 'search' => $this->p . '_bravo' ) ) );
		$this->assertSame( array( $c ), $ids( array( 'search' => $this->p . '_charlie@tests' ) ) );
		$this->assertSame( array( $c ), $ids( array( 'search' => 'Zoë Ünic' ) ) );
		// LIKE wildcards and quotes are searched for literally.
		$this->assertSame( array(), $ids( array( 'search' => $this->p . '%' ) ) );
		$this->assertSame( array(), $ids( array( 'search' => "' OR 1=1 -- " ) ) );
		$this->assertSame( array(), $ids( array( 'search' => '<script>alert(1)</script>' ) ) );
	}

	public function test_cursor_paging_walks_every_user_once(): void {
		$made = array();
		for ( $i = 0; $i < 7; $i++ ) {
			$made[] = $this->user( 'page' . $i );
		}
		$seen  = array();
		$after = 0;
		$pages = 0;
		do {
			$response = $this->get( '', array( 'search' => $this->p . '_page', 'limit' => 3, 'after' => $after ) );
			$this->assertStatus( 200, $response );
			$data = $response->get_data();
			$this->assertLessThanOrEqual( 3, count( $data['users'] ) );
			$seen  = array_merge( $seen, array_column( $data['users'], 'id' ) );
			$after = $data['next_after'];
			++$pages;
		} while ( null !== $after && $pages < 10 );
		$this->assertSame( $made, $seen );
		$this->assertSame( 3, $pages );
		// A page that ends exactly at the last user says there is no next one.
		$data = $this->get( '', array( 'search' => $this->p . '_page', 'limit' => 7 ) )->get_data();
		$this->assertCount( 7, $data['users'] );
		$this->assertNull( $data['next_after'] );
		$data = $this->get( '', array( 'search' => $this->p . '_page', 'limit' => 6 ) )->get_data();
		$this->assertSame( $made[5], $data['next_after'] );
		// Defaults: at most 100 per page from the start, in id order.
		$ids = array_column( $this->get( '' )->get_data()['users'], 'id' );
		$this->assertLessThanOrEqual( 100, count( $ids ) );
		$sorted = $ids;
		sort( $sorted );
		$this->assertSame( $sorted, $ids );
	}

	public function test_a_page_costs_the_same_queries_whatever_its_size(): void {
		global $wpdb;
		for ( $i = 0; $i < 25; $i++ ) {
			$id = $this->user( 'q' . $i, 0 === $i % 2 ? 'editor' : 'author', 0 === $i % 3 ? 'user_Q' . $i . $this->p : '' );
			update_user_meta( $id, UserLinker::META_ORG_ID, 'org_Q' );
		}
		wp_cache_flush();
		$this->get( '', array( 'search' => $this->p, 'limit' => 1 ) ); // warm up the REST server
		$count = function ( int $limit ) use ( $wpdb ): int {
			wp_cache_flush();
			$before = $wpdb->num_queries;
			$data   = $this->get( '', array( 'search' => $this->p, 'limit' => $limit ) )->get_data();
			$this->assertCount( $limit, $data['users'] );
			return $wpdb->num_queries - $before;
		};
		$small = $count( 2 );
		$large = $count( 25 );
		$this->assertSame( $small, $large, 'queries must not grow with the page' );
		$this->assertLessThanOrEqual( 4, $large );
	}

	public function test_one_user_and_lookups(): void {
		$id = $this->user( 'solo', 'author', 'user_SOLO' . $this->p );

		$response = $this->get( '/' . $id );
		$this->assertStatus( 200, $response );
		$this->assertSame( $id, $response->get_data()['id'] );
		$this->assertSame( 'user_SOLO' . $this->p, $response->get_data()['workos_user_id'] );

		$this->assertStatus( 404, $this->get( '/999999999' ), 'workos_user_not_found' );

		$by_email = $this->get( '/lookup', array( 'email' => strtoupper( $this->p ) . '_SOLO@tests.invalid' ) );
		$this->assertStatus( 200, $by_email );
		$this->assertSame( $id, $by_email->get_data()['id'] );
		$by_workos = $this->get( '/lookup', array( 'workos_user_id' => 'user_SOLO' . $this->p ) );
		$this->assertStatus( 200, $by_workos );
		$this->assertSame( $id, $by_workos->get_data()['id'] );

		$this->assertStatus( 404, $this->get( '/lookup', array( 'email' => 'nobody-' . $this->p . '@tests.invalid' ) ), 'workos_user_not_found' );
		$this->assertStatus( 404, $this->get( '/lookup', array( 'workos_user_id' => 'user_NOBODY' ) ), 'workos_user_not_found' );
		$this->assertStatus( 404, $this->get( '/lookup', array( 'email' => "' OR '1'='1" ) ), 'workos_user_not_found' );
		$this->assertStatus( 400, $this->get( '/lookup' ), 'workos_invalid_lookup' );
		$this->assertStatus( 400, $this->get( '/lookup', array( 'email' => $this->p . '_solo@tests.invalid', 'workos_user_id' => 'user_SOLO' . $this->p ) ), 'workos_invalid_lookup' );
		$this->assertStatus( 400, $this->get( '/lookup', array( 'workos_user_id' => "x' OR 1=1 --" ) ), 'rest_invalid_param' );
		$this->assertStatus( 400, $this->get( '/lookup', array( 'workos_user_id' => '<script>' ) ), 'rest_invalid_param' );
		$this->assertStatus( 400, $this->get( '/lookup', array( 'workos_user_id' => 'üser' ) ), 'rest_invalid_param' );
		$this->assertStatus( 400, $this->get( '/lookup', array( 'workos_user_id' => str_repeat( 'a', 129 ) ) ), 'rest_invalid_param' );
		$this->assertStatus( 400, $this->get( '/lookup', array( 'email' => str_repeat( 'a', 96 ) . '@x.io' ) ), 'rest_invalid_param' );
		$this->assertStatus( 400, $this->get( '/lookup', array( 'email' => '' ) ), 'rest_invalid_param' );
		$this->assertStatus( 400, $this->get( '/lookup', array( 'email' => array( 'a@b.co' ) ) ), 'rest_invalid_param' );
		$this->assertStatus( 400, $this->get( '/lookup', array( 'login' => 'admin' ) ), 'workos_unknown_parameter' );
		$this->assertStatus( 400, $this->get( '/' . $id, array( 'fields' => 'all' ) ), 'workos_unknown_parameter' );
	}

	public function test_list_refuses_bad_arguments(): void {
		$bad = array(
			array( 'linked', 'maybe' ),
			array( 'linked', array( 'true' ) ),
			array( 'role', 'not_a_role' ),
			array( 'role', '<script>alert(1)</script>' ),
			array( 'role', "editor' OR '1'='1" ),
			array( 'role', 'édïtor' ),
			array( 'search', str_repeat( 'é', 201 ) ),
			array( 'search', array( 'x' ) ),
			array( 'after', -1 ),
			array( 'after', 'abc' ),
			array( 'after', '1; DROP TABLE wp_users' ),
			array( 'after', 1.5 ),
			array( 'limit', 0 ),
			array( 'limit', 501 ),
			array( 'limit', 'ten' ),
			array( 'limit', -5 ),
		);
		foreach ( $bad as list( $param, $value ) ) {
			$response = $this->get( '', array( $param => $value ) );
			$this->assertSame( 400, $response->get_status(), $param . '=' . wp_json_encode( $value ) );
			$this->assertSame( 'rest_invalid_param', $response->get_data()['code'], $param . '=' . wp_json_encode( $value ) );
			$this->assertArrayHasKey( $param, $response->get_data()['data']['params'] );
		}
		$this->assertStatus( 400, $this->get( '', array( 'page' => 2 ) ), 'workos_unknown_parameter' );
		// Limits at their edges are fine; a search of 200 characters too.
		$this->assertStatus( 200, $this->get( '', array( 'limit' => 500 ) ) );
		$this->assertStatus( 200, $this->get( '', array( 'limit' => 1, 'after' => 0 ) ) );
		$this->assertStatus( 200, $this->get( '', array( 'search' => str_repeat( 'é', 200 ) ) ) );
	}

	public function test_needs_an_administrator(): void {
		wp_set_current_user( 0 );
		$this->assertStatus( 401, $this->get( '' ), 'workos_unauthorized' );
		$this->assertStatus( 401, $this->rest( 'POST', self::ROUTE . '/batch', array( 'operations' => array( array( 'op' => 'create', 'email' => 'x@tests.invalid' ) ) ) ), 'workos_unauthorized' );
		wp_set_current_user( $this->create_user( 'editor' ) );
		$before = $this->footprint();
		$this->assertStatus( 403, $this->get( '/' . $this->admin ), 'workos_forbidden' );
		$this->assertStatus( 403, $this->get( '/lookup', array( 'email' => 'x@tests.invalid' ) ), 'workos_forbidden' );
		$this->assertStatus( 403, $this->rest( 'POST', self::ROUTE . '/batch', array( 'operations' => array( array( 'op' => 'create', 'email' => $this->p . '@tests.invalid' ) ) ) ), 'workos_forbidden' );
		$this->assertSame( $before, $this->footprint() );
	}

	// ------------------------------------------------------------------ create

	public function test_bulk_create_writes_what_wp_insert_user_writes(): void {
		global $wpdb;
		$hooks  = array();
		$record = function ( $id ) use ( &$hooks ) {
			$hooks[] = current_filter() . ':' . $id;
		};
		foreach ( array( 'add_user_role', 'set_user_role', 'clean_user_cache', 'user_register', 'workos_user_created' ) as $hook ) {
			add_action( $hook, $record );
		}
		$names = array( 'first_name' => "Zoë O'Brien \\ <b>x</b>", 'last_name' => 'Smith & Sons' );
		$data  = $this->batch(
			array(
				array( 'op' => 'create', 'email' => $this->p . '.bulk@tests.invalid', 'role' => 'editor', 'workos_user_id' => 'user_BULK' . $this->p, 'organization_id' => 'org_01X' ) + $names,
				array( 'op' => 'create', 'email' => $this->p . '.plain@tests.invalid' ),
			)
		);
		$bulk  = $this->assertOk( $data['results'][0], 'created' );
		$plain = $this->assertOk( $data['results'][1], 'created' );
		foreach ( array( 'add_user_role', 'set_user_role', 'clean_user_cache', 'user_register', 'workos_user_created' ) as $hook ) {
			remove_action( $hook, $record );
		}
		$this->assertSame(
			array( "add_user_role:$bulk", "set_user_role:$bulk", "clean_user_cache:$bulk", "user_register:$bulk", "workos_user_created:$bulk", "add_user_role:$plain", "set_user_role:$plain", "clean_user_cache:$plain", "user_register:$plain" ),
			$hooks
		);

		// The same user through WordPress's own function.
		$reference = wp_insert_user( wp_slash( array( 'user_login' => $this->p . '.ref', 'user_email' => $this->p . '.ref@tests.invalid', 'user_pass' => 'x', 'role' => 'editor' ) + $names ) );
		$this->assertIsInt( $reference );

		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->users} WHERE ID = %d", $bulk ), ARRAY_A );
		$ref = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->users} WHERE ID = %d", $reference ), ARRAY_A );
		$this->assertSame( $this->p . '.bulk', $row['user_login'] ); // UsernameGenerator: the local part
		$this->assertSame( sanitize_title( $this->p . '.bulk' ), $row['user_nicename'] );
		$this->assertSame( $this->p . '.bulk@tests.invalid', $row['user_email'] );
		$this->assertTrue( wp_check_password( 'x', $ref['user_pass'] ) );
		$this->assertStringStartsWith( '$P$', $row['user_pass'] );
		$this->assertLessThanOrEqual( 5, abs( strtotime( $row['user_registered'] ) - strtotime( $ref['user_registered'] ) ) );
		foreach ( array( 'user_url', 'user_activation_key', 'user_status', 'display_name' ) as $column ) {
			$this->assertSame( $ref[ $column ], $row[ $column ], $column );
		}
		$this->assertSame( array_keys( $ref ), array_keys( $row ) );

		$meta     = $this->meta_rows( $bulk );
		$ref_meta = $this->meta_rows( $reference );
		$link     = array( '_workos_user_id', '_workos_org_id', '_workos_last_synced_at', '_workos_profile_hash', '_workos_first_login' );
		// The same keys (in another order when a user_register hook adds some, as wp-admin's
		// dismissed_wp_pointers: the bulk path writes the link before the hook runs).
		$this->assertEqualsCanonicalizing( array_merge( array_keys( $ref_meta ), $link ), array_keys( $meta ) );
		foreach ( $ref_meta as $key => $value ) {
			$this->assertSame( 'nickname' === $key ? $this->p . '.bulk' : $value, $meta[ $key ], $key );
		}
		$this->assertSame( "Zoë O'Brien \\ x", get_user_meta( $bulk, 'first_name', true ) );
		$this->assertSame( 'Smith &amp; Sons', get_user_meta( $bulk, 'last_name', true ) );
		$this->assertSame( 'a:1:{s:6:"editor";b:1;}', $meta[ $wpdb->prefix . 'capabilities' ] );
		$this->assertSame( '7', $meta[ $wpdb->prefix . 'user_level' ] );
		$this->assertSame( 'user_BULK' . $this->p, $meta['_workos_user_id'] );
		$this->assertSame( 'org_01X', $meta['_workos_org_id'] );
		$this->assertSame( '1', $meta['_workos_first_login'] );
		$this->assertSame( UserLinker::profile_hash( array( 'email' => $this->p . '.bulk@tests.invalid', 'first_name' => sanitize_text_field( $names['first_name'] ), 'last_name' => $names['last_name'] ) ), $meta['_workos_profile_hash'] );

		// The unlinked one: the site's default role, the login as display name, no link metadata.
		$plain_meta = $this->meta_rows( $plain );
		$this->assertEqualsCanonicalizing( array_keys( $ref_meta ), array_keys( $plain_meta ) );
		$this->assertSame( array( get_option( 'default_role' ) ), get_userdata( $plain )->roles );
		$this->assertSame( $this->p . '.plain', get_userdata( $plain )->display_name );
		$this->assertSame( 0, $this->mails );
	}

	public function test_caches_agree_with_the_database_after_a_bulk_create(): void {
		$email = $this->p . '.cache@tests.invalid';
		$this->assertFalse( get_user_by( 'email', $email ) );
		$this->assertFalse( get_user_by( 'login', $this->p . '.cache' ) );
		$id = $this->assertOk( $this->batch( array( array( 'op' => 'create', 'email' => $email, 'role' => 'author', 'first_name' => 'Cache' ) ) )['results'][0], 'created' );

		$cached = array( get_user_by( 'email', $email )->ID, get_user_by( 'login', $this->p . '.cache' )->ID, get_user_by( 'slug', sanitize_title( $this->p . '.cache' ) )->ID, get_userdata( $id )->roles, get_user_meta( $id ) );
		wp_cache_flush();
		$fresh = array( get_user_by( 'email', $email )->ID, get_user_by( 'login', $this->p . '.cache' )->ID, get_user_by( 'slug', sanitize_title( $this->p . '.cache' ) )->ID, get_userdata( $id )->roles, get_user_meta( $id ) );
		$this->assertSame( $fresh, $cached );
		$this->assertSame( array( 'author' ), $fresh[3] );
		$this->assertTrue( user_can( $id, 'publish_posts' ) );
	}

	public function test_per_user_path_gives_the_same_users(): void {
		add_filter( 'workos_users_batch_bulk_insert', '__return_false' );
		$registered = 0;
		$count      = function () use ( &$registered ) {
			++$registered;
		};
		add_action( 'user_register', $count );
		$data = $this->batch(
			array(
				array( 'op' => 'create', 'email' => $this->p . '.one@tests.invalid', 'first_name' => 'One\\Slash', 'role' => 'author', 'workos_user_id' => 'user_ONE' . $this->p ),
				array( 'op' => 'create', 'email' => $this->p . '.two@tests.invalid', 'workos_user_id' => 'user_ONE' . $this->p ),
			)
		);
		remove_action( 'user_register', $count );
		remove_filter( 'workos_users_batch_bulk_insert', '__return_false' );
		$one = $this->assertOk( $data['results'][0], 'created' );
		$this->assertSame( $one, $this->assertOk( $data['results'][1], 'exists' ) );
		$this->assertSame( 1, $registered );
		$this->assertSame( 'One\\Slash', get_user_meta( $one, 'first_name', true ) );
		$this->assertSame( array( 'author' ), get_userdata( $one )->roles );
		$this->assertSame( '1', get_user_meta( $one, UserLinker::META_FIRST_LOGIN, true ) );
		$this->assertSame( array( $one ), $this->holders( 'user_ONE' . $this->p ) );
		$this->assertSame( 0, $this->mails );
	}

	public function test_create_is_idempotent_by_workos_id(): void {
		$ops   = array(
			array( 'op' => 'create', 'email' => $this->p . '.idem@tests.invalid', 'workos_user_id' => 'user_IDEM' . $this->p ),
			array( 'op' => 'create', 'email' => $this->p . '.idem2@tests.invalid', 'workos_user_id' => 'user_IDEM2' . $this->p ),
		);
		$first = $this->batch( $ops );
		$a     = $this->assertOk( $first['results'][0], 'created' );
		$b     = $this->assertOk( $first['results'][1], 'created' );
		$after = $this->footprint();

		// The console retries the same batch (a timeout): the same users, nothing written.
		$again = $this->batch( $ops );
		$this->assertSame( $a, $this->assertOk( $again['results'][0], 'exists' ) );
		$this->assertSame( $b, $this->assertOk( $again['results'][1], 'exists' ) );
		$this->assertSame( array( 'exists' => 2 ), (array) $again['summary']['outcomes'] );
		$now = $this->footprint();
		unset( $now['activity'], $after['activity'] );
		$this->assertSame( $after, $now );

		// Even with another e-mail address, and twice in one batch.
		$same = $this->batch(
			array(
				array( 'op' => 'create', 'email' => $this->p . '.other@tests.invalid', 'workos_user_id' => 'user_IDEM' . $this->p ),
				array( 'op' => 'create', 'email' => $this->p . '.new@tests.invalid', 'workos_user_id' => 'user_NEW' . $this->p ),
				array( 'op' => 'create', 'email' => $this->p . '.new2@tests.invalid', 'workos_user_id' => 'user_NEW' . $this->p ),
			)
		);
		$this->assertSame( $a, $this->assertOk( $same['results'][0], 'exists' ) );
		$new = $this->assertOk( $same['results'][1], 'created' );
		$this->assertSame( $new, $this->assertOk( $same['results'][2], 'exists' ) );
		$this->assertSame( array( $a ), $this->holders( 'user_IDEM' . $this->p ) );
		$this->assertSame( array( $new ), $this->holders( 'user_NEW' . $this->p ) );
		$this->assertFalse( get_user_by( 'email', $this->p . '.other@tests.invalid' ) );
	}

	public function test_create_refuses_taken_and_invalid_values_alone(): void {
		$taken = $this->user( 'taken' );
		$data  = $this->batch(
			array(
				array( 'op' => 'create', 'email' => strtoupper( $this->p ) . '_TAKEN@tests.invalid' ),
				array( 'op' => 'create', 'email' => "x'); DROP TABLE wp_users; --@tests.invalid" ),
				array( 'op' => 'create', 'email' => '<script>alert(1)</script>@tests.invalid' ),
				array( 'op' => 'create', 'email' => 'not-an-email' ),
				array( 'op' => 'create', 'email' => '   ' ),
				array( 'op' => 'create', 'first_name' => 'No e-mail' ),
				array( 'op' => 'create', 'email' => $this->p . '.role@tests.invalid', 'role' => 'overlord' ),
				array( 'op' => 'create', 'email' => $this->p . '.role2@tests.invalid', 'role' => '<script>' ),
				array( 'op' => 'create', 'email' => $this->p . '.dup@tests.invalid' ),
				array( 'op' => 'create', 'email' => $this->p . '.DUP@tests.invalid' ),
				array( 'op' => 'create', 'email' => $this->p . '.ok@tests.invalid', 'first_name' => '<script>alert(1)</script>Ann', 'last_name' => '日本語 ✓' ),
			)
		);
		$r = $data['results'];
		$this->assertRefused( $r[0], 'workos_email_exists' );
		$this->assertSame( $taken, $r[0]['user_id'] );
		$this->assertRefused( $r[1], 'workos_invalid_email' );
		$this->assertRefused( $r[2], 'workos_invalid_email' );
		$this->assertRefused( $r[3], 'workos_invalid_email' );
		$this->assertRefused( $r[4], 'workos_missing_field' );
		$this->assertRefused( $r[5], 'workos_missing_field' );
		$this->assertRefused( $r[6], 'workos_invalid_role' );
		$this->assertRefused( $r[7], 'workos_invalid_role' );
		$this->assertOk( $r[8], 'created' );
		$this->assertRefused( $r[9], 'workos_email_exists' );
		$ok = $this->assertOk( $r[10], 'created' );
		$this->assertSame( 'Ann', get_user_meta( $ok, 'first_name', true ) );
		$this->assertSame( '日本語 ✓', get_user_meta( $ok, 'last_name', true ) );
		$this->assertSame( 'Ann 日本語 ✓', get_userdata( $ok )->display_name );
		$this->assertSame( array( 'ok' => 2, 'failed' => 9 ), array( 'ok' => $data['summary']['ok'], 'failed' => $data['summary']['failed'] ) );
		$this->assertNotNull( $this->get( '/lookup', array( 'email' => $this->p . '.dup@tests.invalid' ) )->get_data()['id'] ?? null );
	}

	public function test_logins_are_unique_and_follow_the_username_generator(): void {
		$this->user( 'clash' ); // takes "{p}_clash"
		$data = $this->batch(
			array(
				array( 'op' => 'create', 'email' => $this->p . '_clash@one.invalid' ),
				array( 'op' => 'create', 'email' => $this->p . '_clash@two.invalid' ),
				array( 'op' => 'create', 'email' => $this->p . '_clash@three.invalid' ),
			)
		);
		$logins = array();
		foreach ( $data['results'] as $i => $result ) {
			$logins[] = get_userdata( $this->assertOk( $result, 'created' ) )->user_login;
		}
		$candidates = \WorkOSCompanion\Sync\UsernameGenerator::candidates( $this->p . '_clash@one.invalid' );
		$this->assertSame( $candidates[1], $logins[0] );
		$this->assertSame( \WorkOSCompanion\Sync\UsernameGenerator::candidates( $this->p . '_clash@two.invalid' )[1], $logins[1] );
		$this->assertCount( 3, array_unique( $logins ) );
		$nicenames = array_map(
			static function ( $r ) {
				return get_userdata( $r['user_id'] )->user_nicename;
			},
			$data['results']
		);
		$this->assertCount( 3, array_unique( $nicenames ) );
	}

	public function test_a_taken_nicename_gets_a_suffix_as_wordpress_does(): void {
		$other = $this->user( 'nice' );
		wp_update_user( array( 'ID' => $other, 'user_nicename' => 'nicename-' . $this->p ) );
		$id = $this->assertOk( $this->batch( array( array( 'op' => 'create', 'email' => 'nicename-' . $this->p . '@tests.invalid' ) ) )['results'][0], 'created' );
		$this->assertSame( 'nicename-' . $this->p . '-2', get_userdata( $id )->user_nicename );
	}

	public function test_five_hundred_creates_in_few_statements(): void {
		global $wpdb;
		$ops = array();
		for ( $i = 0; $i < 500; $i++ ) {
			$ops[] = array( 'op' => 'create', 'email' => sprintf( '%s.n%03d@tests.invalid', $this->p, $i ), 'first_name' => 'N' . $i, 'role' => 0 === $i % 5 ? 'editor' : 'subscriber', 'workos_user_id' => sprintf( 'user_%s_%03d', $this->p, $i ) );
		}
		// Queries made by user_register callbacks (WordPress's own, e.g. wp-admin's
		// dismissed_wp_pointers when the admin is loaded) are theirs, not the batch's.
		$hooks = 0;
		$mark  = 0;
		$start = static function () use ( &$mark, $wpdb ) {
			$mark = $wpdb->num_queries;
		};
		$stop  = static function () use ( &$mark, &$hooks, $wpdb ) {
			$hooks += $wpdb->num_queries - $mark;
		};
		add_action( 'user_register', $start, PHP_INT_MIN );
		add_action( 'user_register', $stop, PHP_INT_MAX );
		$before = $wpdb->num_queries;
		$data   = $this->batch( $ops );
		$used   = $wpdb->num_queries - $before - $hooks;
		remove_action( 'user_register', $start, PHP_INT_MIN );
		remove_action( 'user_register', $stop, PHP_INT_MAX );
		$this->assertSame( 500, $data['summary']['ok'] );
		$ids = array_column( $data['results'], 'user_id' );
		$this->assertCount( 500, array_unique( $ids ) );
		// wp_insert_user() and update_user_meta() take ~35 statements per user; the bulk path a
		// few per batch, and the caches it leaves spare the hooks their lookups.
		$this->assertLessThan( 60, $used, "$used queries ($hooks more in user_register callbacks)" );
		$this->assertSame( (string) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->users}" ), (string) get_option( 'user_count' ), 'WordPress\'s user count, once for the batch' );
		$this->assertSame( 500, (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(DISTINCT user_id) FROM {$wpdb->usermeta} WHERE meta_key = %s AND meta_value LIKE %s", UserLinker::META_USER_ID, 'user\_' . $wpdb->esc_like( $this->p ) . '\_%' ) ) );
		$this->assertSame( array( 'editor' ), get_userdata( $ids[0] )->roles );
		$this->assertSame( array( 'subscriber' ), get_userdata( $ids[499] )->roles );
		$this->assertSame( 'user_' . $this->p . '_499', get_user_meta( $ids[499], UserLinker::META_USER_ID, true ) );
	}

	// ------------------------------------------------------------------ link, unlink, update

	public function test_link_and_unlink(): void {
		$u      = $this->user( 'lnk', 'author' );
		$other  = $this->user( 'oth', 'author', 'user_OTHER' . $this->p );
		$pushes = $this->footprint()['pushes'];
		update_user_meta( $u, AccountLock::META, '1' );
		$data = $this->batch(
			array(
				array( 'op' => 'link', 'user_id' => $u, 'workos_user_id' => 'user_LNK' . $this->p, 'organization_id' => 'org_L' ),
				array( 'op' => 'link', 'user_email' => $this->p . '_lnk@tests.invalid', 'workos_user_id' => 'user_LNK' . $this->p ),
				array( 'op' => 'link', 'user_id' => $u, 'workos_user_id' => 'user_ELSE' . $this->p ),
				array( 'op' => 'link', 'user_id' => $this->admin, 'workos_user_id' => 'user_OTHER' . $this->p ),
				array( 'op' => 'link', 'user_id' => 999999999, 'workos_user_id' => 'user_X' ),
				array( 'op' => 'link', 'user_id' => $this->admin ),
				array( 'op' => 'link', 'workos_user_id' => 'user_Y' ),
				array( 'op' => 'link', 'user_id' => $u, 'user_email' => 'a@b.co', 'workos_user_id' => 'user_Y' ),
			)
		);
		$r = $data['results'];
		$this->assertSame( $u, $this->assertOk( $r[0], 'linked' ) );
		$this->assertSame( $u, $this->assertOk( $r[1], 'unchanged' ) );
		$this->assertRefused( $r[2], 'workos_already_linked' );
		$this->assertRefused( $r[3], 'workos_link_conflict' );
		$this->assertRefused( $r[4], 'workos_user_not_found' );
		$this->assertRefused( $r[5], 'workos_missing_field' );
		$this->assertRefused( $r[6], 'workos_missing_field' );
		$this->assertRefused( $r[7], 'workos_invalid_selector' );
		$this->assertSame( 'user_LNK' . $this->p, get_user_meta( $u, UserLinker::META_USER_ID, true ) );
		$this->assertSame( 'org_L', get_user_meta( $u, UserLinker::META_ORG_ID, true ) );
		$this->assertNotSame( '', get_user_meta( $u, UserLinker::META_SYNCED_AT, true ) );
		$this->assertSame( array( $other ), $this->holders( 'user_OTHER' . $this->p ) );
		$this->assertSame( '', get_user_meta( $this->admin, UserLinker::META_USER_ID, true ) );

		update_user_meta( $u, TokenStore::ACCESS_TOKEN, 'enc:v1:x' );
		update_user_meta( $u, TokenStore::SESSION_ID, 'session_1' );
		update_user_meta( $u, '_workos_directory_user_id', 'directory_user_1' );
		$data = $this->batch(
			array(
				array( 'op' => 'unlink', 'workos_user_id' => 'user_LNK' . $this->p ),
				array( 'op' => 'unlink', 'user_id' => $u ),
				array( 'op' => 'link', 'user_id' => $u, 'workos_user_id' => 'user_ELSE' . $this->p ),
			)
		);
		$this->assertOk( $data['results'][0], 'unlinked' );
		$this->assertOk( $data['results'][1], 'unchanged' );
		$this->assertOk( $data['results'][2], 'linked' );
		$this->assertSame( 'user_ELSE' . $this->p, get_user_meta( $u, UserLinker::META_USER_ID, true ) );
		$this->assertSame( '', get_user_meta( $u, UserLinker::META_ORG_ID, true ) );
		$this->assertSame( '', get_user_meta( $u, TokenStore::ACCESS_TOKEN, true ) );
		$this->assertSame( '', get_user_meta( $u, TokenStore::SESSION_ID, true ) );
		// Unlinking is no reactivation, and the directory link belongs to directory sync.
		$this->assertTrue( AccountLock::is_deactivated( $u ) );
		$this->assertSame( 'directory_user_1', get_user_meta( $u, '_workos_directory_user_id', true ) );
		$this->assertSame( $pushes, $this->footprint()['pushes'] );
	}

	public function test_update_names_email_and_role_without_mail_or_push(): void {
		$u = $this->user( 'upd', 'author', 'user_UPD' . $this->p );
		$this->user( 'busy' );
		$before = $this->footprint();
		$data   = $this->batch(
			array(
				array( 'op' => 'update', 'user_id' => $u, 'first_name' => 'Ünï', 'last_name' => 'Cödé', 'email' => $this->p . '.new@tests.invalid', 'role' => 'editor' ),
				array( 'op' => 'update', 'workos_user_id' => 'user_UPD' . $this->p, 'first_name' => 'Ünï' ),
				array( 'op' => 'update', 'user_id' => $u, 'email' => $this->p . '_busy@tests.invalid' ),
				array( 'op' => 'update', 'user_id' => $u, 'email' => 'nope' ),
				array( 'op' => 'update', 'user_id' => $u, 'role' => 'overlord' ),
				array( 'op' => 'update', 'user_id' => $u ),
				array( 'op' => 'update', 'user_email' => 'nobody-' . $this->p . '@tests.invalid', 'first_name' => 'X' ),
			)
		);
		$r = $data['results'];
		$this->assertSame( $u, $this->assertOk( $r[0], 'updated' ) );
		$this->assertOk( $r[1], 'unchanged' );
		$this->assertRefused( $r[2], 'workos_email_exists' );
		$this->assertRefused( $r[3], 'workos_invalid_email' );
		$this->assertRefused( $r[4], 'workos_invalid_role' );
		$this->assertRefused( $r[5], 'workos_missing_field' );
		$this->assertRefused( $r[6], 'workos_user_not_found' );
		$user = get_userdata( $u );
		$this->assertSame( 'Ünï', $user->first_name );
		$this->assertSame( 'Cödé', $user->last_name );
		$this->assertSame( 'Ünï Cödé', $user->display_name );
		$this->assertSame( $this->p . '.new@tests.invalid', $user->user_email );
		$this->assertSame( array( 'editor' ), $user->roles );
		$this->assertSame( UserLinker::profile_hash( array( 'email' => $user->user_email, 'first_name' => 'Ünï', 'last_name' => 'Cödé' ) ), get_user_meta( $u, UserLinker::META_HASH, true ) );
		$this->assertSame( 0, $this->mails, 'no "your e-mail changed" mail' );
		$this->assertSame( $before['pushes'], $this->footprint()['pushes'], 'nothing queued for WorkOS' );

		// The same change made in WordPress itself does queue a push and mail: the checks can fail.
		wp_update_user( array( 'ID' => $u, 'user_email' => $this->p . '.wp@tests.invalid' ) );
		$this->assertGreaterThan( $before['pushes'], $this->footprint()['pushes'] );
		$this->assertSame( 1, $this->mails );
	}

	// ------------------------------------------------------------------ deactivate, reactivate

	public function test_deactivate_and_reactivate(): void {
		$u = $this->user( 'deac', 'editor', 'user_DEAC' . $this->p );
		WP_Session_Tokens::get_instance( $u )->create( time() + HOUR_IN_SECONDS );
		$data = $this->batch(
			array(
				array( 'op' => 'deactivate', 'user_id' => $u ),
				array( 'op' => 'deactivate', 'workos_user_id' => 'user_DEAC' . $this->p ),
			)
		);
		$this->assertOk( $data['results'][0], 'deactivated' );
		$this->assertOk( $data['results'][1], 'unchanged' );
		$this->assertTrue( AccountLock::is_deactivated( $u ) );
		$this->assertSame( array(), WP_Session_Tokens::get_instance( $u )->get_all() );
		$record = get_user_meta( $u, Deprovisioner::META, true );
		$this->assertSame( array( 'deactivate', 'console', array( 'editor' ) ), array( $record['action'], $record['reason'], $record['roles'] ) );
		$this->assertSame( array( 'editor' ), get_userdata( $u )->roles );
		$listed = $this->get( '/' . $u )->get_data();
		$this->assertTrue( $listed['deactivated'] );
		$this->assertSame( 'console', $listed['deprovisioned']['reason'] );

		$data = $this->batch(
			array(
				array( 'op' => 'reactivate', 'user_email' => $this->p . '_deac@tests.invalid' ),
				array( 'op' => 'reactivate', 'user_id' => $u ),
			)
		);
		$this->assertOk( $data['results'][0], 'reactivated' );
		$this->assertOk( $data['results'][1], 'unchanged' );
		$this->assertFalse( AccountLock::is_deactivated( $u ) );
		$this->assertFalse( Deprovisioner::is_deprovisioned( $u ) );

		// A user WorkOS demoted gets their roles back, as Deprovisioner::reprovision() does.
		$demoted = $this->user( 'dem', 'subscriber' );
		update_user_meta( $demoted, Deprovisioner::META, array( 'action' => 'demote', 'reason' => 'user.deleted', 'at' => '2026-01-01 00:00:00', 'roles' => array( 'author' ) ) );
		$this->assertOk( $this->batch( array( array( 'op' => 'reactivate', 'user_id' => $demoted ) ) )['results'][0], 'reactivated' );
		clean_user_cache( $demoted );
		$this->assertSame( array( 'author' ), get_userdata( $demoted )->roles );

		// Deactivating a user WorkOS had demoted keeps that record: reactivating gives the roles back.
		$demoted2 = $this->user( 'dem2', 'subscriber' );
		update_user_meta( $demoted2, Deprovisioner::META, array( 'action' => 'demote', 'reason' => 'user.deleted', 'at' => '2026-01-01 00:00:00', 'roles' => array( 'editor' ) ) );
		$this->assertOk( $this->batch( array( array( 'op' => 'deactivate', 'user_id' => $demoted2 ) ) )['results'][0], 'deactivated' );
		$this->assertTrue( AccountLock::is_deactivated( $demoted2 ) );
		$this->assertSame( 'demote', get_user_meta( $demoted2, Deprovisioner::META, true )['action'] );
		$this->assertOk( $this->batch( array( array( 'op' => 'reactivate', 'user_id' => $demoted2 ) ) )['results'][0], 'reactivated' );
		clean_user_cache( $demoted2 );
		$this->assertFalse( AccountLock::is_deactivated( $demoted2 ) );
		$this->assertSame( array( 'editor' ), get_userdata( $demoted2 )->roles );

		// A flag set without a record (WP-CLI) is cleared too.
		$flagged = $this->user( 'flag' );
		update_user_meta( $flagged, AccountLock::META, '1' );
		$this->assertOk( $this->batch( array( array( 'op' => 'reactivate', 'user_id' => $flagged ) ) )['results'][0], 'reactivated' );
		$this->assertFalse( AccountLock::is_deactivated( $flagged ) );

		global $wpdb;
		$logged = $wpdb->get_var( $wpdb->prepare( "SELECT metadata FROM {$wpdb->prefix}workos_activity_log WHERE user_id = %d AND event_type = 'user_deprovisioned'", $u ) );
		$this->assertSame( 'console', json_decode( (string) $logged, true )['reason'] );
	}

	public function test_the_last_administrator_is_never_deactivated_or_demoted(): void {
		$manager = $this->act_as_manager();
		$last    = $this->user( 'lastadmin', 'administrator' );
		$this->only_active_admin( $last );
		$data = $this->batch(
			array(
				array( 'op' => 'deactivate', 'user_id' => $last ),
				array( 'op' => 'update', 'user_id' => $last, 'role' => 'editor' ),
				array( 'op' => 'update', 'user_id' => $last, 'role' => 'administrator', 'first_name' => 'Still' ),
			)
		);
		$this->assertRefused( $data['results'][0], 'workos_last_administrator' );
		$this->assertRefused( $data['results'][1], 'workos_last_administrator' );
		$this->assertOk( $data['results'][2], 'updated' );
		$this->assertFalse( AccountLock::is_deactivated( $last ) );
		$this->assertSame( array( 'administrator' ), get_userdata( $last )->roles );

		// Once another administrator is active (earlier in the same batch), it can go.
		$second = $this->admin; // deactivated by only_active_admin()
		$data   = $this->batch(
			array(
				array( 'op' => 'reactivate', 'user_id' => $second ),
				array( 'op' => 'deactivate', 'user_id' => $last ),
				array( 'op' => 'deactivate', 'user_id' => $second ),
				array( 'op' => 'update', 'user_id' => $second, 'role' => 'editor' ),
			)
		);
		$this->assertOk( $data['results'][0], 'reactivated' );
		$this->assertOk( $data['results'][1], 'deactivated' );
		$this->assertRefused( $data['results'][2], 'workos_last_administrator' );
		$this->assertRefused( $data['results'][3], 'workos_last_administrator' );
		$this->assertSame( array( $second ), \WorkOSCompanion\Users\Batch\BatchState::read_active_administrators() );
	}

	public function test_the_caller_cannot_lock_themselves_out(): void {
		$other = $this->user( 'otheradmin', 'administrator' );
		$data  = $this->batch(
			array(
				array( 'op' => 'deactivate', 'user_id' => $this->admin ),
				array( 'op' => 'update', 'user_id' => $this->admin, 'role' => 'editor' ),
				array( 'op' => 'deactivate', 'user_id' => $other ),
			)
		);
		$this->assertRefused( $data['results'][0], 'workos_current_user' );
		$this->assertRefused( $data['results'][1], 'workos_current_user' );
		$this->assertOk( $data['results'][2], 'deactivated' );
		$this->assertFalse( AccountLock::is_deactivated( $this->admin ) );
		$this->assertSame( array( 'administrator' ), get_userdata( $this->admin )->roles );
	}

	public function test_wordpress_capabilities_are_checked_per_operation(): void {
		$this->act_as_manager( array() ); // manage_options only
		$u    = $this->user( 'capped', 'author' );
		$data = $this->batch(
			array(
				array( 'op' => 'create', 'email' => $this->p . '.cap@tests.invalid' ),
				array( 'op' => 'deactivate', 'user_id' => $u ),
				array( 'op' => 'link', 'user_id' => $u, 'workos_user_id' => 'user_CAP' ),
			)
		);
		foreach ( $data['results'] as $result ) {
			$this->assertRefused( $result, 'workos_forbidden' );
		}
		$this->assertFalse( get_user_by( 'email', $this->p . '.cap@tests.invalid' ) );
		$this->assertFalse( AccountLock::is_deactivated( $u ) );
	}

	// ------------------------------------------------------------------ dry run, order, failures

	public function test_dry_run_reports_and_writes_nothing(): void {
		$u      = $this->user( 'dry', 'author', 'user_DRY' . $this->p );
		$before = $this->footprint();
		$data   = $this->batch(
			array(
				array( 'op' => 'create', 'email' => $this->p . '.drynew@tests.invalid', 'workos_user_id' => 'user_DRYNEW' . $this->p ),
				array( 'op' => 'update', 'workos_user_id' => 'user_DRYNEW' . $this->p, 'first_name' => 'Later' ),
				array( 'op' => 'create', 'email' => $this->p . '.drynew2@tests.invalid', 'workos_user_id' => 'user_DRY' . $this->p ),
				array( 'op' => 'unlink', 'user_id' => $u ),
				array( 'op' => 'link', 'user_id' => $u, 'workos_user_id' => 'user_DRY2' . $this->p ),
				array( 'op' => 'update', 'user_id' => $u, 'role' => 'editor', 'email' => $this->p . '.drymail@tests.invalid' ),
				array( 'op' => 'deactivate', 'user_id' => $u ),
				array( 'op' => 'reactivate', 'user_id' => $u ),
				array( 'op' => 'create', 'email' => 'bad' ),
			),
			true
		);
		$this->assertTrue( $data['dry_run'] );
		$r = $data['results'];
		$this->assertNull( $r[0]['user_id'] );
		$this->assertOk( $r[0], 'created' );
		$this->assertOk( $r[1], 'updated' );
		$this->assertSame( $u, $this->assertOk( $r[2], 'exists' ) );
		$this->assertOk( $r[3], 'unlinked' );
		$this->assertOk( $r[4], 'linked' );
		$this->assertOk( $r[5], 'updated' );
		$this->assertOk( $r[6], 'deactivated' );
		$this->assertOk( $r[7], 'reactivated' );
		$this->assertRefused( $r[8], 'workos_invalid_email' );
		$this->assertSame( $before, $this->footprint() );
		$this->assertSame( 0, $this->mails );

		// The real run does what the dry run said.
		$real = $this->batch(
			array(
				array( 'op' => 'create', 'email' => $this->p . '.drynew@tests.invalid', 'workos_user_id' => 'user_DRYNEW' . $this->p ),
				array( 'op' => 'update', 'workos_user_id' => 'user_DRYNEW' . $this->p, 'first_name' => 'Later' ),
			)
		);
		$id = $this->assertOk( $real['results'][0], 'created' );
		$this->assertSame( $id, $this->assertOk( $real['results'][1], 'updated' ) );
		$this->assertSame( 'Later', get_userdata( $id )->first_name );
	}

	public function test_a_failing_hook_rolls_the_whole_batch_back(): void {
		$u      = $this->user( 'rb', 'author' );
		$before = $this->footprint();
		$calls  = 0;
		$boom   = function () use ( &$calls ) {
			if ( 2 === ++$calls ) {
				throw new RuntimeException( 'hook failure' );
			}
		};
		add_action( 'user_register', $boom );
		$response = $this->rest(
			'POST',
			self::ROUTE . '/batch',
			array(
				'operations' => array(
					array( 'op' => 'link', 'user_id' => $u, 'workos_user_id' => 'user_RB' . $this->p ),
					array( 'op' => 'create', 'email' => $this->p . '.rb1@tests.invalid' ),
					array( 'op' => 'create', 'email' => $this->p . '.rb2@tests.invalid' ),
				),
			)
		);
		remove_action( 'user_register', $boom );
		$this->assertStatus( 500, $response, 'workos_batch_failed' );
		$this->assertTrue( $response->get_data()['data']['rolled_back'] );
		$after = $this->footprint();
		$this->assertSame( $before['users'], $after['users'] );
		$this->assertSame( $before['usermeta'], $after['usermeta'] );
		$this->assertSame( $before['checksum'], $after['checksum'] );
		$this->assertSame( '', get_user_meta( $u, UserLinker::META_USER_ID, true ) );
		$this->assertFalse( get_user_by( 'email', $this->p . '.rb1@tests.invalid' ) );
		global $wpdb;
		$this->assertSame( 'hook failure', json_decode( (string) $wpdb->get_var( "SELECT metadata FROM {$wpdb->prefix}workos_activity_log WHERE event_type = 'users_batch_failed' ORDER BY id DESC LIMIT 1" ), true )['error'] );
		// The test's own transaction is still open and usable.
		$this->assertSame( 1, (int) $wpdb->get_var( 'SELECT @@in_transaction' ) );
	}

	public function test_an_operation_that_fails_when_written_is_undone_alone(): void {
		$this->act_as_manager();
		$last = $this->user( 'keeper', 'administrator' );
		$this->only_active_admin( $last );
		// The new administrator will not be created (a filter empties its login), so when the
		// demotion below is written, $last is still the only administrator: refused, and its
		// name change in the same operation is undone with it (savepoint).
		$refuse = static function ( $login ) {
			return false !== strpos( (string) $login, 'newadmin' ) ? '' : $login;
		};
		add_filter( 'pre_user_login', $refuse );
		$data = $this->batch(
			array(
				array( 'op' => 'create', 'email' => $this->p . '.newadmin@tests.invalid', 'role' => 'administrator' ),
				array( 'op' => 'update', 'user_id' => $last, 'first_name' => 'Renamed', 'role' => 'editor' ),
				array( 'op' => 'create', 'email' => $this->p . '.fine@tests.invalid', 'workos_user_id' => 'user_FINE' . $this->p ),
				array( 'op' => 'update', 'workos_user_id' => 'user_FINE' . $this->p, 'last_name' => 'Fine' ),
			)
		);
		remove_filter( 'pre_user_login', $refuse );
		$this->assertRefused( $data['results'][0], 'empty_user_login' );
		$this->assertRefused( $data['results'][1], 'workos_last_administrator' );
		$fine = $this->assertOk( $data['results'][2], 'created' );
		$this->assertSame( $fine, $this->assertOk( $data['results'][3], 'updated' ) );
		// No cache outlives the undone write either.
		$this->assertSame( 'Keeper', get_userdata( $last )->first_name );
		$this->assertSame( 'Keeper Tester', get_userdata( $last )->display_name );
		$this->assertSame( array( 'administrator' ), get_userdata( $last )->roles );
		$this->assertSame( 'Fine', get_userdata( $fine )->last_name );
		$this->assertFalse( get_user_by( 'email', $this->p . '.newadmin@tests.invalid' ) );
	}

	public function test_operations_on_a_user_whose_create_failed_fail_too(): void {
		$refuse = static function ( $login ) {
			return false !== strpos( (string) $login, 'ghost' ) ? '' : $login;
		};
		add_filter( 'pre_user_login', $refuse );
		$data = $this->batch(
			array(
				array( 'op' => 'create', 'email' => $this->p . '.ghost@tests.invalid', 'workos_user_id' => 'user_GHOST' . $this->p ),
				array( 'op' => 'create', 'email' => $this->p . '.ghost2@tests.invalid', 'workos_user_id' => 'user_GHOST' . $this->p ),
				array( 'op' => 'deactivate', 'workos_user_id' => 'user_GHOST' . $this->p ),
			)
		);
		remove_filter( 'pre_user_login', $refuse );
		$this->assertRefused( $data['results'][0], 'empty_user_login' );
		$this->assertRefused( $data['results'][1], 'workos_operation_failed' );
		$this->assertRefused( $data['results'][2], 'workos_operation_failed' );
		$this->assertSame( array(), $this->holders( 'user_GHOST' . $this->p ) );
	}

	public function test_the_batch_is_summed_up_in_the_activity_log(): void {
		global $wpdb;
		$this->batch(
			array(
				array( 'op' => 'create', 'email' => $this->p . '.log@tests.invalid' ),
				array( 'op' => 'create', 'email' => 'bad' ),
			)
		);
		$row = $wpdb->get_row( "SELECT * FROM {$wpdb->prefix}workos_activity_log WHERE event_type = 'users_batch' ORDER BY id DESC LIMIT 1" );
		$this->assertSame( $this->admin, (int) $row->user_id );
		$this->assertSame(
			array( 'operations' => 2, 'ok' => 1, 'failed' => 1, 'outcomes' => array( 'created' => 1 ), 'errors' => array( 'workos_invalid_email' => 1 ) ),
			json_decode( (string) $row->metadata, true )
		);
	}

	// ------------------------------------------------------------------ malformed batches

	public function test_malformed_batches_are_refused_whole(): void {
		$good = array( 'op' => 'create', 'email' => $this->p . '.never@tests.invalid' );
		$many = array_fill( 0, 501, $good );
		$bad  = array(
			'no operations'              => array( array(), 'rest_missing_callback_param' ),
			'operations a string'        => array( array( 'operations' => 'create' ), 'rest_invalid_param' ),
			'operations an object'       => array( array( 'operations' => array( 'a' => $good ) ), 'rest_invalid_param' ),
			'operations empty'           => array( array( 'operations' => array() ), 'rest_invalid_param' ),
			'501 operations'             => array( array( 'operations' => $many ), 'rest_invalid_param' ),
			'an operation not an object' => array( array( 'operations' => array( $good, 'create' ) ), 'rest_invalid_param' ),
			'no op'                      => array( array( 'operations' => array( $good, array( 'email' => 'a@b.co' ) ) ), 'rest_invalid_param' ),
			'unknown op'                 => array( array( 'operations' => array( $good, array( 'op' => 'delete', 'user_id' => 1 ) ) ), 'rest_invalid_param' ),
			'op with injection'          => array( array( 'operations' => array( array( 'op' => "create'; DROP TABLE wp_users; --" ) ) ), 'rest_invalid_param' ),
			'unknown field'              => array( array( 'operations' => array( $good + array( 'password' => 'x' ) ) ), 'rest_invalid_param' ),
			'field of another op'        => array( array( 'operations' => array( $good, array( 'op' => 'link', 'user_id' => 1, 'workos_user_id' => 'user_X', 'role' => 'editor' ) ) ), 'workos_invalid_batch' ),
			'selector on a create'       => array( array( 'operations' => array( $good + array( 'user_id' => 1 ) ) ), 'workos_invalid_batch' ),
			'unknown top-level field'    => array( array( 'operations' => array( $good ), 'force' => true ), 'workos_unknown_parameter' ),
			'dry_run not a boolean'      => array( array( 'operations' => array( $good ), 'dry_run' => 'maybe' ), 'rest_invalid_param' ),
			'user_id a word'             => array( array( 'operations' => array( $good, array( 'op' => 'deactivate', 'user_id' => 'abc' ) ) ), 'rest_invalid_param' ),
			'user_id zero'               => array( array( 'operations' => array( array( 'op' => 'deactivate', 'user_id' => 0 ) ) ), 'rest_invalid_param' ),
			'user_id negative'           => array( array( 'operations' => array( array( 'op' => 'deactivate', 'user_id' => -3 ) ) ), 'rest_invalid_param' ),
			'user_id a fraction'         => array( array( 'operations' => array( array( 'op' => 'deactivate', 'user_id' => 1.5 ) ) ), 'rest_invalid_param' ),
			'user_id injection'          => array( array( 'operations' => array( array( 'op' => 'deactivate', 'user_id' => '1 OR 1=1' ) ) ), 'rest_invalid_param' ),
			'email a number'             => array( array( 'operations' => array( array( 'op' => 'create', 'email' => 12345 ) ) ), 'rest_invalid_param' ),
			'email an array'             => array( array( 'operations' => array( array( 'op' => 'create', 'email' => array( 'a@b.co' ) ) ) ), 'rest_invalid_param' ),
			'email too long'             => array( array( 'operations' => array( array( 'op' => 'create', 'email' => str_repeat( 'a', 92 ) . '@b.invalid' ) ) ), 'rest_invalid_param' ),
			'first_name too long'        => array( array( 'operations' => array( $good + array( 'first_name' => str_repeat( 'ü', 101 ) ) ) ), 'rest_invalid_param' ),
			'last_name an object'        => array( array( 'operations' => array( $good + array( 'last_name' => array( 'x' => 1 ) ) ) ), 'rest_invalid_param' ),
			'role a boolean'             => array( array( 'operations' => array( $good + array( 'role' => true ) ) ), 'rest_invalid_param' ),
			'role too long'              => array( array( 'operations' => array( $good + array( 'role' => str_repeat( 'r', 101 ) ) ) ), 'rest_invalid_param' ),
			'workos id injection'        => array( array( 'operations' => array( $good + array( 'workos_user_id' => "user_1' OR '1'='1" ) ) ), 'rest_invalid_param' ),
			'workos id script'           => array( array( 'operations' => array( $good + array( 'workos_user_id' => '<script>alert(1)</script>' ) ) ), 'rest_invalid_param' ),
			'workos id unicode'          => array( array( 'operations' => array( $good + array( 'workos_user_id' => 'user_ünï' ) ) ), 'rest_invalid_param' ),
			'workos id empty'            => array( array( 'operations' => array( $good + array( 'workos_user_id' => '' ) ) ), 'rest_invalid_param' ),
			'workos id too long'         => array( array( 'operations' => array( $good + array( 'workos_user_id' => 'user_' . str_repeat( 'A', 124 ) ) ) ), 'rest_invalid_param' ),
			'organization id spaces'     => array( array( 'operations' => array( $good + array( 'organization_id' => 'org 1' ) ) ), 'rest_invalid_param' ),
		);
		$before = $this->footprint();
		foreach ( $bad as $what => list( $params, $code ) ) {
			$response = $this->rest( 'POST', self::ROUTE . '/batch', $params );
			$this->assertSame( 400, $response->get_status(), $what . ': ' . wp_json_encode( $response->get_data() ) );
			$this->assertSame( $code, $response->get_data()['code'], $what );
		}
		$this->assertSame( $before, $this->footprint() );
		$this->assertSame( 0, $this->mails );
		// Exactly 500 is allowed (dry run: nothing written either).
		$ok = array();
		for ( $i = 0; $i < 500; $i++ ) {
			$ok[] = array( 'op' => 'create', 'email' => sprintf( '%s.m%03d@tests.invalid', $this->p, $i ) );
		}
		$this->assertSame( 500, $this->batch( $ok, true )['summary']['ok'] );
		$this->assertSame( $before, $this->footprint() );
	}
}
