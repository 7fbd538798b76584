<?php
/**
 * Plugin Name: Sandbox mail catcher
 * Description: The sandbox has no MTA: every wp_mail() is appended as JSON to the sandbox mail log.
 */
add_filter(
	'pre_wp_mail',
	static function ( $null, $atts ) {
		$log = defined( 'WORKOS_SANDBOX_MAIL_LOG' ) ? WORKOS_SANDBOX_MAIL_LOG : sys_get_temp_dir() . '/wp-sandbox-mail.log';
		file_put_contents( $log, wp_json_encode( $atts ) . "\n", FILE_APPEND | LOCK_EX );
		return true;
	},
	10,
	2
);
