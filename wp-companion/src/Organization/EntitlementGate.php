<?php
/**
 * Entitlement gate (seed spec §8.5): when on, only users with an active membership in the
 * site's organization may sign in. It runs before a WordPress user is created or linked and
 * before any token is stored (our decision, fixing §17.13).
 *
 * On = constant WORKOS_ENTITLEMENT_GATE_ENABLED when defined, else the environment's
 * `entitlement_gate_enabled`; then filter `workos_entitlement_gate_enabled`. The organization is
 * the configured one, else the one the session is scoped to. A WorkOS API failure fails open.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Organization;

use WorkOSCompanion\Config\Config;
use WorkOSCompanion\WorkOS\Client;
use WP_Error;

defined( 'ABSPATH' ) || exit;

final class EntitlementGate {
	public const REASON_FILTER        = 'filter_denied';
	public const REASON_NO_MEMBERSHIP = 'no_active_membership';

	public static function is_enabled(): bool {
		if ( defined( 'WORKOS_ENTITLEMENT_GATE_ENABLED' ) ) {
			$enabled = wp_validate_boolean( constant( 'WORKOS_ENTITLEMENT_GATE_ENABLED' ) );
		} else {
			$enabled = wp_validate_boolean( Config::get( 'entitlement_gate_enabled' ) );
		}
		/**
		 * Whether the entitlement gate runs.
		 *
		 * @param bool $enabled From the constant or the setting.
		 */
		return (bool) apply_filters( 'workos_entitlement_gate_enabled', $enabled );
	}

	/**
	 * @param int                 $user_id  The WordPress user signing in (0 when none exists yet).
	 * @param array<string,mixed> $response WorkOS authenticate response.
	 * @return true|WP_Error true to let the user in; workos_entitlement_denied otherwise.
	 */
	public static function evaluate( int $user_id, array $response ) {
		if ( ! self::is_enabled() ) {
			return true;
		}
		$workos_user_id  = (string) ( $response['user']['id'] ?? '' );
		$organization_id = (string) Config::get( 'organization_id' );
		if ( '' === $organization_id ) {
			$organization_id = (string) ( $response['organization_id'] ?? '' );
		}
		if ( '' === $workos_user_id || '' === $organization_id ) {
			return true;
		}

		/**
		 * Decides the gate instead of WorkOS: true allows, false denies, null asks WorkOS.
		 *
		 * @param bool|null           $allowed  null.
		 * @param int                 $user_id  WordPress user (0 before creation).
		 * @param array<string,mixed> $response WorkOS authenticate response.
		 */
		$decision = apply_filters( 'workos_entitlement_check', null, $user_id, $response );
		if ( null !== $decision ) {
			return $decision ? true : self::deny( $user_id, self::REASON_FILTER, $response );
		}

		$memberships = Client::for_environment()->list_memberships( $workos_user_id, $organization_id );
		if ( is_wp_error( $memberships ) ) {
			// Fail open: a WorkOS outage must not lock everyone out of the site.
			if ( ( defined( 'WORKOS_DEBUG' ) && WORKOS_DEBUG ) || ( defined( 'WP_DEBUG' ) && WP_DEBUG ) ) {
				error_log( '[WorkOS][WARNING] entitlement check failed open: ' . $memberships->get_error_message() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log
			}
			return true;
		}
		foreach ( (array) ( $memberships['data'] ?? array() ) as $membership ) {
			if ( is_array( $membership ) && 'active' === ( $membership['status'] ?? '' ) && $organization_id === ( $membership['organization_id'] ?? $organization_id ) ) {
				return true;
			}
		}
		return self::deny( $user_id, self::REASON_NO_MEMBERSHIP, $response );
	}

	/** @param array<string,mixed> $response */
	private static function deny( int $user_id, string $reason, array $response ): WP_Error {
		/**
		 * A sign-in was refused by the entitlement gate.
		 *
		 * @param int                 $user_id  WordPress user (0 when none exists yet).
		 * @param string              $reason   filter_denied or no_active_membership.
		 * @param array<string,mixed> $response WorkOS authenticate response.
		 */
		do_action( 'workos_login_denied', $user_id, $reason, $response );
		return new WP_Error(
			'workos_entitlement_denied',
			__( 'Access denied. You do not have an active membership in the required organization.', 'workos-companion' ),
			array(
				'status' => 403,
				'reason' => $reason,
			)
		);
	}
}
