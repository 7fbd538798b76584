<?php
/**
 * The management REST API the console drives (/wp-json/workos/v1/admin/*).
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Admin;

defined( 'ABSPATH' ) || exit;

final class AdminRoutes {
	public function register(): void {
		add_action(
			'rest_api_init',
			static function (): void {
				( new StatusController() )->register_routes();
			}
		);
	}
}
