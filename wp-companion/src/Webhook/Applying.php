<?php
/**
 * "WorkOS is the source of this change" context while a webhook is applied: WordPress → WorkOS
 * push hooks must check is_active() (besides UserLinker::is_syncing() and
 * RoleMapper::is_applying(), which the sync classes set themselves) and not echo the change back.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Webhook;

defined( 'ABSPATH' ) || exit;

final class Applying {
	/** @var int */
	private static $depth = 0;

	public static function is_active(): bool {
		return self::$depth > 0;
	}

	/**
	 * Runs $work inside the context.
	 *
	 * @param callable $work Work to run.
	 * @return mixed What $work returned.
	 */
	public static function run( callable $work ) {
		++self::$depth;
		try {
			return $work();
		} finally {
			--self::$depth;
		}
	}
}
