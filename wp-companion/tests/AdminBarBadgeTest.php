<?php
/**
 * The admin-bar environment badge (seed spec §13.2, issue 4 point 9).
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\UI\AdminBarBadge;

final class AdminBarBadgeTest extends WPTestCase {
	protected function setUp(): void {
		parent::setUp();
		require_once ABSPATH . WPINC . '/class-wp-admin-bar.php';
	}

	/** Builds the admin bar as WordPress does, through the admin_bar_menu action. */
	private function bar(): WP_Admin_Bar {
		$bar = new WP_Admin_Bar();
		$bar->add_node( array( 'id' => 'top-secondary', 'group' => true ) );
		do_action( 'admin_bar_menu', $bar );
		return $bar;
	}

	private function as_administrator(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	public function test_staging_badge_for_administrators(): void {
		EmulatorEnvironment::configure_site( 'staging' );
		$this->as_administrator();
		$node = $this->bar()->get_node( AdminBarBadge::NODE );
		$this->assertNotNull( $node );
		$this->assertSame( 'WorkOS: Staging', $node->title );
		$this->assertSame( 'top-secondary', $node->parent );
		$this->assertSame( 'workos-env-staging', $node->meta['class'] );
		$this->assertStringContainsString( 'WorkOS Console', $node->meta['title'] );
	}

	public function test_production_badge_looks_different(): void {
		EmulatorEnvironment::configure_site( 'production' );
		$this->as_administrator();
		$node = $this->bar()->get_node( AdminBarBadge::NODE );
		$this->assertSame( 'WorkOS: Production', $node->title );
		$this->assertSame( 'workos-env-production', $node->meta['class'] );

		$css = AdminBarBadge::css();
		$this->assertMatchesRegularExpression( '/\.workos-env-production > \.ab-item[^{]*\{background:(#[0-9a-f]{6})/', $css );
		preg_match( '/\.workos-env-production > \.ab-item[^{]*\{background:(#[0-9a-f]{6})/', $css, $production );
		preg_match( '/\.workos-env-staging > \.ab-item[^{]*\{background:(#[0-9a-f]{6})/', $css, $staging );
		$this->assertNotSame( $production[1], $staging[1], 'production and staging have different colours' );
	}

	public function test_not_configured_is_shown_as_such(): void {
		update_option( 'workos_active_environment', 'production' );
		update_option( 'workos_production', array( 'api_key' => 'sk_test_x', 'client_id' => 'client_x' ) ); // no environment id
		$this->as_administrator();
		$node = $this->bar()->get_node( AdminBarBadge::NODE );
		$this->assertSame( 'WorkOS: not configured', $node->title );
		$this->assertSame( 'workos-env-unconfigured', $node->meta['class'] );
	}

	public function test_hidden_from_users_who_cannot_manage_options(): void {
		EmulatorEnvironment::configure_site( 'production' );
		foreach ( array( 'editor', 'subscriber' ) as $role ) {
			wp_set_current_user( $this->create_user( $role ) );
			$this->assertNull( $this->bar()->get_node( AdminBarBadge::NODE ), $role );
		}
		wp_set_current_user( 0 );
		$this->assertNull( $this->bar()->get_node( AdminBarBadge::NODE ), 'visitor' );
	}

	public function test_inline_css_is_added_to_the_admin_bar_style_for_administrators_only(): void {
		EmulatorEnvironment::configure_site( 'staging' );
		add_filter( 'show_admin_bar', '__return_true' );
		wp_styles()->add( 'admin-bar', '/wp-includes/css/admin-bar.css' );

		wp_set_current_user( $this->create_user( 'editor' ) );
		AdminBarBadge::add_style();
		$this->assertFalse( wp_styles()->get_data( 'admin-bar', 'after' ), 'no CSS for editors' );

		$this->as_administrator();
		AdminBarBadge::add_style();
		$after = implode( '', (array) wp_styles()->get_data( 'admin-bar', 'after' ) );
		$this->assertStringContainsString( '.workos-env-staging', $after );
		$this->assertStringContainsString( '.workos-env-production', $after );
		remove_filter( 'show_admin_bar', '__return_true' );
		unset( wp_styles()->registered['admin-bar']->extra['after'] );
	}

	public function test_rendered_in_the_right_hand_group(): void {
		EmulatorEnvironment::configure_site( 'production' );
		$this->as_administrator();
		$bar = $this->bar();
		ob_start();
		$bar->render();
		$html = (string) ob_get_clean();
		$this->assertMatchesRegularExpression( "/<ul id='wp-admin-bar-top-secondary'[^>]*><li id='wp-admin-bar-workos-environment' class=\"workos-env-production\">\\s*<div class=\"ab-item ab-empty-item\" title='[^'<>]*'>WorkOS: Production<\\/div>/", $html );
	}
}
