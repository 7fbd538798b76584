<?php
/**
 * The plugin header WordPress reads, and that the plugin is active and booted.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Plugin;

final class PluginHeaderTest extends WPTestCase {
	public function test_header_declares_requirements_license_and_text_domain(): void {
		$data = get_plugin_data( WORKOS_COMPANION_FILE, false, false );

		$this->assertSame( 'WorkOS Companion', $data['Name'] );
		$this->assertSame( '7.4', $data['RequiresPHP'] );
		$this->assertSame( '5.9', $data['RequiresWP'] );
		$this->assertSame( 'workos-companion', $data['TextDomain'] );
		$this->assertSame( '/languages', $data['DomainPath'] );
		$this->assertMatchesRegularExpression( '/^\d+\.\d+\.\d+$/', $data['Version'] );

		// get_plugin_data() has no License field; WordPress.org reads it with get_file_data().
		$license = get_file_data( WORKOS_COMPANION_FILE, array( 'License' => 'License' ) );
		$this->assertSame( 'GPL-2.0-or-later', $license['License'] );
	}

	public function test_version_constant_matches_header(): void {
		$data = get_plugin_data( WORKOS_COMPANION_FILE, false, false );
		$this->assertSame( $data['Version'], WORKOS_COMPANION_VERSION );
	}

	public function test_plugin_is_active(): void {
		$this->assertSame( 'workos-companion/workos-companion.php', plugin_basename( WORKOS_COMPANION_FILE ) );
		$this->assertTrue( is_plugin_active( 'workos-companion/workos-companion.php' ) );
	}

	public function test_bootstrap_ran_on_plugins_loaded(): void {
		$this->assertSame( 1, did_action( 'plugins_loaded' ) );
		$this->assertNotFalse( has_action( 'plugins_loaded', array( Plugin::class, 'boot' ) ) );
		// What boot() wires: the text domain on init and the REST routes.
		$this->assertNotFalse( has_action( 'init', array( Plugin::class, 'load_textdomain' ) ) );
		$this->assertArrayHasKey( '/workos/v1/admin/status', rest_get_server()->get_routes() );
	}
}
