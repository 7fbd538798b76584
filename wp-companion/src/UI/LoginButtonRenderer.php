<?php
/**
 * The login button's HTML (seed spec §12). Logged-out visitors get a link to the sign-in page,
 * wp_login_url(redirect_to): in redirect mode wp-login.php sends them on to WorkOS, in headless
 * mode it shows the form. Logged-in visitors see who they are and a sign-out link (or only the
 * link, or nothing, per logged_in_display). Every value is escaped where it is printed.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\UI;

use WorkOSCompanion\Config\Config;

defined( 'ABSPATH' ) || exit;

final class LoginButtonRenderer {
	public const STYLE_HANDLE = 'workos-login-button';

	/** @var bool True while the block-renderer REST route runs. */
	private static $preview = false;

	/**
	 * @param array<string,mixed> $raw Attributes from any of the three entry points.
	 */
	public static function render( array $raw ): string {
		$attrs   = LoginButtonAttributes::normalize( $raw );
		$preview = self::is_preview();
		if ( ! Config::is_enabled() ) {
			if ( $preview && current_user_can( 'edit_posts' ) ) {
				return '<div class="workos-login-button workos-login-button--unconfigured"><em>' . esc_html__( 'WorkOS is not configured on this site: visitors will not see the login button.', 'workos-companion' ) . '</em></div>';
			}
			return '';
		}
		wp_enqueue_style( self::STYLE_HANDLE );
		if ( is_user_logged_in() && ! $preview ) {
			return self::logged_in( $attrs, wp_get_current_user() );
		}
		return self::logged_out( $attrs );
	}

	/**
	 * Marks the block editor's server-side preview (REST block-renderer route) while it runs.
	 *
	 * @param mixed            $response What the callbacks return so far.
	 * @param mixed            $handler  The route handler.
	 * @param \WP_REST_Request $request  The request.
	 * @return mixed The response, unchanged.
	 */
	public static function track_preview( $response, $handler, $request ) {
		if ( $request instanceof \WP_REST_Request && 0 === strpos( $request->get_route(), '/wp/v2/block-renderer/' ) ) {
			self::$preview = 'rest_request_before_callbacks' === current_filter();
		}
		return $response;
	}

	/** In REST (the editor's preview) the button always shows its logged-out state, as the reference. */
	private static function is_preview(): bool {
		return self::$preview || ( defined( 'REST_REQUEST' ) && REST_REQUEST );
	}

	/** @param array<string,mixed> $attrs Normalized attributes. */
	private static function logged_out( array $attrs ): string {
		$mode  = 'auto' === $attrs['mode'] ? (string) Config::get( 'login_mode' ) : $attrs['mode'];
		$label = '' !== $attrs['button_text'] ? $attrs['button_text'] : __( 'Sign in', 'workos-companion' );
		$link  = sprintf(
			'<a class="%1$s" href="%2$s"%3$s>%4$s<span class="workos-login-button__label">%5$s</span></a>',
			esc_attr( 'workos-login-button__link ' . self::button_classes( $attrs ) ),
			esc_url( wp_login_url( $attrs['redirect_to'] ) ),
			self::style_attribute( $attrs ),
			$attrs['show_icon'] ? self::icon() : '',
			esc_html( $label )
		);
		$extra = '';
		if ( $attrs['show_registration'] && get_option( 'users_can_register' ) ) {
			$text   = '' !== $attrs['registration_text'] ? $attrs['registration_text'] : __( 'Create account', 'workos-companion' );
			$extra .= ' <a class="workos-login-button__register" href="' . esc_url( wp_registration_url() ) . '">' . esc_html( $text ) . '</a>';
		}
		if ( $attrs['show_password_fallback'] && Config::get( 'allow_password_fallback' ) ) {
			$text   = '' !== $attrs['password_fallback_text'] ? $attrs['password_fallback_text'] : __( 'Sign in with password', 'workos-companion' );
			$extra .= ' <a class="workos-login-button__fallback" href="' . esc_url( add_query_arg( 'fallback', '1', wp_login_url( $attrs['redirect_to'] ) ) ) . '">' . esc_html( $text ) . '</a>';
		}
		return self::wrap( $attrs, 'logged-out', $link . $extra, in_array( $mode, LoginButtonAttributes::ENUMS['mode'], true ) ? $mode : 'redirect' );
	}

	/** @param array<string,mixed> $attrs Normalized attributes. */
	private static function logged_in( array $attrs, \WP_User $user ): string {
		if ( 'hide' === $attrs['logged_in_display'] ) {
			return '';
		}
		$text   = '' !== $attrs['logout_text'] ? $attrs['logout_text'] : __( 'Sign out', 'workos-companion' );
		$target = '' !== $attrs['redirect_to'] ? $attrs['redirect_to'] : home_url( '/' );
		$logout = sprintf(
			'<a class="%1$s" href="%2$s"%3$s><span class="workos-login-button__label">%4$s</span></a>',
			esc_attr( 'workos-login-button__logout ' . self::button_classes( $attrs ) ),
			esc_url( wp_logout_url( $target ) ),
			self::style_attribute( $attrs ),
			esc_html( $text )
		);
		$who = '';
		if ( 'user_info' === $attrs['logged_in_display'] ) {
			$avatar = get_option( 'show_avatars' ) ? get_avatar( $user, 32, '', '', array( 'class' => 'workos-login-button__avatar' ) ) : '';
			$who    = '<span class="workos-login-button__user">' . ( $avatar ? $avatar . ' ' : '' ) . sprintf(
				/* translators: %s: the signed-in user's display name */
				esc_html__( 'Signed in as %s', 'workos-companion' ),
				'<strong class="workos-login-button__name">' . esc_html( $user->display_name ) . '</strong>'
			) . '</span> ';
		}
		return self::wrap( $attrs, 'logged-in', $who . $logout, '' );
	}

	/** @param array<string,mixed> $attrs Normalized attributes. */
	private static function wrap( array $attrs, string $state, string $inner, string $mode ): string {
		$classes = trim( 'workos-login-button workos-login-button--align-' . $attrs['alignment'] . ' is-' . $state . ' ' . $attrs['class'] );
		return sprintf(
			'<div class="%1$s" data-workos-state="%2$s"%3$s>%4$s</div>',
			esc_attr( $classes ),
			esc_attr( $state ),
			'' !== $mode ? ' data-workos-mode="' . esc_attr( $mode ) . '"' : '',
			$inner // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- built from escaped parts above.
		);
	}

	/**
	 * Size and style classes. Buttons (not the "link" style) also get wp-element-button, the class
	 * block themes use for buttons, so the theme's link colours leave them alone.
	 *
	 * @param array<string,mixed> $attrs Normalized attributes.
	 */
	private static function button_classes( array $attrs ): string {
		$classes = 'workos-login-button--' . $attrs['size'] . ' workos-login-button--' . $attrs['style'];
		return 'link' === $attrs['style'] ? $classes : $classes . ' wp-element-button';
	}

	/** @param array<string,mixed> $attrs Normalized attributes (colours are hex, radius digits). */
	private static function style_attribute( array $attrs ): string {
		$rules = array();
		if ( '' !== $attrs['bg_color'] ) {
			$rules[] = 'background-color:' . $attrs['bg_color'];
		}
		if ( '' !== $attrs['text_color'] ) {
			$rules[] = 'color:' . $attrs['text_color'];
		}
		if ( '' !== $attrs['border_color'] ) {
			$rules[] = 'border-color:' . $attrs['border_color'];
		}
		if ( '' !== $attrs['border_radius'] ) {
			$rules[] = 'border-radius:' . $attrs['border_radius'] . 'px';
		}
		return $rules ? ' style="' . esc_attr( implode( ';', $rules ) ) . '"' : '';
	}

	private static function icon(): string {
		return '<svg class="workos-login-button__icon" aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 24 24"><rect x="5" y="11" width="14" height="10" rx="2" fill="currentColor"/><path d="M8 11V7a4 4 0 0 1 8 0v4" fill="none" stroke="currentColor" stroke-width="2"/></svg>';
	}
}
