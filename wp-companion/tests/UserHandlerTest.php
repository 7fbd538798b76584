<?php
/**
 * user.created / updated / deleted on the served site, signed by test code and delivered by the
 * emulator itself (user created, renamed, deleted through its API).
 *
 * @package WorkOSCompanion
 */

require_once __DIR__ . '/support/WebhookSite.php';

final class UserHandlerTest extends WPTestCase {
	/** @var int[] Served users to delete. */
	private $users = array();

	/** @var string[] Emulator users to delete. */
	private $workos_users = array();

	protected function setUp(): void {
		parent::setUp();
		WebhookSite::configure();
	}

	protected function tearDown(): void {
		foreach ( $this->workos_users as $id ) {
			EmulatorEnvironment::client()->request( 'DELETE', '/user_management/users/' . $id );
		}
		WebhookSite::delete_users( $this->users );
		WebhookSite::configure();
		parent::tearDown();
	}

	private function suffix(): string {
		return strtolower( bin2hex( random_bytes( 5 ) ) );
	}

	/** @return array<string,mixed> A WorkOS user object. */
	private function workos_user( string $id, string $email, string $first, string $last, bool $verified = true, int $updated_ms = 1767225600000 ): array {
		return array(
			'object'              => 'user',
			'id'                  => $id,
			'email'               => $email,
			'email_verified'      => $verified,
			'first_name'          => $first,
			'last_name'           => $last,
			'profile_picture_url' => null,
			'external_id'         => null,
			'last_sign_in_at'     => null,
			'created_at'          => '2026-01-01T00:00:00.000Z',
			'updated_at'          => WebhookSite::iso( $updated_ms ),
		);
	}

	private function served_user_by_email( string $email ): ?int {
		$row = WebhookSite::row( 'SELECT ID FROM wp_users WHERE user_email = ?', array( $email ) );
		if ( $row ) {
			$this->users[] = (int) $row['ID'];
		}
		return $row ? (int) $row['ID'] : null;
	}

	public function test_updated_changes_a_linked_user(): void {
		$s       = $this->suffix();
		$workos  = 'user_upd_' . $s;
		$id      = WebhookSite::create_user( 'wh_upd_' . $s, 'author', $workos );
		$this->users[] = $id;
		$email   = 'renamed_' . $s . '@tests.invalid';
		$answer  = WebhookSite::send( 'user.updated', $this->workos_user( $workos, $email, 'Grace', 'Hopper' ) );
		$this->assertSame( array( 200, 'applied' ), array( $answer[0], $answer[1]['outcome'] ) );
		$user = WebhookSite::user( $id );
		$this->assertSame( $email, $user['email'] );
		$this->assertSame( 'Grace', $user['first_name'] );
		$this->assertSame( 'Hopper', $user['last_name'] );
		$this->assertSame( 'Grace Hopper', $user['display_name'] );
		$this->assertSame( array( 'author' ), $user['roles'], 'a profile update leaves the role alone' );
		$log = WebhookSite::activity( 'webhook_applied', 1 )[0];
		$this->assertSame( $id, (int) $log['user_id'] );
		$this->assertSame( array( 'user' => $workos ), $log['metadata']['object_ids'] );

		// The same profile again (a new event): nothing to do.
		$again = WebhookSite::send( 'user.updated', $this->workos_user( $workos, $email, 'Grace', 'Hopper', true, 1767225601000 ) );
		$this->assertSame( 'skipped', $again[1]['outcome'] );
		$this->assertSame( 'unchanged', WebhookSite::activity( 'webhook_skipped', 1 )[0]['metadata']['reason'] );
	}

	public function test_updated_for_an_unknown_or_incomplete_user(): void {
		$s      = $this->suffix();
		$answer = WebhookSite::send( 'user.updated', $this->workos_user( 'user_nobody_' . $s, 'nobody_' . $s . '@tests.invalid', 'No', 'Body' ) );
		$this->assertSame( array( 200, 'skipped' ), array( $answer[0], $answer[1]['outcome'] ) );
		$this->assertNull( $this->served_user_by_email( 'nobody_' . $s . '@tests.invalid' ) );

		$workos = 'user_noemail_' . $s;
		$id     = WebhookSite::create_user( 'wh_noemail_' . $s, 'author', $workos );
		$this->users[] = $id;
		$data   = $this->workos_user( $workos, '', 'X', 'Y' );
		unset( $data['email'] );
		$this->assertSame( 'failed', WebhookSite::send( 'user.updated', $data )[1]['outcome'] );
		$this->assertSame( 'Old', WebhookSite::user( $id )['first_name'] );
	}

	public function test_created_provisions_a_verified_unknown_user_without_a_workos_user(): void {
		$s      = $this->suffix();
		$email  = 'fresh_' . $s . '@tests.invalid';
		$workos = 'user_fresh_' . $s;
		$answer = WebhookSite::send( 'user.created', $this->workos_user( $workos, $email, 'Fresh', 'Face' ) );
		$this->assertSame( 'applied', $answer[1]['outcome'] );
		$id = $this->served_user_by_email( $email );
		$this->assertNotNull( $id );
		$user = WebhookSite::user( $id );
		$this->assertSame( $workos, $user['workos_id'] );
		$this->assertSame( array( 'subscriber' ), $user['roles'], 'the role map\'s "member" role' );
		$this->assertSame( 'Fresh Face', $user['display_name'] );
		$this->assertSame( array(), EmulatorEnvironment::client()->request( 'GET', '/user_management/users', array( 'email' => $email ) )['data'], 'no stray WorkOS user was created' );

		// Replayed as created again (new event id): the linked user is updated, not duplicated.
		WebhookSite::send( 'user.created', $this->workos_user( $workos, $email, 'Fresher', 'Face', true, 1767225601000 ) );
		$this->assertCount( 1, WebhookSite::rows( 'SELECT ID FROM wp_users WHERE user_email = ?', array( $email ) ) );
		$this->assertSame( 'Fresher', WebhookSite::user( $id )['first_name'] );
	}

	public function test_created_adds_the_membership_of_the_sites_organization_and_queues_the_site_id(): void {
		$acme = EmulatorEnvironment::organization_id( 'Acme Corp' );
		WebhookSite::configure( array( 'organization_id' => $acme, 'role_map' => '{"member":"subscriber","admin":"administrator"}' ) );
		WebhookSite::exec_sql( 'DELETE FROM wp_workos_organizations WHERE workos_org_id = ?', array( $acme ) );
		$s      = $this->suffix();
		$email  = 'member_' . $s . '@tests.invalid';
		$answer = WebhookSite::send( 'user.created', $this->workos_user( 'user_member_' . $s, $email, 'New', 'Member' ) );
		$this->assertSame( 'applied', $answer[1]['outcome'] );
		$id = $this->served_user_by_email( $email );

		$org = WebhookSite::row( 'SELECT id, name FROM wp_workos_organizations WHERE workos_org_id = ?', array( $acme ) );
		$this->assertSame( 'Acme Corp', $org['name'] ?? null, 'the organization was fetched from WorkOS and cached' );
		$row = WebhookSite::row( 'SELECT workos_role, wp_role FROM wp_workos_org_memberships WHERE org_id = ? AND user_id = ?', array( $org['id'], $id ) );
		$this->assertSame( array( 'workos_role' => 'member', 'wp_role' => 'subscriber' ), $row );
		$this->assertNotNull( WebhookSite::row( 'SELECT option_id FROM wp_options WHERE option_name = ?', array( 'workos_push_q_puid_' . $id ) ), 'the site id queued for the WorkOS user' );

		// A membership event stored a real role since: a later user.created keeps it.
		WebhookSite::exec_sql( 'UPDATE wp_workos_org_memberships SET workos_role = ? WHERE org_id = ? AND user_id = ?', array( 'admin', $org['id'], $id ) );
		WebhookSite::send( 'user.created', $this->workos_user( 'user_member_' . $s, $email, 'New', 'Member', true, 1767225601000 ) );
		$this->assertSame( 'admin', WebhookSite::row( 'SELECT workos_role FROM wp_workos_org_memberships WHERE org_id = ? AND user_id = ?', array( $org['id'], $id ) )['workos_role'] );
		WebhookSite::exec_sql( 'DELETE FROM wp_options WHERE option_name = ?', array( 'workos_push_q_puid_' . $id ) );
	}

	public function test_created_refuses_unverified_and_unmapped(): void {
		$s      = $this->suffix();
		$email  = 'unverified_' . $s . '@tests.invalid';
		$answer = WebhookSite::send( 'user.created', $this->workos_user( 'user_unv_' . $s, $email, 'Un', 'Verified', false ) );
		$this->assertSame( 'skipped', $answer[1]['outcome'] );
		$this->assertSame( 'email_unverified', WebhookSite::activity( 'webhook_skipped', 1 )[0]['metadata']['reason'] );
		$this->assertNull( $this->served_user_by_email( $email ) );

		WebhookSite::configure( array( 'role_map' => '{"member":"no_such_role","admin":"administrator"}' ) );
		$email = 'unmapped_' . $s . '@tests.invalid';
		$this->assertSame( 'skipped', WebhookSite::send( 'user.created', $this->workos_user( 'user_unm_' . $s, $email, 'Un', 'Mapped' ) )[1]['outcome'] );
		$this->assertSame( 'no_role_for_member', WebhookSite::activity( 'webhook_skipped', 1 )[0]['metadata']['reason'] );
		$this->assertNull( $this->served_user_by_email( $email ) );
	}

	public function test_created_links_existing_users_by_verified_email_but_never_administrators(): void {
		$s      = $this->suffix();
		$editor = WebhookSite::create_user( 'wh_ed_' . $s, 'editor' );
		$admin  = WebhookSite::create_user( 'wh_ad_' . $s, 'administrator' );
		array_push( $this->users, $editor, $admin );

		$this->assertSame( 'skipped', WebhookSite::send( 'user.created', $this->workos_user( 'user_ed_unv_' . $s, 'wh_ed_' . $s . '@tests.invalid', 'E', 'D', false ) )[1]['outcome'] );
		$this->assertSame( '', WebhookSite::user( $editor )['workos_id'], 'unverified e-mail: not linked' );

		$this->assertSame( 'applied', WebhookSite::send( 'user.created', $this->workos_user( 'user_ed_' . $s, 'wh_ed_' . $s . '@tests.invalid', 'E', 'D' ) )[1]['outcome'] );
		$this->assertSame( 'user_ed_' . $s, WebhookSite::user( $editor )['workos_id'] );
		$this->assertSame( array( 'editor' ), WebhookSite::user( $editor )['roles'], 'linking keeps the role' );

		$this->assertSame( 'skipped', WebhookSite::send( 'user.created', $this->workos_user( 'user_ad_' . $s, 'wh_ad_' . $s . '@tests.invalid', 'A', 'D' ) )[1]['outcome'] );
		$this->assertSame( 'workos_admin_link_required', WebhookSite::activity( 'webhook_skipped', 1 )[0]['metadata']['reason'] );
		$this->assertSame( '', WebhookSite::user( $admin )['workos_id'] );
	}

	public function test_deleted_deprovisions_the_linked_user(): void {
		$s      = $this->suffix();
		$workos = 'user_del_' . $s;
		$id     = WebhookSite::create_user( 'wh_del_' . $s, 'author', $workos );
		$this->users[] = $id;
		WebhookSite::php( 'WP_Session_Tokens::get_instance( ' . $id . ' )->create( time() + 3600 ); echo "true";' );

		$answer = WebhookSite::send( 'user.deleted', $this->workos_user( $workos, 'wh_del_' . $s . '@tests.invalid', 'D', 'L' ) );
		$this->assertSame( 'applied', $answer[1]['outcome'] );
		$this->assertSame( '1', WebhookSite::user( $id )['deactivated'] );
		$this->assertSame( 0, WebhookSite::php( 'echo count( WP_Session_Tokens::get_instance( ' . $id . ' )->get_all() );' ), 'sessions ended' );

		$this->assertSame( 'skipped', WebhookSite::send( 'user.deleted', $this->workos_user( 'user_unknown_' . $s, 'x_' . $s . '@tests.invalid', 'D', 'L' ) )[1]['outcome'] );
	}

	public function test_emulator_deliveries(): void {
		$client = EmulatorEnvironment::client();
		$s      = $this->suffix();
		$email  = 'emu_' . $s . '@tests.invalid';
		$user   = $client->request(
			'POST',
			'/user_management/users',
			array(),
			array(
				'email'          => $email,
				'email_verified' => true,
				'first_name'     => 'Emu',
				'last_name'      => 'Lated',
			)
		);
		$this->assertIsArray( $user, is_wp_error( $user ) ? $user->get_error_message() : '' );
		$this->workos_users[] = $user['id'];

		$id = WebhookSite::poll( fn() => $this->served_user_by_email( $email ) );
		$this->assertNotNull( $id, 'user.created from the emulator provisioned the WordPress user' );
		$this->assertSame( $user['id'], WebhookSite::user( $id )['workos_id'] );

		$renamed = $client->request( 'PUT', '/user_management/users/' . $user['id'], array(), array( 'first_name' => 'Renamed' ) );
		$this->assertIsArray( $renamed );
		$this->assertSame( 'Renamed', WebhookSite::poll( fn() => 'Renamed' === WebhookSite::user( $id )['first_name'] ? 'Renamed' : null ) );
		sleep( 1 );
		$this->assertSame( $renamed['updated_at'], $client->get_user( $user['id'] )['updated_at'], 'nothing echoed back to WorkOS' );

		$client->request( 'DELETE', '/user_management/users/' . $user['id'] );
		$this->workos_users = array();
		$this->assertSame( '1', WebhookSite::poll( fn() => WebhookSite::user( $id )['deactivated'] ?: null ), 'user.deleted deprovisioned the user' );
	}
}
