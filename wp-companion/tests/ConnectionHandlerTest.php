<?php
/**
 * connection.* (state recorded per connection id and in the activity log, ordering) and
 * authentication.email_verification_succeeded (the linked user's e-mail marked verified), with
 * envelopes the emulator really emitted.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Webhook\Handlers\AuthenticationHandler;
use WorkOSCompanion\Webhook\Handlers\ConnectionHandler;

final class ConnectionHandlerTest extends WPTestCase {
	protected function setUp(): void {
		parent::setUp();
		EmulatorEnvironment::reset();
		EmulatorEnvironment::configure_site( 'staging', array( 'enable_activity_log' => true ) );
	}

	/** @return array<int,array<string,mixed>> The emulator's events of these types for one object, oldest first. */
	private function events( string $types, string $object_id ): array {
		$list = EmulatorEnvironment::client()->request( 'GET', '/events', array( 'events' => $types, 'limit' => 100 ) );
		$this->assertIsArray( $list );
		return array_reverse(
			array_values(
				array_filter(
					$list['data'],
					static function ( $e ) use ( $object_id ) {
						return ( $e['data']['id'] ?? $e['data']['user_id'] ?? '' ) === $object_id;
					}
				)
			)
		);
	}

	private function handle( array $event ) {
		return ( new ConnectionHandler() )->handle( substr( $event['event'], strlen( 'connection.' ) ), $event );
	}

	private function log_rows( string $connection_id ): array {
		global $wpdb;
		return $wpdb->get_results( $wpdb->prepare( "SELECT event_type, metadata FROM {$wpdb->prefix}workos_activity_log WHERE event_type LIKE 'connection.%%' AND metadata LIKE %s ORDER BY id", '%' . $wpdb->esc_like( $connection_id ) . '%' ) );
	}

	public function test_lifecycle_is_recorded_per_connection_and_logged(): void {
		$conn = EmulatorEnvironment::control( 'POST', '/_emulator/connections', array( 'organization_id' => EmulatorEnvironment::organization_id( 'Acme Corp' ), 'name' => 'Test SSO', 'connection_type' => 'OktaSAML' ) );
		$id   = (string) $conn['id'];
		EmulatorEnvironment::control( 'POST', '/_emulator/connections/' . $id . '/deactivate' );
		EmulatorEnvironment::control( 'DELETE', '/_emulator/connections/' . $id );
		$events = $this->events( 'connection.activated,connection.deactivated,connection.deleted', $id );
		$this->assertSame( array( 'connection.activated', 'connection.deactivated', 'connection.deleted' ), array_column( $events, 'event' ) );

		$this->assertSame( 'applied', $this->handle( $events[0] )->outcome );
		$this->assertSame( 'active', ConnectionHandler::get( $id )['state'] );
		$this->assertSame( 'Test SSO', ConnectionHandler::get( $id )['name'] );

		$result = $this->handle( $events[1] );
		$this->assertSame( 'applied', $result->outcome );
		$this->assertSame( $id, $result->object_ids['connection_id'] );
		$this->assertSame( 'inactive', ConnectionHandler::get( $id )['state'] );
		$this->assertSame( $events[1]['id'], ConnectionHandler::get( $id )['event_id'] );

		$this->handle( $events[2] );
		$this->assertSame( 'deleted', ConnectionHandler::get( $id )['state'] );
		$this->assertSame( array( 'connection.activated', 'connection.deactivated', 'connection.deleted' ), array_column( $this->log_rows( $id ), 'event_type' ) );
		$this->assertSame( 'no', $GLOBALS['wpdb']->get_var( $GLOBALS['wpdb']->prepare( "SELECT autoload FROM {$GLOBALS['wpdb']->options} WHERE option_name = %s", ConnectionHandler::OPTION_PREFIX . sanitize_key( $id ) ) ) );
	}

	public function test_an_older_event_does_not_overwrite_a_newer_state(): void {
		$conn = EmulatorEnvironment::control( 'POST', '/_emulator/connections', array( 'organization_id' => EmulatorEnvironment::organization_id( 'Acme Corp' ), 'name' => 'Late SSO', 'connection_type' => 'OktaSAML' ) );
		$id   = (string) $conn['id'];
		usleep( 5000 );
		EmulatorEnvironment::control( 'POST', '/_emulator/connections/' . $id . '/deactivate' );
		list( $activated, $deactivated ) = $this->events( 'connection.activated,connection.deactivated', $id );
		$this->handle( $deactivated );
		$late = $this->handle( $activated );
		$this->assertSame( 'stale', $late->outcome );
		$this->assertSame( 'inactive', ConnectionHandler::get( $id )['state'] );
		$this->assertCount( 1, $this->log_rows( $id ) );
	}

	public function test_bad_payloads_record_nothing(): void {
		$handler = new ConnectionHandler();
		$this->assertSame( 'missing_connection_id', $handler->handle( 'activated', array( 'event' => 'connection.activated', 'data' => array( 'state' => 'active' ) ) )->reason );
		$this->assertSame( 'missing_connection_id', $handler->handle( 'activated', array() )->reason );
		$this->assertSame( 'unknown_action', $handler->handle( 'saml_certificate_renewed', array( 'data' => array( 'id' => 'conn_x' ) ) )->reason );
		$this->assertNull( ConnectionHandler::get( 'conn_x' ) );
	}

	public function test_email_verification_succeeded_marks_the_linked_user_verified(): void {
		$joan = EmulatorEnvironment::client()->request( 'GET', '/user_management/users', array( 'email' => 'joan@acme.test' ) )['data'][0];
		$this->assertFalse( $joan['email_verified'] );
		$user = $this->create_user( 'subscriber' );
		update_user_meta( $user, '_workos_user_id', $joan['id'] );

		EmulatorEnvironment::client()->request( 'POST', '/user_management/users/' . $joan['id'] . '/email_verification/send', array(), array() );
		$mail = EmulatorEnvironment::control( 'GET', '/_emulator/emails?type=email_verification&email=joan@acme.test' );
		$code = (string) end( $mail['data'] )['code'];
		$this->assertIsArray( EmulatorEnvironment::client()->request( 'POST', '/user_management/users/' . $joan['id'] . '/email_verification/confirm', array(), array( 'code' => $code ) ) );
		$events = $this->events( 'authentication.email_verification_succeeded', $joan['id'] );
		$this->assertNotEmpty( $events );

		$this->assertSame( '', get_user_meta( $user, AuthenticationHandler::META_VERIFIED, true ) );
		$result = ( new AuthenticationHandler() )->handle( 'email_verification_succeeded', end( $events ) );
		$this->assertSame( 'applied', $result->outcome );
		$this->assertSame( $user, $result->wp_user_id );
		$this->assertSame( '1', get_user_meta( $user, AuthenticationHandler::META_VERIFIED, true ) );
		$this->assertSame( 'joan@acme.test', get_user_meta( $user, AuthenticationHandler::META_ADDRESS, true ) );
	}

	public function test_email_verification_of_unknown_users_and_other_auth_events_change_nothing(): void {
		$handler = new AuthenticationHandler();
		$this->assertSame( 'not_linked', $handler->handle( 'email_verification_succeeded', array( 'data' => array( 'user_id' => 'user_nobody' ) ) )->reason );
		$this->assertSame( 'missing_user_id', $handler->handle( 'email_verification_succeeded', array( 'data' => array() ) )->reason );
		$user = $this->create_user( 'subscriber' );
		update_user_meta( $user, '_workos_user_id', 'user_someone' );
		$failed = $handler->handle( 'email_verification_failed', array( 'data' => array( 'user_id' => 'user_someone' ) ) );
		$this->assertSame( 'skipped', $failed->outcome );
		$this->assertSame( '', get_user_meta( $user, AuthenticationHandler::META_VERIFIED, true ) );
	}
}
