<?php
/**
 * The shape of a users batch: which operations exist, the fields each accepts, and the REST
 * schema of one operation. A batch that breaks the shape (unknown operation or field, a field of
 * the wrong type or too long) is refused whole, before anything is read or written; what the
 * shape cannot say (a missing e-mail, an unknown user, a role that does not exist) is an error of
 * that one operation.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Users\Batch;

defined( 'ABSPATH' ) || exit;

final class Operations {
	public const MAX = 500;

	public const CREATE     = 'create';
	public const LINK       = 'link';
	public const UNLINK     = 'unlink';
	public const UPDATE     = 'update';
	public const DEACTIVATE = 'deactivate';
	public const REACTIVATE = 'reactivate';

	/** Fields that name the user an operation is about (one of them, exactly). */
	public const SELECTORS = array( 'user_id', 'user_email', 'workos_user_id' );

	/** Fields each operation accepts besides `op`. */
	public const FIELDS = array(
		self::CREATE     => array( 'email', 'first_name', 'last_name', 'role', 'workos_user_id', 'organization_id' ),
		self::LINK       => array( 'user_id', 'user_email', 'workos_user_id', 'organization_id' ),
		self::UNLINK     => self::SELECTORS,
		self::UPDATE     => array( 'user_id', 'user_email', 'workos_user_id', 'first_name', 'last_name', 'email', 'role' ),
		self::DEACTIVATE => self::SELECTORS,
		self::REACTIVATE => self::SELECTORS,
	);

	/** WorkOS ids: letters, digits, "_" and "-" (user_01H…, org_01H…). */
	public const ID_PATTERN = '^[A-Za-z0-9_-]+$';

	/** @return array<string,mixed> The REST schema of one operation. */
	public static function item_schema(): array {
		$text = static function ( int $max ): array {
			return array(
				'type'      => 'string',
				'maxLength' => $max,
			);
		};
		$id   = array(
			'type'      => 'string',
			'minLength' => 1,
			'maxLength' => 128,
			'pattern'   => self::ID_PATTERN,
		);
		return array(
			'type'                 => 'object',
			'additionalProperties' => false,
			'required'             => array( 'op' ),
			'properties'           => array(
				'op'              => array(
					'type' => 'string',
					'enum' => array_keys( self::FIELDS ),
				),
				'user_id'         => array(
					'type'    => 'integer',
					'minimum' => 1,
				),
				'user_email'      => $text( 100 ),
				'email'           => $text( 100 ), // wp_users.user_email is 100 characters
				'first_name'      => $text( 100 ),
				'last_name'       => $text( 100 ), // "first last" stays within display_name's 250
				'role'            => $text( 100 ),
				'workos_user_id'  => $id,
				'organization_id' => $id,
			),
		);
	}

	/**
	 * Fields given that this operation does not accept (the schema allows the union of all).
	 *
	 * @param array<string,mixed> $operation One operation, already valid against item_schema().
	 * @return string[]
	 */
	public static function foreign_fields( array $operation ): array {
		$allowed = self::FIELDS[ (string) ( $operation['op'] ?? '' ) ] ?? array();
		return array_values( array_diff( array_keys( $operation ), array_merge( array( 'op' ), $allowed ) ) );
	}
}
