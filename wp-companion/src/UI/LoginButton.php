<?php
/**
 * The login button, three ways (seed spec §12): the [workos_login] shortcode (attributes label,
 * redirect_to, class and the block's attributes), the dynamic block workos/login-button
 * (block.json + a plain-JavaScript editor script, rendered on the server) and the classic widget
 * workos_login_button. The reference's [workos:login] shortcode (its custom-login shell, not in
 * our scope) renders the same button unless another feature claims that name.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\UI;

defined( 'ABSPATH' ) || exit;

final class LoginButton {
	public const SHORTCODE        = 'workos_login';
	public const LEGACY_SHORTCODE = 'workos:login';
	public const BLOCK            = 'workos/login-button';

	public function register(): void {
		add_action( 'init', array( self::class, 'register_assets_and_block' ) );
		add_action( 'init', array( self::class, 'register_shortcodes' ), 20 );
		add_action( 'widgets_init', array( self::class, 'register_widget' ) );
		add_filter( 'rest_request_before_callbacks', array( LoginButtonRenderer::class, 'track_preview' ), 10, 3 );
		add_filter( 'rest_request_after_callbacks', array( LoginButtonRenderer::class, 'track_preview' ), 10, 3 );
	}

	public static function register_assets_and_block(): void {
		wp_register_style(
			LoginButtonRenderer::STYLE_HANDLE,
			plugins_url( 'src/UI/login-button/style.css', WORKOS_COMPANION_FILE ),
			array(),
			WORKOS_COMPANION_VERSION
		);
		$type = register_block_type(
			__DIR__ . '/login-button',
			array( 'render_callback' => array( self::class, 'render_block' ) )
		);
		if ( $type && ! empty( $type->editor_script ) ) {
			wp_set_script_translations( $type->editor_script, 'workos-companion' );
		}
	}

	public static function register_shortcodes(): void {
		add_shortcode( self::SHORTCODE, array( self::class, 'render_shortcode' ) );
		if ( ! shortcode_exists( self::LEGACY_SHORTCODE ) ) {
			add_shortcode( self::LEGACY_SHORTCODE, array( self::class, 'render_shortcode' ) );
		}
	}

	public static function register_widget(): void {
		register_widget( LoginButtonWidget::class );
	}

	/**
	 * @param array<string,string>|string $atts Shortcode attributes ('' when there are none).
	 */
	public static function render_shortcode( $atts = array() ): string {
		$atts = is_array( $atts ) ? $atts : array();
		// shortcode_atts keeps only known names; label and class are the shortcode's own spellings.
		$known = array_merge( LoginButtonAttributes::DEFAULTS, array( 'label' => '' ) );
		return LoginButtonRenderer::render( shortcode_atts( $known, $atts, self::SHORTCODE ) );
	}

	/**
	 * @param array<string,mixed> $attributes Block attributes.
	 */
	public static function render_block( $attributes = array() ): string {
		return LoginButtonRenderer::render( is_array( $attributes ) ? $attributes : array() );
	}
}
