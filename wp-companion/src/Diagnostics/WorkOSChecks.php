<?php
/**
 * WorkOS from this server: one cheap authenticated call (GET /organizations?limit=1) with the
 * active environment's credentials, timed, and this server's clock against the answer's `Date`
 * header. Both checks share the one call.
 *
 * Clock skew matters because webhook signatures carry a timestamp checked against this
 * server's clock with a tolerance (Webhook\Signature, 180 s by default): beyond it every
 * delivery is refused.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Diagnostics;

use WorkOSCompanion\Config\Config;
use WorkOSCompanion\Webhook\Signature;
use WorkOSCompanion\WorkOS\Client;

defined( 'ABSPATH' ) || exit;

final class WorkOSChecks {
	public const TIMEOUT     = 10;
	public const SLOW_MS     = 2000;
	public const SKEW_WARN_S = 30;

	/** @var array<string,mixed>|null The shared call, made on first use. */
	private $probe;

	public function workos_api(): CheckResult {
		$probe   = $this->probe();
		$details = array(
			'environment'  => $probe['env'],
			'api_base_url' => Config::api_base_url()[0],
		);
		if ( ! $probe['configured'] ) {
			/* translators: %s: environment name */
			return CheckResult::warn( 'workos_api', sprintf( __( 'WorkOS is not configured for the active environment (%s): not checked.', 'workos-companion' ), $probe['env'] ), __( 'Enter the API key, client ID and environment ID of this environment in the console.', 'workos-companion' ), $details );
		}
		$details['latency_ms'] = $probe['latency_ms'];
		$result                = $probe['result'];
		if ( is_wp_error( $result ) ) {
			$data                   = (array) $result->get_error_data();
			$status                 = (int) ( $data['status'] ?? 0 );
			$details['http_status'] = $status;
			$details['workos_code'] = (string) $result->get_error_code();
			$details['request_id']  = (string) ( $data['request_id'] ?? '' );
			$message                = $result->get_error_message();
			if ( 'workos_unreachable' === $result->get_error_code() ) {
				return CheckResult::fail( 'workos_api', $message, __( 'Check that this server may open HTTPS connections to the WorkOS API (firewall, proxy, DNS).', 'workos-companion' ), $details );
			}
			if ( 401 === $status || 403 === $status ) {
				/* translators: 1: HTTP status, 2: WorkOS's message */
				return CheckResult::fail( 'workos_api', sprintf( __( 'WorkOS refused the API key (HTTP %1$d: %2$s).', 'workos-companion' ), $status, $message ), __( 'Check the API key of the active environment: it must be a current secret key of the same WorkOS environment as the client ID.', 'workos-companion' ), $details );
			}
			if ( 429 === $status ) {
				return CheckResult::warn( 'workos_api', __( 'WorkOS answered, but rate-limited this site (HTTP 429).', 'workos-companion' ), __( 'Something on this site calls WorkOS very often; retry the diagnostics in a minute.', 'workos-companion' ), $details );
			}
			/* translators: 1: HTTP status, 2: WorkOS's message */
			return CheckResult::fail( 'workos_api', sprintf( __( 'WorkOS answered with an error (HTTP %1$d: %2$s).', 'workos-companion' ), $status, $message ), __( 'Retry later; if it persists, check status.workos.com and the API base URL.', 'workos-companion' ), $details );
		}
		if ( $probe['latency_ms'] > self::SLOW_MS ) {
			/* translators: %d: milliseconds */
			return CheckResult::warn( 'workos_api', sprintf( __( 'WorkOS answered, but slowly (%d ms).', 'workos-companion' ), $probe['latency_ms'] ), __( 'Sign-ins wait for WorkOS: check this server\'s outbound network (proxy, DNS resolution, IPv6 fallbacks).', 'workos-companion' ), $details );
		}
		/* translators: %d: milliseconds */
		return CheckResult::pass( 'workos_api', sprintf( __( 'WorkOS accepted the API key and answered in %d ms.', 'workos-companion' ), $probe['latency_ms'] ), '', $details );
	}

	public function clock_skew(): CheckResult {
		$probe     = $this->probe();
		$tolerance = Signature::tolerance();
		$details   = array(
			'warn_above_seconds' => self::SKEW_WARN_S,
			'fail_above_seconds' => $tolerance,
			'server_time'        => gmdate( 'Y-m-d\TH:i:s\Z' ),
		);
		$advice_ntp = __( 'Keep the server clock synchronised with NTP (chrony or systemd-timesyncd).', 'workos-companion' );
		if ( ! $probe['configured'] || '' === $probe['date'] ) {
			return CheckResult::warn(
				'clock_skew',
				$probe['configured'] ? __( 'WorkOS\'s answer carried no Date header: the clock skew was not measured.', 'workos-companion' ) : __( 'WorkOS is not configured: the clock skew was not measured.', 'workos-companion' ),
				$advice_ntp,
				$details
			);
		}
		$workos_time = strtotime( $probe['date'] );
		if ( false === $workos_time ) {
			return CheckResult::warn( 'clock_skew', __( 'WorkOS\'s Date header could not be read: the clock skew was not measured.', 'workos-companion' ), $advice_ntp, $details );
		}
		// Date has whole seconds: WorkOS's time was within [t, t+1) when it answered, mid-request here.
		$skew                    = round( $probe['midpoint'] - ( $workos_time + 0.5 ), 1 );
		$details['skew_seconds'] = $skew;
		$details['workos_time']  = gmdate( 'Y-m-d\TH:i:s\Z', $workos_time );
		$ahead                   = $skew > 0;
		/* translators: 1: seconds, 2: "ahead of" or "behind" */
		$summary = sprintf( __( 'This server\'s clock is %1$s s %2$s WorkOS\'s.', 'workos-companion' ), number_format_i18n( abs( $skew ), 1 ), $ahead ? __( 'ahead of', 'workos-companion' ) : __( 'behind', 'workos-companion' ) );
		if ( abs( $skew ) > $tolerance ) {
			/* translators: %d: seconds */
			return CheckResult::fail( 'clock_skew', $summary, sprintf( __( 'Webhook signatures older or newer than %d s are refused, so every delivery fails. ', 'workos-companion' ), $tolerance ) . $advice_ntp, $details );
		}
		if ( abs( $skew ) > self::SKEW_WARN_S ) {
			return CheckResult::warn( 'clock_skew', $summary, __( 'Webhooks still verify, but the margin is shrinking. ', 'workos-companion' ) . $advice_ntp, $details );
		}
		return CheckResult::pass( 'clock_skew', $summary, '', $details );
	}

	/** @return array<string,mixed> */
	private function probe(): array {
		if ( null !== $this->probe ) {
			return $this->probe;
		}
		$env = Config::active();
		if ( ! Config::is_enabled( $env ) ) {
			$this->probe = array(
				'env'        => $env,
				'configured' => false,
				'date'       => '',
			);
			return $this->probe;
		}
		$client      = new Client( Config::api_base_url()[0], (string) Config::get( 'api_key', $env ), (string) Config::get( 'client_id', $env ), self::TIMEOUT );
		$start       = microtime( true );
		$result      = $client->list_organizations( array( 'limit' => 1 ) );
		$end         = microtime( true );
		$this->probe = array(
			'env'        => $env,
			'configured' => true,
			'result'     => $result,
			'latency_ms' => (int) round( ( $end - $start ) * 1000 ),
			'date'       => $client->last_date(),
			'midpoint'   => ( $start + $end ) / 2,
		);
		return $this->probe;
	}
}
