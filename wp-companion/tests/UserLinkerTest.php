<?php
/**
 * Find / link / create of the WordPress user behind a WorkOS user (seed spec §3.5 with our
 * decisions: verified e-mail only, never an administrator, deactivated users refused).
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Sync\UserLinker;

final class UserLinkerTest extends WPTestCase {
	/** @var array<int,array<string,mixed>> workos_user_created calls */
	private $created = array();
	/** @var array<int,array<string,mixed>> mails WordPress tried to send */
	private $mails = array();

	protected function setUp(): void {
		parent::setUp();
		$this->created = array();
		$this->mails   = array();
		add_action( 'workos_user_created', array( $this, 'record_created' ), 10, 2 );
		add_filter( 'pre_wp_mail', array( $this, 'record_mail' ), 10, 2 );
	}

	protected function tearDown(): void {
		remove_action( 'workos_user_created', array( $this, 'record_created' ), 10 );
		remove_filter( 'pre_wp_mail', array( $this, 'record_mail' ), 10 );
		parent::tearDown();
	}

	/** @param array<string,mixed> $workos_user */
	public function record_created( int $user_id, array $workos_user ): void {
		$this->created[] = array(
			'user_id'     => $user_id,
			'workos_user' => $workos_user,
		);
	}

	/**
	 * @param null|bool           $short Short-circuit value.
	 * @param array<string,mixed> $atts  The mail.
	 */
	public function record_mail( $short, $atts ): bool {
		$this->mails[] = $atts;
		return true; // never really sent
	}

	/** @return array<string,mixed> */
	private function workos_user( array $overrides = array() ): array {
		return array_merge(
			array(
				'object'         => 'user',
				'id'             => 'user_' . strtoupper( wp_generate_password( 20, false ) ),
				'email'          => 'new.person.' . strtolower( wp_generate_password( 6, false ) ) . '@linker.test',
				'first_name'     => 'New',
				'last_name'      => 'Person',
				'email_verified' => true,
			),
			$overrides
		);
	}

	private function wp_user_with_email( string $email, string $role = 'editor' ): int {
		$id = $this->create_user( $role );
		wp_update_user(
			array(
				'ID'         => $id,
				'user_email' => $email,
				'first_name' => 'Local',
				'last_name'  => 'Name',
			)
		);
		$this->mails = array(); // the fixture's own address change is not what the tests watch
		return $id;
	}

	public function test_missing_email_or_id_is_workos_invalid_user_and_creates_nothing(): void {
		$before = count_users()['total_users'];
		foreach ( array( array( 'email' => '' ), array( 'id' => '' ), array( 'email' => 'not-an-email' ) ) as $broken ) {
			$result = UserLinker::find_or_create( $this->workos_user( $broken ) );
			$this->assertWPError( $result, 'workos_invalid_user' );
			$this->assertStringContainsString( 'e-mail address', $result->get_error_message() );
		}
		$missing = $this->workos_user();
		unset( $missing['email'] );
		$this->assertWPError( UserLinker::find_or_create( $missing ), 'workos_invalid_user' );
		$this->assertSame( $before, count_users()['total_users'] );
		$this->assertSame( array(), $this->created );
	}

	public function test_creates_a_user_with_default_role_first_login_flag_and_no_mail(): void {
		update_option( 'default_role', 'author' );
		$workos = $this->workos_user();
		$user   = UserLinker::find_or_create( $workos, 'org_01CREATED' );

		$this->assertInstanceOf( WP_User::class, $user );
		$this->assertSame( $workos['email'], $user->user_email );
		$this->assertSame( array( 'author' ), array_values( $user->roles ) );
		$this->assertSame( 'New Person', $user->display_name );
		$this->assertSame( 'New', $user->first_name );
		$this->assertSame( $workos['id'], get_user_meta( $user->ID, '_workos_user_id', true ) );
		$this->assertSame( 'org_01CREATED', get_user_meta( $user->ID, '_workos_org_id', true ) );
		$this->assertSame( '1', get_user_meta( $user->ID, '_workos_first_login', true ) );
		$this->assertSame( UserLinker::profile_hash( $workos ), get_user_meta( $user->ID, '_workos_profile_hash', true ) );
		$this->assertSame( hash( 'sha256', $workos['email'] . '|New|Person' ), get_user_meta( $user->ID, '_workos_profile_hash', true ) );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/', get_user_meta( $user->ID, '_workos_last_synced_at', true ) );
		$this->assertSame( strstr( $workos['email'], '@', true ), $user->user_login );
		$this->assertFalse( wp_check_password( '', $user->user_pass, $user->ID ), 'a random password, never empty' );

		$this->assertCount( 1, $this->created );
		$this->assertSame( $user->ID, $this->created[0]['user_id'] );
		$this->assertSame( array(), $this->mails, 'no WordPress new-user e-mail' );
	}

	public function test_unknown_default_role_falls_back_to_subscriber_and_display_name_to_email(): void {
		update_option( 'default_role', 'no_such_role' );
		$workos = $this->workos_user(
			array(
				'first_name' => null,
				'last_name'  => '',
			)
		);
		$user   = UserLinker::find_or_create( $workos );
		$this->assertSame( array( 'subscriber' ), array_values( $user->roles ) );
		$this->assertSame( $workos['email'], $user->display_name );
	}

	public function test_username_conflict_takes_the_hash_suffix(): void {
		$this->wp_user_with_email( 'someone@elsewhere.test' );
		wp_insert_user(
			array(
				'user_login' => 'info',
				'user_email' => 'info-owner@tests.invalid',
				'user_pass'  => wp_generate_password(),
			)
		);
		$user = UserLinker::find_or_create( $this->workos_user( array( 'email' => 'info@acme-widgets.com' ) ) );
		$this->assertSame( 'info_48f25', $user->user_login );
	}

	public function test_finds_by_workos_id_even_when_the_email_differs_and_updates_from_workos(): void {
		$id     = $this->wp_user_with_email( 'old.address@linker.test' );
		$workos = $this->workos_user(
			array(
				'email'      => 'new.address@linker.test',
				'first_name' => 'Grace',
				'last_name'  => 'Hopper',
			)
		);
		update_user_meta( $id, '_workos_user_id', $workos['id'] );

		$user = UserLinker::find_or_create( $workos );
		$this->assertSame( $id, $user->ID );
		$this->assertSame( 'new.address@linker.test', $user->user_email );
		$this->assertSame( 'Grace', $user->first_name );
		$this->assertSame( 'Hopper', $user->last_name );
		$this->assertSame( 'Grace Hopper', $user->display_name );
		$this->assertSame( UserLinker::profile_hash( $workos ), get_user_meta( $id, '_workos_profile_hash', true ) );
		$this->assertSame( array(), $this->created, 'no workos_user_created for a known user' );
		$this->assertSame( array(), $this->mails, 'no "your e-mail changed" mail: WorkOS is the source' );
	}

	public function test_update_keeps_names_when_workos_sends_none_and_an_address_owned_by_someone_else(): void {
		$other  = $this->wp_user_with_email( 'taken@linker.test' );
		$id     = $this->wp_user_with_email( 'mine@linker.test' );
		$workos = $this->workos_user(
			array(
				'email'      => 'taken@linker.test',
				'first_name' => '',
				'last_name'  => null,
			)
		);
		update_user_meta( $id, '_workos_user_id', $workos['id'] );
		$user = UserLinker::find_or_create( $workos );
		$this->assertInstanceOf( WP_User::class, $user, is_wp_error( $user ) ? $user->get_error_message() : '' );
		$this->assertSame( 'mine@linker.test', $user->user_email, 'the address stays with its owner' );
		$this->assertSame( 'Local', $user->first_name );
		$this->assertSame( 'taken@linker.test', get_userdata( $other )->user_email );
	}

	public function test_links_an_existing_user_by_verified_email_without_touching_names(): void {
		$id     = $this->wp_user_with_email( 'linkme@linker.test' );
		$workos = $this->workos_user(
			array(
				'email'      => 'LinkMe@linker.test',
				'first_name' => 'Other',
			)
		);
		$user   = UserLinker::find_or_create( $workos, '' );
		$this->assertSame( $id, $user->ID );
		$this->assertSame( $workos['id'], get_user_meta( $id, '_workos_user_id', true ) );
		$this->assertSame( 'Local', $user->first_name, 'names are not updated on an e-mail link' );
		$this->assertSame( '', get_user_meta( $id, '_workos_org_id', true ), 'org id only when present' );
		$this->assertSame( '', get_user_meta( $id, '_workos_first_login', true ) );
		$this->assertNotSame( '', get_user_meta( $id, '_workos_last_synced_at', true ) );
		$this->assertSame( array(), $this->created );

		$other = $this->wp_user_with_email( 'linkme2@linker.test' );
		UserLinker::find_or_create( $this->workos_user( array( 'email' => 'linkme2@linker.test' ) ), 'org_01LINKED' );
		$this->assertSame( 'org_01LINKED', get_user_meta( $other, '_workos_org_id', true ) );
	}

	public function test_unverified_email_matching_an_existing_user_is_refused_and_nothing_linked(): void {
		$id = $this->wp_user_with_email( 'joan@linker.test' );
		foreach ( array( false, null, 'true', 1 ) as $verified ) {
			$result = UserLinker::find_or_create( $this->workos_user( array( 'email' => 'joan@linker.test', 'email_verified' => $verified ) ) );
			$this->assertWPError( $result, 'workos_email_unverified' );
			$this->assertSame( 403, $result->get_error_data()['status'] );
		}
		$missing = $this->workos_user( array( 'email' => 'joan@linker.test' ) );
		unset( $missing['email_verified'] );
		$this->assertWPError( UserLinker::find_or_create( $missing ), 'workos_email_unverified' );
		$this->assertSame( '', get_user_meta( $id, '_workos_user_id', true ) );
	}

	public function test_unverified_email_without_existing_user_still_creates_one(): void {
		$user = UserLinker::find_or_create( $this->workos_user( array( 'email_verified' => false ) ) );
		$this->assertInstanceOf( WP_User::class, $user );
	}

	public function test_administrator_is_never_linked_automatically(): void {
		$admin = $this->wp_user_with_email( 'boss@linker.test', 'administrator' );
		$plan  = UserLinker::locate( $this->workos_user( array( 'email' => 'boss@linker.test' ) ) );
		$this->assertWPError( $plan, 'workos_admin_link_required' );
		$this->assertStringContainsString( 'WorkOS Console', $plan->get_error_message() );
		$this->assertSame( '', get_user_meta( $admin, '_workos_user_id', true ) );

		// Any user who can manage options counts, whatever the role's name.
		$manager = $this->wp_user_with_email( 'manager@linker.test', 'editor' );
		get_userdata( $manager )->add_cap( 'manage_options' );
		$this->assertWPError( UserLinker::locate( $this->workos_user( array( 'email' => 'manager@linker.test' ) ) ), 'workos_admin_link_required' );
	}

	public function test_an_administrator_already_linked_by_the_console_signs_in(): void {
		$admin  = $this->wp_user_with_email( 'linked-boss@linker.test', 'administrator' );
		$workos = $this->workos_user( array( 'email' => 'linked-boss@linker.test' ) );
		update_user_meta( $admin, '_workos_user_id', $workos['id'] );
		$user = UserLinker::find_or_create( $workos );
		$this->assertSame( $admin, $user->ID );
	}

	public function test_deactivated_users_are_refused_by_id_and_by_email(): void {
		$workos = $this->workos_user( array( 'email' => 'gone@linker.test' ) );
		$linked = $this->wp_user_with_email( 'gone-linked@linker.test' );
		update_user_meta( $linked, '_workos_user_id', $workos['id'] );
		update_user_meta( $linked, '_workos_deactivated', '1' );
		$this->assertWPError( UserLinker::locate( $workos ), 'workos_user_deactivated' );

		$by_email = $this->wp_user_with_email( 'gone-by-email@linker.test' );
		update_user_meta( $by_email, '_workos_deactivated', '1' );
		$result = UserLinker::find_or_create( $this->workos_user( array( 'email' => 'gone-by-email@linker.test' ) ) );
		$this->assertWPError( $result, 'workos_user_deactivated' );
		$this->assertSame( 403, $result->get_error_data()['status'] );
		$this->assertSame( '', get_user_meta( $by_email, '_workos_user_id', true ) );

		update_user_meta( $by_email, '_workos_deactivated', '0' );
		$this->assertIsArray( UserLinker::locate( $this->workos_user( array( 'email' => 'gone-by-email@linker.test' ) ) ), '"0" is not deactivated' );
	}

	public function test_lookup_by_workos_id_returns_the_user_or_null(): void {
		$id = $this->wp_user_with_email( 'lookup@linker.test' );
		update_user_meta( $id, '_workos_user_id', 'user_01LOOKUP' );
		$this->assertSame( $id, UserLinker::find_by_workos_id( 'user_01LOOKUP' )->ID );
		$this->assertNull( UserLinker::find_by_workos_id( 'user_01NOBODY' ) );
		$this->assertNull( UserLinker::find_by_workos_id( '' ) );
	}

	public function test_locate_writes_nothing(): void {
		$id   = $this->wp_user_with_email( 'plan@linker.test' );
		$plan = UserLinker::locate( $this->workos_user( array( 'email' => 'plan@linker.test' ) ) );
		$this->assertSame( UserLinker::ACTION_LINK, $plan['action'] );
		$this->assertSame( '', get_user_meta( $id, '_workos_user_id', true ) );
		$fresh = UserLinker::locate( $this->workos_user() );
		$this->assertSame( UserLinker::ACTION_CREATE, $fresh['action'] );
		$this->assertNull( $fresh['user'] );
	}

	public function test_sync_flag_is_raised_while_the_user_is_written(): void {
		$seen = null;
		$spy  = static function () use ( &$seen ): void {
			$seen = UserLinker::is_syncing();
		};
		add_action( 'user_register', $spy );
		UserLinker::find_or_create( $this->workos_user() );
		remove_action( 'user_register', $spy );
		$this->assertTrue( $seen );
		$this->assertFalse( UserLinker::is_syncing() );
	}

	/** @param mixed $value */
	private function assertWPError( $value, string $code ): void {
		$this->assertInstanceOf( WP_Error::class, $value, is_object( $value ) ? get_class( $value ) : (string) wp_json_encode( $value ) );
		$this->assertSame( $code, $value->get_error_code(), $value->get_error_message() );
	}
}
