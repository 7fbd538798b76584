<?php
/**
 * What the console may write, and in which shape: the JSON schema of every per-environment
 * setting and of the site-wide ones, used as the REST API's argument schema (so WordPress
 * refuses wrong types, enums and patterns with 400 rest_invalid_param before anything runs).
 *
 * Role map and redirects have their own routes (and checks); the reference's settings without a
 * feature here (magic codes, change-email, Radar) are not offered.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Config;

defined( 'ABSPATH' ) || exit;

final class SettingsSchema {
	/** Site-wide settings: name → option (or null when not stored as its own option). */
	public const SITE_OPTIONS = array(
		'active_environment' => Config::ACTIVE_ENV_OPTION,
		'api_base_url'       => Config::BASE_URL_OPTION,
		'webhook_tolerance'  => 'workos_webhook_tolerance',
	);

	/** The constant that locks a site-wide setting. */
	public const SITE_CONSTANTS = array(
		'active_environment' => 'WORKOS_ENVIRONMENT',
		'api_base_url'       => 'WORKOS_API_BASE_URL',
		'webhook_tolerance'  => 'WORKOS_WEBHOOK_TOLERANCE',
	);

	/** @return array<string,array<string,mixed>> Per-environment setting → JSON schema. */
	public static function environment(): array {
		return array(
			'api_key'                  => self::id_string( '^(sk_[A-Za-z0-9_.=-]+)?$', __( 'WorkOS secret API key (sk_…); write-only.', 'workos-companion' ) ),
			'client_id'                => self::id_string( '^(client_[A-Za-z0-9_]+)?$', __( 'WorkOS client ID (client_…).', 'workos-companion' ) ),
			'webhook_secret'           => self::id_string( '^[\x21-\x7e]*$', __( 'Webhook signing secret; write-only.', 'workos-companion' ) ),
			'organization_id'          => self::id_string( '^(org_[A-Za-z0-9_]+)?$', __( 'The site\'s WorkOS organization (org_…).', 'workos-companion' ) ),
			'environment_id'           => self::id_string( '^(environment_[A-Za-z0-9_]+)?$', __( 'WorkOS environment ID (environment_…).', 'workos-companion' ) ),
			'login_mode'               => array(
				'type'        => 'string',
				'enum'        => array( 'redirect', 'headless' ),
				'description' => __( 'redirect: AuthKit\'s hosted page; headless: WordPress\'s form, WorkOS checks the password.', 'workos-companion' ),
			),
			'allow_password_fallback'  => self::flag( __( 'WordPress passwords and ?fallback=1 stay available.', 'workos-companion' ) ),
			'deprovision_action'       => array(
				'type'        => 'string',
				'enum'        => array( 'deactivate', 'demote', 'delete' ),
				'description' => __( 'What happens to a user WorkOS removes.', 'workos-companion' ),
			),
			'reassign_user'            => array(
				'type'        => 'integer',
				'minimum'     => 0,
				'maximum'     => PHP_INT_MAX,
				'description' => __( 'User who receives the content of deleted users (0: none).', 'workos-companion' ),
			),
			'audit_logging_enabled'    => self::flag( __( 'Send WordPress events to WorkOS Audit Logs.', 'workos-companion' ) ),
			'entitlement_gate_enabled' => self::flag( __( 'Only active members of the organization may sign in.', 'workos-companion' ) ),
			'enable_activity_log'      => self::flag( __( 'Keep the local activity log.', 'workos-companion' ) ),
		);
	}

	/** @return array<string,array<string,mixed>> Site-wide setting → JSON schema. */
	public static function site(): array {
		return array(
			'active_environment' => array(
				'type' => 'string',
				'enum' => Config::ENVIRONMENTS,
			),
			'api_base_url'       => array(
				'type'      => 'string',
				'format'    => 'uri',
				'maxLength' => 2048,
				'pattern'   => '^https?://',
			),
			'webhook_tolerance'  => array(
				'type'    => 'integer',
				'minimum' => 1,
				'maximum' => 3600,
			),
		);
	}

	/** @return array<string,mixed> */
	private static function id_string( string $pattern, string $description ): array {
		return array(
			'type'        => 'string',
			'maxLength'   => 256,
			'pattern'     => $pattern,
			'description' => $description,
		);
	}

	/** @return array<string,mixed> */
	private static function flag( string $description ): array {
		return array(
			'type'        => 'boolean',
			'description' => $description,
		);
	}
}
