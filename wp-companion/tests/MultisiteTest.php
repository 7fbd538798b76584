<?php
/**
 * The companion on a real WordPress multisite network (sandbox/network: subdirectory sites /,
 * /acme/ and /globex/ on MariaDB, the companion network-activated by a super admin), over HTTP:
 * - network activation gives every site its own tables; a site created later gets them at once,
 *   a deleted site takes them along;
 * - each site checks webhooks with its own secret and keeps its own deduplication, organization
 *   cache, organization↔site mapping and activity log;
 * - a WorkOS user is one network user, with the role each site's role map gives on that site;
 * - deprovisioning by demotion changes the role on the site that received the event only;
 * - the management API: a site's administrator manages that site only, the network routes are
 *   for super admins.
 *
 * @package WorkOSCompanion
 */

require_once __DIR__ . '/support/WebhookSite.php';
require_once __DIR__ . '/support/SandboxNetwork.php';

final class MultisiteTest extends WPTestCase {
	private const PLUGIN = 'workos-companion/workos-companion.php';

	/** @var array<string,string> Webhook secret per site. */
	private static $secrets = array();

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		SandboxNetwork::start();
		$maps = array(
			'acme'   => '{"member":"editor","admin":"administrator"}',
			'globex' => '{"member":"author"}',
		);
		foreach ( $maps as $site => $map ) {
			self::$secrets[ $site ] = 'whsec_' . $site . '_' . bin2hex( random_bytes( 12 ) );
			SandboxNetwork::configure(
				$site,
				array(
					'webhook_secret'      => self::$secrets[ $site ],
					'role_map'            => $map,
					'enable_activity_log' => 'true',
					'deprovision_action'  => 'demote',
				)
			);
		}
	}

	/** The WorkOS tables every site has, without the site prefix. */
	private static function expected_tables( string $prefix ): array {
		$names = array();
		foreach ( array( 'activity_log', 'object_versions', 'org_memberships', 'org_sites', 'organizations', 'webhook_events' ) as $name ) {
			$names[] = $prefix . 'workos_' . $name;
		}
		return $names;
	}

	public function test_network_activation_installs_the_tables_of_every_site(): void {
		$active = maybe_unserialize( SandboxNetwork::row( 'SELECT meta_value FROM wp_sitemeta WHERE meta_key = ?', array( 'active_sitewide_plugins' ) )['meta_value'] );
		$this->assertArrayHasKey( self::PLUGIN, (array) $active, 'network-active' );
		foreach ( array( '', 'acme', 'globex' ) as $site ) {
			$prefix = SandboxNetwork::prefix( $site );
			$this->assertSame( self::expected_tables( $prefix ), SandboxNetwork::workos_tables( $prefix ), "tables of site '$site'" );
			$version = SandboxNetwork::row( "SELECT option_value FROM {$prefix}options WHERE option_name = ?", array( 'workos_db_version' ) );
			$this->assertSame( '4', $version['option_value'] ?? null, "schema version of site '$site'" );
		}
		$this->assertNotSame( 'wp_', SandboxNetwork::prefix( 'acme' ) );
	}

	public function test_a_site_created_later_gets_its_tables_and_a_deleted_site_takes_them_along(): void {
		$id     = SandboxNetwork::php( '', '$id = wp_insert_site( array( "domain" => "127.0.0.1", "path" => "/initech/", "title" => "Initech", "user_id" => 1 ) ); echo wp_json_encode( is_wp_error( $id ) ? $id->get_error_message() : $id );' );
		$this->assertIsInt( $id, 'wp_insert_site: ' . wp_json_encode( $id ) );
		$prefix = 'wp_' . $id . '_';
		$this->assertSame( self::expected_tables( $prefix ), SandboxNetwork::workos_tables( $prefix ), 'installed on creation, before any request' );

		SandboxNetwork::php( '', '$r = wp_delete_site( ' . (int) $id . ' ); echo wp_json_encode( is_wp_error( $r ) ? $r->get_error_message() : true );' );
		$this->assertSame( array(), SandboxNetwork::workos_tables( $prefix ), 'dropped with the site' );
		$this->assertNull( SandboxNetwork::row( 'SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_name = ?', array( 'wp_network', $prefix . 'options' ) ), 'WordPress dropped its own tables too' );
	}

	public function test_each_site_checks_webhooks_with_its_own_secret(): void {
		$acme   = SandboxNetwork::prefix( 'acme' );
		$globex = SandboxNetwork::prefix( 'globex' );
		$before = (int) SandboxNetwork::row( "SELECT COUNT(*) AS n FROM {$globex}workos_activity_log" )['n'];
		$data   = array( 'object' => 'organization', 'id' => 'org_ms_' . bin2hex( random_bytes( 5 ) ), 'name' => 'Secret Test', 'domains' => array(), 'created_at' => WebhookSite::iso( WebhookSite::now_ms() ), 'updated_at' => WebhookSite::iso( WebhookSite::now_ms() ) );

		list( $status, $body ) = SandboxNetwork::send( 'acme', self::$secrets['globex'], 'organization.created', $data );
		$this->assertSame( 401, $status, 'another site\'s secret' );
		$this->assertSame( 'workos_invalid_signature', $body['code'] ?? null );
		$this->assertSame( 'webhook_rejected', SandboxNetwork::row( "SELECT event_type FROM {$acme}workos_activity_log ORDER BY id DESC LIMIT 1" )['event_type'] );
		$this->assertSame( $before, (int) SandboxNetwork::row( "SELECT COUNT(*) AS n FROM {$globex}workos_activity_log" )['n'], 'nothing logged on the other site' );
		$this->assertNull( SandboxNetwork::row( "SELECT id FROM {$acme}workos_organizations WHERE workos_org_id = ?", array( $data['id'] ) ), 'nothing applied' );

		list( $status ) = SandboxNetwork::send( 'acme', self::$secrets['acme'], 'organization.created', $data );
		$this->assertSame( 200, $status, 'its own secret' );
	}

	public function test_organizations_and_deduplication_are_per_site(): void {
		$org   = 'org_ms_' . bin2hex( random_bytes( 5 ) );
		$event = WebhookSite::event_id();
		$now   = WebhookSite::iso( WebhookSite::now_ms() );
		$data  = array( 'object' => 'organization', 'id' => $org, 'name' => 'Initech ' . $org, 'domains' => array( array( 'domain' => 'initech.test' ) ), 'created_at' => $now, 'updated_at' => $now );

		// WorkOS sends the same event, with the same id, to every endpoint: each site applies it once.
		foreach ( array( 'acme', 'globex' ) as $site ) {
			list( $status, $body ) = SandboxNetwork::send( $site, self::$secrets[ $site ], 'organization.created', $data, $event );
			$this->assertSame( 200, $status, $site );
			$this->assertSame( 'applied', $body['outcome'] ?? null, "$site: " . wp_json_encode( $body ) );
		}
		list( , $body ) = SandboxNetwork::send( 'acme', self::$secrets['acme'], 'organization.created', $data, $event );
		$this->assertSame( 'duplicate', $body['outcome'] ?? null, 'a replay on the same site' );

		foreach ( array( 'acme', 'globex' ) as $site ) {
			$prefix = SandboxNetwork::prefix( $site );
			$row    = SandboxNetwork::row( "SELECT id, name FROM {$prefix}workos_organizations WHERE workos_org_id = ?", array( $org ) );
			$this->assertNotNull( $row, "cached on $site" );
			$this->assertSame( 'Initech ' . $org, $row['name'] );
			$this->assertSame(
				array( array( 'site_id' => SandboxNetwork::blog_id( $site ), 'is_primary' => 1 ) ),
				SandboxNetwork::rows( "SELECT site_id, is_primary FROM {$prefix}workos_org_sites WHERE org_id = ?", array( $row['id'] ) ),
				"mapped to $site's own blog id"
			);
			$this->assertSame( 1, (int) SandboxNetwork::row( "SELECT COUNT(*) AS n FROM {$prefix}workos_webhook_events WHERE event_id = ?", array( $event ) )['n'] );
		}
		$this->assertNull( SandboxNetwork::row( 'SELECT id FROM wp_workos_organizations WHERE workos_org_id = ?', array( $org ) ), 'not on the main site, which got no event' );
	}

	/** @return array<string,mixed> A verified WorkOS user. */
	private static function workos_user( string $tag ): array {
		$now = WebhookSite::iso( WebhookSite::now_ms() );
		return array(
			'object'         => 'user',
			'id'             => 'user_ms_' . $tag,
			'email'          => 'ms-' . $tag . '@tests.invalid',
			'email_verified' => true,
			'first_name'     => 'Net',
			'last_name'      => 'Work',
			'created_at'     => $now,
			'updated_at'     => $now,
		);
	}

	/** The user's roles on each site (by the site's capabilities usermeta), keyed by site. */
	private static function roles_by_site( int $user_id ): array {
		$roles = array();
		foreach ( array( '', 'acme', 'globex' ) as $site ) {
			$caps            = SandboxNetwork::row( 'SELECT meta_value FROM wp_usermeta WHERE user_id = ? AND meta_key = ?', array( $user_id, SandboxNetwork::prefix( $site ) . 'capabilities' ) );
			$roles[ $site ]  = $caps ? array_keys( array_filter( (array) maybe_unserialize( $caps['meta_value'] ) ) ) : null;
		}
		return $roles;
	}

	public function test_a_workos_user_is_one_network_user_with_each_sites_role(): void {
		$person = self::workos_user( bin2hex( random_bytes( 5 ) ) );

		list( $status, $body ) = SandboxNetwork::send( 'acme', self::$secrets['acme'], 'user.created', $person );
		$this->assertSame( 200, $status );
		$this->assertSame( 'applied', $body['outcome'] ?? null, wp_json_encode( $body ) );
		$users = SandboxNetwork::rows( 'SELECT ID FROM wp_users WHERE user_email = ?', array( $person['email'] ) );
		$this->assertCount( 1, $users );
		$id = (int) $users[0]['ID'];
		$this->assertSame( array( '' => null, 'acme' => array( 'editor' ), 'globex' => null ), self::roles_by_site( $id ), 'a member of acme only' );

		// The same WorkOS user reaches globex (its own event): the same WordPress user joins it.
		list( $status, $body ) = SandboxNetwork::send( 'globex', self::$secrets['globex'], 'user.created', $person );
		$this->assertSame( 200, $status );
		$this->assertSame( 'applied', $body['outcome'] ?? null, wp_json_encode( $body ) );
		$this->assertCount( 1, SandboxNetwork::rows( 'SELECT ID FROM wp_users WHERE user_email = ?', array( $person['email'] ) ), 'no second account' );
		$this->assertSame( array( '' => null, 'acme' => array( 'editor' ), 'globex' => array( 'author' ) ), self::roles_by_site( $id ) );
		$this->assertSame( $person['id'], SandboxNetwork::row( 'SELECT meta_value FROM wp_usermeta WHERE user_id = ? AND meta_key = ?', array( $id, '_workos_user_id' ) )['meta_value'] );
		$this->assertSame( 'added_to_site', SandboxNetwork::php( 'globex', 'global $wpdb; echo wp_json_encode( json_decode( $wpdb->get_var( "SELECT metadata FROM {$wpdb->prefix}workos_activity_log WHERE event_type = \'webhook_applied\' ORDER BY id DESC LIMIT 1" ), true )["reason"] ?? null );' ) );
	}

	/**
	 * GET on the network with HTTP Basic auth.
	 *
	 * @param array{0:string,1:string} $auth
	 * @return array{0:int,1:mixed}
	 */
	private static function admin_get( string $site, string $path, array $auth ): array {
		$response = wp_remote_get(
			SandboxNetwork::url( $site ) . '/wp-json/workos/v1/admin/' . $path,
			array(
				'timeout' => 30,
				'headers' => array( 'Authorization' => 'Basic ' . base64_encode( $auth[0] . ':' . $auth[1] ) ), // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- HTTP Basic auth.
			)
		);
		self::assertFalse( is_wp_error( $response ) );
		return array( (int) wp_remote_retrieve_response_code( $response ), json_decode( wp_remote_retrieve_body( $response ), true ) );
	}

	/**
	 * A management call with a JSON body on a site of the network.
	 *
	 * @param array<string,mixed>      $body
	 * @param array{0:string,1:string} $auth
	 * @return array{0:int,1:mixed}
	 */
	private static function admin_send( string $site, string $method, string $path, array $body, array $auth ): array {
		$response = wp_remote_request(
			SandboxNetwork::url( $site ) . '/wp-json/workos/v1/admin/' . $path,
			array(
				'method'  => $method,
				'timeout' => 30,
				'headers' => array(
					'Authorization' => 'Basic ' . base64_encode( $auth[0] . ':' . $auth[1] ), // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- HTTP Basic auth.
					'Content-Type'  => 'application/json',
				),
				'body'    => wp_json_encode( $body ),
			)
		);
		self::assertFalse( is_wp_error( $response ) );
		return array( (int) wp_remote_retrieve_response_code( $response ), json_decode( wp_remote_retrieve_body( $response ), true ) );
	}

	/** An Application Password for a user made on $site with $role ('' and super: the super admin). */
	private static function network_account( string $site, string $role ): array {
		$login = '' === $role ? 'admin' : 'ms_' . $role . '_' . strtolower( wp_generate_password( 5, false ) );
		$made  = SandboxNetwork::php(
			$site,
			'$user = get_user_by( "login", ' . var_export( $login, true ) . ' );' // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- PHP literal.
			. '$id = $user ? $user->ID : wp_insert_user( array( "user_login" => ' . var_export( $login, true ) . ', "user_email" => ' . var_export( $login . '@tests.invalid', true ) . ', "user_pass" => wp_generate_password( 24 ), "role" => ' . var_export( $role, true ) . ' ) );' // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- PHP literals.
			. '$p = WP_Application_Passwords::create_new_application_password( $id, array( "name" => "tests " . wp_generate_password( 4, false ) ) );'
			. 'echo wp_json_encode( is_wp_error( $p ) ? $p->get_error_message() : $p[0] );'
		);
		self::assertIsString( $made );
		self::assertSame( 24, strlen( $made ), 'an Application Password: ' . $made );
		return array( $login, $made );
	}

	public function test_a_site_administrator_manages_that_site_only_and_the_network_is_for_super_admins(): void {
		$site_admin = self::network_account( 'acme', 'administrator' );
		list( $status, $body ) = self::admin_get( 'acme', 'status', $site_admin );
		$this->assertSame( 200, $status );
		$this->assertTrue( $body['wordpress']['multisite'] );
		$this->assertSame( SandboxNetwork::blog_id( 'acme' ), $body['wordpress']['site_id'] );
		$this->assertSame( array( 'id' => 1, 'main_site' => false, 'sites' => 3, 'subdomain_install' => false, 'plugin_network_active' => true ), $body['wordpress']['network'] );
		list( $status, $body ) = self::admin_get( 'acme', 'settings', $site_admin );
		$this->assertSame( 200, $status );
		$this->assertSame( 'enabled', $body['enabled'] ? 'enabled' : 'not', 'acme is configured' );
		list( $status, $body ) = self::admin_get( 'globex', 'status', $site_admin );
		$this->assertSame( 403, $status, 'not an administrator of globex' );
		$this->assertSame( 'workos_forbidden', $body['code'] );
		$this->assertSame( 403, self::admin_get( '', 'network/sites', $site_admin )[0], 'not a super admin' );

		$super = self::network_account( '', '' );
		list( $status, $body ) = self::admin_get( '', 'network/sites', $super );
		$this->assertSame( 200, $status, wp_json_encode( $body ) );
		$this->assertTrue( $body['plugin']['network_active'] );
		$by_path = array();
		foreach ( $body['sites'] as $site ) {
			$by_path[ (string) wp_parse_url( $site['url'], PHP_URL_PATH ) ] = $site;
		}
		$this->assertSame( array( '/', '/acme/', '/globex/' ), array_keys( $by_path ) );
		$this->assertSame( 4, $by_path['/acme/']['schema_version'] );
		$this->assertTrue( $by_path['/acme/']['enabled'] );
		$this->assertFalse( $by_path['/']['enabled'], 'the main site was not configured' );
		$this->assertNull( $body['next_after'] );

		list( , $page ) = self::admin_get( '', 'network/sites?limit=1&after=1', $super );
		$this->assertCount( 1, $page['sites'] );
		$this->assertSame( SandboxNetwork::blog_id( 'acme' ), $page['sites'][0]['id'] );
		$this->assertSame( SandboxNetwork::blog_id( 'acme' ), $page['next_after'] );
	}

	public function test_demotion_changes_the_role_on_the_site_that_received_the_event_only(): void {
		$person = self::workos_user( bin2hex( random_bytes( 5 ) ) );
		foreach ( array( 'acme', 'globex' ) as $site ) {
			$this->assertSame( 200, SandboxNetwork::send( $site, self::$secrets[ $site ], 'user.created', $person )[0] );
		}
		$id = (int) SandboxNetwork::row( 'SELECT ID FROM wp_users WHERE user_email = ?', array( $person['email'] ) )['ID'];

		list( $status, $body ) = SandboxNetwork::send( 'acme', self::$secrets['acme'], 'user.deleted', $person );
		$this->assertSame( 200, $status );
		$this->assertSame( 'applied', $body['outcome'] ?? null, wp_json_encode( $body ) );
		$this->assertSame( array( '' => null, 'acme' => array( 'subscriber' ), 'globex' => array( 'author' ) ), self::roles_by_site( $id ) );
		$this->assertNull( SandboxNetwork::row( 'SELECT meta_value FROM wp_usermeta WHERE user_id = ? AND meta_key = ?', array( $id, '_workos_deactivated' ) ), 'demoted, not locked out of the network' );
	}

	public function test_an_organization_maps_to_sites_of_the_network_only(): void {
		$super  = self::network_account( '', '' );
		$org    = 'org_ms_' . strtolower( bin2hex( random_bytes( 4 ) ) );
		$acme   = SandboxNetwork::blog_id( 'acme' );
		$globex = SandboxNetwork::blog_id( 'globex' );
		$table  = SandboxNetwork::prefix( 'acme' ) . 'workos_org_sites';
		try {
			list( $status, $body ) = self::admin_send( 'acme', 'POST', 'orgs', array( 'id' => $org, 'name' => 'Multisite Org' ), $super );
			$this->assertSame( 201, $status, wp_json_encode( $body ) );
			$this->assertSame( array( array( 'site_id' => $acme, 'is_primary' => true ) ), $body['sites'], 'a new organization belongs to the site that cached it' );

			list( $status, $body ) = self::admin_send( 'acme', 'PUT', 'orgs/' . $org . '/sites', array( 'sites' => array( array( 'site_id' => $globex ), array( 'site_id' => $acme, 'primary' => true ) ) ), $super );
			$this->assertSame( 200, $status, wp_json_encode( $body ) );
			$this->assertSame( array( array( 'site_id' => $acme, 'is_primary' => true ), array( 'site_id' => $globex, 'is_primary' => false ) ), $body['sites'] );
			$this->assertCount( 2, SandboxNetwork::rows( "SELECT site_id FROM {$table} WHERE org_id = ?", array( self::local_org_id( $org ) ) ), 'stored in acme\'s own tables' );

			foreach ( array(
				array( array( array( 'site_id' => 9999, 'primary' => true ) ), 'workos_site_not_found' ),
				array( array( array( 'site_id' => $acme, 'primary' => true ), array( 'site_id' => $globex, 'primary' => true ) ), 'workos_primary_site_required' ),
			) as list( $sites, $code ) ) {
				list( $status, $body ) = self::admin_send( 'acme', 'PUT', 'orgs/' . $org . '/sites', array( 'sites' => $sites ), $super );
				$this->assertSame( 400, $status );
				$this->assertSame( $code, $body['code'] );
			}
			$this->assertCount( 2, SandboxNetwork::rows( "SELECT site_id FROM {$table} WHERE org_id = ?", array( self::local_org_id( $org ) ) ), 'refused mappings change nothing' );

			$outsider = (int) SandboxNetwork::php( 'globex', '$id = wp_insert_user( array( "user_login" => "ms_org_" . wp_generate_password( 5, false ), "user_email" => "ms_org_" . wp_generate_password( 5, false ) . "@tests.invalid", "user_pass" => wp_generate_password( 24 ), "role" => "subscriber" ) ); echo (int) $id;' );
			list( $status, $body ) = self::admin_send( 'acme', 'POST', 'orgs/' . $org . '/members', array( 'user_id' => $outsider, 'workos_role' => 'member' ), $super );
			$this->assertSame( 409, $status, wp_json_encode( $body ) );
			$this->assertSame( 'workos_user_not_on_site', $body['code'] );
		} finally {
			$local = self::local_org_id( $org );
			SandboxNetwork::rows( "DELETE FROM {$table} WHERE org_id = ?", array( $local ) );
			SandboxNetwork::rows( 'DELETE FROM ' . SandboxNetwork::prefix( 'acme' ) . 'workos_organizations WHERE id = ?', array( $local ) );
		}
	}

	private static function local_org_id( string $workos_org_id ): int {
		return (int) ( SandboxNetwork::row( 'SELECT id FROM ' . SandboxNetwork::prefix( 'acme' ) . 'workos_organizations WHERE workos_org_id = ?', array( $workos_org_id ) )['id'] ?? 0 );
	}
}
