<?php
/**
 * The plugin's tables and the versioned upgrade routine.
 *
 * Version 3: the reference plugin's four tables (data contract, unchanged).
 * Version 4: adds the webhook bookkeeping of our own: {prefix}workos_webhook_events (one row per
 * WorkOS event id, UNIQUE, so a replay is recognised race-safely across PHP workers) and
 * {prefix}workos_object_versions (per WorkOS object id, the newest `updated_at` applied, in
 * milliseconds, so an older event never overwrites newer data).
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Database;

defined( 'ABSPATH' ) || exit;

final class Schema {
	public const VERSION        = 4;
	public const VERSION_OPTION = 'workos_db_version';

	/** Table names without the site prefix. */
	public const TABLES = array(
		'workos_organizations',
		'workos_org_memberships',
		'workos_org_sites',
		'workos_activity_log',
	);

	/** Our own tables (schema 4), dropped at uninstall with the four above. */
	public const WEBHOOK_TABLES = array(
		'workos_webhook_events',
		'workos_object_versions',
	);

	public static function installed_version(): int {
		return (int) get_option( self::VERSION_OPTION, 0 );
	}

	public static function maybe_upgrade(): void {
		if ( self::installed_version() < self::VERSION ) {
			self::install();
		}
	}

	/**
	 * Creates or alters the tables with dbDelta, runs the data migrations for every version
	 * between the stored one and the current one, then stores the current version.
	 */
	public static function install(): void {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';

		$from = self::installed_version();
		dbDelta( self::create_statements( $wpdb->prefix, $wpdb->get_charset_collate() ) );

		// 3 → 4 needs no data migration: dbDelta above creates the two webhook tables.
		if ( $from < 3 ) {
			self::migrate_active_environment();
		}
		update_option( self::VERSION_OPTION, self::VERSION );
	}

	/**
	 * dbDelta is picky: one column per line, two spaces after PRIMARY KEY, KEY not INDEX.
	 *
	 * @return string[]
	 */
	public static function create_statements( string $prefix, string $charset_collate ): array {
		return array(
			"CREATE TABLE {$prefix}workos_organizations (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  workos_org_id varchar(191) NOT NULL,
  name varchar(255) NOT NULL,
  slug varchar(191) NOT NULL,
  domains text NULL,
  settings text NULL,
  created_at datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  updated_at datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  PRIMARY KEY  (id),
  UNIQUE KEY idx_workos_org_id (workos_org_id),
  UNIQUE KEY idx_slug (slug)
) {$charset_collate};",
			"CREATE TABLE {$prefix}workos_org_memberships (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  org_id bigint(20) unsigned NOT NULL,
  user_id bigint(20) unsigned NOT NULL,
  workos_membership_id varchar(191) DEFAULT '',
  workos_role varchar(191) DEFAULT 'member',
  wp_role varchar(191) DEFAULT '',
  joined_at datetime NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY idx_org_user (org_id,user_id),
  KEY idx_user_id (user_id)
) {$charset_collate};",
			"CREATE TABLE {$prefix}workos_org_sites (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  org_id bigint(20) unsigned NOT NULL,
  site_id bigint(20) unsigned NOT NULL DEFAULT 1,
  is_primary tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY  (id),
  UNIQUE KEY idx_org_site (org_id,site_id)
) {$charset_collate};",
			"CREATE TABLE {$prefix}workos_activity_log (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  event_type varchar(50) NOT NULL,
  user_id bigint(20) unsigned DEFAULT 0,
  user_email varchar(191) DEFAULT '',
  workos_user_id varchar(191) DEFAULT '',
  ip_address varchar(45) DEFAULT '',
  user_agent text,
  metadata longtext,
  created_at datetime NOT NULL,
  PRIMARY KEY  (id),
  KEY idx_event_type (event_type),
  KEY idx_user_id (user_id),
  KEY idx_created_at (created_at)
) {$charset_collate};",
			"CREATE TABLE {$prefix}workos_webhook_events (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  event_id varchar(191) NOT NULL,
  event_type varchar(191) NOT NULL DEFAULT '',
  object_id varchar(191) NOT NULL DEFAULT '',
  received_at datetime NOT NULL,
  outcome varchar(20) NOT NULL DEFAULT 'processing',
  reason varchar(191) NOT NULL DEFAULT '',
  PRIMARY KEY  (id),
  UNIQUE KEY idx_event_id (event_id),
  KEY idx_object_id (object_id),
  KEY idx_received_at (received_at)
) {$charset_collate};",
			"CREATE TABLE {$prefix}workos_object_versions (
  object_id varchar(191) NOT NULL,
  updated_at_ms bigint(20) unsigned NOT NULL DEFAULT 0,
  event_id varchar(191) NOT NULL DEFAULT '',
  PRIMARY KEY  (object_id)
) {$charset_collate};",
		);
	}

	/**
	 * Schema 3 moved the active environment out of `workos_global` into its own option.
	 * A valid standalone value is never overwritten.
	 */
	private static function migrate_active_environment(): void {
		$global = get_option( 'workos_global', array() );
		if ( ! is_array( $global ) || ! array_key_exists( 'active_environment', $global ) ) {
			return;
		}
		$current = get_option( 'workos_active_environment', '' );
		$legacy  = $global['active_environment'];
		if ( ! in_array( $current, array( 'production', 'staging' ), true ) && in_array( $legacy, array( 'production', 'staging' ), true ) ) {
			update_option( 'workos_active_environment', $legacy );
		}
		unset( $global['active_environment'] );
		update_option( 'workos_global', $global );
	}

	/** Drops the plugin's tables of the current site (uninstall). */
	public static function drop(): void {
		global $wpdb;
		foreach ( array_merge( self::TABLES, self::WEBHOOK_TABLES ) as $table ) {
			$wpdb->query( 'DROP TABLE IF EXISTS `' . esc_sql( $wpdb->prefix . $table ) . '`' ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- identifiers cannot be placeholders.
		}
		delete_option( self::VERSION_OPTION );
	}
}
