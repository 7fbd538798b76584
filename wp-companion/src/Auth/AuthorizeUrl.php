<?php
/**
 * Where the browser goes to sign in with WorkOS (AuthKit): the authorize URL with our callback,
 * a fresh signed state and the configured organization.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Auth;

use WorkOSCompanion\Config\Config;
use WorkOSCompanion\WorkOS\Client;

defined( 'ABSPATH' ) || exit;

final class AuthorizeUrl {
	public static function callback_url(): string {
		return home_url( '/workos/callback' );
	}

	/**
	 * @param string $redirect_to Where the visitor should land after signing in (validated by the caller).
	 * @param string $screen_hint "sign-in" or "sign-up".
	 */
	public static function build( string $redirect_to, string $screen_hint = 'sign-in' ): string {
		return Client::for_environment()->authorization_url(
			array(
				'redirect_uri'    => self::callback_url(),
				'state'           => State::create( $redirect_to ),
				'screen_hint'     => $screen_hint,
				'organization_id' => (string) Config::get( 'organization_id' ),
			)
		);
	}
}
