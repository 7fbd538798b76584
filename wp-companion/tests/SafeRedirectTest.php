<?php
/**
 * SafeRedirect: the one validator for redirect targets. Every open-redirect vector of the issue
 * (and the encodings around them) falls back; same-site paths and URLs come back absolute.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Http\SafeRedirect;

final class SafeRedirectTest extends WPTestCase {
	private const FALLBACK = 'https://fallback.invalid/safe';

	private function home(): string {
		return untrailingslashit( home_url() );
	}

	/** @return array<string,array{0:mixed}> */
	public function refused_targets(): array {
		return array(
			'protocol-relative'               => array( '//evil.example' ),
			'protocol-relative with path'     => array( '//evil.example/wp-admin/' ),
			'triple slash'                    => array( '///evil.example' ),
			'absolute other host'             => array( 'https://evil.example' ),
			'absolute other host, path'       => array( 'http://evil.example/wp-admin/' ),
			'slash backslash'                 => array( '/\\evil.example' ),
			'double backslash'                => array( '\\\\evil.example' ),
			'backslash then slash'            => array( '\\/evil.example' ),
			'scheme with backslashes'         => array( 'https:\\\\evil.example' ),
			'scheme without slashes'          => array( 'http:evil.example' ),
			'scheme with one slash'           => array( 'https:/evil.example' ),
			'javascript'                      => array( 'javascript:alert(1)' ),
			'javascript mixed case'           => array( 'JaVaScRiPt:alert(document.cookie)' ),
			'javascript with tab inside'      => array( "java\tscript:alert(1)" ),
			'javascript whitespace-prefixed'  => array( ' javascript:alert(1)' ),
			'javascript encoded colon'        => array( 'javascript%3Aalert(1)' ),
			'data'                            => array( 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' ),
			'DATA upper case'                 => array( 'DATA:text/html,<script>alert(1)</script>' ),
			'vbscript'                        => array( 'vbscript:msgbox(1)' ),
			'ftp'                             => array( 'ftp://evil.example/' ),
			'encoded double slash'            => array( '%2F%2Fevil.example' ),
			'encoded double slash lower case' => array( '%2f%2fevil.example' ),
			'slash + encoded slash'           => array( '/%2Fevil.example' ),
			'slash + encoded double slash'    => array( '/%2F%2Fevil.example' ),
			'slash + encoded backslash'       => array( '/%5Cevil.example' ),
			'slash + encoded backslash lower' => array( '/%5cevil.example' ),
			'double-encoded slash'            => array( '/%252Fevil.example' ),
			'triple-encoded backslash'        => array( '/%25255Cevil.example' ),
			'encoded CRLF injection'          => array( '/%0d%0aLocation:%20https://evil.example' ),
			'encoded CRLF upper case'         => array( '/wp-admin/%0D%0ASet-Cookie:x=1' ),
			'double-encoded CRLF'             => array( '/wp-admin/%250d%250aSet-Cookie:x=1' ),
			'raw CRLF'                        => array( "/wp-admin/\r\nLocation: https://evil.example" ),
			'encoded NUL'                     => array( '/wp-admin/%00' ),
			'CRLF in query of absolute URL'   => array( 'HOME/?q=%0d%0aLocation:evil' ),
			'mixed case scheme other host'    => array( 'HtTpS://evil.example/' ),
			'upper case scheme other host'    => array( 'HTTP://EVIL.EXAMPLE/' ),
			'whitespace-prefixed slashes'     => array( ' //evil.example' ),
			'tab-prefixed slashes'            => array( "\t//evil.example" ),
			'newline-prefixed path'           => array( "\n/wp-admin/" ),
			'whitespace-suffixed'             => array( '/wp-admin/ ' ),
			'non-breaking-space prefix'       => array( "\u{00A0}//evil.example" ),
			'user info pointing elsewhere'    => array( 'https://HOSTNAME@evil.example/' ),
			'user info on our host'           => array( 'http://evil.example@HOSTNAME:PORT/' ),
			'user info with password'         => array( 'http://user:pass@HOSTNAME:PORT/' ),
			'our host as a subdomain'         => array( 'http://HOSTNAME.evil.example:PORT/' ),
			'our host as a prefix'            => array( 'http://HOSTNAMEevil.example:PORT/' ),
			'encoded dot in host'             => array( 'http://127%2E0.0.1:PORT/' ),
			'our host, another port'          => array( 'http://HOSTNAME:1/' ),
			'backslash in our URL path'       => array( 'HOME/\\evil.example' ),
			'encoded backslash in our path'   => array( 'HOME/%5Cevil.example' ),
			'relative path without slash'     => array( 'wp-admin/' ),
			'dot path'                        => array( './wp-admin/' ),
			'query only'                      => array( '?redirect=1' ),
			'fragment only'                   => array( '#top' ),
			'empty'                           => array( '' ),
			'null'                            => array( null ),
			'array'                           => array( array( '/wp-admin/' ) ),
			'integer'                         => array( 42 ),
			'too long'                        => array( '/' . str_repeat( 'a', SafeRedirect::MAX_LENGTH ) ),
		);
	}

	/**
	 * @dataProvider refused_targets
	 * @param mixed $target A redirect target an attacker could send.
	 */
	public function test_refuses_unsafe_targets( $target ): void {
		$target = $this->expand( $target );
		$this->assertSame( self::FALLBACK, SafeRedirect::validate( $target, self::FALLBACK ), 'target: ' . wp_json_encode( $target ) );
		$this->assertFalse( SafeRedirect::is_safe( $target ) );
	}

	/** @return array<string,array{0:string,1:string}> */
	public function accepted_targets(): array {
		return array(
			'site path'                  => array( '/wp-admin/', 'HOME/wp-admin/' ),
			'root'                       => array( '/', 'HOME/' ),
			'path with query'            => array( '/?p=1&x=y', 'HOME/?p=1&x=y' ),
			'path with fragment'         => array( '/sample-page/#comments', 'HOME/sample-page/#comments' ),
			'encoded space in path'      => array( '/my%20page/', 'HOME/my%20page/' ),
			'encoded slash inside path'  => array( '/a%2Fb', 'HOME/a%2Fb' ),
			'URL in the query string'    => array( '/go?to=https://evil.example', 'HOME/go?to=https://evil.example' ),
			'absolute on our host'       => array( 'HOME/wp-admin/edit.php', 'HOME/wp-admin/edit.php' ),
			'mixed case scheme our host' => array( 'HtTp://HOSTNAME:PORT/wp-admin/', 'http://HOSTNAME:PORT/wp-admin/' ),
			'upper case host'            => array( 'http://HOSTNAME:PORT/', 'http://HOSTNAME:PORT/' ),
		);
	}

	/**
	 * @dataProvider accepted_targets
	 */
	public function test_accepts_same_site_targets_and_makes_them_absolute( string $target, string $expected ): void {
		$this->assertSame( $this->expand( $expected ), SafeRedirect::validate( $this->expand( $target ), self::FALLBACK ) );
		$this->assertTrue( SafeRedirect::is_safe( $this->expand( $target ) ) );
	}

	public function test_allowed_redirect_hosts_extends_the_list_by_name(): void {
		$this->assertSame( self::FALLBACK, SafeRedirect::validate( 'https://partner.example/welcome', self::FALLBACK ) );
		$allow = static function ( array $hosts ): array {
			$hosts[] = 'partner.example';
			return $hosts;
		};
		add_filter( 'allowed_redirect_hosts', $allow );
		try {
			$this->assertSame( 'https://partner.example/welcome', SafeRedirect::validate( 'https://partner.example/welcome', self::FALLBACK ) );
			$this->assertSame( 'https://PARTNER.example:8443/x', SafeRedirect::validate( 'https://PARTNER.example:8443/x', self::FALLBACK ) );
			// Still no user info, backslashes or look-alikes for an allowed host.
			$this->assertSame( self::FALLBACK, SafeRedirect::validate( 'https://x@partner.example/', self::FALLBACK ) );
			$this->assertSame( self::FALLBACK, SafeRedirect::validate( 'https://partner.example.evil.example/', self::FALLBACK ) );
			$this->assertSame( self::FALLBACK, SafeRedirect::validate( '//partner.example/', self::FALLBACK ) );
		} finally {
			remove_filter( 'allowed_redirect_hosts', $allow );
		}
	}

	public function test_a_site_without_a_port_accepts_the_default_port_of_either_scheme(): void {
		$home = static function (): string {
			return 'http://www.example.test';
		};
		add_filter( 'home_url', $home );
		add_filter( 'site_url', $home );
		try {
			$this->assertSame( 'https://www.example.test/account', SafeRedirect::validate( 'https://www.example.test/account', self::FALLBACK ) );
			$this->assertSame( 'http://www.example.test:80/', SafeRedirect::validate( 'http://www.example.test:80/', self::FALLBACK ) );
			$this->assertSame( 'https://www.example.test:443/', SafeRedirect::validate( 'https://www.example.test:443/', self::FALLBACK ) );
			$this->assertSame( self::FALLBACK, SafeRedirect::validate( 'http://www.example.test:8080/', self::FALLBACK ) );
			$this->assertSame( self::FALLBACK, SafeRedirect::validate( 'https://www.example.test:80/', self::FALLBACK ) );
		} finally {
			remove_filter( 'home_url', $home );
			remove_filter( 'site_url', $home );
		}
	}

	public function test_default_fallback_is_empty(): void {
		$this->assertSame( '', SafeRedirect::validate( '//evil.example' ) );
	}

	/**
	 * HOME, HOSTNAME and PORT in a data set stand for this site's URL, host and port.
	 *
	 * @param mixed $value A data set value.
	 * @return mixed
	 */
	private function expand( $value ) {
		if ( ! is_string( $value ) ) {
			return $value;
		}
		$parts = wp_parse_url( home_url() );
		return strtr(
			$value,
			array(
				'HOME'     => $this->home(),
				'HOSTNAME' => $parts['host'],
				'PORT'     => (string) ( $parts['port'] ?? 80 ),
			)
		);
	}
}
