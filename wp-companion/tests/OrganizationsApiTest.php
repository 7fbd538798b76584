<?php
/**
 * The organization routes in-process (/workos/v1/admin/orgs…): the local cache listed with
 * member counts and sites, one organization upserted, memberships added / changed / removed,
 * the org ↔ site mapping replaced, a sync from WorkOS (the emulator, and faked pages for the
 * cursor and failures); bad input on every argument refused with nothing written.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Organization\OrganizationRepository;

final class OrganizationsApiTest extends WPTestCase {
	private const BASE = '/workos/v1/admin/orgs';

	/** @var callable|null */
	private $fake;

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$this->snapshot_options( array( 'workos_staging', 'workos_production', 'workos_active_environment', 'workos_api_base_url' ) );
		update_option( 'workos_active_environment', 'staging' );
		update_option( 'workos_staging', array( 'enable_activity_log' => true ) );
		// The test's transaction starts from an empty cache (rolled back afterwards).
		$wpdb->query( 'DELETE FROM ' . OrganizationRepository::memberships_table() );
		$wpdb->query( 'DELETE FROM ' . OrganizationRepository::sites_table() );
		$wpdb->query( 'DELETE FROM ' . OrganizationRepository::organizations_table() );
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	protected function tearDown(): void {
		if ( $this->fake ) {
			remove_filter( 'pre_http_request', $this->fake, 10 );
		}
		parent::tearDown();
	}

	private function post( string $path, array $body ): WP_REST_Response {
		return $this->rest_json( 'POST', self::BASE . $path, $body );
	}

	private function org( string $id, string $name, array $domains = array() ): int {
		$local = OrganizationRepository::upsert( array( 'id' => $id, 'name' => $name, 'domains' => $domains ) );
		$this->assertGreaterThan( 0, $local );
		return $local;
	}

	/** A snapshot of the three tables, to prove a refused call wrote nothing. */
	private static function tables(): string {
		global $wpdb;
		$out = array();
		foreach ( array( OrganizationRepository::organizations_table(), OrganizationRepository::memberships_table(), OrganizationRepository::sites_table() ) as $table ) {
			$out[] = $wpdb->get_results( "SELECT * FROM {$table} ORDER BY id", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		}
		return (string) wp_json_encode( $out );
	}

	// ---------------------------------------------------------------------- reading

	public function test_list_and_get_with_member_counts_and_sites(): void {
		$acme   = $this->org( 'org_01ACME', 'Acme Corp', array( array( 'domain' => 'acme.test', 'state' => 'verified' ) ) );
		$globex = $this->org( 'org_01GLOBEX', 'Globex', array( 'globex.test' ) );
		$this->org( 'org_01BETA', 'Beta Ltd' );
		$a = $this->create_user( 'subscriber' );
		$b = $this->create_user( 'editor' );
		OrganizationRepository::save_membership( $acme, $a, 'om_1', 'member', 'subscriber' );
		OrganizationRepository::save_membership( $acme, $b, 'om_2', 'admin', 'editor' );
		OrganizationRepository::save_membership( $globex, $a, '', 'member', 'subscriber' );

		$response = $this->rest( 'GET', self::BASE );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( 3, $data['total'] );
		$this->assertSame( array( 'Acme Corp', 'Beta Ltd', 'Globex' ), array_column( $data['items'], 'name' ), 'by name' );
		$first = $data['items'][0];
		$this->assertSame( 'org_01ACME', $first['id'] );
		$this->assertSame( $acme, $first['local_id'] );
		$this->assertSame( 'acme-corp', $first['slug'] );
		$this->assertSame( array( 'acme.test' ), $first['domains'], 'WorkOS domain objects become names' );
		$this->assertSame( 2, $first['member_count'] );
		$this->assertSame( array( array( 'site_id' => 1, 'is_primary' => true ) ), $first['sites'] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $first['created_at'] );
		$this->assertSame( 0, $data['items'][1]['member_count'] );
		$this->assertSame( array( 'globex.test' ), $data['items'][2]['domains'] );

		$page = $this->rest( 'GET', self::BASE, array( 'limit' => 1, 'offset' => 1 ) )->get_data();
		$this->assertSame( array( 'Beta Ltd' ), array_column( $page['items'], 'name' ) );
		$this->assertSame( 3, $page['total'] );

		$search = $this->rest( 'GET', self::BASE, array( 'search' => 'glob' ) )->get_data();
		$this->assertSame( array( 'Globex' ), array_column( $search['items'], 'name' ) );
		$this->assertSame( 1, $search['total'] );
		$this->assertSame( 0, $this->rest( 'GET', self::BASE, array( 'search' => '%' ) )->get_data()['total'], '% is literal' );
		$this->assertSame( 0, $this->rest( 'GET', self::BASE, array( 'search' => "' OR '1'='1" ) )->get_data()['total'] );

		$one = $this->rest( 'GET', self::BASE . '/org_01GLOBEX' );
		$this->assertSame( 200, $one->get_status() );
		$this->assertSame( 'Globex', $one->get_data()['name'] );
		$this->assertSame( 1, $one->get_data()['member_count'] );

		$missing = $this->rest( 'GET', self::BASE . '/org_01NOPE' );
		$this->assertSame( 404, $missing->get_status() );
		$this->assertSame( 'workos_org_not_found', $missing->get_data()['code'] );
	}

	// ---------------------------------------------------------------------- upsert

	public function test_upsert_creates_updates_and_leaves_alone(): void {
		$created = $this->post( '', array( 'id' => 'org_01NEW', 'name' => 'Société Générale 株式会社', 'domains' => array( 'Example.TEST', 'xn--bcher-kva.example' ) ) );
		$this->assertSame( 201, $created->get_status(), wp_json_encode( $created->get_data() ) );
		$this->assertSame( 'created', $created->get_data()['outcome'] );
		$this->assertSame( 'Société Générale 株式会社', $created->get_data()['name'] );
		$this->assertSame( array( 'example.test', 'xn--bcher-kva.example' ), $created->get_data()['domains'] );
		$this->assertSame( array( array( 'site_id' => 1, 'is_primary' => true ) ), $created->get_data()['sites'], 'new organizations belong to this site' );

		$same = $this->post( '', array( 'id' => 'org_01NEW', 'name' => 'Société Générale 株式会社', 'domains' => array( 'example.test', 'xn--bcher-kva.example' ) ) );
		$this->assertSame( 200, $same->get_status() );
		$this->assertSame( 'unchanged', $same->get_data()['outcome'] );

		$renamed = $this->post( '', array( 'id' => 'org_01NEW', 'name' => "O'Brien & Sons; DROP TABLE wp_users; --" ) );
		$this->assertSame( 200, $renamed->get_status() );
		$this->assertSame( 'updated', $renamed->get_data()['outcome'] );
		$this->assertSame( "O'Brien & Sons; DROP TABLE wp_users; --", $renamed->get_data()['name'], 'stored literally, through prepared statements' );
		$this->assertSame( array(), $renamed->get_data()['domains'] );
		$this->assertSame( $created->get_data()['local_id'], $renamed->get_data()['local_id'] );

		global $wpdb;
		$this->assertGreaterThan( 0, (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->users}" ) );
		$log = $wpdb->get_col( $wpdb->prepare( "SELECT metadata FROM {$wpdb->prefix}workos_activity_log WHERE event_type = %s ORDER BY id", 'org_saved' ) );
		$this->assertSame( array( 'created', 'updated' ), array_map( static function ( $m ) { return json_decode( $m, true )['outcome']; }, array_slice( $log, -2 ) ) );
	}

	/** @return array<string,array{0:array<string,mixed>}> */
	public function bad_upserts(): array {
		$ok = array( 'id' => 'org_01BAD', 'name' => 'Fine' );
		return array(
			'no id'              => array( array( 'name' => 'Fine' ) ),
			'no name'            => array( array( 'id' => 'org_01BAD' ) ),
			'id without prefix'  => array( array_merge( $ok, array( 'id' => '01BAD' ) ) ),
			'id sql'             => array( array_merge( $ok, array( 'id' => "org_1' OR '1'='1" ) ) ),
			'id script'          => array( array_merge( $ok, array( 'id' => 'org_<script>' ) ) ),
			'id unicode'         => array( array_merge( $ok, array( 'id' => 'org_ünï' ) ) ),
			'id too long'        => array( array_merge( $ok, array( 'id' => 'org_' . str_repeat( 'A', 188 ) ) ) ),
			'id number'          => array( array_merge( $ok, array( 'id' => 12 ) ) ),
			'name script'        => array( array_merge( $ok, array( 'name' => '<script>alert(1)</script>' ) ) ),
			'name tag'           => array( array_merge( $ok, array( 'name' => 'Acme <b>Corp</b>' ) ) ),
			'name control char'  => array( array_merge( $ok, array( 'name' => "Acme\nCorp" ) ) ),
			'name blank'         => array( array_merge( $ok, array( 'name' => '   ' ) ) ),
			'name empty'         => array( array_merge( $ok, array( 'name' => '' ) ) ),
			'name too long'      => array( array_merge( $ok, array( 'name' => str_repeat( 'é', 256 ) ) ) ),
			'name array'         => array( array_merge( $ok, array( 'name' => array( 'Acme' ) ) ) ),
			'domains string'     => array( array_merge( $ok, array( 'domains' => 'acme.test' ) ) ),
			'domain unicode'     => array( array_merge( $ok, array( 'domains' => array( 'bücher.example' ) ) ) ),
			'domain script'      => array( array_merge( $ok, array( 'domains' => array( '<script>.test' ) ) ) ),
			'domain sql'         => array( array_merge( $ok, array( 'domains' => array( "a.test' OR 1=1" ) ) ) ),
			'domain no dot'      => array( array_merge( $ok, array( 'domains' => array( 'localhost' ) ) ) ),
			'domain too long'    => array( array_merge( $ok, array( 'domains' => array( str_repeat( 'a', 63 ) . '.' . str_repeat( 'b', 63 ) . '.' . str_repeat( 'c', 63 ) . '.' . str_repeat( 'd', 63 ) . '.test' ) ) ) ),
			'domain repeated'    => array( array_merge( $ok, array( 'domains' => array( 'a.test', 'a.test' ) ) ) ),
			'domain object'      => array( array_merge( $ok, array( 'domains' => array( array( 'domain' => 'a.test' ) ) ) ) ),
			'too many domains'   => array( array_merge( $ok, array( 'domains' => array_map( static function ( $i ) { return "d$i.test"; }, range( 1, 101 ) ) ) ) ),
			'unknown field'      => array( array_merge( $ok, array( 'external_id' => 'x' ) ) ),
		);
	}

	/**
	 * @dataProvider bad_upserts
	 * @param array<string,mixed> $body
	 */
	public function test_bad_upserts_write_nothing( array $body ): void {
		$before   = self::tables();
		$response = $this->post( '', $body );
		$this->assertSame( 400, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertContains( $response->get_data()['code'], array( 'rest_invalid_param', 'rest_missing_callback_param', 'workos_unknown_parameter' ) );
		$this->assertSame( $before, self::tables() );
	}

	/** @return array<string,array{0:array<string,mixed>}> */
	public function bad_list_queries(): array {
		return array(
			'limit zero'      => array( array( 'limit' => 0 ) ),
			'limit too big'   => array( array( 'limit' => 501 ) ),
			'limit text'      => array( array( 'limit' => 'ten' ) ),
			'offset negative' => array( array( 'offset' => -1 ) ),
			'offset sql'      => array( array( 'offset' => '0; DROP TABLE x' ) ),
			'search too long' => array( array( 'search' => str_repeat( 'x', 192 ) ) ),
			'search array'    => array( array( 'search' => array( 'a' ) ) ),
			'unknown'         => array( array( 'sort' => 'name' ) ),
		);
	}

	/**
	 * @dataProvider bad_list_queries
	 * @param array<string,mixed> $query
	 */
	public function test_bad_list_queries_are_refused( array $query ): void {
		$this->assertSame( 400, $this->rest( 'GET', self::BASE, $query )->get_status() );
		$this->assertSame( 400, $this->rest( 'GET', self::BASE . '/org_01X/members', $query + array() )->get_status() );
	}

	// ---------------------------------------------------------------------- members

	public function test_members_add_change_list_remove(): void {
		$local = $this->org( 'org_01MEM', 'Members Inc' );
		$user  = $this->create_user( 'editor' );
		$route = self::BASE . '/org_01MEM/members';

		$added = $this->rest_json( 'POST', $route, array( 'user_id' => $user, 'workos_role' => 'admin', 'membership_id' => 'om_01ABC' ) );
		$this->assertSame( 201, $added->get_status(), wp_json_encode( $added->get_data() ) );
		$member = $added->get_data();
		$this->assertSame( $user, $member['user_id'] );
		$this->assertTrue( $member['user_exists'] );
		$this->assertSame( get_userdata( $user )->user_login, $member['user_login'] );
		$this->assertSame( array( 'editor' ), $member['roles'] );
		$this->assertSame( 'admin', $member['workos_role'] );
		$this->assertSame( 'administrator', $member['wp_role'], 'mapped by the role map' );
		$this->assertSame( 'om_01ABC', $member['workos_membership_id'] );

		$changed = $this->rest_json( 'POST', $route, array( 'user_id' => $user, 'workos_role' => 'member' ) );
		$this->assertSame( 200, $changed->get_status() );
		$this->assertSame( 'member', $changed->get_data()['workos_role'] );
		$this->assertSame( 'om_01ABC', $changed->get_data()['workos_membership_id'], 'an absent membership id keeps the stored one' );

		$list = $this->rest( 'GET', $route )->get_data();
		$this->assertSame( 'org_01MEM', $list['org_id'] );
		$this->assertSame( 1, $list['total'] );
		$this->assertSame( array( $user ), array_column( $list['items'], 'user_id' ) );
		$this->assertSame( 1, $this->rest( 'GET', self::BASE . '/org_01MEM' )->get_data()['member_count'] );

		$removed = $this->rest( 'DELETE', $route . '/' . $user );
		$this->assertSame( 200, $removed->get_status() );
		$this->assertSame( array( 'deleted' => true, 'org_id' => 'org_01MEM', 'user_id' => $user ), $removed->get_data() );
		$this->assertNull( OrganizationRepository::find_membership( $local, $user ) );

		$again = $this->rest( 'DELETE', $route . '/' . $user );
		$this->assertSame( 404, $again->get_status() );
		$this->assertSame( 'workos_member_not_found', $again->get_data()['code'] );
		$this->assertSame( 404, $this->rest( 'DELETE', self::BASE . '/org_01NOPE/members/' . $user )->get_status() );
	}

	public function test_members_of_deleted_users_are_listed_as_such(): void {
		$local = $this->org( 'org_01GONE', 'Gone Users' );
		OrganizationRepository::save_membership( $local, 987654321, '', 'member', '' );
		$item = $this->rest( 'GET', self::BASE . '/org_01GONE/members' )->get_data()['items'][0];
		$this->assertSame( 987654321, $item['user_id'] );
		$this->assertFalse( $item['user_exists'] );
		$this->assertSame( array(), $item['roles'] );
	}

	/** @return array<string,array{0:array<string,mixed>,1:int,2:string}> */
	public function bad_members(): array {
		return array(
			'no user'            => array( array( 'workos_role' => 'member' ), 400, 'rest_missing_callback_param' ),
			'no role'            => array( array( 'user_id' => 'USER' ), 400, 'rest_missing_callback_param' ),
			'user text'          => array( array( 'user_id' => 'abc', 'workos_role' => 'member' ), 400, 'rest_invalid_param' ),
			'user zero'          => array( array( 'user_id' => 0, 'workos_role' => 'member' ), 400, 'rest_invalid_param' ),
			'user negative'      => array( array( 'user_id' => -3, 'workos_role' => 'member' ), 400, 'rest_invalid_param' ),
			'user sql'           => array( array( 'user_id' => '1 OR 1=1', 'workos_role' => 'member' ), 400, 'rest_invalid_param' ),
			'user unknown'       => array( array( 'user_id' => 987654321, 'workos_role' => 'member' ), 404, 'workos_user_not_found' ),
			'role script'        => array( array( 'user_id' => 'USER', 'workos_role' => '<script>' ), 400, 'rest_invalid_param' ),
			'role sql'           => array( array( 'user_id' => 'USER', 'workos_role' => "admin' --" ), 400, 'rest_invalid_param' ),
			'role unicode'       => array( array( 'user_id' => 'USER', 'workos_role' => 'ädmin' ), 400, 'rest_invalid_param' ),
			'role too long'      => array( array( 'user_id' => 'USER', 'workos_role' => str_repeat( 'a', 65 ) ), 400, 'rest_invalid_param' ),
			'role upper case'    => array( array( 'user_id' => 'USER', 'workos_role' => 'Admin' ), 400, 'rest_invalid_param' ),
			'membership script'  => array( array( 'user_id' => 'USER', 'workos_role' => 'member', 'membership_id' => '<b>' ), 400, 'rest_invalid_param' ),
			'membership long'    => array( array( 'user_id' => 'USER', 'workos_role' => 'member', 'membership_id' => str_repeat( 'a', 192 ) ), 400, 'rest_invalid_param' ),
			'unknown field'      => array( array( 'user_id' => 'USER', 'workos_role' => 'member', 'wp_role' => 'administrator' ), 400, 'workos_unknown_parameter' ),
		);
	}

	/**
	 * @dataProvider bad_members
	 * @param array<string,mixed> $body 'USER' stands for a real user id.
	 */
	public function test_bad_member_input_writes_nothing( array $body, int $status, string $code ): void {
		$this->org( 'org_01MEM', 'Members Inc' );
		$user = $this->create_user( 'subscriber' );
		array_walk(
			$body,
			static function ( &$value ) use ( $user ) {
				$value = 'USER' === $value ? $user : $value;
			}
		);
		$before   = self::tables();
		$response = $this->rest_json( 'POST', self::BASE . '/org_01MEM/members', $body );
		$this->assertSame( $status, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertSame( $code, $response->get_data()['code'] );
		$this->assertSame( $before, self::tables() );
	}

	public function test_members_of_an_unknown_org(): void {
		$response = $this->rest_json( 'POST', self::BASE . '/org_01NOPE/members', array( 'user_id' => $this->create_user( 'subscriber' ), 'workos_role' => 'member' ) );
		$this->assertSame( 404, $response->get_status() );
		$this->assertSame( 'workos_org_not_found', $response->get_data()['code'] );
		$this->assertSame( 404, $this->rest( 'GET', self::BASE . '/org_01NOPE/members' )->get_status() );
		$this->assertSame( 404, $this->rest( 'DELETE', self::BASE . '/org_01NOPE/members/abc' )->get_status(), 'no route for a non-numeric user' );
	}

	// ------------------------------------------------------------------------ sites

	public function test_sites_get_and_put(): void {
		$local = $this->org( 'org_01SITE', 'Sites Inc' );
		$route = self::BASE . '/org_01SITE/sites';
		$this->assertSame( array( 'org_id' => 'org_01SITE', 'sites' => array( array( 'site_id' => 1, 'is_primary' => true ) ) ), $this->rest( 'GET', $route )->get_data() );

		OrganizationRepository::link_site( $local, 1, false );
		global $wpdb;
		$wpdb->update( OrganizationRepository::sites_table(), array( 'is_primary' => 0 ), array( 'org_id' => $local ) );
		$put = $this->rest_json( 'PUT', $route, array( 'sites' => array( array( 'site_id' => 1, 'primary' => true ) ) ) );
		$this->assertSame( 200, $put->get_status(), wp_json_encode( $put->get_data() ) );
		$this->assertSame( array( array( 'site_id' => 1, 'is_primary' => true ) ), $put->get_data()['sites'] );
		$this->assertSame( 1, (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM ' . OrganizationRepository::sites_table() . ' WHERE org_id = %d', $local ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name.

		// A stale mapping to a site that no longer exists is dropped by a PUT.
		$wpdb->insert( OrganizationRepository::sites_table(), array( 'org_id' => $local, 'site_id' => 77, 'is_primary' => 0 ) );
		$this->rest_json( 'PUT', $route, array( 'sites' => array( array( 'site_id' => 1, 'primary' => true ) ) ) );
		$this->assertSame( array( array( 'site_id' => 1, 'is_primary' => true ) ), $this->rest( 'GET', $route )->get_data()['sites'] );
	}

	/** @return array<string,array{0:mixed,1:string}> */
	public function bad_sites(): array {
		return array(
			'another site on a single site' => array( array( array( 'site_id' => 2, 'primary' => true ) ), 'workos_site_not_found' ),
			'no primary'                    => array( array( array( 'site_id' => 1 ) ), 'workos_primary_site_required' ),
			'primary false'                 => array( array( array( 'site_id' => 1, 'primary' => false ) ), 'workos_primary_site_required' ),
			'listed twice'                  => array( array( array( 'site_id' => 1, 'primary' => true ), array( 'site_id' => 1, 'primary' => false ) ), 'workos_duplicate_site' ),
			'empty'                         => array( array(), 'rest_invalid_param' ),
			'not a list'                    => array( 'all', 'rest_invalid_param' ),
			'site id text'                  => array( array( array( 'site_id' => 'one', 'primary' => true ) ), 'rest_invalid_param' ),
			'site id zero'                  => array( array( array( 'site_id' => 0, 'primary' => true ) ), 'rest_invalid_param' ),
			'site id sql'                   => array( array( array( 'site_id' => '1 OR 1=1', 'primary' => true ) ), 'rest_invalid_param' ),
			'primary text'                  => array( array( array( 'site_id' => 1, 'primary' => 'yes please' ) ), 'rest_invalid_param' ),
			'missing site id'               => array( array( array( 'primary' => true ) ), 'rest_invalid_param' ),
			'extra property'                => array( array( array( 'site_id' => 1, 'primary' => true, 'name' => '<script>' ) ), 'rest_invalid_param' ),
			'too many'                      => array( array_map( static function ( $i ) { return array( 'site_id' => $i ); }, range( 1, 1001 ) ), 'rest_invalid_param' ),
		);
	}

	/**
	 * @dataProvider bad_sites
	 * @param mixed $sites
	 */
	public function test_bad_site_mappings_write_nothing( $sites, string $code ): void {
		$this->org( 'org_01SITE', 'Sites Inc' );
		$before   = self::tables();
		$response = $this->rest_json( 'PUT', self::BASE . '/org_01SITE/sites', array( 'sites' => $sites ) );
		$this->assertSame( 400, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertSame( $code, $response->get_data()['code'] );
		$this->assertSame( $before, self::tables() );

		$unknown = $this->rest_json( 'PUT', self::BASE . '/org_01SITE/sites', array( 'sites' => array( array( 'site_id' => 1, 'primary' => true ) ), 'force' => true ) );
		$this->assertSame( 'workos_unknown_parameter', $unknown->get_data()['code'] );
		$this->assertSame( 404, $this->rest_json( 'PUT', self::BASE . '/org_01NOPE/sites', array( 'sites' => array( array( 'site_id' => 1, 'primary' => true ) ) ) )->get_status() );
		$this->assertSame( $before, self::tables() );
	}

	// ------------------------------------------------------------------------- sync

	public function test_sync_from_the_emulator(): void {
		EmulatorEnvironment::reset();
		EmulatorEnvironment::configure_site( 'staging', array( 'enable_activity_log' => true ) );

		$first = $this->post( '/sync', array() );
		$this->assertSame( 200, $first->get_status(), wp_json_encode( $first->get_data() ) );
		$report = $first->get_data();
		$this->assertSame( 2, $report['created'], 'the emulator seeds Acme Corp and Globex' );
		$this->assertSame( 0, $report['updated'] );
		$this->assertSame( 0, $report['unchanged'] );
		$this->assertSame( array(), $report['failed'] );
		$this->assertTrue( $report['complete'] );
		$this->assertNull( $report['next_after'] );
		$acme = OrganizationRepository::find_by_workos_id( EmulatorEnvironment::organization_id( 'Acme Corp' ) );
		$this->assertSame( 'Acme Corp', $acme['name'] );
		$this->assertSame( array( 'acme.test' ), OrganizationRepository::domain_names( $acme['domains'] ) );

		$second = $this->post( '/sync', array() )->get_data();
		$this->assertSame( array( 0, 0, 2 ), array( $second['created'], $second['updated'], $second['unchanged'] ) );

		global $wpdb;
		$wpdb->update( OrganizationRepository::organizations_table(), array( 'name' => 'Old Name' ), array( 'id' => (int) $acme['id'] ) );
		$third = $this->post( '/sync', array( 'max_pages' => 1 ) )->get_data();
		$this->assertSame( array( 0, 1, 1 ), array( $third['created'], $third['updated'], $third['unchanged'] ) );
		$this->assertSame( 'Acme Corp', OrganizationRepository::find_by_workos_id( $acme['workos_org_id'] )['name'] );
	}

	/** Plays WorkOS's GET /organizations with $pages (cursor → [ids, next]) or an error. */
	private function fake_workos( callable $answer ): void {
		update_option( 'workos_staging', array( 'api_key' => 'sk_test_fake_sync_key_123456', 'client_id' => 'client_x', 'environment_id' => 'environment_x' ) );
		update_option( 'workos_api_base_url', 'https://workos.invalid' );
		$this->fake = static function ( $pre, $args, $url ) use ( $answer ) {
			if ( 0 !== strpos( (string) $url, 'https://workos.invalid/organizations' ) ) {
				return $pre;
			}
			parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
			list( $code, $body ) = $answer( $query );
			return array(
				'headers'  => array(),
				'body'     => wp_json_encode( $body ),
				'response' => array( 'code' => $code, 'message' => '' ),
				'cookies'  => array(),
				'filename' => null,
			);
		};
		add_filter( 'pre_http_request', $this->fake, 10, 3 );
	}

	private static function page( array $ids, ?string $after ): array {
		return array(
			200,
			array(
				'object'        => 'list',
				'data'          => array_map(
					static function ( $id ) {
						return array( 'object' => 'organization', 'id' => $id, 'name' => 'Name of ' . $id, 'domains' => array() );
					},
					$ids
				),
				'list_metadata' => array( 'before' => null, 'after' => $after ),
			),
		);
	}

	public function test_sync_resumes_with_its_cursor(): void {
		$asked = array();
		$this->fake_workos(
			static function ( array $query ) use ( &$asked ) {
				$asked[] = $query;
				switch ( $query['after'] ?? '' ) {
					case '':
						return self::page( array( 'org_p1a', 'org_p1b' ), 'org_p1b' );
					case 'org_p1b':
						return self::page( array( 'org_p2a' ), 'org_p2a' );
					default:
						return self::page( array(), null );
				}
			}
		);
		$first = $this->post( '/sync', array( 'max_pages' => 1 ) )->get_data();
		$this->assertSame( 2, $first['created'] );
		$this->assertFalse( $first['complete'] );
		$this->assertSame( 'org_p1b', $first['next_after'] );
		$this->assertSame( array( 'limit' => '100', 'order' => 'asc' ), $asked[0] );

		$rest = $this->post( '/sync', array( 'after' => $first['next_after'] ) )->get_data();
		$this->assertSame( 1, $rest['created'] );
		$this->assertTrue( $rest['complete'] );
		$this->assertSame( 2, $rest['pages'] );
		$this->assertSame( 'org_p1b', $asked[1]['after'] );
		$this->assertNotNull( OrganizationRepository::find_by_workos_id( 'org_p2a' ) );
	}

	public function test_sync_reports_workos_failures_with_progress(): void {
		$this->fake_workos(
			static function ( array $query ) {
				if ( '' === ( $query['after'] ?? '' ) ) {
					return self::page( array( 'org_f1' ), 'org_f1' );
				}
				return array( 500, array( 'message' => 'Internal error', 'code' => 'server_error' ) );
			}
		);
		$response = $this->post( '/sync', array() );
		$this->assertSame( 502, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( 'workos_upstream_error', $data['code'] );
		$this->assertSame( 500, $data['data']['upstream_status'] );
		$this->assertSame( 1, $data['data']['created'], 'what was done before the failure' );
		$this->assertSame( 'org_f1', $data['data']['next_after'], 'where to resume' );
		$this->assertStringNotContainsString( 'sk_test_fake_sync_key_123456', (string) wp_json_encode( $data ) );
	}

	public function test_sync_needs_workos_configured(): void {
		$response = $this->post( '/sync', array() );
		$this->assertSame( 409, $response->get_status() );
		$this->assertSame( 'workos_not_configured', $response->get_data()['code'] );
	}

	/** @return array<string,array{0:array<string,mixed>}> */
	public function bad_syncs(): array {
		return array(
			'max_pages zero'  => array( array( 'max_pages' => 0 ) ),
			'max_pages 51'    => array( array( 'max_pages' => 51 ) ),
			'max_pages text'  => array( array( 'max_pages' => 'all' ) ),
			'after sql'       => array( array( 'after' => "org_1' OR '1'='1" ) ),
			'after script'    => array( array( 'after' => '<script>' ) ),
			'after unicode'   => array( array( 'after' => 'org_ü' ) ),
			'after long'      => array( array( 'after' => str_repeat( 'a', 192 ) ) ),
			'after number'    => array( array( 'after' => 5 ) ),
			'unknown'         => array( array( 'dry_run' => true ) ),
		);
	}

	/**
	 * @dataProvider bad_syncs
	 * @param array<string,mixed> $body
	 */
	public function test_bad_sync_input_writes_nothing( array $body ): void {
		$this->fake_workos(
			function () {
				$this->fail( 'WorkOS is not asked on bad input' );
			}
		);
		$before   = self::tables();
		$response = $this->post( '/sync', $body );
		$this->assertSame( 400, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertSame( $before, self::tables() );
	}
}
