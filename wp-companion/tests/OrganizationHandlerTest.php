<?php
/**
 * organization.created / updated / deleted → {prefix}workos_organizations on the served site:
 * signed by test code, and delivered by the emulator itself when an organization is created,
 * renamed and deleted through its API.
 *
 * @package WorkOSCompanion
 */

require_once __DIR__ . '/support/WebhookSite.php';

final class OrganizationHandlerTest extends WPTestCase {
	/** @var string[] WorkOS ids of organizations to remove from the served site. */
	private $orgs = array();

	protected function setUp(): void {
		parent::setUp();
		WebhookSite::configure();
	}

	protected function tearDown(): void {
		foreach ( $this->orgs as $id ) {
			$row = WebhookSite::row( 'SELECT id FROM wp_workos_organizations WHERE workos_org_id = ?', array( $id ) );
			if ( $row ) {
				WebhookSite::exec_sql( 'DELETE FROM wp_workos_org_sites WHERE org_id = ?', array( $row['id'] ) );
				WebhookSite::exec_sql( 'DELETE FROM wp_workos_organizations WHERE id = ?', array( $row['id'] ) );
			}
		}
		parent::tearDown();
	}

	private function new_id(): string {
		$id           = 'org_test_' . strtolower( bin2hex( random_bytes( 6 ) ) );
		$this->orgs[] = $id;
		return $id;
	}

	/** @return array<string,mixed> */
	private function org( string $id, string $name, int $updated_ms, array $domains = array() ): array {
		return array(
			'object'     => 'organization',
			'id'         => $id,
			'name'       => $name,
			'domains'    => $domains,
			'metadata'   => array(),
			'external_id' => null,
			'created_at' => '2026-01-01T00:00:00.000Z',
			'updated_at' => WebhookSite::iso( $updated_ms ),
		);
	}

	/** @return array<string,mixed>|null */
	private function row( string $id ): ?array {
		return WebhookSite::row( 'SELECT * FROM wp_workos_organizations WHERE workos_org_id = ?', array( $id ) );
	}

	public function test_created_updated_deleted(): void {
		$id     = $this->new_id();
		$t      = 1767225600000;
		$answer = WebhookSite::send( 'organization.created', $this->org( $id, 'Initech ' . $id, $t ) );
		$this->assertSame( array( 200, 'applied' ), array( $answer[0], $answer[1]['outcome'] ) );
		$row = $this->row( $id );
		$this->assertSame( 'Initech ' . $id, $row['name'] );
		$this->assertSame( sanitize_title( 'Initech ' . $id ), $row['slug'] );
		$this->assertNull( $row['domains'], 'no domains → NULL' );
		$site = WebhookSite::row( 'SELECT * FROM wp_workos_org_sites WHERE org_id = ?', array( $row['id'] ) );
		$this->assertSame( 1, (int) $site['site_id'] );
		$this->assertSame( 1, (int) $site['is_primary'], 'a new organization is the current site\'s primary' );

		$domains = array(
			array(
				'object' => 'organization_domain',
				'id'     => 'org_domain_1',
				'domain' => 'initech.test',
				'state'  => 'verified',
			),
		);
		WebhookSite::send( 'organization.updated', $this->org( $id, 'Initrode ' . $id, $t + 1000, $domains ) );
		$row = $this->row( $id );
		$this->assertSame( 'Initrode ' . $id, $row['name'] );
		$this->assertSame( sanitize_title( 'Initrode ' . $id ), $row['slug'] );
		$this->assertSame( 'initech.test', json_decode( $row['domains'], true )[0]['domain'] );
		$this->assertCount( 1, WebhookSite::rows( 'SELECT id FROM wp_workos_organizations WHERE workos_org_id = ?', array( $id ) ), 'updated in place' );

		// Memberships of a deleted organization go with it.
		WebhookSite::exec_sql( 'INSERT INTO wp_workos_org_memberships (org_id, user_id, workos_role, joined_at) VALUES (?, 999999, "member", UTC_TIMESTAMP())', array( $row['id'] ) );
		$answer = WebhookSite::send( 'organization.deleted', $this->org( $id, 'Initrode ' . $id, $t + 2000 ) );
		$this->assertSame( 'applied', $answer[1]['outcome'] );
		$this->assertNull( $this->row( $id ) );
		$this->assertSame( array(), WebhookSite::rows( 'SELECT id FROM wp_workos_org_memberships WHERE org_id = ?', array( $row['id'] ) ) );
		$this->assertSame( array(), WebhookSite::rows( 'SELECT id FROM wp_workos_org_sites WHERE org_id = ?', array( $row['id'] ) ) );

		$this->assertSame( 'skipped', WebhookSite::send( 'organization.deleted', $this->org( $this->new_id(), 'Never cached', $t ) )[1]['outcome'] );
	}

	public function test_slug_collisions_are_resolved(): void {
		$name = 'Same Name ' . bin2hex( random_bytes( 3 ) );
		$a    = $this->new_id();
		$b    = $this->new_id();
		$c    = $this->new_id();
		foreach ( array( $a, $b, $c ) as $id ) {
			$this->assertSame( 'applied', WebhookSite::send( 'organization.created', $this->org( $id, $name, 1767225600000 ) )[1]['outcome'] );
		}
		$slug = sanitize_title( $name );
		$this->assertSame( $slug, $this->row( $a )['slug'] );
		$this->assertSame( $slug . '-2', $this->row( $b )['slug'] );
		$this->assertSame( $slug . '-3', $this->row( $c )['slug'] );
		// Renaming one to its own name keeps its slug.
		WebhookSite::send( 'organization.updated', $this->org( $b, $name, 1767225601000 ) );
		$this->assertSame( $slug . '-2', $this->row( $b )['slug'] );
	}

	public function test_missing_name_fails_without_a_row(): void {
		$id   = $this->new_id();
		$data = $this->org( $id, '', 1767225600000 );
		unset( $data['name'] );
		$answer = WebhookSite::send( 'organization.created', $data );
		$this->assertSame( 200, $answer[0] );
		$this->assertSame( 'failed', $answer[1]['outcome'] );
		$this->assertNull( $this->row( $id ) );
		$this->assertSame( 'missing_organization_name', WebhookSite::activity( 'webhook_failed', 1 )[0]['metadata']['reason'] );
	}

	public function test_emulator_deliveries(): void {
		$client = EmulatorEnvironment::client();
		$name   = 'Emulated ' . bin2hex( random_bytes( 4 ) );
		$org    = $client->request( 'POST', '/organizations', array(), array( 'name' => $name ) );
		$this->assertIsArray( $org, is_wp_error( $org ) ? $org->get_error_message() : '' );
		$this->orgs[] = $org['id'];
		$row          = WebhookSite::poll( fn() => $this->row( $org['id'] ) );
		$this->assertNotNull( $row, 'organization.created delivered by the emulator reached the site' );
		$this->assertSame( $name, $row['name'] );

		$renamed = $client->request( 'PUT', '/organizations/' . $org['id'], array(), array( 'name' => $name . ' Renamed' ) );
		$this->assertIsArray( $renamed );
		$this->assertSame( $name . ' Renamed', WebhookSite::poll( fn() => ( $this->row( $org['id'] )['name'] ?? '' ) === $name . ' Renamed' ? $name . ' Renamed' : null ) );

		$deleted = $client->request( 'DELETE', '/organizations/' . $org['id'] );
		$this->assertFalse( is_wp_error( $deleted ) );
		$this->assertTrue( WebhookSite::poll( fn() => null === $this->row( $org['id'] ) ), 'organization.deleted removed the row' );
	}
}
