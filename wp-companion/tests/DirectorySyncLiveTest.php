<?php
/**
 * Issue 5's promise end to end: a directory change made in the WorkOS emulator (the identity
 * provider's side) reaches the served sandbox site by the emulator's own signed webhooks within
 * seconds: a new directory user put into a group appears with the mapped role, a deactivation
 * locks the account, a reactivation unlocks it. Nothing is posted by the test itself.
 *
 * @package WorkOSCompanion
 */

require_once __DIR__ . '/support/WebhookSite.php';

final class DirectorySyncLiveTest extends WPTestCase {
	private const WITHIN_SECONDS = 10;

	/** @var int[] */
	private $users = array();

	protected function setUp(): void {
		parent::setUp();
		EmulatorEnvironment::reset();
		WebhookSite::configure( array( 'role_map' => '{"Editors":"editor","admin":"administrator","member":"subscriber"}', 'deprovision_action' => 'deactivate' ) );
	}

	protected function tearDown(): void {
		WebhookSite::delete_users( $this->users );
		parent::tearDown();
	}

	/** Polls the served site until $check returns a non-null value, or fails after the limit. */
	private function eventually( string $what, callable $check ) {
		$deadline = microtime( true ) + self::WITHIN_SECONDS;
		do {
			$value = $check();
			if ( null !== $value ) {
				return $value;
			}
			usleep( 200000 );
		} while ( microtime( true ) < $deadline );
		$this->fail( "$what did not happen on the site within " . self::WITHIN_SECONDS . ' s' );
	}

	public function test_directory_changes_reach_the_site_within_seconds(): void {
		$directories = EmulatorEnvironment::client()->request( 'GET', '/directories', array( 'organization_id' => EmulatorEnvironment::organization_id( 'Acme Corp' ) ) );
		$this->assertIsArray( $directories );
		$directory = $directories['data'][0]['id'];
		$groups    = EmulatorEnvironment::client()->request( 'GET', '/directory_groups', array( 'directory' => $directory, 'limit' => 100 ) );
		$editors   = '';
		foreach ( $groups['data'] as $group ) {
			if ( 'Editors' === $group['name'] ) {
				$editors = $group['id'];
			}
		}
		$this->assertNotSame( '', $editors, 'the demo directory has an Editors group' );

		$email  = 'live-' . wp_generate_password( 6, false ) . '@acme.test';
		$person = EmulatorEnvironment::control( 'POST', "/_emulator/directories/$directory/users", array( 'email' => $email, 'first_name' => 'Live', 'last_name' => 'Sync' ) );
		EmulatorEnvironment::control( 'PUT', "/_emulator/directory_groups/$editors/users/{$person['id']}" );

		$user_id = $this->eventually(
			"the new directory user $email as an editor",
			static function () use ( $email ) {
				$row = WebhookSite::row( 'SELECT u.ID, m.meta_value AS caps FROM wp_users u JOIN wp_usermeta m ON m.user_id = u.ID AND m.meta_key = ? WHERE u.user_email = ?', array( 'wp_capabilities', $email ) );
				return $row && false !== strpos( (string) $row['caps'], '"editor"' ) ? (int) $row['ID'] : null;
			}
		);
		$this->users[] = $user_id;
		$this->assertSame(
			$person['id'],
			WebhookSite::row( 'SELECT meta_value FROM wp_usermeta WHERE user_id = ? AND meta_key = ?', array( $user_id, '_workos_directory_user_id' ) )['meta_value'] ?? null,
			'the directory user id is kept in its own meta'
		);

		EmulatorEnvironment::control( 'POST', "/_emulator/directory_users/{$person['id']}/deactivate" );
		$this->eventually(
			'the deactivation',
			static function () use ( $user_id ) {
				$row = WebhookSite::row( 'SELECT meta_value FROM wp_usermeta WHERE user_id = ? AND meta_key = ?', array( $user_id, '_workos_deactivated' ) );
				return $row && '' !== (string) $row['meta_value'] && '0' !== (string) $row['meta_value'] ? true : null;
			}
		);

		EmulatorEnvironment::control( 'PUT', "/_emulator/directory_users/{$person['id']}", array( 'state' => 'active' ) );
		$this->eventually(
			'the reactivation',
			static function () use ( $user_id ) {
				$row = WebhookSite::row( 'SELECT meta_value FROM wp_usermeta WHERE user_id = ? AND meta_key = ?', array( $user_id, '_workos_deactivated' ) );
				return ! $row || '' === (string) $row['meta_value'] || '0' === (string) $row['meta_value'] ? true : null;
			}
		);
	}
}
