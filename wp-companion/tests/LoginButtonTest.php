<?php
/**
 * The login button three ways (seed spec §12, issue 4 point 8): the [workos_login] shortcode (and
 * the reference's [workos:login] name), the dynamic block workos/login-button and the classic
 * widget; logged-out and logged-in output; same-site redirect_to only; escaped output.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\UI\LoginButton;
use WorkOSCompanion\UI\LoginButtonAttributes;
use WorkOSCompanion\UI\LoginButtonWidget;

final class LoginButtonTest extends WPTestCase {
	protected function setUp(): void {
		parent::setUp();
		$this->assertNotFalse( has_action( 'init', array( LoginButton::class, 'register_shortcodes' ) ), 'shortcodes are added on init' );
		if ( ! shortcode_exists( LoginButton::SHORTCODE ) ) {
			// PHPUnit includes bootstrap.php inside a function and then copies its local variables
			// into $GLOBALS, so shortcodes.php's file-scope "$shortcode_tags = array();" wipes every
			// shortcode registered while WordPress loaded. Register ours again, as init did.
			LoginButton::register_shortcodes();
		}
		EmulatorEnvironment::configure_site( 'staging', array( 'login_mode' => 'redirect' ) );
		update_option( 'show_avatars', 0 );
	}

	/** @return array{href:string,text:string,html:string} The first link of a rendering. */
	private function link( string $html, string $class = 'workos-login-button__link' ): array {
		$doc = new DOMDocument();
		libxml_use_internal_errors( true );
		$doc->loadHTML( '<?xml encoding="utf-8"?><body>' . $html . '</body>' );
		libxml_clear_errors();
		$xpath = new DOMXPath( $doc );
		$nodes = $xpath->query( "//a[contains(concat(' ', normalize-space(@class), ' '), ' $class ')]" );
		$this->assertSame( 1, $nodes->length, "one a.$class in: $html" );
		return array(
			'href' => $nodes->item( 0 )->getAttribute( 'href' ),
			'text' => trim( $nodes->item( 0 )->textContent ),
			'html' => $html,
		);
	}

	public function test_logged_out_shortcode_links_to_the_sign_in_page_with_the_redirect(): void {
		$html = do_shortcode( '[workos_login label="Sign in with SSO" redirect_to="/members/" class="hero big"]' );
		$link = $this->link( $html );
		$this->assertSame( wp_login_url( home_url( '/members/' ) ), html_entity_decode( $link['href'] ) );
		$this->assertStringStartsWith( site_url( 'wp-login.php' ), $link['href'] );
		$this->assertSame( 'Sign in with SSO', $link['text'] );
		$this->assertMatchesRegularExpression( '/class="workos-login-button [^"]*\bhero big\b/', $html );
		$this->assertStringContainsString( 'data-workos-state="logged-out"', $html );
		$this->assertStringContainsString( 'data-workos-mode="redirect"', $html );
	}

	public function test_defaults_without_attributes(): void {
		$link = $this->link( do_shortcode( '[workos_login]' ) );
		$this->assertSame( wp_login_url(), html_entity_decode( $link['href'] ) );
		$this->assertSame( 'Sign in', $link['text'] );
	}

	public function test_absolute_same_site_redirect_is_kept(): void {
		$target = home_url( '/account/?tab=2' );
		$link   = $this->link( do_shortcode( '[workos_login redirect_to="' . $target . '"]' ) );
		$this->assertSame( wp_login_url( $target ), html_entity_decode( $link['href'] ) );
	}

	/** @return array<string,array{0:string}> */
	public function offsite_redirects(): array {
		return array(
			'protocol-relative'          => array( '//evil.example/' ),
			'other host'                 => array( 'https://evil.example/' ),
			'backslash'                  => array( '/\\evil.example' ),
			'double backslash'           => array( '\\\\evil.example' ),
			'javascript'                 => array( 'javascript:alert(1)' ),
			'javascript mixed case'      => array( 'JaVaScRiPt:alert(1)' ),
			'data'                       => array( 'data:text/html,<script>alert(1)</script>' ),
			'encoded protocol-relative'  => array( '%2F%2Fevil.example' ),
			'encoded slash after slash'  => array( '/%2Fevil.example' ),
			'encoded backslash'          => array( '/%5Cevil.example' ),
			'double-encoded'             => array( '%252F%252Fevil.example' ),
			'encoded scheme separator'   => array( 'https:%2F%2Fevil.example' ),
			'credentials before the host' => array( 'SITE@evil.example/' ),
			'site name as subdomain'     => array( 'SITE.evil.example/' ),
			'tab inside'                 => array( "/\t/evil.example" ),
			'scheme without host'        => array( 'http:/evil.example' ),
			'relative without slash'     => array( 'evil.example' ),
		);
	}

	/** @dataProvider offsite_redirects */
	public function test_offsite_redirect_is_refused( string $target ): void {
		$target = str_replace( 'SITE', untrailingslashit( home_url() ), $target );
		$this->assertSame( '', LoginButtonAttributes::same_site_url( $target ), $target );
		$html = LoginButton::render_shortcode( array( 'redirect_to' => $target ) );
		$link = $this->link( $html );
		$this->assertSame( wp_login_url(), html_entity_decode( $link['href'] ), 'falls back to no redirect' );
		$this->assertStringNotContainsString( 'evil', $html );
		$this->assertStringNotContainsString( 'javascript', strtolower( $html ) );
	}

	public function test_output_is_escaped(): void {
		$html = LoginButton::render_shortcode(
			array(
				'label'    => '<script>alert(1)</script>"><img src=x onerror=alert(2)>',
				'class'    => 'ok" onmouseover="alert(3)',
				'bg_color' => 'red;background:url(javascript:alert(4))',
			)
		);
		$this->assertStringNotContainsString( '<script', $html );
		$this->assertStringNotContainsString( '<img', $html );
		$this->assertStringNotContainsString( 'onmouseover="', $html );
		$this->assertStringNotContainsString( 'javascript', $html );
		$this->assertStringNotContainsString( 'style=', $html, 'an invalid colour is dropped' );
	}

	public function test_appearance_attributes(): void {
		$html = LoginButton::render_shortcode(
			array(
				'size'          => 'large',
				'style'         => 'outline',
				'alignment'     => 'center',
				'bg_color'      => 'ff0000',
				'text_color'    => '#00ff00',
				'border_radius' => '8',
				'show_icon'     => 'yes',
			)
		);
		$this->assertStringContainsString( 'workos-login-button--large', $html );
		$this->assertStringContainsString( 'workos-login-button--outline', $html );
		$this->assertStringContainsString( 'workos-login-button--align-center', $html );
		$this->assertStringContainsString( 'style="background-color:#ff0000;color:#00ff00;border-radius:8px"', $html );
		$this->assertStringContainsString( '<svg', $html );

		$bad = LoginButton::render_shortcode( array( 'size' => 'huge', 'style' => 'neon', 'alignment' => 'up', 'border_radius' => '-3' ) );
		$this->assertStringContainsString( 'workos-login-button--medium', $bad );
		$this->assertStringContainsString( 'workos-login-button--filled', $bad );
		$this->assertStringContainsString( 'workos-login-button--align-left', $bad );
		$this->assertStringNotContainsString( 'style=', $bad );
	}

	public function test_registration_and_password_fallback_links(): void {
		update_option( 'users_can_register', 1 );
		$html = LoginButton::render_shortcode( array( 'show_registration' => 'true', 'show_password_fallback' => '1', 'redirect_to' => '/after/' ) );
		$this->assertSame( wp_registration_url(), html_entity_decode( $this->link( $html, 'workos-login-button__register' )['href'] ) );
		$fallback = $this->link( $html, 'workos-login-button__fallback' );
		$this->assertSame( add_query_arg( 'fallback', '1', wp_login_url( home_url( '/after/' ) ) ), html_entity_decode( $fallback['href'] ) );

		update_option( 'users_can_register', 0 );
		EmulatorEnvironment::configure_site( 'staging', array( 'allow_password_fallback' => false ) );
		$html = LoginButton::render_shortcode( array( 'show_registration' => 'true', 'show_password_fallback' => '1' ) );
		$this->assertStringNotContainsString( 'workos-login-button__register', $html );
		$this->assertStringNotContainsString( 'workos-login-button__fallback', $html );
	}

	public function test_logged_in_visitor_sees_who_they_are_and_a_logout_link(): void {
		$user_id = $this->create_user( 'subscriber' );
		global $wpdb;
		// Straight into the table: wp_update_user would strip the tags before we could escape them.
		$wpdb->update( $wpdb->users, array( 'display_name' => 'Ada <b>Lovelace</b>' ), array( 'ID' => $user_id ) );
		clean_user_cache( $user_id );
		wp_set_current_user( $user_id );

		$html = do_shortcode( '[workos_login redirect_to="/bye/"]' );
		$this->assertStringContainsString( 'data-workos-state="logged-in"', $html );
		$this->assertStringContainsString( 'Signed in as <strong class="workos-login-button__name">Ada &lt;b&gt;Lovelace&lt;/b&gt;</strong>', $html );
		$logout = $this->link( $html, 'workos-login-button__logout' );
		$this->assertSame( html_entity_decode( wp_logout_url( home_url( '/bye/' ) ) ), html_entity_decode( $logout['href'] ) );
		$this->assertStringContainsString( '_wpnonce=', $logout['href'] );
		$this->assertSame( 'Sign out', $logout['text'] );
		$this->assertStringNotContainsString( 'workos-login-button__link', $html, 'no sign-in link once signed in' );

		$only_link = LoginButton::render_shortcode( array( 'logged_in_display' => 'logout', 'logout_text' => 'Leave' ) );
		$this->assertStringNotContainsString( 'Signed in as', $only_link );
		$this->assertSame( 'Leave', $this->link( $only_link, 'workos-login-button__logout' )['text'] );
		$this->assertSame( html_entity_decode( wp_logout_url( home_url( '/' ) ) ), html_entity_decode( $this->link( $only_link, 'workos-login-button__logout' )['href'] ) );

		$this->assertSame( '', LoginButton::render_shortcode( array( 'logged_in_display' => 'hide' ) ) );
	}

	public function test_nothing_is_rendered_when_workos_is_not_configured(): void {
		update_option( 'workos_staging', array( 'api_key' => '', 'client_id' => '' ) );
		$this->assertSame( '', do_shortcode( '[workos_login]' ) );
		$this->assertSame( '', render_block( array( 'blockName' => LoginButton::BLOCK, 'attrs' => array(), 'innerBlocks' => array(), 'innerHTML' => '', 'innerContent' => array() ) ) );
	}

	public function test_reference_shortcode_name_renders_the_same_button(): void {
		$this->assertTrue( shortcode_exists( 'workos_login' ) );
		$this->assertTrue( shortcode_exists( 'workos:login' ) );
		$this->assertSame( do_shortcode( '[workos_login label="Hi"]' ), do_shortcode( '[workos:login label="Hi"]' ) );
	}

	public function test_block_is_dynamic_and_rendered_on_the_server(): void {
		$type = WP_Block_Type_Registry::get_instance()->get_registered( LoginButton::BLOCK );
		$this->assertNotNull( $type, 'block workos/login-button registered' );
		$this->assertTrue( $type->is_dynamic() );
		$this->assertSame( 'widgets', $type->category );
		$this->assertArrayHasKey( 'redirect_to', $type->attributes );
		$this->assertSame( 'user_info', $type->attributes['logged_in_display']['default'] );

		$script = wp_scripts()->registered[ $type->editor_script ] ?? null;
		$this->assertNotNull( $script, 'editor script registered' );
		$this->assertStringEndsWith( '/src/UI/login-button/index.js', strtok( $script->src, '?' ) );
		foreach ( array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n', 'wp-server-side-render' ) as $dependency ) {
			$this->assertContains( $dependency, $script->deps );
		}
		$this->assertFileExists( WORKOS_COMPANION_DIR . '/src/UI/login-button/index.js' );

		$html = do_blocks( '<!-- wp:workos/login-button {"button_text":"Block sign-in","redirect_to":"/from-block/","className":"mine"} /-->' );
		$link = $this->link( $html );
		$this->assertSame( 'Block sign-in', $link['text'] );
		$this->assertSame( wp_login_url( home_url( '/from-block/' ) ), html_entity_decode( $link['href'] ) );
		$this->assertStringContainsString( 'mine', $html );

		$evil = do_blocks( '<!-- wp:workos/login-button {"redirect_to":"https://evil.example/","logged_in_display":"bogus"} /-->' );
		$this->assertStringNotContainsString( 'evil', $evil );
	}

	public function test_block_preview_in_the_editor_shows_the_logged_out_state(): void {
		$editor = $this->create_user( 'editor' );
		wp_set_current_user( $editor );
		$response = $this->rest( 'GET', '/wp/v2/block-renderer/' . LoginButton::BLOCK, array( 'context' => 'edit', 'attributes' => array( 'button_text' => 'Preview' ) ) );
		$this->assertSame( 200, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$rendered = $response->get_data()['rendered'];
		$this->assertStringContainsString( 'data-workos-state="logged-out"', $rendered );
		$this->assertStringContainsString( 'Preview', $rendered );
	}

	public function test_classic_widget(): void {
		global $wp_widget_factory;
		$this->assertArrayHasKey( LoginButtonWidget::class, $wp_widget_factory->widgets );
		$this->assertSame( 'workos_login_button', $wp_widget_factory->widgets[ LoginButtonWidget::class ]->id_base );

		ob_start();
		the_widget( LoginButtonWidget::class, array( 'title' => 'Members <i>only</i>', 'button_text' => 'Widget sign-in', 'redirect_to' => '/w/' ), array( 'before_title' => '<h2>', 'after_title' => '</h2>' ) );
		$html = (string) ob_get_clean();
		$this->assertStringContainsString( '<h2>Members &lt;i&gt;only&lt;/i&gt;</h2>', $html );
		$link = $this->link( $html );
		$this->assertSame( 'Widget sign-in', $link['text'] );
		$this->assertSame( wp_login_url( home_url( '/w/' ) ), html_entity_decode( $link['href'] ) );

		$widget = new LoginButtonWidget();
		$saved  = $widget->update(
			array(
				'title'             => '<script>x</script>Title',
				'button_text'       => '<b>Go</b>',
				'redirect_to'       => '//evil.example',
				'logged_in_display' => 'everything',
			),
			array()
		);
		$this->assertSame( 'Title', $saved['title'] );
		$this->assertSame( 'Go', $saved['button_text'] );
		$this->assertSame( '', $saved['redirect_to'] );
		$this->assertSame( 'user_info', $saved['logged_in_display'] );

		update_option( 'workos_staging', array() );
		ob_start();
		the_widget( LoginButtonWidget::class, array( 'title' => 'Hidden' ) );
		$this->assertSame( '', (string) ob_get_clean(), 'not configured: no widget at all, not even its title' );
	}

	public function test_widget_form_escapes_stored_values(): void {
		$widget = new LoginButtonWidget();
		$widget->_set( 2 );
		ob_start();
		$widget->form( array( 'title' => '"><script>alert(1)</script>' ) );
		$form = (string) ob_get_clean();
		$this->assertStringNotContainsString( '<script>', $form );
		$this->assertStringContainsString( '&quot;&gt;&lt;script&gt;', $form );
	}
}
