<?php
/**
 * WP-Cron runs the companion's queues (audit events to WorkOS, profile/role pushes): whether it
 * is disabled, and whether any workos_* event is overdue.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Diagnostics;

use WorkOSCompanion\AuditLog\AuditQueue;
use WorkOSCompanion\Sync\PushQueue;

defined( 'ABSPATH' ) || exit;

final class CronChecks {
	/** Later than this (seconds) an event is overdue: WP-Cron runs on visits, not on the second. */
	public const LATE_WARN = 600;
	public const LATE_FAIL = 3600;

	public function wp_cron(): CheckResult {
		$disabled = defined( 'DISABLE_WP_CRON' ) && constant( 'DISABLE_WP_CRON' );
		$overdue  = self::overdue( time() );
		$details  = array(
			'disabled'        => $disabled,
			'alternate'       => defined( 'ALTERNATE_WP_CRON' ) && constant( 'ALTERNATE_WP_CRON' ),
			'hooks'           => array( AuditQueue::CRON_HOOK, PushQueue::CRON_HOOK ),
			'overdue_seconds' => (object) $overdue,
		);
		$system_cron = __( 'Run wp-cron.php from a system cron every minute (for example: * * * * * curl -s https://example.com/wp-cron.php?doing_wp_cron >/dev/null).', 'workos-companion' );
		if ( $overdue ) {
			$late = max( $overdue );
			/* translators: 1: comma-separated hook names, 2: minutes */
			$summary = sprintf( __( 'Overdue WorkOS tasks: %1$s (up to %2$d min late).', 'workos-companion' ), implode( ', ', array_keys( $overdue ) ), (int) floor( $late / 60 ) );
			$advice  = $disabled
				? __( 'WP-Cron is disabled (DISABLE_WP_CRON) and nothing runs it instead. ', 'workos-companion' ) . $system_cron
				: __( 'WP-Cron only runs when the site gets visits. ', 'workos-companion' ) . $system_cron;
			return $late > self::LATE_FAIL || $disabled
				? CheckResult::fail( 'wp_cron', $summary, $advice, $details )
				: CheckResult::warn( 'wp_cron', $summary, $advice, $details );
		}
		if ( $disabled ) {
			return CheckResult::pass( 'wp_cron', __( 'WP-Cron is disabled (DISABLE_WP_CRON); no WorkOS task is overdue.', 'workos-companion' ), __( 'Make sure a system cron runs wp-cron.php: the audit-log and WorkOS-push queues rely on it.', 'workos-companion' ), $details );
		}
		return CheckResult::pass( 'wp_cron', __( 'WP-Cron is on and no WorkOS task is overdue.', 'workos-companion' ), '', $details );
	}

	/** @return array<string,int> Hook → seconds the oldest event of it is late, for workos_* hooks late by more than LATE_WARN. */
	public static function overdue( int $now ): array {
		$late = array();
		foreach ( (array) _get_cron_array() as $timestamp => $hooks ) {
			if ( (int) $timestamp > $now - self::LATE_WARN ) {
				continue;
			}
			foreach ( array_keys( (array) $hooks ) as $hook ) {
				if ( 0 === strpos( (string) $hook, 'workos_' ) ) {
					$late[ $hook ] = max( $late[ $hook ] ?? 0, $now - (int) $timestamp );
				}
			}
		}
		ksort( $late );
		return $late;
	}
}
