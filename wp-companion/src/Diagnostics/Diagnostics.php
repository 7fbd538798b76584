<?php
/**
 * Runs the server-side health checks (seed spec §13.4, with what the code really needs): each
 * check is a method of a small class grouped by subject, listed here in display order.
 *
 * A check that throws becomes a "fail" of its own, never a failed run. Every string of every
 * result is scrubbed of the configured secrets (API keys, webhook secrets of both environments)
 * before it leaves: WorkOS or transport messages are quoted and must not echo one back.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Diagnostics;

use Throwable;
use WorkOSCompanion\Config\Config;

defined( 'ABSPATH' ) || exit;

final class Diagnostics {
	/** Check id → [class, method]. */
	public const CHECKS = array(
		'php_version'          => array( PlatformChecks::class, 'php_version' ),
		'wordpress_version'    => array( PlatformChecks::class, 'wordpress_version' ),
		'php_extensions'       => array( PlatformChecks::class, 'php_extensions' ),
		'http_transport'       => array( PlatformChecks::class, 'http_transport' ),
		'database_tables'      => array( DatabaseChecks::class, 'database_tables' ),
		'schema_version'       => array( DatabaseChecks::class, 'schema_version' ),
		'workos_api'           => array( WorkOSChecks::class, 'workos_api' ),
		'clock_skew'           => array( WorkOSChecks::class, 'clock_skew' ),
		'callback_cache'       => array( LoopbackChecks::class, 'callback_cache' ),
		'authorization_header' => array( LoopbackChecks::class, 'authorization_header' ),
		'wp_cron'              => array( CronChecks::class, 'wp_cron' ),
		'webhook_secret'       => array( WebhookChecks::class, 'webhook_secret' ),
		'last_webhook'         => array( WebhookChecks::class, 'last_webhook' ),
		'break_glass'          => array( SignInChecks::class, 'break_glass' ),
	);

	/**
	 * @param string[] $only Check ids to run (all when empty), in CHECKS order.
	 * @return CheckResult[]
	 */
	public static function run( array $only = array() ): array {
		$instances = array();
		$results   = array();
		$secrets   = self::secrets();
		foreach ( self::CHECKS as $id => list( $class, $method ) ) {
			if ( $only && ! in_array( $id, $only, true ) ) {
				continue;
			}
			try {
				$instances[ $class ] = $instances[ $class ] ?? new $class();
				$result              = $instances[ $class ]->$method();
			} catch ( Throwable $e ) {
				/* translators: %s: the error message */
				$result = CheckResult::fail( $id, sprintf( __( 'The check itself failed: %s', 'workos-companion' ), $e->getMessage() ), __( 'Look at the PHP error log of this site; this is a bug or a broken installation.', 'workos-companion' ) );
			}
			$results[] = self::scrub( $result, $secrets );
		}
		return $results;
	}

	/**
	 * pass, warn or fail: the worst status among the results.
	 *
	 * @param CheckResult[] $results
	 */
	public static function overall( array $results ): string {
		$statuses = array_map(
			static function ( CheckResult $r ): string {
				return $r->status;
			},
			$results
		);
		if ( in_array( CheckResult::FAIL, $statuses, true ) ) {
			return CheckResult::FAIL;
		}
		return in_array( CheckResult::WARN, $statuses, true ) ? CheckResult::WARN : CheckResult::PASS;
	}

	/** @return string[] The configured secrets worth hiding (long enough not to match by chance). */
	private static function secrets(): array {
		$secrets = array();
		foreach ( Config::ENVIRONMENTS as $env ) {
			foreach ( Config::SECRETS as $key ) {
				$value = (string) Config::get( $key, $env );
				if ( strlen( $value ) >= 8 ) {
					$secrets[] = $value;
				}
			}
		}
		return array_values( array_unique( $secrets ) );
	}

	/** @param string[] $secrets */
	private static function scrub( CheckResult $result, array $secrets ): CheckResult {
		if ( ! $secrets ) {
			return $result;
		}
		$clean = static function ( $value ) use ( &$clean, $secrets ) {
			if ( is_string( $value ) ) {
				return str_replace( $secrets, '[redacted]', $value );
			}
			if ( is_array( $value ) ) {
				return array_map( $clean, $value );
			}
			return $value;
		};
		$result->summary = $clean( $result->summary );
		$result->advice  = $clean( $result->advice );
		$result->details = $clean( $result->details );
		return $result;
	}
}
