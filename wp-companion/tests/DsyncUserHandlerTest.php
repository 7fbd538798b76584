<?php
/**
 * dsync.user.* handling with envelopes the emulator really emitted (directory changes made
 * through its control API, read back from GET /events): provisioning with the directory-user id
 * kept apart, deactivation and reactivation, deletion, ordering, bad input.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Auth\AccountLock;
use WorkOSCompanion\Sync\DirectoryUserLinker;
use WorkOSCompanion\Sync\PushQueue;
use WorkOSCompanion\Webhook\Handlers\DsyncUserHandler;

final class DsyncUserHandlerTest extends WPTestCase {
	private const DIRECTORY = 'directory_01JAACMEOKTA00000000000000';

	protected function setUp(): void {
		parent::setUp();
		EmulatorEnvironment::reset();
		EmulatorEnvironment::configure_site( 'staging', array( 'deprovision_action' => 'deactivate' ) );
	}

	/**
	 * The envelopes the emulator emitted for a directory user, oldest first.
	 *
	 * @return array<int,array<string,mixed>>
	 */
	private function events_for( string $directory_user_id, string $types = 'dsync.user.created,dsync.user.updated,dsync.user.deleted' ): array {
		$list = EmulatorEnvironment::client()->request( 'GET', '/events', array( 'events' => $types, 'limit' => 100 ) );
		$this->assertIsArray( $list );
		$mine = array_values(
			array_filter(
				$list['data'],
				static function ( $e ) use ( $directory_user_id ) {
					return ( $e['data']['id'] ?? '' ) === $directory_user_id;
				}
			)
		);
		return array_reverse( $mine );
	}

	private function handle( array $event ) {
		$parts = explode( '.', $event['event'] );
		return ( new DsyncUserHandler() )->handle( end( $parts ), $event );
	}

	private function new_directory_user( string $email ): string {
		$user = EmulatorEnvironment::control( 'POST', '/_emulator/directories/' . self::DIRECTORY . '/users', array( 'email' => $email, 'first_name' => 'Dora', 'last_name' => 'Directory' ) );
		return (string) $user['id'];
	}

	public function test_created_provisions_a_user_with_the_directory_id_kept_apart(): void {
		$dir_id = $this->new_directory_user( 'dora@acme.test' );
		$events = $this->events_for( $dir_id );
		$this->assertSame( 'dsync.user.created', $events[0]['event'] );

		$result = $this->handle( $events[0] );
		$this->assertSame( 'applied', $result->outcome, $result->reason );
		$user = get_user_by( 'email', 'dora@acme.test' );
		$this->assertNotFalse( $user );
		$this->assertSame( $user->ID, $result->wp_user_id );
		$this->assertSame( $dir_id, get_user_meta( $user->ID, DirectoryUserLinker::META_ID, true ) );
		$this->assertSame( self::DIRECTORY, get_user_meta( $user->ID, DirectoryUserLinker::META_DIRECTORY, true ) );
		$this->assertSame( '', get_user_meta( $user->ID, '_workos_user_id', true ), 'a directory id is never a user-management id' );
		$this->assertSame( 'Dora', $user->first_name );
		$this->assertSame( 'Dora Directory', $user->display_name );
		$this->assertSame( array( get_option( 'default_role' ) ), $user->roles );
		$this->assertSame( array(), PushQueue::all(), 'nothing is pushed to WorkOS for a directory user' );

		$again = $this->handle( $events[0] ); // a second delivery changes nothing.
		$this->assertSame( $user->ID, $again->wp_user_id );
		$this->assertCount( 1, get_users( array( 'search' => 'dora@acme.test', 'search_columns' => array( 'user_email' ) ) ) );
	}

	public function test_existing_user_is_linked_by_email_but_never_an_administrator(): void {
		$member = $this->create_user( 'author' );
		wp_update_user( array( 'ID' => $member, 'user_email' => 'mia@acme.test' ) );
		$admin = $this->create_user( 'administrator' );
		wp_update_user( array( 'ID' => $admin, 'user_email' => 'boss@acme.test' ) );

		$linked = $this->handle( $this->events_for( $this->new_directory_user( 'mia@acme.test' ) )[0] );
		$this->assertSame( 'applied', $linked->outcome );
		$this->assertSame( $member, $linked->wp_user_id );

		$boss_id = $this->new_directory_user( 'boss@acme.test' );
		$refused = $this->handle( $this->events_for( $boss_id )[0] );
		$this->assertSame( 'failed', $refused->outcome );
		$this->assertSame( 'workos_admin_link_required', $refused->reason );
		$this->assertSame( '', get_user_meta( $admin, DirectoryUserLinker::META_ID, true ) );
	}

	public function test_deactivated_in_the_directory_then_reactivated(): void {
		$dir_id = $this->new_directory_user( 'dora@acme.test' );
		$this->handle( $this->events_for( $dir_id )[0] );
		$user_id = get_user_by( 'email', 'dora@acme.test' )->ID;
		WP_Session_Tokens::get_instance( $user_id )->create( time() + HOUR_IN_SECONDS );

		EmulatorEnvironment::control( 'POST', '/_emulator/directory_users/' . $dir_id . '/deactivate' );
		$events = $this->events_for( $dir_id );
		$update = end( $events );
		$this->assertSame( 'inactive', $update['data']['state'] );
		$result = $this->handle( $update );
		$this->assertSame( 'applied', $result->outcome, $result->reason );
		$this->assertTrue( AccountLock::is_deactivated( $user_id ) );
		$this->assertSame( array(), WP_Session_Tokens::get_instance( $user_id )->get_all(), 'all sessions destroyed' );

		EmulatorEnvironment::control( 'PUT', '/_emulator/directory_users/' . $dir_id, array( 'state' => 'active', 'first_name' => 'Dorothy' ) );
		$events = $this->events_for( $dir_id );
		$back   = end( $events );
		$this->assertSame( 'active', $back['data']['state'] );
		$result = $this->handle( $back );
		$this->assertSame( 'applied', $result->outcome );
		$this->assertFalse( AccountLock::is_deactivated( $user_id ) );
		$this->assertSame( 'Dorothy', get_userdata( $user_id )->first_name );
	}

	public function test_an_older_update_does_not_overwrite_a_newer_one(): void {
		$dir_id = $this->new_directory_user( 'dora@acme.test' );
		EmulatorEnvironment::control( 'POST', '/_emulator/directory_users/' . $dir_id . '/deactivate' );
		usleep( 5000 );
		EmulatorEnvironment::control( 'PUT', '/_emulator/directory_users/' . $dir_id, array( 'state' => 'active' ) );
		list( $created, $inactive, $active ) = $this->events_for( $dir_id );
		$this->handle( $created );
		$this->assertSame( 'applied', $this->handle( $active )->outcome );
		$late = $this->handle( $inactive ); // delivered late.
		$this->assertSame( 'stale', $late->outcome );
		$this->assertFalse( AccountLock::is_deactivated( get_user_by( 'email', 'dora@acme.test' )->ID ) );
	}

	public function test_deleted_deprovisions_per_the_setting(): void {
		$dir_id = $this->new_directory_user( 'dora@acme.test' );
		$this->handle( $this->events_for( $dir_id )[0] );
		$user_id = get_user_by( 'email', 'dora@acme.test' )->ID;
		EmulatorEnvironment::control( 'DELETE', '/_emulator/directory_users/' . $dir_id );
		$events = $this->events_for( $dir_id );
		$delete = end( $events );
		$this->assertSame( 'dsync.user.deleted', $delete['event'] );
		$this->assertSame( 'applied', $this->handle( $delete )->outcome );
		$this->assertTrue( AccountLock::is_deactivated( $user_id ) );
		$this->assertNotFalse( get_userdata( $user_id ), 'deactivate keeps the account' );
	}

	public function test_inactive_or_unknown_users_and_bad_payloads_create_nobody(): void {
		$before = count_users()['total_users'];
		$seeded = $this->handle(
			array( 'id' => 'event_x1', 'event' => 'dsync.user.deleted', 'data' => array( 'id' => 'directory_user_unknown' ), 'created_at' => gmdate( 'c' ) )
		);
		$this->assertSame( 'skipped', $seeded->outcome );
		$this->assertSame( 'not_linked', $seeded->reason );

		$no_id = $this->handle( array( 'id' => 'event_x2', 'event' => 'dsync.user.created', 'data' => array( 'email' => 'x@acme.test' ) ) );
		$this->assertSame( 'skipped', $no_id->outcome );
		$this->assertSame( 'missing_directory_user_id', $no_id->reason );

		$no_email = $this->handle( array( 'id' => 'event_x3', 'event' => 'dsync.user.created', 'data' => array( 'id' => 'directory_user_x', 'emails' => array( array( 'value' => 'not-an-email' ) ) ) ) );
		$this->assertSame( 'skipped', $no_email->outcome );
		$this->assertSame( 'missing_email', $no_email->reason );

		$inactive = $this->handle( array( 'id' => 'event_x4', 'event' => 'dsync.user.created', 'data' => array( 'id' => 'directory_user_y', 'email' => 'y@acme.test', 'state' => 'suspended' ) ) );
		$this->assertSame( 'skipped', $inactive->outcome );

		$no_data = $this->handle( array( 'id' => 'event_x5', 'event' => 'dsync.user.updated' ) );
		$this->assertSame( 'skipped', $no_data->outcome );
		$this->assertSame( $before, count_users()['total_users'] );
	}

	public function test_email_is_taken_from_the_primary_entry(): void {
		$this->assertSame( 'p@acme.test', DirectoryUserLinker::email( array( 'email' => 'e@acme.test', 'emails' => array( array( 'value' => 'f@acme.test' ), array( 'primary' => true, 'value' => 'p@acme.test' ) ) ) ) );
		$this->assertSame( 'f@acme.test', DirectoryUserLinker::email( array( 'email' => 'e@acme.test', 'emails' => array( array( 'value' => 'f@acme.test' ) ) ) ) );
		$this->assertSame( 'e@acme.test', DirectoryUserLinker::email( array( 'email' => 'e@acme.test' ) ) );
		$this->assertSame( '', DirectoryUserLinker::email( array() ) );
	}
}
