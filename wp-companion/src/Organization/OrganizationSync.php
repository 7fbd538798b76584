<?php
/**
 * Copies WorkOS's organizations into the local cache: GET /organizations page by page (100 per
 * page, oldest first so a cursor stays valid while new ones are created), each upserted through
 * OrganizationRepository::sync(). At most $max_pages pages per call: the console resumes with
 * the returned cursor, so no single web request runs long.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Organization;

use WorkOSCompanion\WorkOS\Client;
use WP_Error;

defined( 'ABSPATH' ) || exit;

final class OrganizationSync {
	public const PAGE_SIZE = 100;

	/**
	 * @param string $after     Cursor to resume from ('' for the start).
	 * @param int    $max_pages Pages to fetch in this call.
	 * @return array<string,mixed> created, updated, unchanged, failed (WorkOS ids), pages, next_after
	 *                             (null when complete), complete; and error (a WP_Error) when WorkOS failed mid-way.
	 */
	public static function run( Client $client, string $after, int $max_pages ): array {
		$report = array(
			'created'    => 0,
			'updated'    => 0,
			'unchanged'  => 0,
			'failed'     => array(),
			'pages'      => 0,
			'next_after' => '' === $after ? null : $after,
			'complete'   => false,
		);
		$cursor = $after;
		while ( $report['pages'] < $max_pages ) {
			$query = array(
				'limit' => self::PAGE_SIZE,
				'order' => 'asc',
			);
			if ( '' !== $cursor ) {
				$query['after'] = $cursor;
			}
			$page = $client->list_organizations( $query );
			if ( is_wp_error( $page ) ) {
				$report['error'] = $page;
				return $report;
			}
			++$report['pages'];
			foreach ( is_array( $page['data'] ?? null ) ? $page['data'] : array() as $org ) {
				if ( ! is_array( $org ) ) {
					continue;
				}
				list( , $outcome ) = OrganizationRepository::sync( $org );
				if ( 'failed' === $outcome ) {
					$report['failed'][] = substr( sanitize_text_field( (string) ( $org['id'] ?? '' ) ), 0, 191 );
				} else {
					++$report[ $outcome ];
				}
			}
			$next = $page['list_metadata']['after'] ?? null;
			if ( ! is_string( $next ) || '' === $next || empty( $page['data'] ) ) {
				$report['next_after'] = null;
				$report['complete']   = true;
				return $report;
			}
			$cursor               = $next;
			$report['next_after'] = $next;
		}
		return $report;
	}
}
