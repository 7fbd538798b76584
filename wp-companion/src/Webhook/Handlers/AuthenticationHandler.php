<?php
/**
 * authentication.* events. email_verification_succeeded marks the linked user's e-mail verified
 * (usermeta `_workos_email_verified` = "1", `_workos_email_verified_at`, and the address that was
 * verified in `_workos_email_verified_address`); every other authentication event is a no-op
 * with a reason.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Webhook\Handlers;

use WorkOSCompanion\Sync\UserLinker;
use WorkOSCompanion\Webhook\HandlerResult;

defined( 'ABSPATH' ) || exit;

final class AuthenticationHandler {
	public const META_VERIFIED    = '_workos_email_verified';
	public const META_VERIFIED_AT = '_workos_email_verified_at';
	public const META_ADDRESS     = '_workos_email_verified_address';

	/** @param array<string,mixed> $event The whole envelope {id, event, data, created_at}. */
	public function handle( string $action, array $event ): HandlerResult {
		$data      = is_array( $event['data'] ?? null ) ? $event['data'] : array();
		$workos_id = (string) ( $data['user_id'] ?? '' );
		$ids       = array( 'workos_user_id' => $workos_id );
		if ( 'email_verification_succeeded' !== $action ) {
			$result = HandlerResult::skipped( 'not_handled:' . $action );
		} elseif ( '' === $workos_id ) {
			$result = HandlerResult::skipped( 'missing_user_id' );
		} else {
			$user = UserLinker::find_by_workos_id( $workos_id );
			if ( ! $user ) {
				$result = HandlerResult::skipped( 'not_linked' );
			} else {
				update_user_meta( $user->ID, self::META_VERIFIED, '1' );
				update_user_meta( $user->ID, self::META_VERIFIED_AT, sanitize_text_field( (string) ( $event['created_at'] ?? gmdate( 'c' ) ) ) );
				update_user_meta( $user->ID, self::META_ADDRESS, sanitize_email( (string) ( $data['email'] ?? $user->user_email ) ) );
				$result             = HandlerResult::applied( 'email_verified' );
				$result->wp_user_id = $user->ID;
			}
		}
		$result->object_ids = $ids;
		return $result;
	}
}
