<?php
/**
 * Removes what the plugin created, and only that (seed spec §15.11), on every site of a network.
 *
 * @package WorkOSCompanion
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/src/Autoloader.php';
\WorkOSCompanion\Autoloader::register( __DIR__ . '/src' );

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $workos_blog_id ) {
		switch_to_blog( (int) $workos_blog_id );
		\WorkOSCompanion\Uninstaller::uninstall_site();
		restore_current_blog();
	}
} else {
	\WorkOSCompanion\Uninstaller::uninstall_site();
}
