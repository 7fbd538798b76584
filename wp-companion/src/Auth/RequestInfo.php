<?php
/**
 * What WorkOS is told about the browser behind a sign-in: its IP address (ActivityLog\ClientIp:
 * REMOTE_ADDR unless the site trusts a proxy; never a spoofable header on its own) and its user
 * agent.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Auth;

use WorkOSCompanion\ActivityLog\ClientIp;
use WorkOSCompanion\Http\SafeRedirect;

defined( 'ABSPATH' ) || exit;

final class RequestInfo {
	public static function ip(): string {
		return ClientIp::get();
	}

	public static function user_agent(): string {
		$agent = isset( $_SERVER['HTTP_USER_AGENT'] ) ? sanitize_text_field( wp_unslash( $_SERVER['HTTP_USER_AGENT'] ) ) : '';
		return substr( $agent, 0, 512 );
	}

	/**
	 * A requested redirect target checked like every other one (Http\SafeRedirect: same site only,
	 * encoded tricks refused); the fallback when refused or empty.
	 *
	 * @param mixed $target The requested target.
	 */
	public static function safe_redirect( $target, string $fallback ): string {
		if ( ! is_string( $target ) || '' === trim( $target ) ) {
			return $fallback;
		}
		return SafeRedirect::validate( trim( $target ), $fallback );
	}
}
