<?php
/**
 * dsync.group.* handling with envelopes the emulator really emitted: group → role through the
 * role map (group names as keys), highest mapped group wins, removal falls back, the last
 * administrator is kept, no push back to WorkOS, group lifecycle events are no-ops.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Sync\DirectoryUserLinker;
use WorkOSCompanion\Sync\PushQueue;
use WorkOSCompanion\Sync\RoleMapper;
use WorkOSCompanion\Webhook\Handlers\DsyncGroupHandler;

final class DsyncGroupHandlerTest extends WPTestCase {
	private const DIRECTORY   = 'directory_01JAACMEOKTA00000000000000';
	private const ADMINS      = 'directory_group_01JAADM0000000000000000000';
	private const EDITORS     = 'directory_group_01JAEDT0000000000000000000';
	private const ENGINEERING = 'directory_group_01JAENG0000000000000000000';

	/** @var string */
	private $dir_user;

	protected function setUp(): void {
		parent::setUp();
		EmulatorEnvironment::reset();
		EmulatorEnvironment::configure_site(
			'staging',
			array(
				'role_map' => array(
					'admin'   => 'administrator',
					'editor'  => 'editor',
					'member'  => 'subscriber',
					'Editors' => 'editor',
					'admins'  => 'administrator', // matches the group "Admins" by slug.
				),
			)
		);
		$user           = EmulatorEnvironment::control( 'POST', '/_emulator/directories/' . self::DIRECTORY . '/users', array( 'email' => 'gus@acme.test', 'first_name' => 'Gus' ) );
		$this->dir_user = (string) $user['id'];
	}

	/** Makes the emulator emit the event, then hands our handler the envelope it emitted. */
	private function change( string $method, string $group ) {
		EmulatorEnvironment::control( $method, '/_emulator/directory_groups/' . $group . '/users/' . $this->dir_user );
		$type  = 'PUT' === $method ? 'dsync.group.user_added' : 'dsync.group.user_removed';
		$list  = EmulatorEnvironment::client()->request( 'GET', '/events', array( 'events' => $type, 'limit' => 20 ) );
		$event = $list['data'][0]; // newest first.
		$this->assertSame( $this->dir_user, $event['data']['user']['id'] );
		$this->assertSame( $group, $event['data']['group']['id'] );
		return ( new DsyncGroupHandler() )->handle( substr( $type, strlen( 'dsync.group.' ) ), $event );
	}

	private function wp_user(): WP_User {
		$user = DirectoryUserLinker::find( $this->dir_user );
		$this->assertNotNull( $user );
		clean_user_cache( $user->ID );
		return get_userdata( $user->ID );
	}

	public function test_added_to_a_mapped_group_gets_its_role_and_removal_falls_back(): void {
		$added = $this->change( 'PUT', self::EDITORS );
		$this->assertSame( 'applied', $added->outcome, $added->reason );
		$this->assertSame( array( 'editor' ), $this->wp_user()->roles, 'provisioned from data.user, then mapped' );
		$this->assertSame( '', get_user_meta( $this->wp_user()->ID, '_workos_user_id', true ) );

		$removed = $this->change( 'DELETE', self::EDITORS );
		$this->assertSame( 'applied', $removed->outcome );
		$this->assertSame( array( RoleMapper::map( 'member' ) ), $this->wp_user()->roles );
	}

	public function test_unmapped_group_changes_no_role(): void {
		$this->change( 'PUT', self::EDITORS );
		$result = $this->change( 'PUT', self::ENGINEERING );
		$this->assertSame( 'skipped', $result->outcome );
		$this->assertSame( 'group_not_mapped', $result->reason );
		$this->assertSame( array( 'editor' ), $this->wp_user()->roles );
		$this->assertSame( 'skipped', $this->change( 'DELETE', self::ENGINEERING )->outcome );
		$this->assertSame( array( 'editor' ), $this->wp_user()->roles );
		$this->assertEqualsCanonicalizing( array( self::EDITORS => 'Editors' ), get_user_meta( $this->wp_user()->ID, DirectoryUserLinker::META_GROUPS, true ) );
	}

	public function test_highest_mapped_group_wins(): void {
		$this->change( 'PUT', self::ADMINS );
		$this->assertSame( array( 'administrator' ), $this->wp_user()->roles );
		$this->change( 'PUT', self::EDITORS );
		$this->assertSame( array( 'administrator' ), $this->wp_user()->roles, 'a lesser group never demotes' );
		$this->change( 'DELETE', self::ADMINS );
		$this->assertSame( array( 'editor' ), $this->wp_user()->roles, 'the remaining mapped group' );
	}

	public function test_last_administrator_is_not_demoted(): void {
		$this->change( 'PUT', self::ADMINS );
		$admin = $this->wp_user()->ID;
		foreach ( get_users( array( 'role' => 'administrator', 'fields' => 'ID', 'exclude' => array( $admin ) ) ) as $other ) {
			get_userdata( (int) $other )->set_role( 'editor' );
		}
		$result = $this->change( 'DELETE', self::ADMINS );
		$this->assertSame( 'skipped', $result->outcome );
		$this->assertSame( 'last_administrator_not_demoted', $result->reason );
		$this->assertSame( array( 'administrator' ), $this->wp_user()->roles );
	}

	public function test_role_changes_from_groups_are_not_pushed_back_to_workos(): void {
		$this->change( 'PUT', self::ENGINEERING );
		$user_id = $this->wp_user()->ID;
		update_user_meta( $user_id, '_workos_user_id', 'user_01JAU190000000000000000000' ); // also a user-management user.
		$this->change( 'PUT', self::EDITORS );
		$this->assertSame( array( 'editor' ), $this->wp_user()->roles );
		$this->assertNull( PushQueue::get( 'role', $user_id ) );
	}

	public function test_group_lifecycle_events_are_noops_with_a_reason(): void {
		$this->change( 'PUT', self::EDITORS );
		EmulatorEnvironment::control( 'PUT', '/_emulator/directory_groups/' . self::EDITORS, array( 'name' => 'Writers' ) );
		$list  = EmulatorEnvironment::client()->request( 'GET', '/events', array( 'events' => 'dsync.group.updated' ) );
		$event = $list['data'][0];
		$this->assertSame( 'Writers', $event['data']['name'] );
		$result = ( new DsyncGroupHandler() )->handle( 'updated', $event );
		$this->assertSame( 'skipped', $result->outcome );
		$this->assertSame( 'group_updated_changes_no_role', $result->reason );
		$this->assertSame( array( 'editor' ), $this->wp_user()->roles );
		foreach ( array( 'created', 'deleted' ) as $action ) {
			$this->assertSame( 'skipped', ( new DsyncGroupHandler() )->handle( $action, array( 'event' => 'dsync.group.' . $action, 'data' => array( 'id' => self::EDITORS ) ) )->outcome );
		}
	}

	public function test_bad_payloads_and_unknown_users_change_nothing(): void {
		$handler = new DsyncGroupHandler();
		$before  = count_users()['total_users'];
		$this->assertSame( 'missing_group_or_user', $handler->handle( 'user_added', array( 'data' => array( 'user' => array( 'id' => 'directory_user_x' ) ) ) )->reason );
		$this->assertSame( 'missing_group_or_user', $handler->handle( 'user_added', array( 'data' => array( 'group' => array( 'id' => 'g', 'name' => 'Editors' ) ) ) )->reason );
		$this->assertSame( 'missing_group_or_user', $handler->handle( 'user_removed', array() )->reason );
		$this->assertSame( 'not_linked', $handler->handle( 'user_removed', array( 'data' => array( 'group' => array( 'id' => 'g', 'name' => 'Editors' ), 'user' => array( 'id' => 'directory_user_nobody' ) ) ) )->reason );
		$this->assertSame( $before, count_users()['total_users'] );
	}

	public function test_mapping_rule(): void {
		$this->assertSame( 'editor', DsyncGroupHandler::role_for_group( 'EDITORS' ) );
		$this->assertSame( 'administrator', DsyncGroupHandler::role_for_group( 'Admins' ) );
		$this->assertSame( 'administrator', DsyncGroupHandler::role_for_group( 'admin' ) );
		$this->assertSame( '', DsyncGroupHandler::role_for_group( 'Engineering' ) );
	}
}
