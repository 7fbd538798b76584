<?php
/**
 * A database transaction on WordPress's connection ($wpdb), for work that must land whole or not
 * at all (a users batch), with savepoints for the parts that may fail on their own.
 *
 * START TRANSACTION inside an open transaction would silently commit it (MySQL and MariaDB do
 * that), so when one is already open (autocommit off, or MariaDB's @@in_transaction) this runs
 * inside a savepoint of it instead and leaves the outer COMMIT to its owner. On tables without
 * transactions (MyISAM) the statements are accepted and do nothing: is_transactional() says so,
 * and callers validate everything before writing for that reason too.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Database;

defined( 'ABSPATH' ) || exit;

final class Transaction {
	private const OUTER = 'workos_tx';

	/** @var bool Whether begin() made a savepoint in someone else's transaction. */
	private $nested = false;

	/** @var bool */
	private $open = false;

	/** @var int */
	private $savepoints = 0;

	public function begin(): void {
		global $wpdb;
		$this->nested = self::in_transaction();
		$wpdb->query( $this->nested ? 'SAVEPOINT ' . self::OUTER : 'START TRANSACTION' );
		$this->open = true;
	}

	public function commit(): void {
		global $wpdb;
		if ( $this->open ) {
			$wpdb->query( $this->nested ? 'RELEASE SAVEPOINT ' . self::OUTER : 'COMMIT' );
			$this->open = false;
		}
	}

	public function rollback(): void {
		global $wpdb;
		if ( $this->open ) {
			$wpdb->query( $this->nested ? 'ROLLBACK TO SAVEPOINT ' . self::OUTER : 'ROLLBACK' );
			$this->open = false;
		}
	}

	/**
	 * Runs $part inside a savepoint: when it returns false (or throws) what it wrote is undone and
	 * the rest of the transaction goes on.
	 *
	 * @param callable():bool $part
	 */
	public function attempt( callable $part ): bool {
		global $wpdb;
		$name = 'workos_sp_' . ( ++$this->savepoints );
		$wpdb->query( 'SAVEPOINT ' . $name );
		try {
			$ok = (bool) $part();
		} catch ( \Throwable $e ) {
			$wpdb->query( 'ROLLBACK TO SAVEPOINT ' . $name );
			throw $e;
		}
		$wpdb->query( ( $ok ? 'RELEASE SAVEPOINT ' : 'ROLLBACK TO SAVEPOINT ' ) . $name );
		return $ok;
	}

	/** Whether the connection is inside an open transaction already. */
	public static function in_transaction(): bool {
		global $wpdb;
		if ( '0' === (string) $wpdb->get_var( 'SELECT @@autocommit' ) ) {
			return true; // every statement runs in a transaction that someone else commits
		}
		if ( false !== stripos( (string) $wpdb->db_server_info(), 'mariadb' ) ) {
			return '1' === (string) $wpdb->get_var( 'SELECT @@in_transaction' );
		}
		return false;
	}

	/** Whether the users and usermeta tables can roll back (InnoDB or another transactional engine). */
	public static function is_transactional(): bool {
		global $wpdb;
		static $cache = array();
		$key = $wpdb->users . '|' . $wpdb->usermeta;
		if ( ! isset( $cache[ $key ] ) ) {
			$engines       = $wpdb->get_col(
				$wpdb->prepare(
					'SELECT ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (%s, %s)',
					$wpdb->users,
					$wpdb->usermeta
				)
			);
			$cache[ $key ] = count( $engines ) > 0 && ! array_diff( array_map( 'strtolower', $engines ), array( 'innodb', 'xtradb', 'ndbcluster', 'rocksdb', 'tokudb' ) );
		}
		return $cache[ $key ];
	}
}
