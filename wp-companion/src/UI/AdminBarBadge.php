<?php
/**
 * The admin-bar badge with the active WorkOS environment (seed spec §13.2), for users who can
 * manage options, in wp-admin and on the front end: node workos-environment in the right-hand
 * group, class workos-env-{production|staging}; production and staging in clearly different
 * colours, "not configured" in grey when the active environment lacks its credentials.
 *
 * The settings screens live in the desktop console, so the badge links nowhere; its tooltip
 * says where the environment is managed.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\UI;

use WorkOSCompanion\Config\Config;

defined( 'ABSPATH' ) || exit;

final class AdminBarBadge {
	public const NODE = 'workos-environment';

	public function register(): void {
		add_action( 'admin_bar_menu', array( self::class, 'add_node' ), 100 );
		add_action( 'wp_enqueue_scripts', array( self::class, 'add_style' ) );
		add_action( 'admin_enqueue_scripts', array( self::class, 'add_style' ) );
	}

	/** @param \WP_Admin_Bar $bar The admin bar being built. */
	public static function add_node( $bar ): void {
		if ( ! $bar instanceof \WP_Admin_Bar || ! current_user_can( 'manage_options' ) ) {
			return;
		}
		list( $env, $source ) = Config::active_environment();
		if ( Config::is_enabled( $env ) ) {
			$state = $env;
			$title = 'production' === $env
				? __( 'WorkOS: Production', 'workos-companion' )
				: __( 'WorkOS: Staging', 'workos-companion' );
			$tip   = 'constant' === $source
				? __( 'Active WorkOS environment, locked by WORKOS_ENVIRONMENT in wp-config.php.', 'workos-companion' )
				: __( 'Active WorkOS environment. Switch it in the WorkOS Console.', 'workos-companion' );
		} else {
			$state = 'unconfigured';
			$title = __( 'WorkOS: not configured', 'workos-companion' );
			$tip   = __( 'WorkOS sign-in is off: the active environment has no API key, client ID or environment ID. Set them in the WorkOS Console.', 'workos-companion' );
		}
		$bar->add_node(
			array(
				'id'     => self::NODE,
				'parent' => 'top-secondary',
				'title'  => esc_html( $title ),
				'href'   => false,
				'meta'   => array(
					'class' => 'workos-env-' . $state,
					'title' => $tip,
				),
			)
		);
	}

	public static function add_style(): void {
		if ( is_admin_bar_showing() && current_user_can( 'manage_options' ) ) {
			wp_add_inline_style( 'admin-bar', self::css() );
		}
	}

	/** Production green, staging amber (dark text for contrast), not configured grey. */
	public static function css(): string {
		$colors = array(
			'production'   => array( '#008a20', '#fff' ),
			'staging'      => array( '#dba617', '#1d2327' ),
			'unconfigured' => array( '#646970', '#fff' ),
		);
		$css = '';
		foreach ( $colors as $state => $pair ) {
			$css .= sprintf(
				'#wpadminbar .workos-env-%1$s > .ab-item,#wpadminbar .workos-env-%1$s:hover > .ab-item,#wpadminbar .workos-env-%1$s > .ab-item:focus{background:%2$s;color:%3$s;font-weight:700;font-size:11px;letter-spacing:.02em;}',
				$state,
				$pair[0],
				$pair[1]
			);
		}
		return $css;
	}
}
