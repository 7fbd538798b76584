<?php
/**
 * WordPress → WorkOS push (Sync\ProfilePush + Sync\PushQueue) against the emulator: queued and
 * never sent inline, really applied in WorkOS, coalesced and idempotent, retried with backoff,
 * given up on a refusal, and never echoing a change WorkOS originated.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Sync\DirectoryUserLinker;
use WorkOSCompanion\Sync\ProfilePush;
use WorkOSCompanion\Sync\PushQueue;
use WorkOSCompanion\Sync\RoleMapper;
use WorkOSCompanion\Sync\UserLinker;
use WorkOSCompanion\AuditLog\AuditEvent;
use WorkOSCompanion\Webhook\Applying;

final class ProfilePushTest extends WPTestCase {
	/** @var array<string,mixed> */
	private $alan;
	/** @var int */
	private $user_id;

	protected function setUp(): void {
		parent::setUp();
		EmulatorEnvironment::reset();
		EmulatorEnvironment::configure_site( 'staging', array( 'organization_id' => EmulatorEnvironment::organization_id( 'Acme Corp' ) ) );
		PushQueue::purge();
		$this->alan = $this->workos_user( 'alan@acme.test' );
		$user       = UserLinker::find_or_create( $this->alan );
		$this->assertInstanceOf( WP_User::class, $user );
		$this->user_id = $user->ID;
		$this->assertSame( array(), PushQueue::all(), 'linking from WorkOS pushes nothing back' );
	}

	protected function tearDown(): void {
		EmulatorEnvironment::control( 'DELETE', '/_emulator/faults' );
		parent::tearDown();
	}

	private function workos_user( string $email ): array {
		$list = EmulatorEnvironment::client()->request( 'GET', '/user_management/users', array( 'email' => $email ) );
		$this->assertNotEmpty( $list['data'] );
		return $list['data'][0];
	}

	private function membership_role(): string {
		$list = EmulatorEnvironment::client()->list_memberships( $this->alan['id'], EmulatorEnvironment::organization_id( 'Acme Corp' ) );
		$role = $list['data'][0]['role'];
		return is_array( $role ) ? $role['slug'] : $role;
	}

	public function test_profile_change_is_queued_not_sent_inline_then_pushed(): void {
		wp_update_user( array( 'ID' => $this->user_id, 'first_name' => 'Alanis', 'user_email' => 'alan.turing@acme.test' ) );
		$this->assertNotNull( PushQueue::get( 'profile', $this->user_id ) );
		$this->assertNotFalse( wp_next_scheduled( PushQueue::CRON_HOOK ) );
		$this->assertSame( 'Alan', $this->workos_user( 'alan@acme.test' )['first_name'], 'nothing sent during the request' );

		wp_update_user( array( 'ID' => $this->user_id, 'last_name' => 'Turing-Test' ) );
		$this->assertCount( 1, PushQueue::all(), 'a second change of the same user coalesces' );

		$summary = PushQueue::process();
		$this->assertSame( 1, $summary['sent'] );
		$remote = EmulatorEnvironment::client()->get_user( $this->alan['id'] );
		$this->assertSame( 'Alanis', $remote['first_name'] );
		$this->assertSame( 'Turing-Test', $remote['last_name'] );
		$this->assertSame( 'alan.turing@acme.test', $remote['email'] );
		$this->assertSame( array(), PushQueue::all() );

		// The user.updated WorkOS sends back repeats these values: applying it queues nothing.
		UserLinker::find_or_create( $remote );
		wp_update_user( array( 'ID' => $this->user_id, 'first_name' => 'Alanis' ) );
		$this->assertSame( array(), PushQueue::all() );
	}

	public function test_the_site_user_id_lands_in_the_workos_users_metadata_beside_the_others(): void {
		EmulatorEnvironment::client()->request( 'PUT', '/user_management/users/' . $this->alan['id'], array(), array( 'metadata' => array( 'puid:other.example' => '77', 'team' => 'crypto' ) ) );
		PushQueue::push( 'puid', $this->user_id );
		$this->assertSame( 1, PushQueue::process()['sent'] );
		$key = ProfilePush::puid_key();
		$this->assertSame( 'puid:' . AuditEvent::site_key(), $key );
		$metadata = EmulatorEnvironment::client()->get_user( $this->alan['id'] )['metadata'];
		$expected = array( 'puid:other.example' => '77', 'team' => 'crypto', $key => (string) $this->user_id );
		ksort( $metadata );
		ksort( $expected );
		$this->assertSame( $expected, $metadata, 'other sites\' keys and other metadata kept' );

		// Already right: nothing is written (a write would send WorkOS a user.updated for nothing).
		EmulatorEnvironment::control( 'POST', '/_emulator/faults', array( 'path' => '/user_management/users/' . $this->alan['id'], 'method' => 'PUT', 'status' => 500, 'count' => 1 ) );
		PushQueue::push( 'puid', $this->user_id );
		$this->assertSame( 1, PushQueue::process()['sent'] );
	}

	public function test_a_site_key_longer_than_workos_allows_is_hashed(): void {
		$long = static function () {
			return 'https://intranet.a-very-long-company-name.example/departments/engineering';
		};
		add_filter( 'home_url', $long );
		try {
			$key = ProfilePush::puid_key();
		} finally {
			remove_filter( 'home_url', $long );
		}
		$this->assertLessThanOrEqual( 40, strlen( $key ), 'WorkOS refuses metadata keys over 40 characters' );
		$this->assertMatchesRegularExpression( '/^puid:[0-9a-f]{35}$/', $key );
	}

	public function test_role_change_is_pushed_through_the_reverse_map(): void {
		$this->assertSame( 'editor', $this->membership_role() );
		get_userdata( $this->user_id )->set_role( 'administrator' );
		$this->assertNotNull( PushQueue::get( 'role', $this->user_id ) );
		$this->assertSame( 'editor', $this->membership_role() );
		$this->assertSame( 1, PushQueue::process()['sent'] );
		$this->assertSame( 'admin', $this->membership_role() );

		get_userdata( $this->user_id )->set_role( 'author' ); // not in the role map: skipped, not retried.
		$this->assertSame( 1, PushQueue::process()['sent'] );
		$this->assertSame( 'admin', $this->membership_role() );
		$this->assertSame( 'admin', ProfilePush::reverse_map( 'administrator' ) );
	}

	public function test_changes_workos_originated_queue_nothing(): void {
		RoleMapper::apply( $this->user_id, 'administrator' );
		UserLinker::find_or_create( array_merge( $this->alan, array( 'first_name' => 'Renamed' ) ) );
		Applying::run(
			function () {
				wp_update_user( array( 'ID' => $this->user_id, 'last_name' => 'FromWebhook' ) );
				get_userdata( $this->user_id )->set_role( 'editor' );
			}
		);
		update_user_meta( $this->user_id, DirectoryUserLinker::META_ID, 'directory_user_x' );
		DirectoryUserLinker::update( get_userdata( $this->user_id ), array( 'id' => 'directory_user_x', 'first_name' => 'Dir' ) );
		ProfilePush::without_push(
			function () {
				get_userdata( $this->user_id )->set_role( 'subscriber' );
			}
		);
		$this->assertSame( 'Dir', get_userdata( $this->user_id )->first_name );
		$this->assertSame( array(), PushQueue::all() );

		$other = $this->create_user( 'editor' ); // not linked to WorkOS: nothing to push.
		wp_update_user( array( 'ID' => $other, 'first_name' => 'Local' ) );
		get_userdata( $other )->set_role( 'author' );
		$this->assertSame( array(), PushQueue::all() );
	}

	public function test_transient_failures_are_retried_with_backoff(): void {
		EmulatorEnvironment::control( 'POST', '/_emulator/faults', array( 'path' => '/user_management/users/' . $this->alan['id'], 'status' => 503, 'count' => 1 ) );
		wp_update_user( array( 'ID' => $this->user_id, 'first_name' => 'Retry' ) );
		$now     = time();
		$summary = PushQueue::process( PushQueue::BATCH, $now );
		$this->assertSame( 1, $summary['retry'] );
		$item = PushQueue::get( 'profile', $this->user_id );
		$this->assertSame( 1, $item['attempts'] );
		$this->assertGreaterThanOrEqual( $now + PushQueue::BASE_DELAY, $item['next_attempt_at'] );
		$this->assertStringContainsString( '503', $item['last_error'] );

		$this->assertSame( 1, PushQueue::process( PushQueue::BATCH, $now )['pending'], 'not due yet' );
		$this->assertSame( 'Alan', EmulatorEnvironment::client()->get_user( $this->alan['id'] )['first_name'] );
		$this->assertSame( 1, PushQueue::process( PushQueue::BATCH, $now + 2 * HOUR_IN_SECONDS )['sent'] );
		$this->assertSame( 'Retry', EmulatorEnvironment::client()->get_user( $this->alan['id'] )['first_name'] );
	}

	public function test_a_refused_push_is_given_up_and_reported(): void {
		update_user_meta( $this->user_id, UserLinker::META_USER_ID, 'user_does_not_exist' );
		$failed = array();
		$listen = static function ( $item ) use ( &$failed ) {
			$failed[] = $item;
		};
		add_action( 'workos_push_failed', $listen );
		wp_update_user( array( 'ID' => $this->user_id, 'first_name' => 'Ghost' ) );
		$summary = PushQueue::process();
		remove_action( 'workos_push_failed', $listen );
		$this->assertSame( 1, $summary['failed'] );
		$this->assertCount( 1, $failed );
		$this->assertSame( 'failed', PushQueue::get( 'profile', $this->user_id )['status'] );
		$this->assertStringContainsString( '404', $failed[0]['last_error'] );
	}

	public function test_unknown_kinds_and_users_are_not_queued(): void {
		$this->assertSame( '', PushQueue::push( 'password', $this->user_id ) );
		$this->assertSame( '', PushQueue::push( 'profile', 0 ) );
		$this->assertSame( array(), PushQueue::all() );
	}
}
