<?php
/**
 * Compresses the JSON answer of chosen routes when the client accepts gzip.
 *
 * Neither WordPress nor PHP (zlib.output_compression is off by default) nor a stock nginx
 * (gzip_types lacks application/json) compresses REST answers, and the activity feed sends
 * megabytes of very repetitive JSON. WP_REST_Server::serve_request() echoes the body itself, so
 * an output buffer is opened just before it (rest_pre_serve_request) and deflates what is echoed:
 * headers — WordPress's no-cache ones included, sent after this filter — still go out normally.
 * Not used when PHP compresses already, for HEAD, or when headers are out.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Admin;

use WP_HTTP_Response;
use WP_REST_Request;

defined( 'ABSPATH' ) || exit;

final class GzipAnswer {
	/** zlib level: 1–3 gain little size over 4 on JSON but 6 (the default) costs twice the time. */
	public const LEVEL = 4;

	/** @var array<string,true> Routes (as WP_REST_Request::get_route() gives them) to compress. */
	private static $routes = array();

	/** Compresses the answers of a route (e.g. /workos/v1/admin/activity) from now on. */
	public static function add_route( string $route ): void {
		self::$routes[ $route ] = true;
		if ( false === has_filter( 'rest_pre_serve_request', array( self::class, 'maybe_start' ) ) ) {
			add_filter( 'rest_pre_serve_request', array( self::class, 'maybe_start' ), 10, 3 );
		}
	}

	/**
	 * @param bool             $served  Whether someone served the request already.
	 * @param WP_HTTP_Response $result  The answer.
	 * @param WP_REST_Request  $request The request.
	 * @return bool $served, unchanged.
	 */
	public static function maybe_start( $served, $result, $request ) {
		if ( $served || ! $request instanceof WP_REST_Request || ! isset( self::$routes[ untrailingslashit( $request->get_route() ) ] ) ) {
			return $served;
		}
		if ( 'HEAD' === $request->get_method() || ! self::accepts_gzip( (string) $request->get_header( 'accept_encoding' ) ) ) {
			return $served;
		}
		if ( headers_sent() || ! function_exists( 'deflate_init' ) || wp_validate_boolean( ini_get( 'zlib.output_compression' ) ) ) {
			return $served;
		}
		ob_start( self::handler() );
		return $served;
	}

	/** True when an Accept-Encoding header allows gzip (gzip, x-gzip or *, with q > 0). */
	public static function accepts_gzip( string $header ): bool {
		foreach ( explode( ',', strtolower( $header ) ) as $part ) {
			$params = array_map( 'trim', explode( ';', $part ) );
			$coding = array_shift( $params );
			if ( ! in_array( $coding, array( 'gzip', 'x-gzip', '*' ), true ) ) {
				continue;
			}
			$q = 1.0;
			foreach ( $params as $param ) {
				if ( preg_match( '/^q\s*=\s*([0-9.]+)$/', $param, $m ) ) {
					$q = (float) $m[1];
				}
			}
			if ( $q > 0 ) {
				return true;
			}
		}
		return false;
	}

	/** The output handler: a gzip stream over whatever the buffer receives, in as many chunks as come. */
	private static function handler(): callable {
		$stream = null;
		return static function ( string $buffer, int $phase ) use ( &$stream ): string {
			$final = 0 !== ( $phase & PHP_OUTPUT_HANDLER_FINAL );
			if ( null === $stream ) {
				// Nothing echoed (204, an empty body) or the headers are gone: pass through.
				if ( ( '' === $buffer && $final ) || headers_sent() ) {
					$stream = false;
					return $buffer;
				}
				$stream = deflate_init( ZLIB_ENCODING_GZIP, array( 'level' => self::LEVEL ) );
				if ( false === $stream ) {
					return $buffer;
				}
				header( 'Content-Encoding: gzip' );
				if ( ! preg_grep( '/^vary:.*accept-encoding/i', headers_list() ) ) {
					header( 'Vary: Accept-Encoding', false );
				}
				$out = (string) deflate_add( $stream, $buffer, $final ? ZLIB_FINISH : ZLIB_SYNC_FLUSH );
				if ( $final ) {
					header( 'Content-Length: ' . strlen( $out ) );
				}
				return $out;
			}
			if ( false === $stream ) {
				return $buffer;
			}
			return (string) deflate_add( $stream, $buffer, $final ? ZLIB_FINISH : ZLIB_SYNC_FLUSH );
		};
	}
}
