<?php
/**
 * Management API answers carry settings and must never be stored by a browser or proxy.
 *
 * Setting Cache-Control on the WP_REST_Response is not enough: for a logged-in user (every
 * management call) WP_REST_Server::serve_request() sends wp_get_nocache_headers() after the
 * response's own headers, which replaces the value with "no-cache, must-revalidate, max-age=0".
 * So the nocache_headers filter is made to say no-store too, for the rest of this request.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Admin;

use WP_REST_Response;

defined( 'ABSPATH' ) || exit;

final class NoStore {
	public const CACHE_CONTROL = 'no-store';

	public static function apply( WP_REST_Response $response ): WP_REST_Response {
		$response->header( 'Cache-Control', self::CACHE_CONTROL );
		if ( false === has_filter( 'nocache_headers', array( self::class, 'filter_nocache_headers' ) ) ) {
			add_filter( 'nocache_headers', array( self::class, 'filter_nocache_headers' ), 99 );
		}
		return $response;
	}

	/**
	 * @param array<string,string> $headers The no-cache headers WordPress is about to send.
	 * @return array<string,string>
	 */
	public static function filter_nocache_headers( $headers ): array {
		$headers                  = (array) $headers;
		$headers['Cache-Control'] = self::CACHE_CONTROL;
		return $headers;
	}
}
