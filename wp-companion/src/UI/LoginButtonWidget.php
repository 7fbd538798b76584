<?php
/**
 * The classic widget "WorkOS Login Button" (id base workos_login_button, as the reference).
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\UI;

defined( 'ABSPATH' ) || exit;

class LoginButtonWidget extends \WP_Widget {
	/** Settings the form edits; the rest of the attributes keep their defaults. */
	private const FIELDS = array( 'title', 'button_text', 'logout_text', 'redirect_to', 'logged_in_display' );

	public function __construct() {
		parent::__construct(
			'workos_login_button',
			__( 'WorkOS Login Button', 'workos-companion' ),
			array(
				'description'           => __( 'A sign-in button for WorkOS; signed-in visitors see who they are and a sign-out link.', 'workos-companion' ),
				'classname'             => 'widget_workos_login_button',
				'show_instance_in_rest' => true,
			)
		);
	}

	/**
	 * @param array<string,mixed> $args     Sidebar arguments.
	 * @param array<string,mixed> $instance Settings.
	 */
	public function widget( $args, $instance ) {
		$instance = is_array( $instance ) ? $instance : array();
		$button   = LoginButtonRenderer::render( $instance );
		if ( '' === $button ) {
			return;
		}
		$title = apply_filters( 'widget_title', (string) ( $instance['title'] ?? '' ), $instance, $this->id_base );
		echo $args['before_widget'] ?? ''; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- the theme's markup.
		if ( '' !== $title ) {
			echo ( $args['before_title'] ?? '' ) . esc_html( $title ) . ( $args['after_title'] ?? '' ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- the theme's markup.
		}
		echo $button; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by the renderer.
		echo $args['after_widget'] ?? ''; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- the theme's markup.
	}

	/**
	 * @param array<string,mixed> $new_instance Submitted settings.
	 * @param array<string,mixed> $old_instance Stored settings.
	 * @return array<string,string>
	 */
	public function update( $new_instance, $old_instance ) {
		$new  = is_array( $new_instance ) ? $new_instance : array();
		$norm = LoginButtonAttributes::normalize( $new );
		return array(
			'title'             => sanitize_text_field( (string) ( $new['title'] ?? '' ) ),
			'button_text'       => $norm['button_text'],
			'logout_text'       => $norm['logout_text'],
			'redirect_to'       => $norm['redirect_to'],
			'logged_in_display' => $norm['logged_in_display'],
		);
	}

	/**
	 * @param array<string,mixed> $instance Stored settings.
	 */
	public function form( $instance ) {
		$instance = wp_parse_args( is_array( $instance ) ? $instance : array(), array_fill_keys( self::FIELDS, '' ) );
		$labels   = array(
			'title'       => __( 'Title:', 'workos-companion' ),
			'button_text' => __( 'Button text (default "Sign in"):', 'workos-companion' ),
			'logout_text' => __( 'Sign-out text (default "Sign out"):', 'workos-companion' ),
			'redirect_to' => __( 'After sign-in, go to (a page of this site):', 'workos-companion' ),
		);
		foreach ( $labels as $field => $label ) {
			printf(
				'<p><label for="%1$s">%2$s</label><input class="widefat" type="text" id="%1$s" name="%3$s" value="%4$s"></p>',
				esc_attr( $this->get_field_id( $field ) ),
				esc_html( $label ),
				esc_attr( $this->get_field_name( $field ) ),
				esc_attr( (string) $instance[ $field ] )
			);
		}
		$choices = array(
			'user_info' => __( 'Who is signed in and a sign-out link', 'workos-companion' ),
			'logout'    => __( 'Only a sign-out link', 'workos-companion' ),
			'hide'      => __( 'Nothing', 'workos-companion' ),
		);
		printf(
			'<p><label for="%1$s">%2$s</label> <select id="%1$s" name="%3$s">',
			esc_attr( $this->get_field_id( 'logged_in_display' ) ),
			esc_html__( 'Signed-in visitors see:', 'workos-companion' ),
			esc_attr( $this->get_field_name( 'logged_in_display' ) )
		);
		foreach ( $choices as $value => $label ) {
			printf( '<option value="%1$s"%2$s>%3$s</option>', esc_attr( $value ), selected( $instance['logged_in_display'] ?: 'user_info', $value, false ), esc_html( $label ) );
		}
		echo '</select></p>';
		return '';
	}
}
