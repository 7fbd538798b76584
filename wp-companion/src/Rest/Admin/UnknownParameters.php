<?php
/**
 * Refuses parameters a route does not know. WordPress's argument schema ignores unknown top-level
 * parameters silently; for the console a misspelt field must be an error, not a no-op.
 *
 * Known: the matched endpoint's `args`, the URL's own parameters, `rest_route` and WordPress's
 * underscore parameters (_fields, _envelope, _locale…).
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Admin;

use WP_Error;
use WP_REST_Request;

defined( 'ABSPATH' ) || exit;

final class UnknownParameters {
	public static function check( WP_REST_Request $request ): ?WP_Error {
		$attributes = $request->get_attributes();
		$known      = array_keys( (array) ( $attributes['args'] ?? array() ) );
		$known      = array_merge( $known, array_keys( (array) $request->get_url_params() ), array( 'rest_route' ) );
		$given      = array_merge(
			array_keys( (array) $request->get_query_params() ),
			array_keys( (array) $request->get_body_params() ),
			array_keys( (array) $request->get_json_params() )
		);
		$unknown = array();
		foreach ( array_unique( array_map( 'strval', $given ) ) as $name ) {
			if ( in_array( $name, $known, true ) || 0 === strpos( $name, '_' ) ) {
				continue;
			}
			$unknown[] = substr( $name, 0, 100 );
		}
		if ( ! $unknown ) {
			return null;
		}
		return new WP_Error(
			'workos_unknown_parameter',
			/* translators: %s: comma-separated parameter names */
			sprintf( __( 'Unknown parameter: %s.', 'workos-companion' ), implode( ', ', $unknown ) ),
			array(
				'status' => 400,
				'params' => $unknown,
			)
		);
	}
}
