<?php
/**
 * Logout against the emulator (seed spec §3.9 with workos-api.md's revoke endpoint, §18
 * LoginLogoutTest): a real WorkOS session is made with the password grant, stored for a linked
 * WordPress user, and wp_logout() ends it in WorkOS and forgets the tokens. WorkOS down, slow or
 * failing never stops the logout.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Auth\Logout;
use WorkOSCompanion\Auth\TokenStore;

final class LogoutTest extends WPTestCase {
	protected function setUp(): void {
		parent::setUp();
		EmulatorEnvironment::reset();
		EmulatorEnvironment::configure_site();
		// The CLI has printed already: WordPress must not try to send cookie headers.
		add_filter( 'send_auth_cookies', '__return_false' );
	}

	protected function tearDown(): void {
		remove_filter( 'send_auth_cookies', '__return_false' );
		EmulatorEnvironment::control( 'DELETE', '/_emulator/faults' );
		parent::tearDown();
	}

	/**
	 * Ada signs in with WorkOS; a WordPress user linked to her holds the tokens.
	 *
	 * @return array{0:int,1:string,2:string} WordPress user id, WorkOS user id, session id.
	 */
	private function signed_in_user(): array {
		$response = EmulatorEnvironment::client()->authenticate_with_password( 'ada@acme.test', 'Password123!' );
		$this->assertIsArray( $response, is_wp_error( $response ) ? $response->get_error_message() : '' );
		$user_id = $this->create_user( 'editor' );
		update_user_meta( $user_id, '_workos_user_id', $response['user']['id'] );
		TokenStore::store( $user_id, $response );
		$session_id = TokenStore::session_id( $user_id );
		$this->assertStringStartsWith( 'session_', $session_id );
		$this->assertSame( 'active', $this->session_status( $response['user']['id'], $session_id ) );
		return array( $user_id, $response['user']['id'], $session_id );
	}

	private function session_status( string $workos_user_id, string $session_id ): string {
		$list = EmulatorEnvironment::client()->request( 'GET', '/user_management/users/' . rawurlencode( $workos_user_id ) . '/sessions' );
		$this->assertIsArray( $list );
		foreach ( $list['data'] as $session ) {
			if ( $session['id'] === $session_id ) {
				return (string) $session['status'];
			}
		}
		$this->fail( "session $session_id is not listed for $workos_user_id" );
	}

	private function logout_as( int $user_id ): void {
		wp_set_current_user( $user_id );
		wp_logout();
		$this->assertSame( 0, get_current_user_id() );
	}

	private function assertTokensGone( int $user_id ): void {
		foreach ( array( '_workos_access_token', '_workos_refresh_token', '_workos_session_id' ) as $key ) {
			$this->assertSame( '', get_user_meta( $user_id, $key, true ), "$key is deleted" );
		}
	}

	public function test_logout_revokes_the_workos_session_and_forgets_the_tokens(): void {
		list( $user_id, $workos_id, $session_id ) = $this->signed_in_user();
		$this->assertNotSame( '', get_user_meta( $user_id, '_workos_refresh_token', true ) );

		$this->logout_as( $user_id );

		$this->assertSame( 'revoked', $this->session_status( $workos_id, $session_id ) );
		$this->assertTokensGone( $user_id );
		$this->assertSame( $workos_id, get_user_meta( $user_id, '_workos_user_id', true ), 'the link stays' );
	}

	public function test_session_id_read_from_the_access_token_when_not_stored_apart(): void {
		list( $user_id, $workos_id, $session_id ) = $this->signed_in_user();
		delete_user_meta( $user_id, '_workos_session_id' );

		$this->assertTrue( Logout::end_workos_session( $user_id ) );
		$this->assertSame( 'revoked', $this->session_status( $workos_id, $session_id ) );
		$this->assertTokensGone( $user_id );
	}

	public function test_other_sessions_of_the_user_stay(): void {
		list( $user_id, $workos_id, $session_id ) = $this->signed_in_user();
		$other = EmulatorEnvironment::client()->authenticate_with_password( 'ada@acme.test', 'Password123!' );
		$other_sid = (string) TokenStore::unverified_claims( $other['access_token'] )['sid'];

		$this->logout_as( $user_id );

		$this->assertSame( 'revoked', $this->session_status( $workos_id, $session_id ) );
		$this->assertSame( 'active', $this->session_status( $workos_id, $other_sid ), 'only the stored session is revoked' );
	}

	public function test_nothing_to_revoke_without_tokens_or_without_sid(): void {
		$plain = $this->create_user( 'editor' );
		$this->assertNull( Logout::end_workos_session( $plain ) );

		$user_id = $this->create_user( 'editor' );
		TokenStore::store( $user_id, array( 'access_token' => 'header.' . rtrim( strtr( base64_encode( '{"sub":"user_x"}' ), '+/', '-_' ), '=' ) . '.sig', 'refresh_token' => 'rt' ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- a JWT payload.
		$this->assertNull( Logout::end_workos_session( $user_id ), 'no sid claim: no call' );
		$this->assertTokensGone( $user_id );
	}

	public function test_not_enabled_clears_tokens_without_calling_workos(): void {
		list( $user_id, $workos_id, $session_id ) = $this->signed_in_user();
		EmulatorEnvironment::configure_site( 'staging', array( 'environment_id' => '' ) );

		$this->assertNull( Logout::end_workos_session( $user_id ) );
		$this->assertTokensGone( $user_id );
		$this->assertSame( 'active', $this->session_status( $workos_id, $session_id ) );
	}

	public function test_workos_unreachable_logout_still_completes(): void {
		list( $user_id ) = $this->signed_in_user();
		update_option( 'workos_api_base_url', 'http://127.0.0.1:1' ); // nothing listens there
		$log = $this->debug_log_size();

		$this->logout_as( $user_id );

		$this->assertTokensGone( $user_id );
		$this->assertStringContainsString( "WorkOS session of user $user_id was not revoked at logout", $this->debug_log_since( $log ) );
		$this->assertStringContainsString( 'workos_unreachable', $this->debug_log_since( $log ) );
	}

	public function test_workos_error_logged_and_logout_completes(): void {
		list( $user_id, $workos_id, $session_id ) = $this->signed_in_user();
		EmulatorEnvironment::control( 'POST', '/_emulator/faults', array( 'method' => 'POST', 'path' => '/user_management/sessions/revoke', 'status' => 500 ) );
		$log = $this->debug_log_size();

		$result = Logout::end_workos_session( $user_id );

		$this->assertInstanceOf( WP_Error::class, $result );
		$this->assertSame( 500, $result->get_error_data()['status'] );
		$this->assertTokensGone( $user_id );
		$this->assertStringContainsString( "WorkOS session of user $user_id was not revoked", $this->debug_log_since( $log ) );
		$this->assertSame( 'active', $this->session_status( $workos_id, $session_id ) );
	}

	public function test_slow_workos_does_not_hold_the_logout(): void {
		list( $user_id ) = $this->signed_in_user();
		EmulatorEnvironment::control( 'POST', '/_emulator/faults', array( 'method' => 'POST', 'path' => '/user_management/sessions/revoke', 'latency_ms' => 8000 ) );

		$started = microtime( true );
		$this->logout_as( $user_id );
		$elapsed = microtime( true ) - $started;

		$this->assertLessThan( Logout::REVOKE_TIMEOUT + 1.5, $elapsed, 'the revoke gives up after its short timeout' );
		$this->assertTokensGone( $user_id );
	}

	private function debug_log_size(): int {
		$file = (string) ini_get( 'error_log' );
		$this->assertNotSame( '', $file, 'WordPress sends PHP errors to its debug log' );
		clearstatcache();
		return is_file( $file ) ? (int) filesize( $file ) : 0;
	}

	private function debug_log_since( int $offset ): string {
		clearstatcache();
		return (string) file_get_contents( (string) ini_get( 'error_log' ), false, null, $offset ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local log file.
	}
}
