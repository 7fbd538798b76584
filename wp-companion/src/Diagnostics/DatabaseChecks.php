<?php
/**
 * The companion's tables of this site and the installed schema version (Database\Schema).
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Diagnostics;

use WorkOSCompanion\Database\Schema;

defined( 'ABSPATH' ) || exit;

final class DatabaseChecks {
	public function database_tables(): CheckResult {
		global $wpdb;
		$expected = array();
		foreach ( array_merge( Schema::TABLES, Schema::WEBHOOK_TABLES ) as $table ) {
			$expected[] = $wpdb->prefix . $table;
		}
		$placeholders = implode( ', ', array_fill( 0, count( $expected ), '%s' ) );
		$found        = $wpdb->get_col( $wpdb->prepare( "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN ({$placeholders})", $expected ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- placeholders only.
		$missing      = array_values( array_diff( $expected, array_map( 'strval', (array) $found ) ) );
		$details      = array(
			'tables'  => $expected,
			'missing' => $missing,
		);
		if ( $missing ) {
			return CheckResult::fail(
				'database_tables',
				/* translators: %s: comma-separated table names */
				sprintf( __( 'Missing tables: %s.', 'workos-companion' ), implode( ', ', $missing ) ),
				__( 'Deactivate and activate the companion to create them; check that the database user may CREATE tables.', 'workos-companion' ),
				$details
			);
		}
		/* translators: %d: number of tables */
		return CheckResult::pass( 'database_tables', sprintf( __( 'All %d tables exist.', 'workos-companion' ), count( $expected ) ), '', $details );
	}

	public function schema_version(): CheckResult {
		$installed = Schema::installed_version();
		$details   = array(
			'installed' => $installed,
			'expected'  => Schema::VERSION,
		);
		if ( $installed < Schema::VERSION ) {
			/* translators: 1: installed schema version, 2: expected version */
			return CheckResult::fail( 'schema_version', sprintf( __( 'Schema version %1$d is installed; this companion needs %2$d.', 'workos-companion' ), $installed, Schema::VERSION ), __( 'The upgrade runs on the next page load; if the version stays behind, check the PHP error log for database errors.', 'workos-companion' ), $details );
		}
		if ( $installed > Schema::VERSION ) {
			/* translators: 1: installed schema version, 2: expected version */
			return CheckResult::warn( 'schema_version', sprintf( __( 'Schema version %1$d is newer than this companion knows (%2$d): the plugin was downgraded.', 'workos-companion' ), $installed, Schema::VERSION ), __( 'Install the companion version that created this schema, or check that nothing depends on the newer tables.', 'workos-companion' ), $details );
		}
		/* translators: %d: schema version */
		return CheckResult::pass( 'schema_version', sprintf( __( 'Schema version %d, as expected.', 'workos-companion' ), $installed ), '', $details );
	}
}
