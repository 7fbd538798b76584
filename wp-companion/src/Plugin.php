<?php
/**
 * Wires the features together on plugins_loaded. Each feature is a class with register(), which
 * adds its own hooks; this list is the only place that knows them all.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion;

use WorkOSCompanion\Database\Schema;

defined( 'ABSPATH' ) || exit;

final class Plugin {
	public const TEXT_DOMAIN    = 'workos-companion';
	public const REST_NAMESPACE = 'workos/v1';

	/** Feature classes, in the order their hooks are registered. */
	private const FEATURES = array(
		Database\NetworkSites::class,
		Rest\Admin\AdminRoutes::class,
		ActivityLog\LoginActivity::class,
		Auth\RedirectMode::class,
		Auth\Callback::class,
		Auth\Headless::class,
		Auth\PasswordPaths::class,
		Auth\AccountLock::class,
		Auth\LoginRedirects::class,
		Auth\Logout::class,
		Rest\Bearer\BearerAuth::class,
		UI\LoginButton::class,
		UI\AdminBarBadge::class,
		AuditLog\AuditForwarder::class,
		Sync\ProfilePush::class,
		Webhook\Receiver::class,
	);

	public static function boot(): void {
		// Upgrades run lazily on every site (multisite: per-site tables and version option).
		Schema::maybe_upgrade();
		Config\ConstantSeeder::seed();
		add_action( 'init', array( self::class, 'load_textdomain' ) );
		foreach ( self::FEATURES as $feature ) {
			( new $feature() )->register();
		}
	}

	public static function load_textdomain(): void {
		load_plugin_textdomain( self::TEXT_DOMAIN, false, dirname( plugin_basename( WORKOS_COMPANION_FILE ) ) . '/languages' );
	}

	/** Stops the scheduled work and drops our rewrite rule; data stays until uninstall. */
	public static function deactivate(): void {
		wp_clear_scheduled_hook( AuditLog\AuditQueue::CRON_HOOK );
		wp_clear_scheduled_hook( Sync\PushQueue::CRON_HOOK );
		flush_rewrite_rules( false );
	}

	/**
	 * @param bool $network_wide True when a super admin network-activates the plugin.
	 */
	public static function activate( $network_wide = false ): void {
		if ( is_multisite() && $network_wide ) {
			foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $blog_id ) {
				switch_to_blog( (int) $blog_id );
				Schema::install();
				restore_current_blog();
			}
		} else {
			Schema::install();
		}
		// The /workos/callback rule must exist before the first sign-in.
		Auth\Callback::add_rewrite_rule();
		flush_rewrite_rules( false );
	}
}
