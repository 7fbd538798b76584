<?php
/**
 * Routes a verified, not yet processed webhook event to its handler.
 *
 * Convention (no routing table): event type "a.b.c" → handler class
 * WorkOSCompanion\Webhook\Handlers\<PascalCase of every part but the last>Handler, and the last
 * part is the action. PascalCase joins the "_"-separated words of each part:
 *   user.deleted                     → UserHandler                   action "deleted"
 *   organization_membership.updated  → OrganizationMembershipHandler action "updated"
 *   dsync.user.created               → DsyncUserHandler              action "created"
 *   dsync.group.user_added           → DsyncGroupHandler             action "user_added"
 * A handler is instantiated without arguments and has
 *   handle( string $action, array $event ): HandlerResult
 * where $event is the whole envelope ({id, event, data, created_at}). No such class or method →
 * the event is unknown (null). The filter `workos_webhook_handler_class` may change the class.
 *
 * Ordering: when data carries `id` and `updated_at`, the event is stale if that object already had
 * newer data applied (see EventStore); stale events are not handed to the handler. Check, apply
 * and record run under a per-object database lock, so two workers never interleave for one object.
 *
 * Failures: a TransientFailure, or any exception/handler failure while the database connection
 * is broken (or reports a connection/deadlock error), is transient (→ 503, retried by WorkOS).
 * Other exceptions become a "failed" result (logged, answered 200).
 *
 * Hooks fired after a handler ran: `workos_webhook_{event}` ($data, $event, $result) and, for every
 * event including unknown ones, `workos_webhook` ($event, $event_type).
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Webhook;

use Throwable;

defined( 'ABSPATH' ) || exit;

final class Dispatcher {
	public const HANDLER_NAMESPACE = 'WorkOSCompanion\\Webhook\\Handlers\\';

	private const LOCK_TIMEOUT = 10;

	/** @return array{0:string,1:string}|null Handler class and action of an event type, by convention. */
	public static function route( string $event_type ): ?array {
		if ( ! preg_match( '/^[a-z0-9_]+(\.[a-z0-9_]+)+$/', $event_type ) ) {
			return null;
		}
		$parts  = explode( '.', $event_type );
		$action = array_pop( $parts );
		$class  = '';
		foreach ( $parts as $part ) {
			$class .= str_replace( ' ', '', ucwords( str_replace( '_', ' ', $part ) ) );
		}
		$class = self::HANDLER_NAMESPACE . $class . 'Handler';
		/**
		 * Filters the handler class of a webhook event type.
		 *
		 * @param string $class      Fully qualified class name from the convention.
		 * @param string $event_type The event type.
		 */
		$class = (string) apply_filters( 'workos_webhook_handler_class', $class, $event_type );
		if ( ! class_exists( $class ) || ! method_exists( $class, 'handle' ) ) {
			return null;
		}
		return array( $class, $action );
	}

	/**
	 * @param array<string,mixed> $event The envelope.
	 * @return HandlerResult|null Null when no handler exists for the type.
	 */
	public static function dispatch( array $event ): ?HandlerResult {
		$type  = (string) $event['event'];
		$route = self::route( $type );
		if ( null === $route ) {
			do_action( 'workos_webhook', $event, $type );
			return null;
		}
		$data      = is_array( $event['data'] ?? null ) ? $event['data'] : array();
		$object_id = is_string( $data['id'] ?? null ) ? $data['id'] : '';
		$version   = EventStore::to_ms( $data['updated_at'] ?? null );

		$locked = '' !== $object_id && self::lock( $object_id );
		if ( '' !== $object_id && ! $locked ) {
			return HandlerResult::failed( 'object_lock_timeout', array( 'object' => $object_id ), 0, true );
		}
		try {
			if ( '' !== $object_id && $version > 0 && EventStore::applied_version( $object_id ) > $version ) {
				$result = new HandlerResult( HandlerResult::STALE, 'older_than_applied', array( 'object' => $object_id ) );
			} else {
				$result = self::run( $route[0], $route[1], $event );
				if ( '' !== $object_id && $version > 0 && in_array( $result->outcome, array( HandlerResult::APPLIED, HandlerResult::SKIPPED ), true ) ) {
					EventStore::record_version( $object_id, $version, (string) $event['id'] );
				}
			}
		} finally {
			if ( $locked ) {
				self::unlock( $object_id );
			}
		}

		if ( ! $result->transient ) {
			/**
			 * A webhook event of this type was handled.
			 *
			 * @param array<string,mixed> $data   The event's data.
			 * @param array<string,mixed> $event  The envelope.
			 * @param HandlerResult       $result What the handler did.
			 */
			do_action( 'workos_webhook_' . $type, $data, $event, $result );
			/**
			 * Any webhook event was received and verified.
			 *
			 * @param array<string,mixed> $event      The envelope.
			 * @param string              $event_type The event type.
			 */
			do_action( 'workos_webhook', $event, $type );
		}
		return $result;
	}

	/** @param array<string,mixed> $event */
	private static function run( string $class, string $action, array $event ): HandlerResult {
		try {
			$result = Applying::run(
				static function () use ( $class, $action, $event ) {
					return ( new $class() )->handle( $action, $event );
				}
			);
			if ( ! $result instanceof HandlerResult ) {
				return HandlerResult::failed( 'handler_returned_nothing' );
			}
			if ( HandlerResult::FAILED === $result->outcome && ! $result->transient && self::database_unavailable() ) {
				$result->transient = true;
			}
			return $result;
		} catch ( TransientFailure $e ) {
			return HandlerResult::failed( self::reason( $e ), array(), 0, true );
		} catch ( Throwable $e ) {
			return HandlerResult::failed( self::reason( $e ), array(), 0, self::database_unavailable() );
		}
	}

	/** True when the last database error says the database, not the data, is the problem. */
	public static function database_unavailable(): bool {
		global $wpdb;
		$error = (string) $wpdb->last_error;
		if ( '' !== $error && preg_match( '/gone away|lost connection|can\'t connect|connection refused|too many connections|deadlock|lock wait timeout|server shutdown|read-only/i', $error ) ) {
			return true;
		}
		return '' !== $error && ! $wpdb->check_connection( false );
	}

	private static function reason( Throwable $e ): string {
		return substr( 'exception: ' . sanitize_text_field( $e->getMessage() ), 0, 191 );
	}

	private static function lock( string $object_id ): bool {
		global $wpdb;
		return '1' === (string) $wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, %d)', self::lock_name( $object_id ), self::LOCK_TIMEOUT ) );
	}

	private static function unlock( string $object_id ): void {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', self::lock_name( $object_id ) ) );
	}

	/** Lock names are at most 64 characters and global to the server: scope them by database and prefix. */
	private static function lock_name( string $object_id ): string {
		global $wpdb;
		return 'workos_wh_' . md5( DB_NAME . '|' . $wpdb->prefix . '|' . $object_id );
	}
}
