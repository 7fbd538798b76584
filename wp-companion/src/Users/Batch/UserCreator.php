<?php
/**
 * Creates the users of a batch, in one of two ways.
 *
 * Bulk (the default): the rows wp_insert_user() would write, written in a few multi-row INSERTs
 * (wp_users, then wp_usermeta) instead of ~35 statements per user. Each user gets what
 * wp_insert_user() gives it, through the same filters in the same order — pre_user_login,
 * illegal_user_logins, pre_user_nicename (and the "-2" suffix of a taken nicename),
 * pre_user_email, pre_user_url, pre_user_nickname, pre_user_first_name, pre_user_last_name,
 * pre_user_display_name, pre_user_description, wp_pre_insert_user_data, insert_user_meta,
 * insert_custom_user_meta, sanitize_user_meta_{key} — the default profile meta, the role's
 * {prefix}capabilities and {prefix}user_level, then the actions add_user_role, set_user_role,
 * clean_user_cache and user_register per user, in that order (WordPress's own user count, which
 * user_register would redo per user, is updated once for the batch). What it does not do: fire the
 * per-row meta actions (add_user_meta, added_user_meta) or honour the add_user_metadata
 * short-circuit; a site that needs those turns the bulk path off with the
 * `workos_users_batch_bulk_insert` filter. Caches: every new user's cache keys are cleaned, then
 * hold exactly what the database holds (the users rows read back, the meta rows written), so
 * the hooks' own lookups cost no query.
 *
 * Per user (the filter returns false, or the tables are not utf8mb4, where wpdb would have to
 * strip characters value by value): wp_insert_user() for each, then the link metadata.
 *
 * Either way a linked user gets the link metadata UserLinker writes (_workos_user_id,
 * _workos_org_id, _workos_last_synced_at, _workos_profile_hash, _workos_first_login) and
 * `workos_user_created` fires after `user_register`. The caller suppresses e-mails and pushes.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Users\Batch;

use WorkOSCompanion\Sync\UserLinker;
use WP_Error;
use WP_User;

defined( 'ABSPATH' ) || exit;

final class UserCreator {
	private const USERS_PER_INSERT = 250;
	private const META_PER_INSERT  = 2000;

	/** @var array<string,true> Nicenames given by this batch so far. */
	private $nicenames = array();

	/** @var array<string,int> Maximum level of each role (user_level). */
	private $levels = array();

	/** Whether the bulk path is on for this site. */
	public static function bulk_enabled(): bool {
		global $wpdb;
		$utf8mb4 = 'utf8mb4' === $wpdb->get_col_charset( $wpdb->users, 'display_name' ) && 'utf8mb4' === $wpdb->get_col_charset( $wpdb->usermeta, 'meta_value' );
		/**
		 * Whether users batches create users in bulk (multi-row INSERTs) rather than one
		 * wp_insert_user() call each. Turn it off when a plugin needs the per-row meta actions.
		 *
		 * @param bool $bulk Default true (false when the tables are not utf8mb4).
		 */
		return (bool) apply_filters( 'workos_users_batch_bulk_insert', $utf8mb4 );
	}

	/**
	 * @param array<int,array<string,string>> $items   Planned creates by operation index (login,
	 *                                                 email, first_name, last_name, role,
	 *                                                 workos_user_id, organization_id).
	 * @param callable                        $attempt Runs a callable in a savepoint (Transaction::attempt).
	 * @return array<int,int|WP_Error> The new user id, or why not, by operation index.
	 */
	public function create( array $items, bool $bulk, callable $attempt ): array {
		return $bulk ? $this->bulk( $items ) : $this->one_by_one( $items, $attempt );
	}

	/**
	 * @param array<int,array<string,string>> $items
	 * @return array<int,int|WP_Error>
	 */
	private function one_by_one( array $items, callable $attempt ): array {
		$out = array();
		foreach ( $items as $index => $item ) {
			$attempt(
				function () use ( $index, $item, &$out ): bool {
					$userdata = $this->userdata( $item );
					$id       = wp_insert_user( wp_slash( $userdata ) ); // wp_insert_user() unslashes: names keep their backslashes
					if ( is_wp_error( $id ) ) {
						$out[ $index ] = $id;
						return false;
					}
					foreach ( $this->link_meta( $item ) as $key => $value ) {
						update_user_meta( $id, $key, $value );
					}
					$this->created( (int) $id, $item );
					$out[ $index ] = (int) $id;
					return true;
				}
			);
		}
		return $out;
	}

	/**
	 * @param array<int,array<string,string>> $items
	 * @return array<int,int|WP_Error>
	 */
	private function bulk( array $items ): array {
		global $wpdb;
		$out      = array();
		$prepared = array();
		$illegal  = array_map( 'strtolower', (array) apply_filters( 'illegal_user_logins', array() ) );
		foreach ( $items as $index => $item ) {
			$ready = $this->prepare( $item, $illegal );
			if ( is_wp_error( $ready ) ) {
				$out[ $index ] = $ready;
			} else {
				$prepared[ $index ] = $ready;
			}
		}
		$this->unique_nicenames( $prepared );

		$users = array(); // the rows as the database holds them, by operation index
		foreach ( array_chunk( $prepared, self::USERS_PER_INSERT, true ) as $chunk ) {
			foreach ( $this->insert_users( $chunk ) as $index => $row ) {
				$prepared[ $index ]['id'] = (int) $row->ID;
				$users[ $index ]          = $row;
			}
		}

		// Meta as wp_insert_user() writes it once the row exists (its filters see the WP_User).
		$rows = array();
		foreach ( $prepared as $index => &$ready ) {
			$id = $ready['id'];
			wp_cache_set( $id, array(), 'user_meta' ); // a new user has no meta yet: no query for it
			$user = new WP_User( $users[ $index ] );
			$meta = apply_filters( 'insert_user_meta', $ready['meta'], $user, false, $ready['userdata'] );
			$meta = array_merge( (array) $meta, (array) apply_filters( 'insert_custom_user_meta', array(), $user, false, $ready['userdata'] ) );
			foreach ( wp_get_user_contact_methods( $user ) as $key => $label ) {
				if ( isset( $ready['userdata'][ $key ] ) ) {
					$meta[ $key ] = $ready['userdata'][ $key ];
				}
			}
			// What WP_User::set_role() writes.
			$meta[ $user->cap_key ]                           = array( $ready['role'] => true );
			$meta[ $wpdb->get_blog_prefix() . 'user_level' ] = $this->level( $ready['role'] );
			$meta  = array_merge( $meta, $this->link_meta( $ready['item'] ) );
			$cache = array();
			foreach ( $meta as $key => $value ) {
				// As update_user_meta() stores it: unslashed, sanitize_meta(), serialized.
				$key             = wp_unslash( (string) $key );
				$value           = (string) maybe_serialize( sanitize_meta( $key, wp_unslash( $value ), 'user', 'user' ) );
				$rows[]          = array( $id, $key, $value );
				$cache[ $key ][] = $value;
			}
			$ready['cache'] = $cache;
		}
		unset( $ready );
		foreach ( array_chunk( $rows, self::META_PER_INSERT ) as $chunk ) {
			self::insert_meta( $chunk );
		}

		// Caches hold exactly what the database holds (the rows read back, the meta just written,
		// as update_meta_cache() would have read it), so hooks that look the users up cost no query.
		foreach ( $prepared as $index => $ready ) {
			wp_cache_set( $ready['id'], $ready['cache'], 'user_meta' );
			update_user_caches( $users[ $index ] );
		}
		// WordPress counts all users on every user_register (wp_maybe_update_user_counts): once
		// for the batch gives the same count.
		$counts = has_action( 'user_register', 'wp_maybe_update_user_counts' );
		if ( false !== $counts ) {
			remove_action( 'user_register', 'wp_maybe_update_user_counts', $counts );
		}
		try {
			foreach ( $prepared as $index => $ready ) {
				$id   = $ready['id'];
				$user = new WP_User( $users[ $index ] );
				do_action( 'add_user_role', $id, $ready['role'] );
				do_action( 'set_user_role', $id, $ready['role'], array() );
				clean_user_cache( $user );
				update_user_caches( $users[ $index ] );
				do_action( 'user_register', $id, $ready['userdata'] );
				$this->created( $id, $ready['item'] );
				$out[ $index ] = $id;
			}
		} finally {
			if ( false !== $counts ) {
				add_action( 'user_register', 'wp_maybe_update_user_counts', $counts, 0 );
			}
		}
		if ( $prepared ) {
			if ( false !== $counts ) {
				wp_maybe_update_user_counts();
			}
			if ( function_exists( 'wp_cache_set_users_last_changed' ) ) {
				wp_cache_set_users_last_changed(); // WordPress 6.3+ caches user queries by it
			}
		}
		ksort( $out );
		return $out;
	}

	/**
	 * wp_insert_user()'s preparation of one new user, without writing. Its messages are
	 * WordPress's own (translate(): WordPress's translations, not in our template).
	 *
	 * @param array<string,string> $item
	 * @param string[]             $illegal Lower-cased disallowed usernames.
	 * @return array<string,mixed>|WP_Error
	 */
	private function prepare( array $item, array $illegal ) {
		// Slashed like the data wp_insert_user() receives: the default filters (wp_filter_kses)
		// expect it, and the values are unslashed before they are stored, as there.
		$userdata = wp_slash( $this->userdata( $item ) );
		$login    = trim( (string) apply_filters( 'pre_user_login', sanitize_user( $userdata['user_login'], true ) ) );
		if ( '' === $login ) {
			return new WP_Error( 'empty_user_login', translate( 'Cannot create a user with an empty login name.' ) );
		}
		if ( mb_strlen( $login ) > 60 ) {
			return new WP_Error( 'user_login_too_long', translate( 'Username may not be longer than 60 characters.' ) );
		}
		if ( strtolower( $login ) !== strtolower( $item['login'] ) && username_exists( $login ) ) {
			return new WP_Error( 'existing_user_login', translate( 'Sorry, that username already exists!' ) );
		}
		if ( in_array( strtolower( $login ), $illegal, true ) ) {
			return new WP_Error( 'invalid_username', translate( 'Sorry, that username is not allowed.' ) );
		}
		$nicename = (string) apply_filters( 'pre_user_nicename', sanitize_title( mb_substr( $login, 0, 50 ) ) );
		if ( mb_strlen( $nicename ) > 50 ) {
			return new WP_Error( 'user_nicename_too_long', translate( 'Nicename may not be longer than 50 characters.' ) );
		}
		$email = (string) apply_filters( 'pre_user_email', $userdata['user_email'] );
		$url   = (string) apply_filters( 'pre_user_url', '' );
		if ( mb_strlen( $url ) > 100 ) {
			return new WP_Error( 'user_url_too_long', translate( 'User URL may not be longer than 100 characters.' ) );
		}

		$meta               = array();
		$meta['nickname']   = apply_filters( 'pre_user_nickname', $login );
		$meta['first_name'] = apply_filters( 'pre_user_first_name', $userdata['first_name'] );
		$meta['last_name']  = apply_filters( 'pre_user_last_name', $userdata['last_name'] );
		if ( $meta['first_name'] && $meta['last_name'] ) {
			$display_name = sprintf( translate_with_gettext_context( '%1$s %2$s', 'Display name based on first name and last name' ), $meta['first_name'], $meta['last_name'] );
		} elseif ( $meta['first_name'] ) {
			$display_name = $meta['first_name'];
		} elseif ( $meta['last_name'] ) {
			$display_name = $meta['last_name'];
		} else {
			$display_name = $login;
		}
		$display_name                = apply_filters( 'pre_user_display_name', $display_name );
		$meta['description']         = apply_filters( 'pre_user_description', '' );
		$meta['rich_editing']        = 'true';
		$meta['syntax_highlighting'] = 'true';
		$meta['comment_shortcuts']   = 'false';
		$meta['admin_color']         = 'fresh';
		$meta['use_ssl']             = 0;
		$meta['show_admin_bar_front'] = 'true';
		$meta['locale']              = '';

		$row = wp_unslash(
			array(
				'user_pass'           => $item['password_hash'] ?? wp_hash_password( $item['password'] ),
				'user_nicename'       => $nicename,
				'user_email'          => $email,
				'user_url'            => $url,
				'user_registered'     => gmdate( 'Y-m-d H:i:s' ),
				'user_activation_key' => '',
				'display_name'        => $display_name,
			)
		) + array( 'user_login' => $login );
		if ( is_multisite() ) {
			$row['spam'] = 0;
		}
		$row = apply_filters( 'wp_pre_insert_user_data', $row, false, null, $userdata );
		if ( empty( $row ) || ! is_array( $row ) ) {
			return new WP_Error( 'empty_data', translate( 'Not enough data to create this user.' ) );
		}
		foreach ( array( 'user_login' => 60, 'user_nicename' => 50, 'user_email' => 100, 'user_url' => 100, 'display_name' => 250 ) as $column => $max ) {
			if ( isset( $row[ $column ] ) && mb_strlen( (string) $row[ $column ] ) > $max ) {
				/* translators: %s: a column of the users table */
				return new WP_Error( 'workos_invalid_field', sprintf( __( 'The user\'s %s would be too long.', 'workos-companion' ), $column ) );
			}
		}
		return array(
			'item'     => $item,
			'userdata' => $userdata,
			'row'      => $row,
			'meta'     => $meta,
			'role'     => $item['role'],
			'id'       => 0,
		);
	}

	/**
	 * The userdata array wp_insert_user() would get (unslashed).
	 *
	 * @param array<string,string> $item
	 * @return array<string,string>
	 */
	private function userdata( array &$item ): array {
		$item['password'] = $item['password'] ?? wp_generate_password( 64, true, true );
		return array(
			'user_login' => $item['login'],
			'user_pass'  => $item['password'],
			'user_email' => $item['email'],
			'first_name' => $item['first_name'],
			'last_name'  => $item['last_name'],
			'role'       => $item['role'],
		);
	}

	/**
	 * Nicenames as wp_insert_user() makes them unique: a taken one gets "-2", "-3"…
	 *
	 * @param array<int,array<string,mixed>> $prepared
	 */
	private function unique_nicenames( array &$prepared ): void {
		global $wpdb;
		if ( ! $prepared ) {
			return;
		}
		$wanted = array_values( array_unique( array_map( static function ( $p ) { return (string) ( $p['row']['user_nicename'] ?? '' ); }, $prepared ) ) );
		$taken  = array();
		foreach ( array_chunk( $wanted, 1000 ) as $chunk ) {
			$found = $wpdb->get_col( $wpdb->prepare( "SELECT user_nicename FROM {$wpdb->users} WHERE user_nicename IN (" . implode( ',', array_fill( 0, count( $chunk ), '%s' ) ) . ')', $chunk ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- placeholders only.
			foreach ( $found as $nicename ) {
				$taken[ (string) $nicename ] = true;
			}
		}
		foreach ( $prepared as &$ready ) {
			if ( ! isset( $ready['row']['user_nicename'] ) ) {
				continue;
			}
			$nicename = (string) $ready['row']['user_nicename'];
			if ( isset( $taken[ $nicename ] ) || isset( $this->nicenames[ $nicename ] ) ) {
				$suffix = 2;
				do {
					$alt = mb_substr( $nicename, 0, 49 - mb_strlen( (string) $suffix ) ) . '-' . $suffix;
					++$suffix;
				} while ( isset( $this->nicenames[ $alt ] ) || $wpdb->get_var( $wpdb->prepare( "SELECT ID FROM {$wpdb->users} WHERE user_nicename = %s LIMIT 1", $alt ) ) );
				$nicename = $alt;
			}
			$ready['row']['user_nicename'] = $nicename;
			$this->nicenames[ $nicename ]  = true;
		}
	}

	/**
	 * Multi-row INSERTs of users rows (one per set of columns, in case wp_pre_insert_user_data
	 * changed some), then their ids.
	 *
	 * @param array<int,array<string,mixed>> $chunk Prepared users by operation index.
	 * @return array<int,object> The inserted rows as read back, by operation index.
	 */
	private function insert_users( array $chunk ): array {
		global $wpdb;
		$groups = array();
		foreach ( $chunk as $index => $ready ) {
			$groups[ implode( ',', array_keys( $ready['row'] ) ) ][ $index ] = $ready['row'];
		}
		$ids = array();
		foreach ( $groups as $rows ) {
			$columns = array_keys( reset( $rows ) );
			$format  = array();
			foreach ( $columns as $column ) {
				$format[] = 'spam' === $column || 'deleted' === $column || 'user_status' === $column ? '%d' : '%s';
			}
			$tuple  = '(' . implode( ',', $format ) . ')';
			$values = array();
			foreach ( $rows as $row ) {
				foreach ( $columns as $column ) {
					$values[] = $row[ $column ];
				}
			}
			$sql = "INSERT INTO {$wpdb->users} (`" . implode( '`,`', array_map( 'esc_sql', $columns ) ) . '`) VALUES ' . implode( ',', array_fill( 0, count( $rows ), $tuple ) );
			if ( false === $wpdb->query( $wpdb->prepare( $sql, $values ) ) ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- column names from the row keys, values placeholders.
				throw new \RuntimeException( 'inserting users failed: ' . $wpdb->last_error );
			}
			$ids += self::inserted_rows( (int) $wpdb->insert_id, $rows );
		}
		return $ids;
	}

	/**
	 * The rows a multi-row INSERT made, read back in one query: their ids are consecutive from
	 * the first (times the auto-increment step) when InnoDB's lock mode guarantees it, which the
	 * logins read back confirm; otherwise they are found by login.
	 *
	 * @param array<int,array<string,mixed>> $rows Inserted rows by operation index.
	 * @return array<int,object> By operation index.
	 */
	private static function inserted_rows( int $first, array $rows ): array {
		global $wpdb;
		static $step = null;
		$step     = $step ?? max( 1, (int) $wpdb->get_var( 'SELECT @@auto_increment_increment' ) );
		$expected = array();
		$n        = 0;
		foreach ( $rows as $index => $row ) {
			$expected[ $index ] = $first + $step * $n++;
		}
		$found = $first > 0 ? $wpdb->get_results( "SELECT * FROM {$wpdb->users} WHERE ID IN (" . implode( ',', $expected ) . ')', OBJECT_K ) : array(); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- integers.
		$out   = array();
		foreach ( $expected as $index => $id ) {
			if ( ! isset( $found[ $id ] ) || strtolower( (string) $found[ $id ]->user_login ) !== strtolower( (string) $rows[ $index ]['user_login'] ) ) {
				$out = null;
				break;
			}
			$out[ $index ] = $found[ $id ];
		}
		if ( null !== $out ) {
			return $out;
		}
		$logins = array_map( static function ( $row ) { return (string) $row['user_login']; }, $rows );
		$by     = array();
		foreach ( $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$wpdb->users} WHERE ID >= %d AND user_login IN (" . implode( ',', array_fill( 0, count( $logins ), '%s' ) ) . ') ORDER BY ID ASC', array_merge( array( $first ), array_values( $logins ) ) ) ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- placeholders only.
			$by[ strtolower( (string) $row->user_login ) ] = $by[ strtolower( (string) $row->user_login ) ] ?? $row;
		}
		$out = array();
		foreach ( $logins as $index => $login ) {
			if ( ! isset( $by[ strtolower( $login ) ] ) ) {
				throw new \RuntimeException( 'an inserted user could not be found again' );
			}
			$out[ $index ] = $by[ strtolower( $login ) ];
		}
		return $out;
	}

	/** @param array<int,array{0:int,1:string,2:string}> $rows user_id, meta_key, meta_value. */
	private static function insert_meta( array $rows ): void {
		global $wpdb;
		$values = array();
		foreach ( $rows as $row ) {
			array_push( $values, $row[0], $row[1], $row[2] );
		}
		$sql = "INSERT INTO {$wpdb->usermeta} (user_id, meta_key, meta_value) VALUES " . implode( ',', array_fill( 0, count( $rows ), '(%d,%s,%s)' ) );
		if ( false === $wpdb->query( $wpdb->prepare( $sql, $values ) ) ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- placeholders only.
			throw new \RuntimeException( 'inserting user meta failed: ' . $wpdb->last_error );
		}
	}

	/** user_level of a role, as WP_User::update_user_level_from_caps() computes it. */
	private function level( string $role ): int {
		if ( ! isset( $this->levels[ $role ] ) ) {
			$object = wp_roles()->get_role( $role );
			$caps   = array_keys( array_merge( $object ? (array) $object->capabilities : array(), array( $role => true ) ) );
			$this->levels[ $role ] = (int) array_reduce( $caps, array( new WP_User(), 'level_reduction' ), 0 );
		}
		return $this->levels[ $role ];
	}

	/**
	 * The link metadata of a user created for a WorkOS user, as UserLinker writes it.
	 *
	 * @param array<string,string> $item
	 * @return array<string,string>
	 */
	private function link_meta( array $item ): array {
		if ( '' === $item['workos_user_id'] ) {
			return array();
		}
		$meta = array( UserLinker::META_USER_ID => $item['workos_user_id'] );
		if ( '' !== $item['organization_id'] ) {
			$meta[ UserLinker::META_ORG_ID ] = $item['organization_id'];
		}
		$meta[ UserLinker::META_SYNCED_AT ]   = gmdate( 'Y-m-d H:i:s' );
		$meta[ UserLinker::META_HASH ]        = UserLinker::profile_hash( self::workos_user( $item ) );
		$meta[ UserLinker::META_FIRST_LOGIN ] = '1';
		return $meta;
	}

	/** @param array<string,string> $item */
	private function created( int $user_id, array $item ): void {
		if ( '' !== $item['workos_user_id'] ) {
			/** This action is documented in src/Sync/UserLinker.php */
			do_action( 'workos_user_created', $user_id, self::workos_user( $item ) );
		}
	}

	/**
	 * The WorkOS user object a create stands for.
	 *
	 * @param array<string,string> $item
	 * @return array<string,string>
	 */
	private static function workos_user( array $item ): array {
		return array_filter(
			array(
				'id'              => $item['workos_user_id'],
				'email'           => $item['email'],
				'first_name'      => $item['first_name'],
				'last_name'       => $item['last_name'],
				'organization_id' => $item['organization_id'],
			),
			'strlen'
		) + array(
			'first_name' => '',
			'last_name'  => '',
		);
	}
}
