<?php
/**
 * Settings of both environments and where each value comes from.
 *
 * Precedence for the credential strings (seed spec §1.4): WORKOS_{ENV}_{KEY} constant, then the
 * generic WORKOS_{KEY} constant (empty strings ignored), then the environment's database row.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Config;

defined( 'ABSPATH' ) || exit;

final class Config {
	public const ENVIRONMENTS       = array( 'production', 'staging' );
	public const ACTIVE_ENV_OPTION  = 'workos_active_environment';
	public const GLOBAL_OPTION      = 'workos_global';
	public const BASE_URL_OPTION    = 'workos_api_base_url';
	public const DEFAULT_API_BASE   = 'https://api.workos.com';

	/** String settings a constant may override. */
	public const CONSTANT_STRINGS = array( 'api_key', 'client_id', 'webhook_secret', 'organization_id', 'environment_id' );

	/** Settings that are never returned, only whether they are set and their last four characters. */
	public const SECRETS = array( 'api_key', 'webhook_secret' );

	/** Effective runtime defaults (seed spec §1.2, "effective default" column). */
	public const DEFAULTS = array(
		'api_key'                 => '',
		'client_id'               => '',
		'webhook_secret'          => '',
		'organization_id'         => '',
		'environment_id'          => '',
		'login_mode'              => 'redirect',
		'allow_password_fallback' => true,
		'deprovision_action'      => 'deactivate',
		'reassign_user'           => 0,
		'audit_logging_enabled'   => false,
		'entitlement_gate_enabled' => false,
		'enable_activity_log'     => false,
	);

	public static function option_name( string $env ): string {
		return 'workos_' . $env;
	}

	/**
	 * @return array{0:string,1:string} The active environment and its source (constant, database or default).
	 */
	public static function active_environment(): array {
		if ( defined( 'WORKOS_ENVIRONMENT' ) && in_array( constant( 'WORKOS_ENVIRONMENT' ), self::ENVIRONMENTS, true ) ) {
			return array( constant( 'WORKOS_ENVIRONMENT' ), 'constant' );
		}
		$stored = get_option( self::ACTIVE_ENV_OPTION, '' );
		if ( in_array( $stored, self::ENVIRONMENTS, true ) ) {
			return array( $stored, 'database' );
		}
		$global = get_option( self::GLOBAL_OPTION, array() );
		if ( is_array( $global ) && in_array( $global['active_environment'] ?? '', self::ENVIRONMENTS, true ) ) {
			return array( $global['active_environment'], 'database' );
		}
		return array( 'staging', 'default' );
	}

	public static function active(): string {
		return self::active_environment()[0];
	}

	/** @return array<string,mixed> The stored row of an environment. */
	public static function row( string $env ): array {
		$row = get_option( self::option_name( $env ), array() );
		return is_array( $row ) ? $row : array();
	}

	/** Name of the constant that overrides a setting in an environment, or null. */
	public static function overriding_constant( string $key, string $env ): ?string {
		if ( ! in_array( $key, self::CONSTANT_STRINGS, true ) ) {
			return null;
		}
		$suffix = strtoupper( $key );
		foreach ( array( 'WORKOS_' . strtoupper( $env ) . '_' . $suffix, 'WORKOS_' . $suffix ) as $name ) {
			if ( defined( $name ) && is_string( constant( $name ) ) && '' !== constant( $name ) ) {
				return $name;
			}
		}
		return null;
	}

	/** Constants that govern a setting of every environment at run time (read where it is used). */
	public const RUNTIME_CONSTANTS = array(
		'entitlement_gate_enabled' => 'WORKOS_ENTITLEMENT_GATE_ENABLED',
		'enable_activity_log'      => 'WORKOS_ENABLE_ACTIVITY_LOG',
	);

	/**
	 * The constant that decides a setting at run time, whatever the database says — so the
	 * setting cannot be changed from the console — or null.
	 */
	public static function locking_constant( string $key, string $env ): ?string {
		$name = self::overriding_constant( $key, $env );
		if ( null !== $name ) {
			return $name;
		}
		$runtime = self::RUNTIME_CONSTANTS[ $key ] ?? null;
		return null !== $runtime && defined( $runtime ) ? $runtime : null;
	}

	/**
	 * @return array{0:mixed,1:string} The effective value of a setting and its source
	 *                                  (constant, database or default).
	 */
	public static function resolve( string $key, ?string $env = null ): array {
		$env      = $env ?? self::active();
		$constant = self::overriding_constant( $key, $env );
		if ( null !== $constant ) {
			return array( constant( $constant ), 'constant' );
		}
		$row = self::row( $env );
		if ( array_key_exists( $key, $row ) ) {
			return array( $row[ $key ], 'database' );
		}
		return array( self::DEFAULTS[ $key ] ?? null, 'default' );
	}

	/** @return mixed */
	public static function get( string $key, ?string $env = null ) {
		return self::resolve( $key, $env )[0];
	}

	/** "Enabled" = API key, client ID and environment ID all set for the environment. */
	public static function is_enabled( ?string $env = null ): bool {
		foreach ( array( 'api_key', 'client_id', 'environment_id' ) as $key ) {
			if ( '' === (string) self::get( $key, $env ) ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The WorkOS API base URL: WORKOS_API_BASE_URL constant, then the option, then the real WorkOS.
	 *
	 * @return array{0:string,1:string}
	 */
	public static function api_base_url(): array {
		if ( defined( 'WORKOS_API_BASE_URL' ) && is_string( constant( 'WORKOS_API_BASE_URL' ) ) && '' !== constant( 'WORKOS_API_BASE_URL' ) ) {
			return array( untrailingslashit( constant( 'WORKOS_API_BASE_URL' ) ), 'constant' );
		}
		$stored = get_option( self::BASE_URL_OPTION, '' );
		if ( is_string( $stored ) && '' !== $stored ) {
			return array( untrailingslashit( $stored ), 'database' );
		}
		return array( self::DEFAULT_API_BASE, 'default' );
	}

	/**
	 * How answers show a secret: whether it is set, its last four characters and the masked form,
	 * never the value.
	 *
	 * @return array{set:bool,last4:string,masked:string}
	 */
	public static function describe_secret( string $value ): array {
		return array(
			'set'    => '' !== $value,
			'last4'  => strlen( $value ) > 4 ? substr( $value, -4 ) : '',
			'masked' => self::mask( $value ),
		);
	}

	/** Masks a secret as the reference does: all but the last four characters become '*'. */
	public static function mask( string $value ): string {
		$length = strlen( $value );
		if ( 0 === $length ) {
			return '';
		}
		if ( $length <= 4 ) {
			return str_repeat( '*', $length );
		}
		return str_repeat( '*', $length - 4 ) . substr( $value, -4 );
	}
}
