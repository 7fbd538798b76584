<?php
/**
 * The organization routes over real HTTP against the served sandbox site and its WorkOS
 * emulator: sync from WorkOS, list and read, upsert, memberships and the site mapping, and bad
 * input refused with nothing written. The served site is shared: what this test adds goes away
 * in tearDown (organizations the sync cached are removed only if they were not cached before).
 *
 * @package WorkOSCompanion
 */

require_once __DIR__ . '/support/AdminApi.php';

final class OrganizationsHttpTest extends WPTestCase {
	/** @var string */
	private $org_id;

	/** @var string[] WorkOS ids of organizations cached before the test. */
	private $cached_before = array();

	/** @var int[] */
	private $users = array();

	protected function setUp(): void {
		parent::setUp();
		WebhookSite::configure();
		$this->org_id        = 'org_http_' . strtolower( bin2hex( random_bytes( 5 ) ) );
		$this->cached_before = array_column( WebhookSite::rows( 'SELECT workos_org_id FROM wp_workos_organizations' ), 'workos_org_id' );
	}

	protected function tearDown(): void {
		foreach ( WebhookSite::rows( 'SELECT id, workos_org_id FROM wp_workos_organizations' ) as $row ) {
			if ( in_array( $row['workos_org_id'], $this->cached_before, true ) ) {
				continue;
			}
			WebhookSite::exec_sql( 'DELETE FROM wp_workos_org_memberships WHERE org_id = ?', array( $row['id'] ) );
			WebhookSite::exec_sql( 'DELETE FROM wp_workos_org_sites WHERE org_id = ?', array( $row['id'] ) );
			WebhookSite::exec_sql( 'DELETE FROM wp_workos_organizations WHERE id = ?', array( $row['id'] ) );
		}
		WebhookSite::delete_users( $this->users );
		parent::tearDown();
	}

	private function org_row(): ?array {
		return WebhookSite::row( 'SELECT * FROM wp_workos_organizations WHERE workos_org_id = ?', array( $this->org_id ) );
	}

	public function test_sync_from_the_emulator_then_list(): void {
		$listed = EmulatorEnvironment::client()->list_organizations( array( 'limit' => 100 ) );
		$this->assertIsArray( $listed );
		$in_workos = count( $listed['data'] );

		list( $status, $report ) = AdminApi::call( 'POST', 'orgs/sync', array( 'max_pages' => 5 ) );
		$this->assertSame( 200, $status, wp_json_encode( $report ) );
		$this->assertTrue( $report['complete'] );
		$this->assertSame( $in_workos, $report['created'] + $report['updated'] + $report['unchanged'] );
		$this->assertSame( array(), $report['failed'] );

		list( , $again ) = AdminApi::call( 'POST', 'orgs/sync' );
		$this->assertSame( $in_workos, $again['unchanged'], 'a second sync changes nothing' );

		$acme = EmulatorEnvironment::organization_id( 'Acme Corp' );
		list( $status, $page ) = AdminApi::call( 'GET', 'orgs', array( 'search' => 'Acme' ) );
		$this->assertSame( 200, $status );
		$this->assertContains( $acme, array_column( $page['items'], 'id' ) );
		list( $status, $one ) = AdminApi::call( 'GET', 'orgs/' . $acme );
		$this->assertSame( 200, $status );
		$this->assertSame( 'Acme Corp', $one['name'] );
		$this->assertContains( 'acme.test', $one['domains'] );
		$this->assertIsInt( $one['member_count'] );
	}

	public function test_upsert_members_and_sites_over_http(): void {
		list( $status, $org ) = AdminApi::call( 'POST', 'orgs', array( 'id' => $this->org_id, 'name' => 'HTTP Ünïcode Org', 'domains' => array( 'http-org.test' ) ) );
		$this->assertSame( 201, $status, wp_json_encode( $org ) );
		$this->assertSame( 'HTTP Ünïcode Org', $this->org_row()['name'] );

		$user = WebhookSite::create_user( 'orgs_http_' . strtolower( bin2hex( random_bytes( 4 ) ) ), 'subscriber' );
		$this->users[] = $user;
		list( $status, $member ) = AdminApi::call( 'POST', 'orgs/' . $this->org_id . '/members', array( 'user_id' => $user, 'workos_role' => 'member', 'membership_id' => 'om_http_1' ) );
		$this->assertSame( 201, $status, wp_json_encode( $member ) );
		$this->assertSame( 'om_http_1', $member['workos_membership_id'] );
		$row = WebhookSite::row( 'SELECT * FROM wp_workos_org_memberships WHERE org_id = ? AND user_id = ?', array( $this->org_row()['id'], $user ) );
		$this->assertSame( 'member', $row['workos_role'] );

		list( , $list ) = AdminApi::call( 'GET', 'orgs/' . $this->org_id . '/members', array( 'limit' => 10 ) );
		$this->assertSame( array( $user ), array_column( $list['items'], 'user_id' ) );

		list( $status, $sites ) = AdminApi::call( 'PUT', 'orgs/' . $this->org_id . '/sites', array( 'sites' => array( array( 'site_id' => 1, 'primary' => true ) ) ) );
		$this->assertSame( 200, $status, wp_json_encode( $sites ) );
		$this->assertSame( array( array( 'site_id' => 1, 'is_primary' => true ) ), $sites['sites'] );
		list( $status, $refused ) = AdminApi::call( 'PUT', 'orgs/' . $this->org_id . '/sites', array( 'sites' => array( array( 'site_id' => 2, 'primary' => true ) ) ) );
		$this->assertSame( 400, $status );
		$this->assertSame( 'workos_site_not_found', $refused['code'] );
		$this->assertSame( '1', (string) WebhookSite::row( 'SELECT COUNT(*) AS n FROM wp_workos_org_sites WHERE org_id = ?', array( $this->org_row()['id'] ) )['n'] );

		list( $status ) = AdminApi::call( 'DELETE', 'orgs/' . $this->org_id . '/members/' . $user );
		$this->assertSame( 200, $status );
		$this->assertNull( WebhookSite::row( 'SELECT id FROM wp_workos_org_memberships WHERE org_id = ? AND user_id = ?', array( $this->org_row()['id'], $user ) ) );
	}

	public function test_bad_input_over_http_writes_nothing(): void {
		$calls = array(
			array( 'POST', 'orgs', array( 'id' => $this->org_id, 'name' => '<script>alert(1)</script>' ) ),
			array( 'POST', 'orgs', array( 'id' => $this->org_id, 'name' => str_repeat( 'n', 256 ) ) ),
			array( 'POST', 'orgs', array( 'id' => $this->org_id, 'name' => 'Fine', 'domains' => 'one.test' ) ),
			array( 'POST', 'orgs', array( 'id' => $this->org_id, 'name' => 'Fine', 'domains' => array( 'bücher.example' ) ) ),
			array( 'POST', 'orgs', array( 'id' => $this->org_id . "' OR 1=1", 'name' => 'Fine' ) ),
			array( 'POST', 'orgs', array( 'id' => $this->org_id, 'name' => 'Fine', 'metadata' => array() ) ),
			array( 'POST', 'orgs/sync', array( 'max_pages' => 1000 ) ),
			array( 'GET', 'orgs', array( 'limit' => 'all' ) ),
		);
		foreach ( $calls as list( $method, $path, $data ) ) {
			list( $status, $body ) = AdminApi::call( $method, $path, $data );
			$this->assertSame( 400, $status, "$method $path " . wp_json_encode( $data ) . ': ' . wp_json_encode( $body ) );
			$this->assertNull( $this->org_row(), 'nothing written' );
		}
		list( $status, $body ) = AdminApi::call( 'POST', 'orgs/' . $this->org_id . '/members', array( 'user_id' => 1, 'workos_role' => 'member' ) );
		$this->assertSame( 404, $status );
		$this->assertSame( 'workos_org_not_found', $body['code'] );
	}
}
