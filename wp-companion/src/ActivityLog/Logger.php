<?php
/**
 * Writes rows to {prefix}workos_activity_log (seed spec §10.1, §10.2).
 *
 * Enabled = constant WORKOS_ENABLE_ACTIVITY_LOG when defined, else the active environment's
 * enable_activity_log setting (default off). Nothing is written while disabled.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\ActivityLog;

use WorkOSCompanion\Config\Config;

defined( 'ABSPATH' ) || exit;

final class Logger {
	public const TABLE = 'workos_activity_log';

	public static function is_enabled(): bool {
		if ( defined( 'WORKOS_ENABLE_ACTIVITY_LOG' ) ) {
			return self::truthy( constant( 'WORKOS_ENABLE_ACTIVITY_LOG' ) );
		}
		return self::truthy( Config::get( 'enable_activity_log' ) );
	}

	public static function table(): string {
		global $wpdb;
		return $wpdb->prefix . self::TABLE;
	}

	/**
	 * Records one event.
	 *
	 * @param string              $event_type Up to 50 characters (login, logout, login_failed...).
	 * @param array<string,mixed> $data       user_id (default: the current user), user_email and
	 *                                        workos_user_id (default: from the user), metadata (array),
	 *                                        ip_address and user_agent (default: from the request).
	 * @return int The new row's id, or 0 when disabled or the insert failed.
	 */
	public static function log( string $event_type, array $data = array() ): int {
		global $wpdb;
		$event_type = substr( (string) preg_replace( '/[^a-z0-9_.\-]/', '', strtolower( $event_type ) ), 0, 50 );
		if ( '' === $event_type || ! self::is_enabled() ) {
			return 0;
		}

		$user_id = array_key_exists( 'user_id', $data ) ? (int) $data['user_id'] : get_current_user_id();
		$user    = $user_id > 0 ? get_userdata( $user_id ) : false;
		$email   = (string) ( $data['user_email'] ?? ( $user ? $user->user_email : '' ) );
		$workos  = (string) ( $data['workos_user_id'] ?? ( $user ? get_user_meta( $user_id, '_workos_user_id', true ) : '' ) );
		$ip      = array_key_exists( 'ip_address', $data ) ? ClientIp::valid( $data['ip_address'] ) : ClientIp::get();
		$agent   = array_key_exists( 'user_agent', $data ) ? (string) $data['user_agent'] : self::user_agent();
		$meta    = isset( $data['metadata'] ) && is_array( $data['metadata'] ) && $data['metadata'] ? wp_json_encode( $data['metadata'] ) : null;

		$row = array(
			'event_type'     => $event_type,
			'user_id'        => max( 0, $user_id ),
			'user_email'     => substr( sanitize_email( $email ), 0, 191 ),
			'workos_user_id' => substr( sanitize_text_field( $workos ), 0, 191 ),
			'ip_address'     => $ip,
			'user_agent'     => $agent,
			'metadata'       => false === $meta ? null : $meta,
			'created_at'     => gmdate( 'Y-m-d H:i:s' ),
		);
		$ok = $wpdb->insert( self::table(), $row, array( '%s', '%d', '%s', '%s', '%s', '%s', '%s', '%s' ) );
		if ( ! $ok ) {
			return 0;
		}
		$row['id'] = (int) $wpdb->insert_id;

		/**
		 * An activity-log row was written.
		 *
		 * @param string              $event_type The event type.
		 * @param array<string,mixed> $row        The row as stored (metadata as JSON), with its id.
		 */
		do_action( 'workos_activity_logged', $event_type, $row );
		return $row['id'];
	}

	/** The request's User-Agent, plain text, at most 512 characters. */
	public static function user_agent(): string {
		$agent = sanitize_text_field( wp_unslash( $_SERVER['HTTP_USER_AGENT'] ?? '' ) ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- sanitized right here.
		return substr( $agent, 0, 512 );
	}

	/** @param mixed $value A constant or stored setting: true, 1, "1", "true", "yes", "on". */
	private static function truthy( $value ): bool {
		if ( is_string( $value ) ) {
			return in_array( strtolower( trim( $value ) ), array( '1', 'true', 'yes', 'on' ), true );
		}
		return (bool) $value;
	}
}
