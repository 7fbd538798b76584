<?php
/**
 * What uninstall.php removes from one site.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion;

use WorkOSCompanion\Config\Config;
use WorkOSCompanion\Database\Schema;

defined( 'ABSPATH' ) || exit;

final class Uninstaller {
	public const OPTIONS = array(
		'workos_staging',
		'workos_production',
		'workos_global',
		'workos_active_environment',
		Config::BASE_URL_OPTION,
		'workos_constants_hash',
		// Single options of the reference plugin's oldest releases.
		'workos_api_key',
		'workos_client_id',
		'workos_login_mode',
		'workos_allow_password_fallback',
		'workos_webhook_secret',
		'workos_deprovision_action',
		'workos_reassign_user',
		'workos_role_map',
		'workos_audit_logging_enabled',
	);

	public const USER_META = array(
		'_workos_user_id',
		'_workos_org_id',
		'_workos_last_synced_at',
		'_workos_profile_hash',
		'_workos_access_token',
		'_workos_refresh_token',
		'_workos_session_id',
		'_workos_deactivated',
		'_workos_first_login',
	);

	/** Deletes every transient whose name starts with $prefix (and its timeout row). */
	private static function delete_transients( string $prefix ): void {
		global $wpdb;
		foreach ( array( '_transient_', '_transient_timeout_' ) as $kind ) {
			$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( $kind . $prefix ) . '%' ) );
		}
	}

	private static function delete_options_with_prefix( string $prefix ): void {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( $prefix ) . '%' ) );
	}

	public static function uninstall_site(): void {
		foreach ( self::OPTIONS as $option ) {
			delete_option( $option );
		}
		foreach ( self::USER_META as $key ) {
			delete_metadata( 'user', 0, $key, '', true );
		}
		delete_transient( 'workos_jwks' );
		self::delete_transients( 'workos_jwks' ); // one cache per client id and base URL
		self::delete_transients( 'workos_state_' );
		AuditLog\AuditQueue::purge();
		Sync\PushQueue::purge();
		self::delete_options_with_prefix( Webhook\Handlers\ConnectionHandler::OPTION_PREFIX );
		Schema::drop();
	}
}
