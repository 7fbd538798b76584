<?php
/**
 * The four tables of seed spec §8.1 and §10.1 (schema version 3), install idempotency and the
 * version-3 migration of the active environment (§1.3).
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Config\Config;
use WorkOSCompanion\Database\Schema;

final class SchemaTest extends WPTestCase {
	private const MIGRATION_OPTIONS = array( Schema::VERSION_OPTION, Config::GLOBAL_OPTION, Config::ACTIVE_ENV_OPTION );

	/**
	 * Column => [Type, Null, Default, Extra] as SHOW COLUMNS reports them (Default null = none).
	 *
	 * @return array<string,array<string,array{0:string,1:string,2:?string,3:string}>>
	 */
	private static function expected_columns(): array {
		return array(
			'workos_organizations'   => array(
				'id'            => array( 'bigint(20) unsigned', 'NO', null, 'auto_increment' ),
				'workos_org_id' => array( 'varchar(191)', 'NO', null, '' ),
				'name'          => array( 'varchar(255)', 'NO', null, '' ),
				'slug'          => array( 'varchar(191)', 'NO', null, '' ),
				'domains'       => array( 'text', 'YES', null, '' ),
				'settings'      => array( 'text', 'YES', null, '' ),
				'created_at'    => array( 'datetime', 'NO', '0000-00-00 00:00:00', '' ),
				'updated_at'    => array( 'datetime', 'NO', '0000-00-00 00:00:00', '' ),
			),
			'workos_org_memberships' => array(
				'id'                   => array( 'bigint(20) unsigned', 'NO', null, 'auto_increment' ),
				'org_id'               => array( 'bigint(20) unsigned', 'NO', null, '' ),
				'user_id'              => array( 'bigint(20) unsigned', 'NO', null, '' ),
				'workos_membership_id' => array( 'varchar(191)', 'YES', '', '' ),
				'workos_role'          => array( 'varchar(191)', 'YES', 'member', '' ),
				'wp_role'              => array( 'varchar(191)', 'YES', '', '' ),
				'joined_at'            => array( 'datetime', 'NO', null, '' ),
			),
			'workos_org_sites'       => array(
				'id'         => array( 'bigint(20) unsigned', 'NO', null, 'auto_increment' ),
				'org_id'     => array( 'bigint(20) unsigned', 'NO', null, '' ),
				'site_id'    => array( 'bigint(20) unsigned', 'NO', '1', '' ),
				'is_primary' => array( 'tinyint(1)', 'NO', '0', '' ),
			),
			'workos_activity_log'    => array(
				'id'             => array( 'bigint(20) unsigned', 'NO', null, 'auto_increment' ),
				'event_type'     => array( 'varchar(50)', 'NO', null, '' ),
				'user_id'        => array( 'bigint(20) unsigned', 'YES', '0', '' ),
				'user_email'     => array( 'varchar(191)', 'YES', '', '' ),
				'workos_user_id' => array( 'varchar(191)', 'YES', '', '' ),
				'ip_address'     => array( 'varchar(45)', 'YES', '', '' ),
				'user_agent'     => array( 'text', 'YES', null, '' ),
				'metadata'       => array( 'longtext', 'YES', null, '' ),
				'created_at'     => array( 'datetime', 'NO', null, '' ),
			),
		);
	}

	/**
	 * Index name => [unique, columns in order].
	 *
	 * @return array<string,array<string,array{0:bool,1:string[]}>>
	 */
	private static function expected_indexes(): array {
		return array(
			'workos_organizations'   => array(
				'PRIMARY'           => array( true, array( 'id' ) ),
				'idx_workos_org_id' => array( true, array( 'workos_org_id' ) ),
				'idx_slug'          => array( true, array( 'slug' ) ),
			),
			'workos_org_memberships' => array(
				'PRIMARY'      => array( true, array( 'id' ) ),
				'idx_org_user' => array( true, array( 'org_id', 'user_id' ) ),
				'idx_user_id'  => array( false, array( 'user_id' ) ),
			),
			'workos_org_sites'       => array(
				'PRIMARY'      => array( true, array( 'id' ) ),
				'idx_org_site' => array( true, array( 'org_id', 'site_id' ) ),
			),
			'workos_activity_log'    => array(
				'PRIMARY'        => array( true, array( 'id' ) ),
				'idx_event_type' => array( false, array( 'event_type' ) ),
				'idx_user_id'    => array( false, array( 'user_id' ) ),
				'idx_created_at' => array( false, array( 'created_at' ) ),
			),
		);
	}

	private static function table( string $name ): string {
		global $wpdb;
		return $wpdb->prefix . $name;
	}

	public function test_the_four_tables_exist_with_the_site_prefix(): void {
		global $wpdb;
		$this->assertSame( array_keys( self::expected_columns() ), Schema::TABLES );
		foreach ( Schema::TABLES as $name ) {
			$this->assertSame( self::table( $name ), $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( self::table( $name ) ) ) ), "table $name" );
		}
	}

	public function test_columns_match_the_spec(): void {
		global $wpdb;
		$this->assert_columns_match_the_spec( $wpdb->prefix );
	}

	public function test_indexes_match_the_spec(): void {
		global $wpdb;
		$this->assert_indexes_match_the_spec( $wpdb->prefix );
	}

	/**
	 * The site's tables may come from an older run; the CREATE statements themselves must give the
	 * spec's tables on an empty database too. Built under a scratch prefix, dropped afterwards.
	 */
	public function test_create_statements_build_the_spec_tables_from_scratch(): void {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$prefix = $wpdb->prefix . 'schematest_';
		try {
			$created = dbDelta( Schema::create_statements( $prefix, $wpdb->get_charset_collate() ) );
			$this->assertSame( '', $wpdb->last_error );
			$this->assertCount( count( Schema::TABLES ) + count( Schema::WEBHOOK_TABLES ), $created );
			$this->assert_columns_match_the_spec( $prefix );
			$this->assert_indexes_match_the_spec( $prefix );
		} finally {
			foreach ( array_merge( Schema::TABLES, Schema::WEBHOOK_TABLES ) as $name ) {
				$wpdb->query( 'DROP TABLE IF EXISTS `' . esc_sql( $prefix . $name ) . '`' ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- identifier.
			}
		}
	}

	private function assert_columns_match_the_spec( string $prefix ): void {
		global $wpdb;
		foreach ( self::expected_columns() as $name => $expected ) {
			$actual = array();
			foreach ( $wpdb->get_results( 'SHOW COLUMNS FROM `' . esc_sql( $prefix . $name ) . '`', ARRAY_A ) as $column ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- identifier.
				$actual[ $column['Field'] ] = array( $column['Type'], $column['Null'], $column['Default'], $column['Extra'] );
			}
			$this->assertSame( $expected, $actual, "columns of $prefix$name (order, type, nullability, default)" );
		}
	}

	private function assert_indexes_match_the_spec( string $prefix ): void {
		global $wpdb;
		foreach ( self::expected_indexes() as $name => $expected ) {
			$actual = array();
			foreach ( $wpdb->get_results( 'SHOW INDEX FROM `' . esc_sql( $prefix . $name ) . '`', ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- identifier.
				$actual[ $row['Key_name'] ][0]                                   = '0' === (string) $row['Non_unique'];
				$actual[ $row['Key_name'] ][1][ (int) $row['Seq_in_index'] - 1 ] = $row['Column_name'];
			}
			ksort( $expected );
			ksort( $actual );
			$this->assertSame( $expected, $actual, "indexes of $prefix$name" );
		}
	}

	public function test_schema_version_is_4(): void {
		$this->assertSame( 4, Schema::VERSION );
		$this->assertSame( 4, Schema::installed_version() );
		$this->assertSame( '4', (string) get_option( 'workos_db_version' ) );
	}

	public function test_install_is_idempotent(): void {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$this->snapshot_options( self::MIGRATION_OPTIONS );

		$before = $this->describe_all();
		Schema::install();
		Schema::install();
		$this->assertSame( $before, $this->describe_all() );
		$this->assertSame( 4, Schema::installed_version() );

		// dbDelta finds nothing left to change: no ALTER on every upgrade check.
		$pending = dbDelta( Schema::create_statements( $wpdb->prefix, $wpdb->get_charset_collate() ), false );
		$this->assertSame( array(), $pending );
	}

	public function test_maybe_upgrade_does_nothing_at_the_current_version(): void {
		$this->snapshot_options( self::MIGRATION_OPTIONS );
		update_option( Config::GLOBAL_OPTION, array( 'active_environment' => 'production' ) );
		delete_option( Config::ACTIVE_ENV_OPTION );

		Schema::maybe_upgrade();

		$this->assertFalse( get_option( Config::ACTIVE_ENV_OPTION ) );
		$this->assertSame( array( 'active_environment' => 'production' ), get_option( Config::GLOBAL_OPTION ) );
	}

	/** @return array<string,array{0:int,1:array<string,mixed>,2:mixed,3:mixed}> */
	public function upgrade_cases(): array {
		$diagnostics = array(
			'diagnostics_results'  => array( 'ok' ),
			'diagnostics_last_run' => 1700000000,
		);
		return array(
			'v0 legacy production, no standalone'   => array( 0, $diagnostics + array( 'active_environment' => 'production' ), null, 'production' ),
			'v2 legacy production, no standalone'   => array( 2, $diagnostics + array( 'active_environment' => 'production' ), null, 'production' ),
			'v2 legacy staging, no standalone'      => array( 2, $diagnostics + array( 'active_environment' => 'staging' ), null, 'staging' ),
			'v2 valid standalone is kept'           => array( 2, $diagnostics + array( 'active_environment' => 'production' ), 'staging', 'staging' ),
			'v0 valid standalone is kept'           => array( 0, $diagnostics + array( 'active_environment' => 'staging' ), 'production', 'production' ),
			'v2 invalid standalone is replaced'     => array( 2, $diagnostics + array( 'active_environment' => 'production' ), 'qa', 'production' ),
			'v2 invalid legacy is only removed'     => array( 2, $diagnostics + array( 'active_environment' => 'qa' ), null, null ),
			'v0 invalid legacy keeps standalone'    => array( 0, $diagnostics + array( 'active_environment' => '' ), 'production', 'production' ),
		);
	}

	/**
	 * @dataProvider upgrade_cases
	 *
	 * @param int                 $from       Stored schema version before the upgrade.
	 * @param array<string,mixed> $global     workos_global before.
	 * @param mixed               $standalone workos_active_environment before (null: absent).
	 * @param mixed               $expected   workos_active_environment after (null: absent).
	 */
	public function test_upgrade_migrates_the_legacy_active_environment( int $from, array $global, $standalone, $expected ): void {
		$this->snapshot_options( self::MIGRATION_OPTIONS );
		update_option( Schema::VERSION_OPTION, $from );
		update_option( Config::GLOBAL_OPTION, $global );
		if ( null === $standalone ) {
			delete_option( Config::ACTIVE_ENV_OPTION );
		} else {
			update_option( Config::ACTIVE_ENV_OPTION, $standalone );
		}

		Schema::maybe_upgrade();

		$this->assertSame( null === $expected ? false : $expected, get_option( Config::ACTIVE_ENV_OPTION ) );
		$after = get_option( Config::GLOBAL_OPTION );
		$this->assertIsArray( $after );
		$this->assertArrayNotHasKey( 'active_environment', $after );
		unset( $global['active_environment'] );
		$this->assertSame( $global, $after, 'the other keys of workos_global are kept' );
		$this->assertSame( 4, Schema::installed_version() );
		$this->assertSame( null === $expected ? 'staging' : $expected, Config::active() );
	}

	public function test_upgrade_without_legacy_key_leaves_workos_global_alone(): void {
		$this->snapshot_options( self::MIGRATION_OPTIONS );
		update_option( Schema::VERSION_OPTION, 2 );
		delete_option( Config::GLOBAL_OPTION );
		update_option( Config::ACTIVE_ENV_OPTION, 'production' );

		Schema::maybe_upgrade();

		$this->assertFalse( get_option( Config::GLOBAL_OPTION ) );
		$this->assertSame( 'production', get_option( Config::ACTIVE_ENV_OPTION ) );
		$this->assertSame( 4, Schema::installed_version() );
	}

	/** @return array<string,array<int,array<string,mixed>>> SHOW COLUMNS and SHOW INDEX of every table. */
	private function describe_all(): array {
		global $wpdb;
		$out = array();
		foreach ( Schema::TABLES as $name ) {
			$table                  = esc_sql( self::table( $name ) );
			$out[ $name . ':cols' ] = $wpdb->get_results( "SHOW COLUMNS FROM `$table`", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- identifier.
			$out[ $name . ':idx' ]  = array_map(
				static function ( array $row ): array {
					unset( $row['Cardinality'] );
					return $row;
				},
				$wpdb->get_results( "SHOW INDEX FROM `$table`", ARRAY_A ) // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- identifier.
			);
		}
		return $out;
	}
}
