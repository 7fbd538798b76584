<?php
/**
 * Turns a WorkOS authenticate answer into a WordPress sign-in (seed spec §3.4, with our
 * decisions). Shared by the /workos/callback handler and headless mode.
 *
 * Order matters, nothing is written before every check passed:
 *  1. organization_selection_required → pick the site's organization when it is offered;
 *  2. the answer must carry user.id and the user an e-mail address;
 *  3. locate the WordPress user (deactivated, unverified e-mail and administrator rules);
 *  4. entitlement gate;
 *  5. create / link / update the user, apply the mapped role, store the tokens;
 *  6. (callback) auth cookie with remember-me, current user;
 *  7. workos_user_authenticated, then (callback) core wp_login;
 *  8. (callback) the redirect target through core's login_redirect filter.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Auth;

use WorkOSCompanion\ActivityLog\Logger;
use WorkOSCompanion\Config\Config;
use WorkOSCompanion\Organization\EntitlementGate;
use WorkOSCompanion\Organization\LocalMembership;
use WorkOSCompanion\Sync\PushQueue;
use WorkOSCompanion\Sync\RoleMapper;
use WorkOSCompanion\Sync\UserLinker;
use WorkOSCompanion\WorkOS\Client;
use WP_Error;
use WP_User;

defined( 'ABSPATH' ) || exit;

final class LoginCompleter {
	/**
	 * @param array<string,mixed>|WP_Error $result      WorkOS authenticate answer (or its error).
	 * @param string                       $redirect_to Requested target, already validated ("" = none).
	 * @param bool                         $sign_in     Set the auth cookie, fire wp_login and resolve the
	 *                                                  redirect (false for the authenticate filter, where
	 *                                                  WordPress core does all three).
	 * @return array{user:WP_User,redirect_to:string}|WP_Error
	 */
	public static function complete( $result, string $redirect_to = '', bool $sign_in = true ) {
		if ( is_wp_error( $result ) ) {
			$result = self::select_organization( $result );
			if ( is_wp_error( $result ) ) {
				return $result;
			}
		}
		if ( ! empty( $result['pending_authentication_token'] ) ) {
			return new WP_Error(
				'workos_mfa_unsupported',
				__( 'WorkOS asks for another verification step that this sign-in page does not support. Please sign in again through the WorkOS sign-in page.', 'workos-companion' ),
				array( 'status' => 403 )
			);
		}
		$workos_user = $result['user'] ?? null;
		if ( ! is_array( $workos_user ) || empty( $workos_user['id'] ) ) {
			return new WP_Error(
				'workos_invalid_response',
				__( 'WorkOS answered without the signed-in user. Please try again later.', 'workos-companion' ),
				array( 'status' => 502 )
			);
		}
		$organization_id = (string) ( $result['organization_id'] ?? '' );

		$plan = UserLinker::locate( $workos_user );
		if ( is_wp_error( $plan ) ) {
			return $plan;
		}
		$allowed = EntitlementGate::evaluate( $plan['user'] ? (int) $plan['user']->ID : 0, $result );
		if ( is_wp_error( $allowed ) ) {
			return $allowed;
		}
		$user = UserLinker::apply( $plan, $workos_user, $organization_id );
		if ( is_wp_error( $user ) ) {
			return $user;
		}

		RoleMapper::apply_on_login( $user->ID, $result );
		self::sync_organization( $user->ID, $result );
		TokenStore::store( $user->ID, $result );
		$user = get_userdata( $user->ID ); // fresh roles

		if ( $sign_in ) {
			wp_set_auth_cookie( $user->ID, true );
			wp_set_current_user( $user->ID );
		}
		/**
		 * A WorkOS sign-in finished for this WordPress user.
		 *
		 * @param int                 $user_id  WordPress user.
		 * @param array<string,mixed> $response WorkOS authenticate response.
		 */
		do_action( 'workos_user_authenticated', $user->ID, $result );
		if ( ! $sign_in ) {
			return array(
				'user'        => $user,
				'redirect_to' => '',
			);
		}
		do_action( 'wp_login', $user->user_login, $user ); // phpcs:ignore WordPress.NamingConventions.ValidHookName -- core hook.

		$requested = $redirect_to;
		$target    = '' !== $redirect_to ? $redirect_to : admin_url();
		/** This filter is documented in wp-login.php; role-based login redirects act here. */
		$target = (string) apply_filters( 'login_redirect', $target, $requested, $user ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals -- core hook.
		return array(
			'user'        => $user,
			'redirect_to' => RequestInfo::safe_redirect( $target, admin_url() ),
		);
	}

	/**
	 * organization_selection_required: continue with the site's organization when WorkOS offers it.
	 * Any other error comes back unchanged.
	 *
	 * @return array<string,mixed>|WP_Error
	 */
	/**
	 * §8.4 and §9.3 on every sign-in: the membership row in the site's organization with the role
	 * and membership id WorkOS gave, and this site's user id queued for the WorkOS user's
	 * metadata. A failure here does not stop the sign-in: the next one repairs it.
	 *
	 * @param array<string,mixed> $result WorkOS authenticate response.
	 */
	private static function sync_organization( int $wp_user_id, array $result ): void {
		$membership = (array) ( $result['organization_membership'] ?? array() );
		$outcome    = LocalMembership::ensure( $wp_user_id, RoleMapper::role_from_response( $result ), is_string( $membership['id'] ?? null ) ? $membership['id'] : '' );
		if ( is_wp_error( $outcome ) ) {
			Logger::log( 'organization_sync_failed', array( 'user_id' => $wp_user_id, 'metadata' => array( 'reason' => $outcome->get_error_code() ) ) );
		}
		PushQueue::push( 'puid', $wp_user_id );
	}

	private static function select_organization( WP_Error $error ) {
		$body = $error->get_error_data()['body'] ?? array();
		if ( 'organization_selection_required' !== $error->get_error_code() || empty( $body['pending_authentication_token'] ) ) {
			return $error;
		}
		$pinned = (string) Config::get( 'organization_id' );
		if ( '' === $pinned ) {
			return new WP_Error(
				'workos_no_pinned_org',
				__( 'Your WorkOS account belongs to several organizations and this site has no organization configured to choose from. Please sign in through the WorkOS sign-in page, or ask an administrator to configure the site\'s organization.', 'workos-companion' ),
				array( 'status' => 409 )
			);
		}
		$offered = array();
		foreach ( (array) ( $body['organizations'] ?? array() ) as $organization ) {
			if ( is_array( $organization ) && isset( $organization['id'] ) ) {
				$offered[] = (string) $organization['id'];
			}
		}
		if ( $offered && ! in_array( $pinned, $offered, true ) ) {
			return new WP_Error(
				'workos_pinned_org_mismatch',
				__( 'Your WorkOS account is not a member of the organization this site belongs to, so you cannot sign in here. Please contact your administrator.', 'workos-companion' ),
				array( 'status' => 403 )
			);
		}
		return Client::for_environment()->authenticate_with_organization_selection( (string) $body['pending_authentication_token'], $pinned );
	}
}
