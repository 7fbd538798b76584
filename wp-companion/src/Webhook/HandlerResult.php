<?php
/**
 * What a webhook handler did with one event.
 *
 * outcome: applied (WordPress changed), skipped (nothing to do here: not linked, unchanged...),
 * stale (older than what was applied for the object), failed (could not be applied; logged and
 * answered 200 unless transient). transient = the failure may go away on retry (database down):
 * the receiver then answers 503 and does not record the event as processed, so WorkOS retries.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Webhook;

defined( 'ABSPATH' ) || exit;

final class HandlerResult {
	public const APPLIED = 'applied';
	public const SKIPPED = 'skipped';
	public const STALE   = 'stale';
	public const FAILED  = 'failed';

	/** @var string */
	public $outcome;

	/** @var string Machine-readable reason (snake_case). */
	public $reason;

	/** @var array<string,string> WorkOS object ids the event concerned ({kind: id}). */
	public $object_ids;

	/** @var int The WordPress user concerned, 0 when none. */
	public $wp_user_id;

	/** @var bool */
	public $transient;

	/** @param array<string,string> $object_ids */
	public function __construct( string $outcome, string $reason = '', array $object_ids = array(), int $wp_user_id = 0, bool $transient = false ) {
		$this->outcome    = $outcome;
		$this->reason     = $reason;
		$this->object_ids = $object_ids;
		$this->wp_user_id = $wp_user_id;
		$this->transient  = $transient;
	}

	/** @param array<string,string> $object_ids */
	public static function applied( string $reason = '', array $object_ids = array(), int $wp_user_id = 0 ): self {
		return new self( self::APPLIED, $reason, $object_ids, $wp_user_id );
	}

	/** @param array<string,string> $object_ids */
	public static function skipped( string $reason, array $object_ids = array(), int $wp_user_id = 0 ): self {
		return new self( self::SKIPPED, $reason, $object_ids, $wp_user_id );
	}

	/** @param array<string,string> $object_ids */
	public static function failed( string $reason, array $object_ids = array(), int $wp_user_id = 0, bool $transient = false ): self {
		return new self( self::FAILED, $reason, $object_ids, $wp_user_id, $transient );
	}

	/**
	 * This result about the objects in $ids — a `wp_user_id` entry among them becomes the
	 * WordPress user — with $detail added to the reason (the directory-sync handlers' way).
	 *
	 * @param array<string,mixed> $ids
	 */
	public function about( array $ids, string $detail = '' ): self {
		if ( isset( $ids['wp_user_id'] ) ) {
			$this->wp_user_id = (int) $ids['wp_user_id'];
			unset( $ids['wp_user_id'] );
		}
		$this->object_ids = array_map( 'strval', $ids );
		if ( '' !== $detail ) {
			$this->reason = '' === (string) $this->reason ? $detail : $this->reason . ': ' . $detail;
		}
		return $this;
	}
}
