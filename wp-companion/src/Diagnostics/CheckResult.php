<?php
/**
 * One diagnostics check's outcome: {id, status: pass|warn|fail, summary, advice, details}.
 * Summary says what was found, advice what to do about it ('' when nothing); details carries
 * figures for the console (latency, skew…), never a secret.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Diagnostics;

defined( 'ABSPATH' ) || exit;

final class CheckResult {
	public const PASS = 'pass';
	public const WARN = 'warn';
	public const FAIL = 'fail';

	/** @var string */
	public $id;
	/** @var string */
	public $status;
	/** @var string */
	public $summary;
	/** @var string */
	public $advice;
	/** @var array<string,mixed> */
	public $details;

	/** @param array<string,mixed> $details */
	public function __construct( string $id, string $status, string $summary, string $advice = '', array $details = array() ) {
		$this->id      = $id;
		$this->status  = $status;
		$this->summary = $summary;
		$this->advice  = $advice;
		$this->details = $details;
	}

	/** @param array<string,mixed> $details */
	public static function pass( string $id, string $summary, string $advice = '', array $details = array() ): self {
		return new self( $id, self::PASS, $summary, $advice, $details );
	}

	/** @param array<string,mixed> $details */
	public static function warn( string $id, string $summary, string $advice, array $details = array() ): self {
		return new self( $id, self::WARN, $summary, $advice, $details );
	}

	/** @param array<string,mixed> $details */
	public static function fail( string $id, string $summary, string $advice, array $details = array() ): self {
		return new self( $id, self::FAIL, $summary, $advice, $details );
	}

	/** @return array<string,mixed> */
	public function to_array(): array {
		return array(
			'id'      => $this->id,
			'status'  => $this->status,
			'summary' => $this->summary,
			'advice'  => $this->advice,
			'details' => (object) $this->details,
		);
	}
}
