<?php
/**
 * What a users batch needs to know about the site, read in a handful of queries before any
 * operation is decided (users by id, by e-mail and by WorkOS id, their few usermeta keys, the
 * active administrators, the usernames a create might take), then changed as each operation is
 * planned, so that operation N sees what operations 0…N-1 will have done: a user created earlier
 * in the batch can be updated later in it, a WorkOS id linked earlier is taken, the administrator
 * deactivated earlier no longer counts.
 *
 * Users the batch will create have negative placeholder ids (-1 - index of their operation) until
 * they exist.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Users\Batch;

use WorkOSCompanion\Auth\AccountLock;
use WorkOSCompanion\Sync\Deprovisioner;
use WorkOSCompanion\Sync\UserLinker;
use WorkOSCompanion\Sync\UsernameGenerator;
use WorkOSCompanion\Users\UserRecords;

defined( 'ABSPATH' ) || exit;

final class BatchState {
	/** @var array<int,array<string,mixed>> Known users by id (placeholders negative). */
	private $users = array();

	/** @var array<string,int> Lower-cased e-mail → user id. */
	private $by_email = array();

	/** @var array<string,int> WorkOS user id → user id. */
	private $by_workos = array();

	/** @var array<string,true> Lower-cased usernames taken (on the site or by the batch). */
	private $logins = array();

	/** @var array<int,true>|null Active (not deactivated) administrators, read on first use. */
	private $admins = null;

	/**
	 * Reads what the operations refer to.
	 *
	 * @param array<int,array<string,mixed>> $operations
	 */
	public static function load( array $operations ): self {
		$state  = new self();
		$ids    = array();
		$emails = array();
		$workos = array();
		$logins = array();
		foreach ( $operations as $op ) {
			if ( isset( $op['user_id'] ) ) {
				$ids[] = (int) $op['user_id'];
			}
			foreach ( array( 'user_email', 'email' ) as $field ) {
				if ( isset( $op[ $field ] ) && '' !== trim( (string) $op[ $field ] ) ) {
					$emails[] = trim( (string) $op[ $field ] );
				}
			}
			if ( isset( $op['workos_user_id'] ) && '' !== (string) $op['workos_user_id'] ) {
				$workos[] = (string) $op['workos_user_id'];
			}
			if ( Operations::CREATE === ( $op['op'] ?? '' ) && is_email( trim( (string) ( $op['email'] ?? '' ) ) ) ) {
				foreach ( UsernameGenerator::candidates( sanitize_email( trim( (string) $op['email'] ) ) ) as $candidate ) {
					$logins[] = $candidate;
				}
			}
		}
		$state->read( array_unique( $ids ), array_unique( $emails ), array_unique( $workos ) );
		$state->read_logins( array_unique( $logins ) );
		return $state;
	}

	/** @return array<string,mixed>|null */
	public function user( int $id ): ?array {
		return $this->users[ $id ] ?? null;
	}

	/** The user holding an e-mail address: null when free, 0 when a user of another site holds it. */
	public function email_owner( string $email ): ?int {
		return $this->by_email[ strtolower( trim( $email ) ) ] ?? null;
	}

	/** The user linked to a WorkOS id: null when none, 0 when a user of another site is. */
	public function workos_owner( string $workos_user_id ): ?int {
		return $this->by_workos[ $workos_user_id ] ?? null;
	}

	public function login_taken( string $login ): bool {
		return isset( $this->logins[ strtolower( $login ) ] );
	}

	/** @return int[] The active administrators' ids (placeholders included). */
	public function active_administrators(): array {
		if ( null === $this->admins ) {
			$this->admins = array_fill_keys( self::read_active_administrators(), true );
		}
		return array_keys( $this->admins );
	}

	/**
	 * A user the batch will create.
	 *
	 * @param array<string,mixed> $user login, email, roles, workos_user_id, first_name, last_name.
	 */
	public function add( int $placeholder, array $user ): void {
		$this->users[ $placeholder ] = array_merge(
			array(
				'id'             => $placeholder,
				'org_id'         => '',
				'deactivated'    => false,
				'deprovisioned'  => null,
				'display_name'   => '',
				'workos_user_id' => '',
			),
			$user
		);
		$this->logins[ strtolower( (string) $user['login'] ) ] = true;
		$this->index( $placeholder );
	}

	/**
	 * Records what an operation will change about a user.
	 *
	 * @param array<string,mixed> $changes Fields of the user record.
	 */
	public function change( int $id, array $changes ): void {
		$before = $this->users[ $id ];
		$email = strtolower( (string) $before['email'] );
		if ( array_key_exists( 'email', $changes ) && ( $this->by_email[ $email ] ?? null ) === $id ) {
			unset( $this->by_email[ $email ] );
		}
		$workos = (string) $before['workos_user_id'];
		if ( array_key_exists( 'workos_user_id', $changes ) && ( $this->by_workos[ $workos ] ?? null ) === $id ) {
			unset( $this->by_workos[ $workos ] );
		}
		$this->users[ $id ] = array_merge( $before, $changes );
		$this->index( $id );
		if ( null !== $this->admins || array_key_exists( 'roles', $changes ) || array_key_exists( 'deactivated', $changes ) ) {
			$this->active_administrators();
			$user = $this->users[ $id ];
			if ( in_array( 'administrator', (array) $user['roles'], true ) && ! $user['deactivated'] ) {
				$this->admins[ $id ] = true;
			} else {
				unset( $this->admins[ $id ] );
			}
		}
	}

	private function index( int $id ): void {
		$user = $this->users[ $id ];
		if ( '' !== (string) $user['email'] && ! isset( $this->by_email[ strtolower( (string) $user['email'] ) ] ) ) {
			$this->by_email[ strtolower( (string) $user['email'] ) ] = $id;
		}
		if ( '' !== (string) $user['workos_user_id'] && ! isset( $this->by_workos[ (string) $user['workos_user_id'] ] ) ) {
			$this->by_workos[ (string) $user['workos_user_id'] ] = $id;
		}
	}

	/**
	 * @param int[]    $ids
	 * @param string[] $emails
	 * @param string[] $workos
	 */
	private function read( array $ids, array $emails, array $workos ): void {
		global $wpdb;
		$holders = array();
		if ( $workos ) {
			$holders = $wpdb->get_results(
				$wpdb->prepare(
					"SELECT user_id, meta_value FROM {$wpdb->usermeta} WHERE meta_key = %s AND meta_value IN (" . self::placeholders( $workos, '%s' ) . ') ORDER BY user_id ASC', // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- placeholders only.
					array_merge( array( UserLinker::META_USER_ID ), $workos )
				)
			);
			$ids     = array_values( array_unique( array_merge( $ids, array_map( 'intval', wp_list_pluck( $holders, 'user_id' ) ) ) ) );
		}
		$where = array();
		$args  = array();
		if ( $ids ) {
			$where[] = 'ID IN (' . self::placeholders( $ids, '%d' ) . ')';
			$args    = array_merge( $args, $ids );
		}
		if ( $emails ) {
			$where[] = 'user_email IN (' . self::placeholders( $emails, '%s' ) . ')';
			$args    = array_merge( $args, $emails );
		}
		$rows = ! $where ? array() : $wpdb->get_results(
			$wpdb->prepare(
				"SELECT ID, user_login, user_email, display_name FROM {$wpdb->users} WHERE " . implode( ' OR ', $where ) . ' ORDER BY ID ASC', // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- placeholders only.
				$args
			)
		);
		$meta = array();
		$caps = UserRecords::capabilities_key();
		if ( $rows ) {
			$found = array_map( 'intval', wp_list_pluck( $rows, 'ID' ) );
			$keys  = array( $caps, UserLinker::META_USER_ID, UserLinker::META_ORG_ID, AccountLock::META, Deprovisioner::META, 'first_name', 'last_name' );
			$mrows = $wpdb->get_results(
				$wpdb->prepare(
					"SELECT user_id, meta_key, meta_value FROM {$wpdb->usermeta} WHERE user_id IN (" . self::placeholders( $found, '%d' ) . ') AND meta_key IN (' . self::placeholders( $keys, '%s' ) . ') ORDER BY umeta_id ASC', // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- placeholders only.
					array_merge( $found, $keys )
				)
			);
			foreach ( $mrows as $row ) {
				// The first row of a key is what get_user_meta( $id, $key, true ) returns.
				if ( ! isset( $meta[ (int) $row->user_id ][ $row->meta_key ] ) ) {
					$meta[ (int) $row->user_id ][ $row->meta_key ] = $row->meta_value;
				}
			}
		}
		foreach ( $rows as $row ) {
			$id = (int) $row->ID;
			$m  = $meta[ $id ] ?? array();
			$this->logins[ strtolower( (string) $row->user_login ) ] = true;
			// On a multisite, users of other sites of the network are not this site's to manage,
			// but their e-mail address is taken all the same (wp_users is shared).
			if ( is_multisite() && ! isset( $m[ $caps ] ) ) {
				$this->by_email[ strtolower( (string) $row->user_email ) ] = $this->by_email[ strtolower( (string) $row->user_email ) ] ?? 0;
				continue;
			}
			$record             = maybe_unserialize( $m[ Deprovisioner::META ] ?? '' );
			$this->users[ $id ] = array(
				'id'             => $id,
				'login'          => (string) $row->user_login,
				'email'          => (string) $row->user_email,
				'display_name'   => (string) $row->display_name,
				'roles'          => UserRecords::roles_of( $m[ $caps ] ?? '' ),
				'workos_user_id' => (string) ( $m[ UserLinker::META_USER_ID ] ?? '' ),
				'org_id'         => (string) ( $m[ UserLinker::META_ORG_ID ] ?? '' ),
				'deactivated'    => AccountLock::is_flag_set( $m[ AccountLock::META ] ?? '' ),
				'deprovisioned'  => is_array( $record ) ? $record : null,
				'first_name'     => (string) ( $m['first_name'] ?? '' ),
				'last_name'      => (string) ( $m['last_name'] ?? '' ),
			);
		}
		// A WorkOS id belongs to the lowest user id holding it (as UserLinker::find_by_workos_id()
		// says); 0 when that user is not this site's.
		foreach ( $holders as $row ) {
			if ( ! isset( $this->by_workos[ (string) $row->meta_value ] ) ) {
				$this->by_workos[ (string) $row->meta_value ] = isset( $this->users[ (int) $row->user_id ] ) ? (int) $row->user_id : 0;
			}
		}
		foreach ( array_keys( $this->users ) as $id ) {
			$this->index( $id );
		}
	}

	/** @param string[] $candidates Usernames a create may take. */
	private function read_logins( array $candidates ): void {
		global $wpdb;
		foreach ( array_chunk( $candidates, 1000 ) as $chunk ) {
			$taken = $wpdb->get_col( $wpdb->prepare( "SELECT user_login FROM {$wpdb->users} WHERE user_login IN (" . self::placeholders( $chunk, '%s' ) . ')', $chunk ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- placeholders only.
			foreach ( $taken as $login ) {
				$this->logins[ strtolower( (string) $login ) ] = true;
			}
		}
	}

	/**
	 * Administrators of this site who are not deactivated, from the database (one query).
	 *
	 * @return int[]
	 */
	public static function read_active_administrators(): array {
		global $wpdb;
		$rows = $wpdb->get_results(
			$wpdb->prepare(
				"SELECT c.user_id, c.meta_value AS caps, d.meta_value AS deactivated FROM {$wpdb->usermeta} c LEFT JOIN {$wpdb->usermeta} d ON d.user_id = c.user_id AND d.meta_key = %s WHERE c.meta_key = %s AND c.meta_value LIKE %s",
				AccountLock::META,
				UserRecords::capabilities_key(),
				'%' . $wpdb->esc_like( '"administrator"' ) . '%'
			)
		);
		$ids = array();
		foreach ( $rows as $row ) {
			if ( in_array( 'administrator', UserRecords::roles_of( $row->caps ), true ) && ! AccountLock::is_flag_set( (string) $row->deactivated ) ) {
				$ids[ (int) $row->user_id ] = true;
			}
		}
		return array_keys( $ids );
	}

	/** @param array<int,mixed> $values */
	private static function placeholders( array $values, string $format ): string {
		return implode( ',', array_fill( 0, count( $values ), $format ) );
	}
}
