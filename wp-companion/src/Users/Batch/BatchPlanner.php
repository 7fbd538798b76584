<?php
/**
 * Decides, without writing anything, what each operation of a users batch does: its outcome, the
 * user it concerns and the exact data to write, or why it is refused. Operations are decided in
 * order against BatchState, which each decision updates, so the plan is what running them one
 * after the other would do. A dry run answers with the plan; a real run carries it out.
 *
 * Rules, besides each operation's own (docs/companion-api.md, POST /admin/users/batch):
 * - idempotent by WorkOS id: creating a user whose WorkOS id is already linked answers that user
 *   with outcome "exists" and changes nothing;
 * - the site's last active administrator is never deactivated or demoted, and the caller never
 *   deactivates or demotes themselves (the console would lock itself out);
 * - the caller needs WordPress's own capabilities for each change (create_users, edit_user,
 *   promote_user, a role they may give), which matters on a multisite, where a site
 *   administrator may not edit a super admin.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Users\Batch;

use WorkOSCompanion\Sync\UsernameGenerator;

defined( 'ABSPATH' ) || exit;

final class BatchPlanner {
	public const CREATED     = 'created';
	public const EXISTS      = 'exists';
	public const LINKED      = 'linked';
	public const UNLINKED    = 'unlinked';
	public const UPDATED     = 'updated';
	public const DEACTIVATED = 'deactivated';
	public const REACTIVATED = 'reactivated';
	public const UNCHANGED   = 'unchanged';

	/** @var BatchState */
	private $state;

	/** @var string[]|null Roles the caller may give (get_editable_roles()). */
	private $editable_roles = null;

	private function __construct( BatchState $state ) {
		$this->state = $state;
	}

	/**
	 * @param array<int,array<string,mixed>> $operations Shape-checked operations.
	 * @return array<int,array<string,mixed>> One step per operation: index, op, user (id, or a
	 *                                        negative placeholder), outcome, error, run, data.
	 */
	public static function plan( array $operations ): array {
		$planner = new self( BatchState::load( $operations ) );
		$steps   = array();
		foreach ( array_values( $operations ) as $index => $operation ) {
			$steps[] = $planner->step( $index, $operation );
		}
		return $steps;
	}

	/** @param array<string,mixed> $op */
	private function step( int $index, array $op ): array {
		$step = array(
			'index'   => $index,
			'op'      => (string) $op['op'],
			'user'    => null,
			'outcome' => null,
			'error'   => null,
			'run'     => false,
			'data'    => array(),
		);
		switch ( $step['op'] ) {
			case Operations::CREATE:
				return $this->create( $step, $op );
			case Operations::LINK:
				return $this->link( $step, $op );
			case Operations::UNLINK:
				return $this->unlink( $step, $op );
			case Operations::UPDATE:
				return $this->update( $step, $op );
			case Operations::DEACTIVATE:
				return $this->deactivate( $step, $op );
			default:
				return $this->reactivate( $step, $op );
		}
	}

	/**
	 * @param array<string,mixed> $step
	 * @param array<string,mixed> $op
	 */
	private function create( array $step, array $op ): array {
		$workos = (string) ( $op['workos_user_id'] ?? '' );
		if ( '' !== $workos ) {
			$owner = $this->state->workos_owner( $workos );
			if ( null !== $owner ) {
				return 0 === $owner
					? self::fail( $step, 'workos_link_conflict', __( 'This WorkOS user is linked to a user of another site of the network.', 'workos-companion' ) )
					: self::done( $step, self::EXISTS, $owner );
			}
		}
		if ( ! current_user_can( 'create_users' ) ) {
			return self::fail( $step, 'workos_forbidden', __( 'You are not allowed to create users on this site.', 'workos-companion' ) );
		}
		$email = self::email( $op['email'] ?? '' );
		if ( is_wp_error( $email ) ) {
			return self::fail( $step, $email->get_error_code(), $email->get_error_message() );
		}
		$owner = $this->state->email_owner( $email );
		if ( null !== $owner ) {
			return self::fail( $step, 'workos_email_exists', __( 'Another user already has this e-mail address.', 'workos-companion' ), $owner > 0 ? $owner : null );
		}
		$role = isset( $op['role'] ) ? (string) $op['role'] : self::default_role();
		if ( isset( $op['role'] ) ) {
			$refused = $this->role_refusal( $role );
			if ( $refused ) {
				return self::fail( $step, $refused[0], $refused[1] );
			}
		}
		$login = UsernameGenerator::generate( $email, array( $this->state, 'login_taken' ) );
		if ( $this->state->login_taken( $login ) ) {
			return self::fail( $step, 'workos_login_unavailable', __( 'No free username could be made from this e-mail address.', 'workos-companion' ) );
		}
		$data        = array(
			'login'           => $login,
			'email'           => $email,
			'first_name'      => sanitize_text_field( (string) ( $op['first_name'] ?? '' ) ),
			'last_name'       => sanitize_text_field( (string) ( $op['last_name'] ?? '' ) ),
			'role'            => $role,
			'workos_user_id'  => $workos,
			'organization_id' => (string) ( $op['organization_id'] ?? '' ),
		);
		$placeholder = -1 - $step['index'];
		$this->state->add(
			$placeholder,
			array(
				'login'          => $login,
				'email'          => $email,
				'roles'          => array( $role ),
				'workos_user_id' => $workos,
				'org_id'         => $data['organization_id'],
				'first_name'     => $data['first_name'],
				'last_name'      => $data['last_name'],
			)
		);
		if ( 'administrator' === $role ) {
			$this->state->change( $placeholder, array( 'roles' => array( $role ) ) );
		}
		return self::todo( $step, self::CREATED, $placeholder, $data );
	}

	/**
	 * @param array<string,mixed> $step
	 * @param array<string,mixed> $op
	 */
	private function link( array $step, array $op ): array {
		$user = $this->target( $op, array( 'user_id', 'user_email' ) );
		if ( is_wp_error( $user ) ) {
			return self::fail( $step, $user->get_error_code(), $user->get_error_message() );
		}
		$step['user'] = $user['id'];
		$workos       = (string) ( $op['workos_user_id'] ?? '' );
		if ( '' === $workos ) {
			return self::fail( $step, 'workos_missing_field', self::missing( 'workos_user_id' ) );
		}
		$refused = $this->edit_refusal( $user );
		if ( $refused ) {
			return self::fail( $step, $refused[0], $refused[1] );
		}
		$owner = $this->state->workos_owner( $workos );
		if ( null !== $owner && $owner !== $user['id'] ) {
			return self::fail( $step, 'workos_link_conflict', __( 'This WorkOS user is already linked to another WordPress user.', 'workos-companion' ) );
		}
		if ( '' !== $user['workos_user_id'] && $user['workos_user_id'] !== $workos ) {
			return self::fail( $step, 'workos_already_linked', __( 'This user is already linked to another WorkOS user. Unlink it first.', 'workos-companion' ) );
		}
		$org = (string) ( $op['organization_id'] ?? '' );
		if ( $user['workos_user_id'] === $workos && ( '' === $org || $org === $user['org_id'] ) ) {
			return self::done( $step, self::UNCHANGED, $user['id'] );
		}
		$this->state->change( $user['id'], array_filter( array( 'workos_user_id' => $workos, 'org_id' => $org ), 'strlen' ) );
		return self::todo(
			$step,
			self::LINKED,
			$user['id'],
			array(
				'workos_user_id'  => $workos,
				'organization_id' => $org,
			)
		);
	}

	/**
	 * @param array<string,mixed> $step
	 * @param array<string,mixed> $op
	 */
	private function unlink( array $step, array $op ): array {
		$user = $this->target( $op, Operations::SELECTORS );
		if ( is_wp_error( $user ) ) {
			return self::fail( $step, $user->get_error_code(), $user->get_error_message() );
		}
		$step['user'] = $user['id'];
		$refused      = $this->edit_refusal( $user );
		if ( $refused ) {
			return self::fail( $step, $refused[0], $refused[1] );
		}
		if ( '' === $user['workos_user_id'] && '' === $user['org_id'] ) {
			return self::done( $step, self::UNCHANGED, $user['id'] );
		}
		$this->state->change(
			$user['id'],
			array(
				'workos_user_id' => '',
				'org_id'         => '',
			)
		);
		return self::todo( $step, self::UNLINKED, $user['id'], array() );
	}

	/**
	 * @param array<string,mixed> $step
	 * @param array<string,mixed> $op
	 */
	private function update( array $step, array $op ): array {
		$user = $this->target( $op, Operations::SELECTORS );
		if ( is_wp_error( $user ) ) {
			return self::fail( $step, $user->get_error_code(), $user->get_error_message() );
		}
		$step['user'] = $user['id'];
		if ( ! array_intersect( array( 'first_name', 'last_name', 'email', 'role' ), array_keys( $op ) ) ) {
			return self::fail( $step, 'workos_missing_field', __( 'Give at least one of first_name, last_name, email and role to change.', 'workos-companion' ) );
		}
		$refused = $this->edit_refusal( $user );
		if ( $refused ) {
			return self::fail( $step, $refused[0], $refused[1] );
		}
		$changes = array();
		$state   = array();
		foreach ( array( 'first_name', 'last_name' ) as $field ) {
			if ( isset( $op[ $field ] ) ) {
				$value = sanitize_text_field( (string) $op[ $field ] );
				if ( $value !== $user[ $field ] ) {
					$changes[ $field ] = $value;
					$state[ $field ]   = $value;
				}
			}
		}
		if ( isset( $changes['first_name'] ) || isset( $changes['last_name'] ) ) {
			$name = trim( ( $changes['first_name'] ?? $user['first_name'] ) . ' ' . ( $changes['last_name'] ?? $user['last_name'] ) );
			if ( '' !== $name ) {
				$changes['display_name'] = $name;
			}
		}
		if ( isset( $op['email'] ) ) {
			$email = self::email( $op['email'] );
			if ( is_wp_error( $email ) ) {
				return self::fail( $step, $email->get_error_code(), $email->get_error_message() );
			}
			if ( strtolower( $email ) !== strtolower( $user['email'] ) ) {
				$owner = $this->state->email_owner( $email );
				if ( null !== $owner && $owner !== $user['id'] ) {
					return self::fail( $step, 'workos_email_exists', __( 'Another user already has this e-mail address.', 'workos-companion' ) );
				}
				$changes['user_email'] = $email;
				$state['email']        = $email;
			}
		}
		$role = null;
		if ( isset( $op['role'] ) && array( (string) $op['role'] ) !== $user['roles'] ) {
			$role    = (string) $op['role'];
			$refused = $this->role_refusal( $role, $user['id'] ) ?? $this->demotion_refusal( $user, $role );
			if ( $refused ) {
				return self::fail( $step, $refused[0], $refused[1] );
			}
			$state['roles'] = array( $role );
		}
		if ( ! $changes && null === $role ) {
			return self::done( $step, self::UNCHANGED, $user['id'] );
		}
		if ( $state ) {
			$this->state->change( $user['id'], $state );
		}
		return self::todo(
			$step,
			self::UPDATED,
			$user['id'],
			array(
				'changes' => $changes,
				'role'    => $role,
			)
		);
	}

	/**
	 * @param array<string,mixed> $step
	 * @param array<string,mixed> $op
	 */
	private function deactivate( array $step, array $op ): array {
		$user = $this->target( $op, Operations::SELECTORS );
		if ( is_wp_error( $user ) ) {
			return self::fail( $step, $user->get_error_code(), $user->get_error_message() );
		}
		$step['user'] = $user['id'];
		$refused      = $this->edit_refusal( $user );
		if ( $refused ) {
			return self::fail( $step, $refused[0], $refused[1] );
		}
		if ( $user['deactivated'] ) {
			return self::done( $step, self::UNCHANGED, $user['id'] );
		}
		if ( get_current_user_id() === $user['id'] ) {
			return self::fail( $step, 'workos_current_user', __( 'You cannot deactivate your own account: the console signs in with it.', 'workos-companion' ) );
		}
		if ( $this->is_last_administrator( $user ) ) {
			return self::fail( $step, 'workos_last_administrator', __( 'This is the last active administrator of the site: it cannot be deactivated.', 'workos-companion' ) );
		}
		$this->state->change( $user['id'], array( 'deactivated' => true ) );
		return self::todo( $step, self::DEACTIVATED, $user['id'], array() );
	}

	/**
	 * @param array<string,mixed> $step
	 * @param array<string,mixed> $op
	 */
	private function reactivate( array $step, array $op ): array {
		$user = $this->target( $op, Operations::SELECTORS );
		if ( is_wp_error( $user ) ) {
			return self::fail( $step, $user->get_error_code(), $user->get_error_message() );
		}
		$step['user'] = $user['id'];
		$refused      = $this->edit_refusal( $user );
		if ( $refused ) {
			return self::fail( $step, $refused[0], $refused[1] );
		}
		if ( ! $user['deactivated'] && null === $user['deprovisioned'] ) {
			return self::done( $step, self::UNCHANGED, $user['id'] );
		}
		$changes = array(
			'deactivated'   => false,
			'deprovisioned' => null,
		);
		$record  = (array) $user['deprovisioned'];
		if ( 'demote' === ( $record['action'] ?? '' ) ) {
			// Deprovisioner::reprovision() gives a demoted user's roles back.
			$roles = array_values( array_filter( array_map( 'strval', (array) ( $record['roles'] ?? array() ) ), array( wp_roles(), 'is_role' ) ) );
			if ( $roles ) {
				$changes['roles'] = $roles;
			}
		}
		$this->state->change( $user['id'], $changes );
		return self::todo( $step, self::REACTIVATED, $user['id'], array() );
	}

	/**
	 * The user an operation names with exactly one of $selectors.
	 *
	 * @param array<string,mixed> $op
	 * @param string[]            $selectors
	 * @return array<string,mixed>|\WP_Error
	 */
	private function target( array $op, array $selectors ) {
		$given = array_values( array_intersect( $selectors, array_keys( $op ) ) );
		if ( 1 !== count( $given ) ) {
			return new \WP_Error(
				$given ? 'workos_invalid_selector' : 'workos_missing_field',
				/* translators: %s: field names */
				sprintf( __( 'Name the user with exactly one of: %s.', 'workos-companion' ), implode( ', ', $selectors ) )
			);
		}
		$value = $op[ $given[0] ];
		switch ( $given[0] ) {
			case 'user_id':
				$id = (int) $value;
				break;
			case 'user_email':
				$id = (int) $this->state->email_owner( (string) $value );
				break;
			default:
				$id = (int) $this->state->workos_owner( (string) $value );
		}
		$user = 0 !== $id ? $this->state->user( $id ) : null;
		if ( null === $user ) {
			return new \WP_Error( 'workos_user_not_found', __( 'No such user on this site.', 'workos-companion' ) );
		}
		return $user;
	}

	/**
	 * Why the caller may not change this user, or null.
	 *
	 * @param array<string,mixed> $user
	 * @return array{0:string,1:string}|null
	 */
	private function edit_refusal( array $user ): ?array {
		// Users the batch creates are the caller's to change (they passed create_users).
		if ( $user['id'] > 0 && ! current_user_can( 'edit_user', $user['id'] ) ) {
			return array( 'workos_forbidden', __( 'You are not allowed to edit this user.', 'workos-companion' ) );
		}
		return null;
	}

	/** @return array{0:string,1:string}|null Why the caller may not give this role (to this user). */
	private function role_refusal( string $role, int $user_id = 0 ): ?array {
		if ( '' === $role || ! wp_roles()->is_role( $role ) ) {
			return array( 'workos_invalid_role', __( 'There is no such role on this site.', 'workos-companion' ) );
		}
		if ( null === $this->editable_roles ) {
			require_once ABSPATH . 'wp-admin/includes/user.php';
			$this->editable_roles = array_map( 'strval', array_keys( get_editable_roles() ) );
		}
		if ( ! in_array( $role, $this->editable_roles, true ) || ( $user_id > 0 && ! current_user_can( 'promote_user', $user_id ) ) ) {
			return array( 'workos_forbidden', __( 'You are not allowed to give this role.', 'workos-companion' ) );
		}
		return null;
	}

	/**
	 * Why this role change would lock the site or the console out, or null.
	 *
	 * @param array<string,mixed> $user
	 * @return array{0:string,1:string}|null
	 */
	private function demotion_refusal( array $user, string $role ): ?array {
		if ( get_current_user_id() === $user['id'] && ! ( wp_roles()->get_role( $role ) && wp_roles()->get_role( $role )->has_cap( 'manage_options' ) ) ) {
			return array( 'workos_current_user', __( 'You cannot take your own administrator role away: the console signs in with it.', 'workos-companion' ) );
		}
		if ( 'administrator' !== $role && $this->is_last_administrator( $user ) ) {
			return array( 'workos_last_administrator', __( 'This is the last active administrator of the site: it cannot be demoted.', 'workos-companion' ) );
		}
		return null;
	}

	/** @param array<string,mixed> $user */
	private function is_last_administrator( array $user ): bool {
		$admins = $this->state->active_administrators();
		return in_array( $user['id'], $admins, true ) && count( $admins ) <= 1;
	}

	/**
	 * A valid e-mail address from input, or why not.
	 *
	 * @param mixed $value
	 * @return string|\WP_Error
	 */
	private static function email( $value ) {
		$email = trim( (string) $value );
		if ( '' === $email ) {
			return new \WP_Error( 'workos_missing_field', self::missing( 'email' ) );
		}
		if ( ! is_email( $email ) || sanitize_email( $email ) !== $email ) {
			return new \WP_Error( 'workos_invalid_email', __( 'This is not a valid e-mail address.', 'workos-companion' ) );
		}
		return $email;
	}

	private static function default_role(): string {
		$role = (string) get_option( 'default_role', 'subscriber' );
		return '' !== $role && wp_roles()->is_role( $role ) ? $role : 'subscriber';
	}

	private static function missing( string $field ): string {
		/* translators: %s: field name */
		return sprintf( __( 'The field %s is required for this operation.', 'workos-companion' ), $field );
	}

	/** @param array<string,mixed> $step */
	private static function fail( array $step, string $code, string $message, ?int $user = null ): array {
		$step['error'] = array(
			'code'    => $code,
			'message' => $message,
		);
		$step['user']  = $user ?? $step['user'];
		return $step;
	}

	/** @param array<string,mixed> $step An operation that needs no write. */
	private static function done( array $step, string $outcome, int $user ): array {
		$step['outcome'] = $outcome;
		$step['user']    = $user;
		return $step;
	}

	/**
	 * @param array<string,mixed> $step An operation that writes.
	 * @param array<string,mixed> $data What to write.
	 */
	private static function todo( array $step, string $outcome, int $user, array $data ): array {
		$step['outcome'] = $outcome;
		$step['user']    = $user;
		$step['run']     = true;
		$step['data']    = $data;
		return $step;
	}
}
