<?php
/**
 * The management REST API the console drives (/wp-json/workos/v1/admin/*).
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Rest\Admin;

defined( 'ABSPATH' ) || exit;

final class AdminRoutes {
	/** Controllers of /workos/v1/admin/*, each registering its own routes. */
	private const CONTROLLERS = array(
		StatusController::class,
		UsersController::class,
		UsersBatchController::class,
		SettingsController::class,
		RoleMapController::class,
		RedirectsController::class,
		ChangelogController::class,
		NetworkController::class,
		ActivityController::class,
		DiagnosticsController::class,
		OrganizationsController::class,
	);

	public function register(): void {
		add_filter( 'rest_pre_dispatch', array( Permissions::class, 'guard' ), 10, 3 );
		add_action(
			'rest_api_init',
			static function (): void {
				foreach ( self::CONTROLLERS as $controller ) {
					( new $controller() )->register_routes();
				}
			}
		);
	}
}
