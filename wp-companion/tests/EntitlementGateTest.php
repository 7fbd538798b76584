<?php
/**
 * The entitlement gate (seed spec §8.5) against the emulator's real memberships, and that it runs
 * before any WordPress user is created or linked and before tokens are stored.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Auth\LoginCompleter;
use WorkOSCompanion\Auth\TokenStore;
use WorkOSCompanion\Organization\EntitlementGate;

final class EntitlementGateTest extends WPTestCase {
	/** @var array<int,array> workos_login_denied calls */
	private $denied = array();

	protected function setUp(): void {
		parent::setUp();
		EmulatorEnvironment::reset();
		EmulatorEnvironment::configure_site( 'staging', array( 'organization_id' => EmulatorEnvironment::organization_id( 'Acme Corp' ) ) );
		$this->denied = array();
		add_action( 'workos_login_denied', array( $this, 'record_denied' ), 10, 3 );
	}

	protected function tearDown(): void {
		remove_action( 'workos_login_denied', array( $this, 'record_denied' ), 10 );
		remove_all_filters( 'workos_entitlement_gate_enabled' );
		remove_all_filters( 'workos_entitlement_check' );
		EmulatorEnvironment::control( 'DELETE', '/_emulator/faults' );
		parent::tearDown();
	}

	public function record_denied( $user_id, $reason, $response ): void {
		$this->denied[] = array( $user_id, $reason, $response );
	}

	private function enable_gate(): void {
		$row                             = get_option( 'workos_staging' );
		$row['entitlement_gate_enabled'] = true;
		update_option( 'workos_staging', $row );
	}

	/** @return array<string,mixed> A real authenticate response. */
	private function sign_in( string $email ): array {
		$response = EmulatorEnvironment::client()->authenticate_with_password( $email, 'Password123!' );
		$this->assertIsArray( $response, is_wp_error( $response ) ? $response->get_error_message() : '' );
		return $response;
	}

	public function test_disabled_by_default_and_then_everyone_passes(): void {
		$this->assertFalse( EntitlementGate::is_enabled() );
		$this->assertTrue( EntitlementGate::evaluate( 0, $this->sign_in( 'claude@example.test' ) ) );
		$this->assertSame( array(), $this->denied );
	}

	public function test_enabled_by_option_or_by_filter(): void {
		$this->enable_gate();
		$this->assertTrue( EntitlementGate::is_enabled() );
		add_filter( 'workos_entitlement_gate_enabled', '__return_false' );
		$this->assertFalse( EntitlementGate::is_enabled() );
		remove_all_filters( 'workos_entitlement_gate_enabled' );

		$row                             = get_option( 'workos_staging' );
		$row['entitlement_gate_enabled'] = false;
		update_option( 'workos_staging', $row );
		add_filter( 'workos_entitlement_gate_enabled', '__return_true' );
		$this->assertTrue( EntitlementGate::is_enabled() );
	}

	/**
	 * The constant beats the option (a constant stays defined: this test gets its own process).
	 *
	 * @runInSeparateProcess
	 * @preserveGlobalState disabled
	 */
	public function test_constant_beats_the_option(): void {
		$this->enable_gate();
		define( 'WORKOS_ENTITLEMENT_GATE_ENABLED', false );
		$this->assertFalse( EntitlementGate::is_enabled() );
		$this->assertTrue( EntitlementGate::evaluate( 0, $this->sign_in( 'claude@example.test' ) ) );
		add_filter( 'workos_entitlement_gate_enabled', '__return_true' );
		$this->assertTrue( EntitlementGate::is_enabled(), 'the filter has the last word' );
	}

	public function test_active_member_of_the_site_organization_is_allowed(): void {
		$this->enable_gate();
		$this->assertTrue( EntitlementGate::evaluate( 0, $this->sign_in( 'ada@acme.test' ) ) );
		$this->assertSame( array(), $this->denied );
	}

	public function test_user_without_membership_is_denied_with_the_spec_message(): void {
		$this->enable_gate();
		$user     = $this->create_user( 'subscriber' );
		$response = $this->sign_in( 'claude@example.test' );
		$result   = EntitlementGate::evaluate( $user, $response );
		$this->assertInstanceOf( WP_Error::class, $result );
		$this->assertSame( 'workos_entitlement_denied', $result->get_error_code() );
		$this->assertSame( 'Access denied. You do not have an active membership in the required organization.', $result->get_error_message() );
		$this->assertSame( 403, $result->get_error_data()['status'] );
		$this->assertSame( 'no_active_membership', $result->get_error_data()['reason'] );
		$this->assertCount( 1, $this->denied );
		$this->assertSame( array( $user, 'no_active_membership' ), array_slice( $this->denied[0], 0, 2 ) );
		$this->assertSame( $response['user']['id'], $this->denied[0][2]['user']['id'] );
	}

	public function test_deactivated_membership_is_denied(): void {
		$this->enable_gate();
		$response    = $this->sign_in( 'ada@acme.test' );
		$client      = EmulatorEnvironment::client();
		$memberships = $client->list_memberships( $response['user']['id'], EmulatorEnvironment::organization_id( 'Acme Corp' ) );
		$deactivated = $client->request( 'PUT', '/user_management/organization_memberships/' . $memberships['data'][0]['id'] . '/deactivate' );
		$this->assertSame( 'inactive', $deactivated['status'] );
		$this->assertSame( 'no_active_membership', EntitlementGate::evaluate( 0, $response )->get_error_data()['reason'] );
	}

	public function test_membership_in_another_organization_does_not_count(): void {
		$this->enable_gate();
		// The site pins Globex: Ada's Acme session does not make her a Globex member.
		$row                    = get_option( 'workos_staging' );
		$row['organization_id'] = EmulatorEnvironment::organization_id( 'Globex' );
		update_option( 'workos_staging', $row );
		$result = EntitlementGate::evaluate( 0, $this->sign_in( 'ada@acme.test' ) );
		$this->assertInstanceOf( WP_Error::class, $result, 'Ada is not in Globex' );
		$this->assertSame( 'no_active_membership', $result->get_error_data()['reason'] );
	}

	public function test_api_error_fails_open(): void {
		$this->enable_gate();
		$response = $this->sign_in( 'claude@example.test' );
		EmulatorEnvironment::control( 'POST', '/_emulator/faults', array( 'path' => '/user_management/organization_memberships', 'status' => 500 ) );
		$this->assertTrue( EntitlementGate::evaluate( 0, $response ) );

		update_option( 'workos_api_base_url', 'http://127.0.0.1:1' ); // WorkOS unreachable
		$this->assertTrue( EntitlementGate::evaluate( 0, $response ) );
		$this->assertSame( array(), $this->denied );
	}

	public function test_missing_workos_user_id_or_organization_skips_the_check(): void {
		$this->enable_gate();
		$this->assertTrue( EntitlementGate::evaluate( 0, array( 'user' => array( 'email' => 'x@y.test' ) ) ) );
		$row                    = get_option( 'workos_staging' );
		$row['organization_id'] = '';
		update_option( 'workos_staging', $row );
		$this->assertTrue( EntitlementGate::evaluate( 0, $this->sign_in( 'claude@example.test' ) ), 'no organization anywhere' );
		$this->assertSame( array(), $this->denied );
	}

	public function test_without_configured_organization_the_session_organization_is_used(): void {
		$this->enable_gate();
		$row                    = get_option( 'workos_staging' );
		$row['organization_id'] = '';
		update_option( 'workos_staging', $row );
		$response                    = $this->sign_in( 'ada@acme.test' );
		$this->assertTrue( EntitlementGate::evaluate( 0, $response ) );
		$response['organization_id'] = EmulatorEnvironment::organization_id( 'Globex' );
		$this->assertInstanceOf( WP_Error::class, EntitlementGate::evaluate( 0, $response ) );
	}

	public function test_check_filter_forces_allow_or_deny(): void {
		$this->enable_gate();
		add_filter( 'workos_entitlement_check', '__return_true' );
		$this->assertTrue( EntitlementGate::evaluate( 0, $this->sign_in( 'claude@example.test' ) ) );
		remove_all_filters( 'workos_entitlement_check' );

		add_filter( 'workos_entitlement_check', '__return_false' );
		$denied = EntitlementGate::evaluate( 0, $this->sign_in( 'ada@acme.test' ) );
		$this->assertSame( 'filter_denied', $denied->get_error_data()['reason'] );
		$this->assertSame( 'filter_denied', $this->denied[0][1] );
	}

	public function test_gate_runs_before_the_user_is_created_or_linked_and_before_tokens(): void {
		$this->enable_gate();
		$before = count_users()['total_users'];
		$result = LoginCompleter::complete( $this->sign_in( 'claude@example.test' ), '', false );
		$this->assertSame( 'workos_entitlement_denied', $result->get_error_code() );
		$this->assertFalse( get_user_by( 'email', 'claude@example.test' ), 'no user created' );
		$this->assertSame( $before, count_users()['total_users'] );
		$this->assertSame( 0, $this->denied[0][0], 'no WordPress user yet' );

		// An existing unlinked user with that address is not linked either, nor given tokens.
		$existing = $this->create_user( 'subscriber' );
		wp_update_user( array( 'ID' => $existing, 'user_email' => 'claude@example.test' ) );
		$again = LoginCompleter::complete( $this->sign_in( 'claude@example.test' ), '', false );
		$this->assertSame( 'workos_entitlement_denied', $again->get_error_code() );
		$this->assertSame( '', get_user_meta( $existing, '_workos_user_id', true ) );
		$this->assertSame( '', TokenStore::access_token( $existing ) );
		$this->assertSame( $existing, $this->denied[1][0] );
	}
}
