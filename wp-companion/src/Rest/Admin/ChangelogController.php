<?php
/**
 * GET /admin/changelog: the companion's CHANGELOG.md (Keep a Changelog), which the console shows
 * with QTextDocument::setMarkdown, with the installed version so it can mark what is new.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Admin;

use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class ChangelogController extends AdminController {
	public function register_routes(): void {
		$this->route(
			'changelog',
			array(
				array(
					'methods'  => WP_REST_Server::READABLE,
					'callback' => array( $this, 'get_changelog' ),
					'args'     => array(),
				),
			)
		);
	}

	/** @return array<string,string>|\WP_Error */
	public function get_changelog() {
		$file = WORKOS_COMPANION_DIR . '/CHANGELOG.md';
		$text = is_readable( $file ) ? file_get_contents( $file ) : false; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- the plugin's own file.
		if ( false === $text ) {
			return self::error( 'workos_changelog_missing', __( 'CHANGELOG.md is missing from the companion plugin\'s folder.', 'workos-companion' ), 500 );
		}
		return array(
			'version'  => WORKOS_COMPANION_VERSION,
			'format'   => 'markdown',
			'markdown' => $text,
		);
	}
}
