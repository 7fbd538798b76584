<?php
/**
 * organization_membership.created / updated / deleted on the served site: the membership row and
 * the WordPress role through the role map (role as {slug} or a plain string), the last
 * administrator never demoted, uncached organizations fetched from WorkOS; signed by test code and
 * delivered by the emulator when a membership is created, changed and deleted through its API.
 *
 * @package WorkOSCompanion
 */

require_once __DIR__ . '/support/WebhookSite.php';

final class OrganizationMembershipHandlerTest extends WPTestCase {
	/** @var int[] */
	private $users = array();

	/** @var string[] WorkOS org ids to remove from the served cache. */
	private $orgs = array();

	/** @var string[] Emulator memberships to delete. */
	private $memberships = array();

	/** @var string */
	private $org_id;

	protected function setUp(): void {
		parent::setUp();
		WebhookSite::configure();
		$this->org_id = 'org_mem_' . strtolower( bin2hex( random_bytes( 5 ) ) );
		$this->orgs[] = $this->org_id;
		$answer       = WebhookSite::send(
			'organization.created',
			array(
				'id'         => $this->org_id,
				'name'       => 'Membership ' . $this->org_id,
				'domains'    => array(),
				'updated_at' => '2026-01-01T00:00:00.000Z',
			)
		);
		$this->assertSame( 'applied', $answer[1]['outcome'] );
	}

	protected function tearDown(): void {
		foreach ( $this->memberships as $id ) {
			EmulatorEnvironment::client()->request( 'DELETE', '/user_management/organization_memberships/' . $id );
		}
		WebhookSite::delete_users( $this->users );
		foreach ( $this->orgs as $org ) {
			$row = WebhookSite::row( 'SELECT id FROM wp_workos_organizations WHERE workos_org_id = ?', array( $org ) );
			if ( $row ) {
				WebhookSite::exec_sql( 'DELETE FROM wp_workos_org_memberships WHERE org_id = ?', array( $row['id'] ) );
				WebhookSite::exec_sql( 'DELETE FROM wp_workos_org_sites WHERE org_id = ?', array( $row['id'] ) );
				WebhookSite::exec_sql( 'DELETE FROM wp_workos_organizations WHERE id = ?', array( $row['id'] ) );
			}
		}
		WebhookSite::configure();
		parent::tearDown();
	}

	/** @param mixed $role A {slug} object, a string, or null (absent). */
	private function membership( string $user_id, string $org_id, $role, int $updated_ms, string $status = 'active', ?string $id = null ): array {
		$data = array(
			'object'            => 'organization_membership',
			'id'                => $id ?? 'om_' . $user_id,
			'user_id'           => $user_id,
			'organization_id'   => $org_id,
			'status'            => $status,
			'custom_attributes' => array(),
			'directory_managed' => false,
			'created_at'        => '2026-01-01T00:00:00.000Z',
			'updated_at'        => WebhookSite::iso( $updated_ms ),
		);
		if ( null !== $role ) {
			$data['role']  = $role;
			$data['roles'] = array( is_array( $role ) ? $role : array( 'slug' => $role ) );
		}
		return $data;
	}

	/** @return array{0:string,1:int} WorkOS id and served user id. */
	private function linked_user( string $role = 'subscriber' ): array {
		$s             = strtolower( bin2hex( random_bytes( 5 ) ) );
		$workos        = 'user_mem_' . $s;
		$id            = WebhookSite::create_user( 'wh_mem_' . $s, $role, $workos );
		$this->users[] = $id;
		return array( $workos, $id );
	}

	private function row( int $user_id, string $org_id ): ?array {
		return WebhookSite::row( 'SELECT m.* FROM wp_workos_org_memberships m JOIN wp_workos_organizations o ON o.id = m.org_id WHERE m.user_id = ? AND o.workos_org_id = ?', array( $user_id, $org_id ) );
	}

	public function test_created_updated_deleted_with_slug_objects_and_strings(): void {
		list( $workos, $id ) = $this->linked_user();
		$t                   = 1767225600000;
		$answer              = WebhookSite::send( 'organization_membership.created', $this->membership( $workos, $this->org_id, array( 'slug' => 'editor' ), $t ) );
		$this->assertSame( array( 200, 'applied' ), array( $answer[0], $answer[1]['outcome'] ) );
		$row = $this->row( $id, $this->org_id );
		$this->assertSame( 'om_' . $workos, $row['workos_membership_id'] );
		$this->assertSame( 'editor', $row['workos_role'] );
		$this->assertSame( 'editor', $row['wp_role'] );
		$this->assertSame( array( 'editor' ), WebhookSite::user( $id )['roles'] );
		$this->assertSame( array( 'membership' => 'om_' . $workos, 'user' => $workos, 'organization' => $this->org_id ), WebhookSite::activity( 'webhook_applied', 1 )[0]['metadata']['object_ids'] );

		WebhookSite::send( 'organization_membership.updated', $this->membership( $workos, $this->org_id, 'admin', $t + 1000 ) );
		$this->assertSame( array( 'administrator' ), WebhookSite::user( $id )['roles'], 'a plain string role works too' );
		$this->assertSame( 'admin', $this->row( $id, $this->org_id )['workos_role'] );

		// An unmapped WorkOS role gets the "member" mapping.
		WebhookSite::send( 'organization_membership.updated', $this->membership( $workos, $this->org_id, array( 'slug' => 'auditor' ), $t + 2000 ) );
		$this->assertSame( array( 'subscriber' ), WebhookSite::user( $id )['roles'] );

		$answer = WebhookSite::send( 'organization_membership.deleted', $this->membership( $workos, $this->org_id, array( 'slug' => 'auditor' ), $t + 3000 ) );
		$this->assertSame( 'applied', $answer[1]['outcome'] );
		$this->assertNull( $this->row( $id, $this->org_id ) );
		$this->assertSame( array( 'subscriber' ), WebhookSite::user( $id )['roles'], 'deleting the membership leaves the role' );
	}

	public function test_role_map_is_used(): void {
		WebhookSite::configure( array( 'role_map' => '{"admin":"administrator","editor":"author","member":"contributor"}' ) );
		list( $workos, $id ) = $this->linked_user();
		WebhookSite::send( 'organization_membership.created', $this->membership( $workos, $this->org_id, array( 'slug' => 'editor' ), 1767225600000 ) );
		$this->assertSame( array( 'author' ), WebhookSite::user( $id )['roles'] );
		$this->assertSame( 'author', $this->row( $id, $this->org_id )['wp_role'] );
	}

	public function test_the_last_administrator_is_never_demoted(): void {
		$admins = WebhookSite::rows( "SELECT user_id FROM wp_usermeta WHERE meta_key = 'wp_capabilities' AND meta_value LIKE '%administrator%'" );
		$this->assertCount( 1, $admins, 'the sandbox has one administrator' );
		$admin  = (int) $admins[0]['user_id'];
		$workos = 'user_lastadmin_' . strtolower( bin2hex( random_bytes( 4 ) ) );
		WebhookSite::exec_sql( "INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES (?, '_workos_user_id', ?)", array( $admin, $workos ) );
		try {
			$answer = WebhookSite::send( 'organization_membership.updated', $this->membership( $workos, $this->org_id, array( 'slug' => 'member' ), 1767225600000 ) );
			$this->assertSame( 'applied', $answer[1]['outcome'] );
			$this->assertStringContainsString( 'kept_last_administrator', WebhookSite::activity( 'webhook_applied', 1 )[0]['metadata']['reason'] );
			$this->assertSame( array( 'administrator' ), WebhookSite::user( $admin )['roles'] );
		} finally {
			WebhookSite::exec_sql( "DELETE FROM wp_usermeta WHERE user_id = ? AND meta_key = '_workos_user_id' AND meta_value = ?", array( $admin, $workos ) );
			WebhookSite::exec_sql( 'DELETE FROM wp_workos_org_memberships WHERE user_id = ?', array( $admin ) );
			WebhookSite::php( 'wp_cache_flush(); echo "true";' );
		}
	}

	public function test_unlinked_missing_fields_inactive_and_other_organizations(): void {
		$answer = WebhookSite::send( 'organization_membership.created', $this->membership( 'user_not_linked_anywhere', $this->org_id, array( 'slug' => 'admin' ), 1767225600000 ) );
		$this->assertSame( 'skipped', $answer[1]['outcome'] );
		$this->assertSame( 'user_not_linked', WebhookSite::activity( 'webhook_skipped', 1 )[0]['metadata']['reason'] );

		list( $workos, $id ) = $this->linked_user( 'author' );
		$data                = $this->membership( $workos, $this->org_id, array( 'slug' => 'admin' ), 1767225600000 );
		unset( $data['organization_id'] );
		$this->assertSame( 'failed', WebhookSite::send( 'organization_membership.created', $data )[1]['outcome'] );
		$this->assertSame( array( 'author' ), WebhookSite::user( $id )['roles'] );

		WebhookSite::send( 'organization_membership.updated', $this->membership( $workos, $this->org_id, array( 'slug' => 'admin' ), 1767225601000, 'inactive' ) );
		$this->assertSame( array( 'author' ), WebhookSite::user( $id )['roles'], 'an inactive membership does not grant its role' );
		$this->assertSame( 'admin', $this->row( $id, $this->org_id )['workos_role'] );

		WebhookSite::configure( array( 'organization_id' => 'org_the_site_uses' ) );
		WebhookSite::send( 'organization_membership.updated', $this->membership( $workos, $this->org_id, array( 'slug' => 'editor' ), 1767225602000 ) );
		$this->assertSame( array( 'author' ), WebhookSite::user( $id )['roles'], 'another organization than the site\'s does not set the role' );
		$this->assertSame( 'editor', $this->row( $id, $this->org_id )['workos_role'] );
	}

	public function test_uncached_organization_is_fetched_from_workos(): void {
		$acme         = EmulatorEnvironment::organization_id( 'Acme Corp' );
		$this->orgs[] = $acme;
		WebhookSite::exec_sql( 'DELETE FROM wp_workos_organizations WHERE workos_org_id = ?', array( $acme ) );
		list( $workos, $id ) = $this->linked_user();
		$this->assertSame( 'applied', WebhookSite::send( 'organization_membership.created', $this->membership( $workos, $acme, array( 'slug' => 'editor' ), 1767225600000 ) )[1]['outcome'] );
		$this->assertSame( 'Acme Corp', WebhookSite::row( 'SELECT name FROM wp_workos_organizations WHERE workos_org_id = ?', array( $acme ) )['name'] );
		$this->assertSame( 'editor', $this->row( $id, $acme )['workos_role'] );

		$this->assertSame( 'skipped', WebhookSite::send( 'organization_membership.created', $this->membership( $workos, 'org_unknown_to_workos', array( 'slug' => 'editor' ), 1767225600000 ) )[1]['outcome'] );
		$this->assertSame( 'organization_not_found', WebhookSite::activity( 'webhook_skipped', 1 )[0]['metadata']['reason'] );
	}

	public function test_emulator_deliveries(): void {
		$client = EmulatorEnvironment::client();
		$claude = $client->request( 'GET', '/user_management/users', array( 'email' => 'claude@example.test' ) )['data'][0];
		$acme   = EmulatorEnvironment::organization_id( 'Acme Corp' );
		$this->orgs[] = $acme;
		$s      = strtolower( bin2hex( random_bytes( 4 ) ) );
		$id     = WebhookSite::create_user( 'wh_claude_' . $s, 'subscriber', $claude['id'] );
		$this->users[] = $id;

		$membership = $client->create_membership( $claude['id'], $acme, 'editor' );
		$this->assertIsArray( $membership, is_wp_error( $membership ) ? $membership->get_error_message() : '' );
		$this->memberships[] = $membership['id'];
		$this->assertTrue( (bool) WebhookSite::poll( fn() => array( 'editor' ) === WebhookSite::user( $id )['roles'] ), 'organization_membership.created from the emulator set the role' );
		$this->assertSame( $membership['id'], $this->row( $id, $acme )['workos_membership_id'] );

		$changed = $client->request( 'PUT', '/user_management/organization_memberships/' . $membership['id'], array(), array( 'role_slug' => 'admin' ) );
		$this->assertIsArray( $changed );
		$this->assertTrue( (bool) WebhookSite::poll( fn() => array( 'administrator' ) === WebhookSite::user( $id )['roles'] ), 'organization_membership.updated from the emulator changed the role' );

		$client->request( 'DELETE', '/user_management/organization_memberships/' . $membership['id'] );
		$this->memberships = array();
		$this->assertTrue( (bool) WebhookSite::poll( fn() => null === $this->row( $id, $acme ) ), 'organization_membership.deleted removed the row' );
	}
}
