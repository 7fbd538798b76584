<?php
/**
 * Runs a users batch: plans every operation first (BatchPlanner, no writes), then — unless it is a
 * dry run — carries the plan out in one database transaction:
 *
 * - batches of a site run one at a time, and never while a sign-in or a webhook links or creates
 *   a WorkOS user (Sync\LinkLock, held from the plan to the commit), so nothing can create the
 *   same WorkOS user or take the same username between the plan's reads and the writes; the new
 *   users' password hashes, which need no database, are made before the lock (Passwords);
 * - before it commits, a batch checks that it still holds that lock and that no WorkOS id it
 *   created a user for has another holder (a locking read, which sees what others committed
 *   since the transaction began): a writer that bypassed the lock fails the batch, which rolls
 *   back, instead of leaving a WorkOS user linked twice;
 * - consecutive creates are written together (UserCreator), every other operation in its own
 *   savepoint, so an operation that fails when written is undone alone and the others stand;
 * - an unexpected failure (a database error, an exception from a hook) rolls the whole batch back
 *   and answers workos_batch_failed (on MyISAM tables, which cannot roll back, planning everything
 *   first is what keeps a batch from stopping half-way);
 * - WordPress's e-mails about new users, changed e-mail addresses and passwords are not sent, and
 *   nothing is pushed back to WorkOS (the console's changes come from WorkOS);
 * - one activity-log row sums the batch up (deactivations add their own, as Deprovisioner does).
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Users\Batch;

use WorkOSCompanion\ActivityLog\Logger;
use WorkOSCompanion\Database\Transaction;
use WorkOSCompanion\Sync\LinkLock;
use WorkOSCompanion\Sync\ProfilePush;
use WorkOSCompanion\Sync\UserLinker;
use WP_Error;

defined( 'ABSPATH' ) || exit;

final class BatchRunner {
	public const LOCK_TIMEOUT = 30;

	/** Filters that would send WordPress's user e-mails, all answered false during a batch. */
	private const NO_MAIL = array( 'wp_send_new_user_notification_to_user', 'wp_send_new_user_notification_to_admin', 'send_email_change_email', 'send_password_change_email' );

	/** @var Transaction */
	private $tx;

	/** @var UserCreator */
	private $creator;

	/** @var bool */
	private $bulk;

	/** @var array<int,int|WP_Error> Placeholder → the created user's id, or why it was not created. */
	private $created = array();

	/** @var array<int,array<string,mixed>> Results by operation index. */
	private $results = array();

	/**
	 * @param array<int,array<string,mixed>> $operations Shape-checked operations.
	 * @return array<string,mixed>|WP_Error {dry_run, results, summary}
	 */
	public static function run( array $operations, bool $dry_run ) {
		if ( $dry_run ) {
			$results = array();
			foreach ( BatchPlanner::plan( $operations ) as $step ) {
				$results[] = self::result( $step, null !== $step['user'] && $step['user'] > 0 ? $step['user'] : null );
			}
			return self::answer( true, $results );
		}
		// The creates' password hashes take most of a batch's CPU and no database: made before
		// the lock (from a plan that the one made under it will almost always confirm).
		$passwords = UserCreator::bulk_enabled() ? Passwords::for_plan( BatchPlanner::plan( $operations ) ) : array();
		if ( ! LinkLock::acquire( self::LOCK_TIMEOUT ) ) {
			return new WP_Error( 'workos_batch_busy', __( 'Another users batch is running on this site. Try again in a moment.', 'workos-companion' ), array( 'status' => 409 ) );
		}
		try {
			$steps = BatchPlanner::plan( $operations );
			foreach ( $steps as &$step ) {
				if ( isset( $passwords[ $step['index'] ] ) && $step['run'] && Operations::CREATE === $step['op'] ) {
					$step['data'] += $passwords[ $step['index'] ];
				}
			}
			unset( $step );
			return ( new self() )->execute( $steps );
		} finally {
			LinkLock::release();
		}
	}

	/**
	 * @param array<int,array<string,mixed>> $steps
	 * @return array<string,mixed>|WP_Error
	 */
	private function execute( array $steps ) {
		$this->tx      = new Transaction();
		$this->creator = new UserCreator();
		$this->bulk    = UserCreator::bulk_enabled();
		foreach ( self::NO_MAIL as $filter ) {
			add_filter( $filter, array( self::class, 'no_mail' ), PHP_INT_MAX );
		}
		$this->tx->begin();
		try {
			ProfilePush::without_push(
				function () use ( $steps ): void {
					$this->write( $steps );
				}
			);
			$this->check_links( $steps );
			$answer = self::answer( false, $this->results );
			Logger::log( 'users_batch', array( 'metadata' => $answer['summary'] ) );
			$this->tx->commit();
			return $answer;
		} catch ( \Throwable $e ) {
			$this->tx->rollback();
			self::forget_cached_users();
			Logger::log(
				'users_batch_failed',
				array(
					'metadata' => array(
						'operations' => count( $steps ),
						'error'      => substr( $e->getMessage(), 0, 500 ),
					),
				)
			);
			// Tables without transactions (MyISAM) keep what was written before the failure.
			$rolled_back = Transaction::is_transactional();
			return new WP_Error(
				'workos_batch_failed',
				$rolled_back
					? __( 'The batch failed and nothing was changed. The activity log has the reason.', 'workos-companion' )
					: __( 'The batch failed. This site\'s user tables cannot roll back, so what was written before the failure stays. The activity log has the reason.', 'workos-companion' ),
				array(
					'status'      => 500,
					'rolled_back' => $rolled_back,
				)
			);
		} finally {
			foreach ( self::NO_MAIL as $filter ) {
				remove_filter( $filter, array( self::class, 'no_mail' ), PHP_INT_MAX );
			}
		}
	}

	/** The answer of the NO_MAIL filters while a batch runs (its own callback: removing it leaves others' alone). */
	public static function no_mail(): bool {
		return false;
	}

	/** @param array<int,array<string,mixed>> $steps */
	private function write( array $steps ): void {
		$pending = array(); // consecutive creates, written together
		foreach ( $steps as $step ) {
			if ( $step['run'] && Operations::CREATE === $step['op'] ) {
				$pending[ $step['index'] ] = $step;
				continue;
			}
			if ( $step['run'] || ( null !== $step['user'] && $step['user'] < 0 ) ) {
				$this->create( $pending );
				$pending = array();
			}
			if ( null !== $step['error'] || ! $step['run'] ) {
				$user                            = $this->resolve( $step['user'] );
				$this->results[ $step['index'] ] = is_wp_error( $user ) && null === $step['error'] ? self::failed( $step, $user ) : self::result( $step, is_int( $user ) ? $user : null );
				continue;
			}
			$this->change( $step );
		}
		$this->create( $pending );
		ksort( $this->results );
	}

	/** @param array<int,array<string,mixed>> $steps Planned creates by operation index. */
	private function create( array $steps ): void {
		if ( ! $steps ) {
			return;
		}
		$made = $this->creator->create( wp_list_pluck( $steps, 'data' ), $this->bulk, array( $this->tx, 'attempt' ) );
		foreach ( $steps as $index => $step ) {
			$id                             = $made[ $index ] ?? new WP_Error( 'workos_operation_failed', __( 'The user was not created.', 'workos-companion' ) );
			$this->created[ $step['user'] ] = $id;
			$this->results[ $index ]        = is_wp_error( $id ) ? self::failed( $step, $id ) : self::result( $step, $id );
		}
	}

	/** @param array<string,mixed> $step A planned change of an existing (or just created) user. */
	private function change( array $step ): void {
		$user = $this->resolve( $step['user'] );
		if ( is_wp_error( $user ) || null === $user ) {
			$this->results[ $step['index'] ] = self::failed( $step, $user ?? new WP_Error( 'workos_user_not_found', __( 'No such user on this site.', 'workos-companion' ) ) );
			return;
		}
		$error = null;
		$this->tx->attempt(
			static function () use ( $step, $user, &$error ): bool {
				$done  = StepWriter::write( $step, $user );
				$error = is_wp_error( $done ) ? $done : null;
				return null === $error;
			}
		);
		if ( $error ) {
			// What the savepoint undid may still sit in the object cache.
			clean_user_cache( $user );
			wp_cache_delete( $user, 'user_meta' );
		}
		$this->results[ $step['index'] ] = $error ? self::failed( $step, $error, $user ) : self::result( $step, $user );
	}

	/**
	 * A planned user id made real: placeholders become the created user's id.
	 *
	 * @param int|null $user
	 * @return int|WP_Error|null
	 */
	private function resolve( $user ) {
		if ( null === $user || $user > 0 ) {
			return $user;
		}
		$created = $this->created[ $user ] ?? null;
		if ( is_int( $created ) ) {
			return $created;
		}
		return new WP_Error( 'workos_operation_failed', __( 'The operation that was to create this user failed.', 'workos-companion' ) );
	}

	/**
	 * @param array<string,mixed> $step
	 * @return array<string,mixed>
	 */
	private static function result( array $step, ?int $user_id ): array {
		return array(
			'index'   => $step['index'],
			'op'      => $step['op'],
			'ok'      => null === $step['error'],
			'user_id' => $user_id,
			'outcome' => null === $step['error'] ? $step['outcome'] : null,
			'error'   => $step['error'],
		);
	}

	/**
	 * @param array<string,mixed> $step
	 * @return array<string,mixed>
	 */
	private static function failed( array $step, WP_Error $error, ?int $user_id = null ): array {
		$step['error'] = array(
			'code'    => (string) $error->get_error_code(),
			'message' => $error->get_error_message(),
		);
		return self::result( $step, $user_id );
	}

	/**
	 * @param array<int,array<string,mixed>> $results
	 * @return array<string,mixed>
	 */
	private static function answer( bool $dry_run, array $results ): array {
		$outcomes = array();
		$errors   = array();
		foreach ( $results as $result ) {
			if ( $result['ok'] ) {
				$outcomes[ $result['outcome'] ] = ( $outcomes[ $result['outcome'] ] ?? 0 ) + 1;
			} else {
				$errors[ $result['error']['code'] ] = ( $errors[ $result['error']['code'] ] ?? 0 ) + 1;
			}
		}
		ksort( $outcomes );
		ksort( $errors );
		$ok = array_sum( $outcomes );
		return array(
			'dry_run' => $dry_run,
			'results' => array_values( $results ),
			'summary' => array(
				'operations' => count( $results ),
				'ok'         => $ok,
				'failed'     => count( $results ) - $ok,
				'outcomes'   => (object) $outcomes,
				'errors'     => (object) $errors,
			),
		);
	}

	/** A rolled-back batch may have left its users in the object cache: they must not outlive it. */
	private static function forget_cached_users(): void {
		$groups = array( 'users', 'userlogins', 'useremail', 'userslugs', 'user_meta' );
		if ( function_exists( 'wp_cache_supports' ) && wp_cache_supports( 'flush_group' ) ) {
			foreach ( $groups as $group ) {
				wp_cache_flush_group( $group );
			}
			return;
		}
		wp_cache_flush();
	}

	/**
	 * Refuses to commit what the batch wrote when it could hold a WorkOS user linked twice: the
	 * lock was lost (a reconnected connection holds nothing), or a WorkOS id a create of this batch
	 * gave its new user has another holder. The read locks the rows it reads, so it sees the
	 * latest committed rows (and waits for any a writer has not committed yet), not the
	 * transaction's snapshot. Creates only: their WorkOS id had no holder when planned, so any
	 * other holder is one that appeared since. Throws, which rolls the batch back.
	 *
	 * @param array<int,array<string,mixed>> $steps
	 */
	private function check_links( array $steps ): void {
		global $wpdb;
		if ( ! LinkLock::held() ) {
			throw new \RuntimeException( 'the lock on WorkOS users was lost (the database connection was reset)' );
		}
		$mine = array(); // WorkOS id → the user this batch created for it
		foreach ( $steps as $step ) {
			$id = $this->created[ $step['user'] ?? 0 ] ?? null;
			if ( $step['run'] && Operations::CREATE === $step['op'] && is_int( $id ) && '' !== (string) ( $step['data']['workos_user_id'] ?? '' ) ) {
				$mine[ (string) $step['data']['workos_user_id'] ] = $id;
			}
		}
		$twice = array();
		foreach ( array_chunk( array_keys( $mine ), 500 ) as $chunk ) {
			$rows = $wpdb->get_results(
				$wpdb->prepare(
					"SELECT user_id, meta_value FROM {$wpdb->usermeta} WHERE meta_key = %s AND meta_value IN (" . implode( ',', array_fill( 0, count( $chunk ), '%s' ) ) . ') LOCK IN SHARE MODE', // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- placeholders only.
					array_merge( array( UserLinker::META_USER_ID ), array_map( 'strval', $chunk ) )
				)
			);
			if ( '' !== $wpdb->last_error ) {
				throw new \RuntimeException( 'checking the new users\' WorkOS ids failed: ' . $wpdb->last_error );
			}
			foreach ( $rows as $row ) {
				if ( (int) $row->user_id !== ( $mine[ (string) $row->meta_value ] ?? null ) ) {
					$twice[ (string) $row->meta_value ] = true;
				}
			}
		}
		if ( $twice ) {
			throw new \RuntimeException( 'WorkOS users linked to another user while the batch ran: ' . implode( ', ', array_slice( array_keys( $twice ), 0, 10 ) ) );
		}
	}
}
