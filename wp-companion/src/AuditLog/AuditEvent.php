<?php
/**
 * Builds WorkOS audit-log events in the shape workos-api.md §6 documents:
 * {action, occurred_at, version, actor{id,type,name,metadata}, targets[{id,type,name}],
 * context{location,user_agent}, metadata}. The organization goes next to it, not inside.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\AuditLog;

use WorkOSCompanion\ActivityLog\ClientIp;
use WorkOSCompanion\ActivityLog\Logger;
use WorkOSCompanion\Config\Config;
use WP_User;

defined( 'ABSPATH' ) || exit;

final class AuditEvent {
	public const VERSION = 1;

	/**
	 * The organization an actor's events belong to: the WorkOS organization they signed in with,
	 * else the site's configured organization; '' when there is none (nothing is sent).
	 */
	public static function organization_for( WP_User $actor ): string {
		$org = (string) get_user_meta( $actor->ID, '_workos_org_id', true );
		if ( '' === $org ) {
			$org = (string) Config::get( 'organization_id' );
		}
		return $org;
	}

	/**
	 * The id WorkOS shows for a WordPress user: the WorkOS user id when linked, else a stable
	 * "wp_user_{ID}" (audit-log ids are the application's own identifiers).
	 */
	public static function user_id_for( WP_User $user ): string {
		$workos = (string) get_user_meta( $user->ID, '_workos_user_id', true );
		return '' !== $workos ? $workos : 'wp_user_' . $user->ID;
	}

	/** @return array{id:string,type:string,name:string} */
	public static function user_target( WP_User $user ): array {
		return array(
			'id'   => self::user_id_for( $user ),
			'type' => 'user',
			'name' => self::text( self::display_name( $user ) ),
		);
	}

	/**
	 * @param string                                 $action   e.g. user.logged_in.
	 * @param WP_User                                $actor    Who did it.
	 * @param array<int,array<string,string>>        $targets  What it was done to.
	 * @param array<string,string|int|float|bool>    $metadata Flat metadata.
	 * @return array<string,mixed>
	 */
	public static function build( string $action, WP_User $actor, array $targets, array $metadata = array() ): array {
		$event = array(
			'action'      => $action,
			'occurred_at' => self::now(),
			'version'     => self::VERSION,
			'actor'       => array(
				'id'       => self::user_id_for( $actor ),
				'type'     => 'user',
				'name'     => self::text( self::display_name( $actor ) ),
				'metadata' => array( 'wp_user_id' => (int) $actor->ID ),
			),
			'targets'     => array_values( $targets ),
			'context'     => array( 'location' => ClientIp::get() ?: '0.0.0.0' ),
		);
		$agent = Logger::user_agent();
		if ( '' !== $agent ) {
			$event['context']['user_agent'] = $agent;
		}
		$metadata = self::metadata( array_merge( array( 'site' => self::site_key() ), $metadata ) );
		if ( $metadata ) {
			$event['metadata'] = $metadata; // never an empty object: it would become [] in JSON.
		}
		return $event;
	}

	/** ISO 8601 UTC with milliseconds. */
	public static function now(): string {
		$now = \DateTimeImmutable::createFromFormat( 'U.u', sprintf( '%.6F', microtime( true ) ), new \DateTimeZone( 'UTC' ) );
		return $now ? $now->format( 'Y-m-d\TH:i:s.v\Z' ) : gmdate( 'Y-m-d\TH:i:s.000\Z' );
	}

	/**
	 * WorkOS metadata rules: at most 50 keys matching ^[a-zA-Z0-9_-]{0,40}$, values string
	 * (at most 500 characters), number or boolean, nothing nested.
	 *
	 * @param array<string,mixed> $metadata Anything.
	 * @return array<string,string|int|float|bool>
	 */
	public static function metadata( array $metadata ): array {
		$clean = array();
		foreach ( $metadata as $key => $value ) {
			$key = (string) $key;
			if ( ! preg_match( '/^[a-zA-Z0-9_-]{1,40}$/', $key ) || count( $clean ) >= 50 ) {
				continue;
			}
			if ( is_bool( $value ) || is_int( $value ) || ( is_float( $value ) && is_finite( $value ) ) ) {
				$clean[ $key ] = $value;
			} elseif ( is_string( $value ) ) {
				$clean[ $key ] = self::text( $value, 500 );
			}
		}
		return $clean;
	}

	/** Plain text of at most $max characters. */
	public static function text( string $value, int $max = 255 ): string {
		$value = wp_strip_all_tags( $value );
		return function_exists( 'mb_substr' ) ? mb_substr( $value, 0, $max ) : substr( $value, 0, $max );
	}

	/** The reference's site key: home URL without scheme and trailing slash (example.com/sub). */
	public static function site_key(): string {
		return untrailingslashit( (string) preg_replace( '#^[a-z][a-z0-9+.-]*://#i', '', home_url() ) );
	}

	private static function display_name( WP_User $user ): string {
		$name = trim( (string) $user->display_name );
		if ( '' === $name ) {
			$name = 'User #' . $user->ID; // audit data: not translated (see AuditForwarder).
		}
		return $name;
	}
}
