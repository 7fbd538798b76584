<?php
/**
 * The break-glass path: while WorkOS sign-in is enabled, `allow_password_fallback` keeps
 * WordPress's own password form reachable at wp-login.php?fallback=1. It is how administrators
 * get in when WorkOS is down, and also a way around single sign-on.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Diagnostics;

use WorkOSCompanion\Config\Config;

defined( 'ABSPATH' ) || exit;

final class SignInChecks {
	public function break_glass(): CheckResult {
		$env      = Config::active();
		$enabled  = Config::is_enabled( $env );
		$fallback = wp_validate_boolean( Config::get( 'allow_password_fallback', $env ) );
		$details  = array(
			'environment'             => $env,
			'workos_enabled'          => $enabled,
			'allow_password_fallback' => $fallback,
		);
		if ( ! $enabled ) {
			return CheckResult::pass( 'break_glass', __( 'WorkOS sign-in is not enabled: WordPress passwords are the only way in.', 'workos-companion' ), '', $details );
		}
		if ( $fallback ) {
			return CheckResult::warn(
				'break_glass',
				__( 'Password sign-in stays available next to WorkOS (wp-login.php?fallback=1).', 'workos-companion' ),
				__( 'Good as a break-glass path while WorkOS sign-in is new; once it works, turn allow_password_fallback off so nobody signs in around single sign-on, and turn it back on from the console if WorkOS is ever unreachable.', 'workos-companion' ),
				$details
			);
		}
		return CheckResult::pass( 'break_glass', __( 'Password sign-in is off: everyone signs in through WorkOS.', 'workos-companion' ), __( 'If WorkOS becomes unreachable, turn allow_password_fallback on from the console to sign in with a WordPress password.', 'workos-companion' ), $details );
	}
}
