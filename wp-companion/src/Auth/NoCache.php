<?php
/**
 * Headers that keep a sign-in step out of every cache: the browser's (nocache_headers) and the
 * CDN's (seed spec §3.12). A cached "logged-out" redirect or error page would loop visitors.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Auth;

defined( 'ABSPATH' ) || exit;

final class NoCache {
	/** @return array<string,string> The CDN headers sent besides WordPress's own no-cache ones. */
	public static function cdn_headers(): array {
		return array(
			'CDN-Cache-Control'            => 'no-store',
			'Cloudflare-CDN-Cache-Control' => 'no-store',
		);
	}

	public static function send(): void {
		if ( headers_sent() ) {
			return;
		}
		nocache_headers();
		foreach ( self::cdn_headers() as $name => $value ) {
			header( $name . ': ' . $value );
		}
	}
}
