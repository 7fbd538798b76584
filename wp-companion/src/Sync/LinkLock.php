<?php
/**
 * The one named database lock under which every write that gives a WorkOS user its WordPress
 * user — a users batch (create, link), a sign-in or a user.created webhook (UserLinker: create,
 * link) — decides and writes.
 *
 * Why one lock for all of them: wp_users has no unique key on user_login or user_email, and a
 * WorkOS id is a usermeta value, so nothing in the database stops two writers from both finding a
 * WorkOS id free and both creating its user. A batch used to hold a lock of its own, which kept
 * batches apart but not a user.created webhook (or a sign-in) arriving while a batch ran: the
 * webhook could not see the batch's uncommitted users, created the same user again (same
 * username and e-mail, same WorkOS id), and the console found it linked twice. Every such writer
 * now checks for the WorkOS id's holder with a fresh read while it holds this lock, and releases
 * it only after its writes are committed.
 *
 * GET_LOCK belongs to the database connection: held() asks the server, so a writer that lost its
 * connection (wpdb reconnects silently) finds out before it commits. Re-entrant within a request
 * (a hook that one writer runs may start another).
 *
 * wp_users is shared by a whole network, so the lock is per install (base prefix and database).
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Sync;

use WP_Error;

defined( 'ABSPATH' ) || exit;

final class LinkLock {
	public const TIMEOUT = 30;

	/** @var int How many acquire() calls of this request hold the lock. */
	private static $depth = 0;

	public static function name(): string {
		global $wpdb;
		return substr( 'workos_user_links_' . $wpdb->base_prefix . DB_NAME, 0, 64 );
	}

	/** Waits up to $timeout seconds for the lock; false when another writer kept it that long. */
	public static function acquire( int $timeout = self::TIMEOUT ): bool {
		global $wpdb;
		if ( self::$depth > 0 ) {
			++self::$depth;
			return true;
		}
		if ( '1' !== (string) $wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, %d)', self::name(), $timeout ) ) ) {
			return false;
		}
		self::$depth = 1;
		return true;
	}

	public static function release(): void {
		global $wpdb;
		if ( self::$depth <= 0 ) {
			return;
		}
		--self::$depth;
		if ( 0 === self::$depth ) {
			$wpdb->query( $wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', self::name() ) );
		}
	}

	/** Whether this request's database connection holds the lock right now (asked of the server). */
	public static function held(): bool {
		global $wpdb;
		return self::$depth > 0 && '1' === (string) $wpdb->get_var( $wpdb->prepare( 'SELECT IS_USED_LOCK(%s) = CONNECTION_ID()', self::name() ) );
	}

	/**
	 * Runs $work holding the lock.
	 *
	 * @param callable():mixed $work
	 * @return mixed|WP_Error What $work returns, or workos_link_busy (transient) when the lock
	 *                        could not be had in $timeout seconds.
	 */
	public static function run( callable $work, int $timeout = self::TIMEOUT ) {
		if ( ! self::acquire( $timeout ) ) {
			return self::busy();
		}
		try {
			return $work();
		} finally {
			self::release();
		}
	}

	public static function busy(): WP_Error {
		return new WP_Error(
			'workos_link_busy',
			__( 'Another update of this site\'s WorkOS users is still running. Please try again in a moment.', 'workos-companion' ),
			array(
				'status'    => 503,
				'transient' => true,
			)
		);
	}
}
