<?php
/**
 * Constant → database seeding (seed spec §1.5): when the wp-config.php constants of the active
 * environment change, their values are written into that environment's row once, so the settings
 * screen and the console show them; booleans and arrays are only seeded, never read from
 * constants at run time, so a later edit wins until the constants change again.
 *
 * Decision: secrets (api_key, webhook_secret) are never copied from a constant into the
 * database. The constant is read at run time anyway; a copy would only spread the secret.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Config;

defined( 'ABSPATH' ) || exit;

final class ConstantSeeder {
	public const HASH_OPTION = 'workos_constants_hash';

	private const STRINGS  = array( 'client_id', 'organization_id', 'environment_id' );
	private const BOOLEANS = array( 'allow_password_fallback', 'wp_password_fallback_email_confirmation' );
	private const ARRAYS   = array( 'redirect_urls' );

	public static function seed(): void {
		$env         = Config::active();
		$fingerprint = md5( (string) wp_json_encode( array( $env, self::values( $env ) ) ) );
		if ( get_option( self::HASH_OPTION ) === $fingerprint ) {
			return;
		}
		$row     = Config::row( $env );
		$changed = false;
		foreach ( self::desired( $env ) as $key => $value ) {
			if ( ! array_key_exists( $key, $row ) || $row[ $key ] !== $value ) {
				$row[ $key ] = $value;
				$changed     = true;
			}
		}
		if ( $changed ) {
			update_option( Config::option_name( $env ), $row );
		}
		update_option( self::HASH_OPTION, $fingerprint, false );
	}

	/** @return array<string,mixed> What the constants say for the environment, by setting key. */
	public static function desired( string $env ): array {
		$out = array();
		foreach ( self::STRINGS as $key ) {
			$constant = Config::overriding_constant( $key, $env );
			if ( null !== $constant ) {
				$out[ $key ] = (string) constant( $constant );
			}
		}
		foreach ( self::BOOLEANS as $key ) {
			$constant = self::first_defined( $key, $env );
			if ( null !== $constant ) {
				$out[ $key ] = (bool) constant( $constant );
			}
		}
		foreach ( self::ARRAYS as $key ) {
			$constant = self::first_defined( $key, $env, true );
			if ( null !== $constant ) {
				$out[ $key ] = constant( $constant );
			}
		}
		return $out;
	}

	/** @return array<string,mixed> Every relevant constant's value (defined or not), for the fingerprint. */
	private static function values( string $env ): array {
		$out = array();
		foreach ( array_merge( Config::CONSTANT_STRINGS, self::BOOLEANS, self::ARRAYS ) as $key ) {
			foreach ( self::names( $key, $env ) as $name ) {
				$out[ $name ] = defined( $name ) ? constant( $name ) : null;
			}
		}
		return $out;
	}

	/** @return string[] WORKOS_{ENV}_{KEY}, then WORKOS_{KEY}. */
	private static function names( string $key, string $env ): array {
		$suffix = strtoupper( $key );
		return array( 'WORKOS_' . strtoupper( $env ) . '_' . $suffix, 'WORKOS_' . $suffix );
	}

	private static function first_defined( string $key, string $env, bool $array_only = false ): ?string {
		foreach ( self::names( $key, $env ) as $name ) {
			if ( defined( $name ) && ( ! $array_only || is_array( constant( $name ) ) ) ) {
				return $name;
			}
		}
		return null;
	}
}
