<?php
/**
 * Plugin Name:       WorkOS Companion
 * Plugin URI:        https://github.com/wpworkos/console
 * Description:       Enterprise sign-in (SSO), directory sync, organizations and audit logs from WorkOS, managed from the WorkOS Console desktop app.
 * Version:           0.1.0
 * Requires at least: 5.9
 * Requires PHP:      7.4
 * Author:            WorkOS Console developers
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       workos-companion
 * Domain Path:       /languages
 *
 * @package WorkOSCompanion
 */

defined( 'ABSPATH' ) || exit;

define( 'WORKOS_COMPANION_VERSION', '0.1.0' );
define( 'WORKOS_COMPANION_FILE', __FILE__ );
define( 'WORKOS_COMPANION_DIR', __DIR__ );

// The version gate must run before any PHP 7.4 syntax is parsed, so it lives here and not in src/.
if ( version_compare( PHP_VERSION, '7.4', '<' ) ) {
	add_action(
		'admin_notices',
		static function () {
			echo '<div class="notice notice-error"><p>' . esc_html__( 'WorkOS Companion requires PHP 7.4 or newer. The plugin is inactive.', 'workos-companion' ) . '</p></div>';
		}
	);
	return;
}

require_once __DIR__ . '/src/Autoloader.php';
\WorkOSCompanion\Autoloader::register( __DIR__ . '/src' );

register_activation_hook( __FILE__, array( \WorkOSCompanion\Plugin::class, 'activate' ) );
register_deactivation_hook( __FILE__, array( \WorkOSCompanion\Plugin::class, 'deactivate' ) );
add_action( 'plugins_loaded', array( \WorkOSCompanion\Plugin::class, 'boot' ) );
