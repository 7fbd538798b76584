<?php
/**
 * Webhooks: a secret for the active environment (without one every delivery is refused), and the
 * last delivery — the last verified event ({prefix}workos_webhook_events) and, when the activity
 * log is on, whether a refused delivery came after it.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Diagnostics;

use WorkOSCompanion\ActivityLog\Logger;
use WorkOSCompanion\Config\Config;
use WorkOSCompanion\Plugin;
use WorkOSCompanion\Webhook\EventStore;

defined( 'ABSPATH' ) || exit;

final class WebhookChecks {
	public function webhook_secret(): CheckResult {
		$env                  = Config::active();
		list( $secret, $src ) = Config::resolve( 'webhook_secret', $env );
		$details              = array(
			'environment' => $env,
			'source'      => '' === (string) $secret ? 'none' : $src,
		);
		if ( '' === (string) $secret ) {
			/* translators: %s: environment name */
			return CheckResult::fail( 'webhook_secret', sprintf( __( 'No webhook secret is set for the active environment (%s): every WorkOS delivery is refused.', 'workos-companion' ), $env ), __( 'Copy the secret of this site\'s webhook endpoint from the WorkOS dashboard into the console\'s settings.', 'workos-companion' ), $details );
		}
		/* translators: %s: environment name */
		return CheckResult::pass( 'webhook_secret', sprintf( __( 'A webhook secret is set for the active environment (%s).', 'workos-companion' ), $env ), '', $details );
	}

	public function last_webhook(): CheckResult {
		global $wpdb;
		$events   = EventStore::events_table();
		$activity = Logger::table();
		$last     = $wpdb->get_row( "SELECT event_id, event_type, received_at, outcome FROM {$events} ORDER BY id DESC LIMIT 1", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		$refused  = $wpdb->get_row( $wpdb->prepare( "SELECT metadata, created_at FROM {$activity} WHERE event_type = %s ORDER BY id DESC LIMIT 1", 'webhook_rejected' ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		$url      = rest_url( Plugin::REST_NAMESPACE . '/webhook' );
		$details  = array( 'webhook_url' => $url );
		if ( is_array( $last ) ) {
			$details['last_event'] = array(
				'event_id'    => (string) $last['event_id'],
				'event_type'  => (string) $last['event_type'],
				'received_at' => self::iso( (string) $last['received_at'] ),
				'outcome'     => (string) $last['outcome'],
			);
		}
		if ( is_array( $refused ) && ( ! is_array( $last ) || (string) $refused['created_at'] >= (string) $last['received_at'] ) ) {
			$meta                    = json_decode( (string) $refused['metadata'], true );
			$reason                  = is_array( $meta ) ? (string) ( $meta['reason'] ?? '' ) : '';
			$details['last_refusal'] = array(
				'at'     => self::iso( (string) $refused['created_at'] ),
				'reason' => $reason,
			);
			/* translators: 1: date and time (UTC), 2: reason code */
			return CheckResult::warn( 'last_webhook', sprintf( __( 'The last webhook delivery (%1$s UTC) was refused: %2$s.', 'workos-companion' ), $refused['created_at'], $reason ), self::refusal_advice( $reason ), $details );
		}
		if ( ! is_array( $last ) ) {
			return CheckResult::warn(
				'last_webhook',
				__( 'No webhook has been received yet.', 'workos-companion' ),
				/* translators: %s: the webhook URL */
				sprintf( __( 'Add %s as a webhook endpoint in the WorkOS dashboard, then run the webhook echo from the console to prove deliveries arrive.', 'workos-companion' ), $url ),
				$details
			);
		}
		/* translators: 1: event type, 2: date and time (UTC), 3: outcome */
		return CheckResult::pass( 'last_webhook', sprintf( __( 'Last webhook: %1$s, received %2$s UTC (%3$s).', 'workos-companion' ), $last['event_type'], $last['received_at'], $last['outcome'] ), '', $details );
	}

	private static function refusal_advice( string $reason ): string {
		switch ( $reason ) {
			case 'signature_mismatch':
				return __( 'The webhook secret of this site differs from the one WorkOS signs with: copy it again from the WorkOS dashboard.', 'workos-companion' );
			case 'timestamp_too_old':
			case 'timestamp_in_future':
				return __( 'The signature\'s timestamp is outside the tolerance: check this server\'s clock (see clock_skew) or delays in front of the site.', 'workos-companion' );
			case 'workos_webhook_not_configured':
				return __( 'Set the webhook secret of the active environment.', 'workos-companion' );
			default:
				return __( 'See the activity log (webhook_rejected) for details; the webhook echo from the console tells whether the secrets match.', 'workos-companion' );
		}
	}

	private static function iso( string $mysql ): string {
		return str_replace( ' ', 'T', $mysql ) . 'Z';
	}
}
