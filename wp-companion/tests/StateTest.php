<?php
/**
 * The OAuth state of a sign-in: signed, carrying the requested page, short-lived and single use.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Auth\State;

final class StateTest extends WPTestCase {
	public function test_round_trip_returns_the_requested_page(): void {
		$state = State::create( home_url( '/members/?tab=1' ) );
		$this->assertMatchesRegularExpression( '/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/', $state, 'URL-safe' );
		$this->assertSame( array( 'redirect_to' => home_url( '/members/?tab=1' ) ), State::consume( $state ) );
	}

	public function test_a_state_is_single_use(): void {
		$state = State::create( admin_url() );
		$this->assertIsArray( State::consume( $state ) );
		$again = State::consume( $state );
		$this->assertWPError( $again, 'workos_state_used' );
		$this->assertSame( 403, $again->get_error_data()['status'] );
	}

	public function test_states_are_independent(): void {
		$one = State::create( '/one' );
		$two = State::create( '/two' );
		$this->assertNotSame( $one, $two );
		$this->assertSame( '/one', State::consume( $one )['redirect_to'] );
		$this->assertSame( '/two', State::consume( $two )['redirect_to'] );
	}

	public function test_forged_states_are_refused(): void {
		$real                = State::create( admin_url() );
		list( $payload, $sig ) = explode( '.', $real );
		$data                = json_decode( base64_decode( strtr( $payload, '-_', '+/' ) ), true );
		$data['r']           = 'https://evil.example/';
		$forged_payload      = rtrim( strtr( base64_encode( wp_json_encode( $data ) ), '+/', '-_' ), '=' );

		$forgeries = array(
			'changed payload, old signature' => $forged_payload . '.' . $sig,
			'no signature'                   => $payload,
			'empty signature'                => $payload . '.',
			'extra part'                     => $real . '.x',
			'signed with another key'        => $payload . '.' . rtrim( strtr( base64_encode( hash_hmac( 'sha256', $payload, 'guess', true ) ), '+/', '-_' ), '=' ),
			'garbage'                        => 'not-a-state',
			'empty'                          => '',
			'reference-style nonce|redirect' => wp_create_nonce( 'workos_auth' ) . '|' . admin_url(),
		);
		foreach ( $forgeries as $what => $state ) {
			$this->assertWPError( State::consume( $state ), 'workos_invalid_state', $what );
		}
		$this->assertIsArray( State::consume( $real ), 'the real one still works after the attempts' );
	}

	public function test_a_signed_payload_that_is_not_ours_is_refused(): void {
		$this->assertWPError( State::consume( $this->signed( array( 'n' => 'x' ) ) ), 'workos_invalid_state' );
		$this->assertWPError( State::consume( $this->signed( 'just a string' ) ), 'workos_invalid_state' );
	}

	public function test_an_expired_state_is_refused(): void {
		$nonce = 'expired-nonce-' . wp_generate_password( 8, false );
		set_transient( 'workos_state_' . substr( hash( 'sha256', $nonce ), 0, 32 ), 1, 600 );
		$state = $this->signed(
			array(
				'n' => $nonce,
				'r' => admin_url(),
				'e' => time() - 1,
			)
		);
		$result = State::consume( $state );
		$this->assertWPError( $result, 'workos_state_expired' );
		$this->assertStringContainsString( 'took too long', $result->get_error_message() );
	}

	public function test_a_state_whose_record_is_gone_is_refused(): void {
		$state = State::create( admin_url() );
		global $wpdb;
		$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE '\\_transient\\_workos\\_state\\_%'" );
		wp_cache_flush();
		$this->assertWPError( State::consume( $state ), 'workos_state_used' );
	}

	/**
	 * A state signed with the plugin's own key (private helpers, reached by reflection).
	 *
	 * @param mixed $data The payload.
	 */
	private function signed( $data ): string {
		$b64  = new ReflectionMethod( State::class, 'b64' );
		$sign = new ReflectionMethod( State::class, 'sign' );
		$b64->setAccessible( true );
		$sign->setAccessible( true );
		$payload = $b64->invoke( null, (string) wp_json_encode( $data ) );
		return $payload . '.' . $sign->invoke( null, $payload );
	}

	/** @param mixed $value */
	private function assertWPError( $value, string $code, string $message = '' ): void {
		$this->assertInstanceOf( WP_Error::class, $value, $message );
		$this->assertSame( $code, $value->get_error_code(), $message );
	}
}
