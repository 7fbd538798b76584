<?php
/**
 * Role-based login and logout redirects (seed spec §3.10 and the §18 RedirectTest and
 * LogoutRedirectTest scenarios), through WordPress's own login_redirect / logout_redirect filters
 * as wp-login.php applies them. Off-site targets are refused wherever they come from.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Auth\LoginRedirects;

final class LoginRedirectsTest extends WPTestCase {
	/** @var array<int,array<int,mixed>> Actions fired during a test: [hook, args...]. */
	private $fired = array();

	/** @var array<string,callable> */
	private $recorders = array();

	protected function setUp(): void {
		parent::setUp();
		$this->fired = array();
		foreach ( array( 'workos_redirect_before', 'workos_redirect_skipped', 'workos_logout_redirect_before', 'workos_logout_redirect_skipped' ) as $hook ) {
			$this->recorders[ $hook ] = function ( ...$args ) use ( $hook ): void {
				$this->fired[] = array_merge( array( $hook ), $args );
			};
			add_action( $hook, $this->recorders[ $hook ], 10, 3 );
		}
	}

	protected function tearDown(): void {
		foreach ( $this->recorders as $hook => $callback ) {
			remove_action( $hook, $callback, 10 );
		}
		$this->recorders = array();
		parent::tearDown();
	}

	/** @param array<string,mixed> $settings */
	private function configure( array $settings ): void {
		EmulatorEnvironment::configure_site( 'staging', $settings );
	}

	private function linked_user( string $role, bool $first_login = false ): WP_User {
		$id = $this->create_user( $role );
		update_user_meta( $id, '_workos_user_id', 'user_' . wp_generate_password( 12, false ) );
		if ( $first_login ) {
			update_user_meta( $id, '_workos_first_login', '1' );
		}
		return get_userdata( $id );
	}

	private function login_redirect( WP_User $user, string $redirect_to = '' ): string {
		$redirect_to = '' === $redirect_to ? admin_url() : $redirect_to;
		return apply_filters( 'login_redirect', $redirect_to, $redirect_to, $user );
	}

	private function logout_redirect( WP_User $user, string $redirect_to = '' ): string {
		$redirect_to = '' === $redirect_to ? add_query_arg( 'loggedout', 'true', wp_login_url() ) : $redirect_to;
		return apply_filters( 'logout_redirect', $redirect_to, '', $user );
	}

	/** @return string[] The reasons workos_redirect_skipped (or its logout twin) fired with. */
	private function skipped( string $hook = 'workos_redirect_skipped' ): array {
		$reasons = array();
		foreach ( $this->fired as $event ) {
			if ( $hook === $event[0] ) {
				$reasons[] = $event[2];
			}
		}
		return $reasons;
	}

	// --------------------------------------------------------------------------- login

	public function test_role_url_then_default_entry(): void {
		$this->configure(
			array(
				'redirect_urls' => array(
					'editor'      => array( 'url' => '/editor-home/', 'first_login_only' => false ),
					'__default__' => array( 'url' => '/welcome/', 'first_login_only' => false ),
				),
			)
		);
		$this->assertSame( home_url( '/editor-home/' ), $this->login_redirect( $this->linked_user( 'editor' ) ) );
		$this->assertSame( home_url( '/welcome/' ), $this->login_redirect( $this->linked_user( 'author' ) ) );
		$before = array_values( array_filter( $this->fired, static function ( $e ) { return 'workos_redirect_before' === $e[0]; } ) );
		$this->assertCount( 2, $before );
		$this->assertSame( home_url( '/editor-home/' ), $before[0][1] );
	}

	public function test_admin_url_when_nothing_matches(): void {
		$this->configure( array( 'redirect_urls' => array( 'editor' => array( 'url' => '/editor-home/' ) ) ) );
		$this->assertSame( admin_url(), $this->login_redirect( $this->linked_user( 'author' ) ) );
		$this->assertSame( array( 'no_matching_role_url' ), $this->skipped() );
		$this->assertSame( admin_url(), LoginRedirects::for_login( $this->linked_user( 'author' ), '' ), 'empty request → admin_url()' );
	}

	public function test_first_login_only_applies_once_and_clears_the_flag(): void {
		$this->configure( array( 'redirect_urls' => array( 'subscriber' => array( 'url' => '/getting-started/', 'first_login_only' => true ) ) ) );
		$returning = $this->linked_user( 'subscriber' );
		$this->assertSame( admin_url(), $this->login_redirect( $returning ) );
		$this->assertSame( array( 'not_first_login' ), $this->skipped() );

		$new = $this->linked_user( 'subscriber', true );
		$this->assertSame( home_url( '/getting-started/' ), $this->login_redirect( $new ) );
		$this->assertSame( '', get_user_meta( $new->ID, '_workos_first_login', true ), 'the first-login flag is cleared once applied' );
		$this->assertSame( admin_url(), $this->login_redirect( $new ), 'second login: no longer the first' );
	}

	public function test_first_login_flag_kept_when_no_url_applies(): void {
		$this->configure( array( 'redirect_urls' => array() ) );
		$new = $this->linked_user( 'subscriber', true );
		$this->assertSame( admin_url(), $this->login_redirect( $new ) );
		$this->assertSame( '1', get_user_meta( $new->ID, '_workos_first_login', true ) );
	}

	public function test_legacy_string_entries_are_normalised(): void {
		$this->configure( array( 'redirect_urls' => array( 'editor' => 'legacy-page' ) ) );
		$this->assertSame( home_url( '/legacy-page' ), $this->login_redirect( $this->linked_user( 'editor' ) ), 'effective redirect_first_login_only default is false' );

		$this->configure( array( 'redirect_urls' => array( 'editor' => '/legacy-page' ), 'redirect_first_login_only' => true ) );
		$this->assertSame( admin_url(), $this->login_redirect( $this->linked_user( 'editor' ) ), 'the legacy global flag applies to string entries' );
		$this->assertSame( array( 'not_first_login' ), $this->skipped() );
		$this->assertSame( home_url( '/legacy-page' ), $this->login_redirect( $this->linked_user( 'editor', true ) ) );
	}

	public function test_explicit_redirect_wins(): void {
		$this->configure( array( 'redirect_urls' => array( '__default__' => array( 'url' => '/welcome/' ) ) ) );
		$user = $this->linked_user( 'editor', true );
		$this->assertSame( admin_url( 'post.php?post=1&action=edit' ), $this->login_redirect( $user, admin_url( 'post.php?post=1&action=edit' ) ) );
		$this->assertSame( array( 'explicit_redirect' ), $this->skipped() );
		$this->assertSame( '1', get_user_meta( $user->ID, '_workos_first_login', true ) );
		// admin_url() with or without its trailing slash is not a choice.
		$this->assertSame( home_url( '/welcome/' ), $this->login_redirect( $user, untrailingslashit( admin_url() ) ) );
	}

	public function test_is_explicit_filter(): void {
		$this->configure( array( 'redirect_urls' => array( '__default__' => array( 'url' => '/welcome/' ) ) ) );
		$never = static function () {
			return false;
		};
		add_filter( 'workos_redirect_is_explicit', $never );
		try {
			$this->assertSame( home_url( '/welcome/' ), $this->login_redirect( $this->linked_user( 'editor' ), home_url( '/some-page/' ) ) );
		} finally {
			remove_filter( 'workos_redirect_is_explicit', $never );
		}
	}

	public function test_should_apply_filter_respected(): void {
		$this->configure( array( 'redirect_urls' => array( '__default__' => array( 'url' => '/welcome/' ) ) ) );
		$seen = array();
		$no   = static function ( $apply, $user, $redirect ) use ( &$seen ) {
			$seen = array( $apply, $user instanceof WP_User, $redirect );
			return false;
		};
		add_filter( 'workos_redirect_should_apply', $no, 10, 3 );
		try {
			$this->assertSame( admin_url(), $this->login_redirect( $this->linked_user( 'editor' ) ) );
		} finally {
			remove_filter( 'workos_redirect_should_apply', $no, 10 );
		}
		$this->assertSame( array( true, true, admin_url() ), $seen );
		$this->assertSame( array( 'filtered_out' ), $this->skipped() );
	}

	public function test_url_and_map_filters(): void {
		$this->configure( array( 'redirect_urls' => array() ) );
		$map = static function ( array $urls ) {
			$urls['editor'] = array( 'url' => '/from-map-filter/' );
			return $urls;
		};
		$url = static function ( $value, $user, $role, $first ) {
			return 'editor' === $role && false === $first ? $value . '?filtered=1' : $value;
		};
		add_filter( 'workos_redirect_urls', $map );
		add_filter( 'workos_redirect_url', $url, 10, 4 );
		try {
			$this->assertSame( home_url( '/from-map-filter/?filtered=1' ), $this->login_redirect( $this->linked_user( 'editor' ) ) );
		} finally {
			remove_filter( 'workos_redirect_urls', $map );
			remove_filter( 'workos_redirect_url', $url, 10 );
		}
	}

	public function test_first_login_only_filter(): void {
		$this->configure( array( 'redirect_urls' => array( 'editor' => array( 'url' => '/once/', 'first_login_only' => true ) ) ) );
		$always = static function () {
			return false;
		};
		add_filter( 'workos_redirect_first_login_only', $always );
		try {
			$this->assertSame( home_url( '/once/' ), $this->login_redirect( $this->linked_user( 'editor' ) ) );
		} finally {
			remove_filter( 'workos_redirect_first_login_only', $always );
		}
	}

	public function test_absolute_same_site_url_kept(): void {
		$this->configure( array( 'redirect_urls' => array( 'editor' => array( 'url' => admin_url( 'edit.php' ) ) ) ) );
		$this->assertSame( admin_url( 'edit.php' ), $this->login_redirect( $this->linked_user( 'editor' ) ) );
	}

	/** @return array<string,array{0:string}> */
	public function off_site_targets(): array {
		return array(
			'protocol-relative'    => array( '//evil.example' ),
			'absolute other host'  => array( 'https://evil.example' ),
			'slash backslash'      => array( '/\\evil.example' ),
			'javascript'           => array( 'javascript:alert(1)' ),
			'encoded double slash' => array( '/%2F%2Fevil.example' ),
			'encoded backslash'    => array( '/%5Cevil.example' ),
			'encoded CRLF'         => array( '/x%0d%0aLocation:https://evil.example' ),
			'mixed case scheme'    => array( 'HtTpS://evil.example/' ),
		);
	}

	/** @dataProvider off_site_targets */
	public function test_off_site_role_url_refused( string $target ): void {
		$this->configure(
			array(
				'redirect_urls'        => array( 'editor' => array( 'url' => $target ) ),
				'logout_redirect_urls' => array( 'editor' => $target ),
			)
		);
		$user = $this->linked_user( 'editor', true );
		$this->assertSame( admin_url(), $this->login_redirect( $user ) );
		$this->assertSame( array( 'unsafe_url' ), $this->skipped() );
		$this->assertSame( '1', get_user_meta( $user->ID, '_workos_first_login', true ), 'a refused URL does not use up the first login' );

		$default = add_query_arg( 'loggedout', 'true', wp_login_url() );
		$this->assertSame( $default, $this->logout_redirect( $user ) );
		$this->assertSame( array( 'unsafe_url' ), $this->skipped( 'workos_logout_redirect_skipped' ) );
	}

	/** @dataProvider off_site_targets */
	public function test_off_site_url_from_a_filter_refused( string $target ): void {
		$this->configure( array( 'redirect_urls' => array( 'editor' => array( 'url' => '/fine/' ) ) ) );
		$evil = static function () use ( $target ) {
			return $target;
		};
		add_filter( 'workos_redirect_url', $evil );
		add_filter( 'workos_logout_redirect_url', $evil );
		try {
			$user = $this->linked_user( 'editor' );
			$this->assertSame( admin_url(), $this->login_redirect( $user ) );
			$this->assertSame( home_url( '/bye/' ), $this->logout_redirect( $user, home_url( '/bye/' ) ) );
		} finally {
			remove_filter( 'workos_redirect_url', $evil );
			remove_filter( 'workos_logout_redirect_url', $evil );
		}
	}

	/** @dataProvider off_site_targets */
	public function test_off_site_requested_redirect_is_not_explicit( string $target ): void {
		$this->configure( array( 'redirect_urls' => array( 'editor' => array( 'url' => '/editor-home/' ) ) ) );
		$user = $this->linked_user( 'editor' );
		$this->assertSame( home_url( '/editor-home/' ), LoginRedirects::for_login( $user, $target ), 'the role URL applies instead' );

		$this->configure( array( 'redirect_urls' => array() ) );
		$this->assertSame( admin_url(), LoginRedirects::for_login( $user, $target ), 'never handed back' );
	}

	public function test_unlinked_users_and_a_disabled_site_untouched(): void {
		$this->configure( array( 'redirect_urls' => array( '__default__' => array( 'url' => '/welcome/' ) ), 'logout_redirect_urls' => array( '__default__' => '/bye/' ) ) );
		$plain = get_userdata( $this->create_user( 'editor' ) );
		$this->assertSame( admin_url(), $this->login_redirect( $plain ) );
		$this->assertSame( 'https://anything.example/', apply_filters( 'login_redirect', 'https://anything.example/', '', $plain ), 'WordPress keeps its own behaviour' );
		$this->assertSame( add_query_arg( 'loggedout', 'true', wp_login_url() ), $this->logout_redirect( $plain ) );

		$linked = $this->linked_user( 'editor' );
		$this->configure( array( 'api_key' => '', 'redirect_urls' => array( '__default__' => array( 'url' => '/welcome/' ) ) ) );
		$this->assertSame( admin_url(), $this->login_redirect( $linked ) );
		$this->assertSame( array(), $this->fired );
	}

	public function test_failed_login_passes_through(): void {
		$this->configure( array( 'redirect_urls' => array( '__default__' => array( 'url' => '/welcome/' ) ) ) );
		$this->assertSame( admin_url(), apply_filters( 'login_redirect', admin_url(), '', new WP_Error( 'incorrect_password', 'no' ) ) );
	}

	// -------------------------------------------------------------------------- logout

	public function test_logout_role_url_then_default(): void {
		$this->configure( array( 'logout_redirect_urls' => array( 'editor' => '/editors-bye/', '__default__' => 'https://' . wp_parse_url( home_url(), PHP_URL_HOST ) . ':' . wp_parse_url( home_url(), PHP_URL_PORT ) . '/bye/' ) ) );
		$this->assertSame( home_url( '/editors-bye/' ), $this->logout_redirect( $this->linked_user( 'editor' ) ) );
		$this->assertSame( 'https://' . wp_parse_url( home_url(), PHP_URL_HOST ) . ':' . wp_parse_url( home_url(), PHP_URL_PORT ) . '/bye/', $this->logout_redirect( $this->linked_user( 'author' ) ) );
		$before = array_values( array_filter( $this->fired, static function ( $e ) { return 'workos_logout_redirect_before' === $e[0]; } ) );
		$this->assertCount( 2, $before );
		$this->assertSame( home_url( '/editors-bye/' ), $before[0][1] );
	}

	public function test_logout_role_url_beats_requested_and_relative_made_absolute(): void {
		$this->configure( array( 'logout_redirect_urls' => array( 'editor' => 'signed-out' ) ) );
		$this->assertSame( home_url( '/signed-out' ), $this->logout_redirect( $this->linked_user( 'editor' ), home_url( '/asked-for/' ) ) );
	}

	public function test_logout_original_url_when_nothing_matches(): void {
		$this->configure( array( 'logout_redirect_urls' => array( 'editor' => '/bye/' ) ) );
		$this->assertSame( home_url( '/asked-for/' ), $this->logout_redirect( $this->linked_user( 'author' ), home_url( '/asked-for/' ) ) );
		$this->assertSame( array( 'no_matching_role_url' ), $this->skipped( 'workos_logout_redirect_skipped' ) );
	}

	public function test_logout_filters(): void {
		$this->configure( array( 'logout_redirect_urls' => array( 'editor' => '/bye/' ) ) );
		$no = static function () {
			return false;
		};
		add_filter( 'workos_logout_redirect_should_apply', $no );
		try {
			$this->assertSame( home_url( '/asked-for/' ), $this->logout_redirect( $this->linked_user( 'editor' ), home_url( '/asked-for/' ) ) );
			$this->assertSame( array( 'filtered_out' ), $this->skipped( 'workos_logout_redirect_skipped' ) );
		} finally {
			remove_filter( 'workos_logout_redirect_should_apply', $no );
		}
		$map = static function ( array $urls ) {
			return array( '__default__' => '/from-filter/' );
		};
		add_filter( 'workos_logout_redirect_urls', $map );
		try {
			$this->assertSame( home_url( '/from-filter/' ), $this->logout_redirect( $this->linked_user( 'author' ) ) );
		} finally {
			remove_filter( 'workos_logout_redirect_urls', $map );
		}
	}
}
