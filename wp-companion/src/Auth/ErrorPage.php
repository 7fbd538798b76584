<?php
/**
 * The page a failed sign-in ends on: a real HTML page with the reason, a way back to the login
 * and, when the site allows it, to the password form (never a white screen, never cached).
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Auth;

use WorkOSCompanion\Config\Config;
use WP_Error;

defined( 'ABSPATH' ) || exit;

final class ErrorPage {
	/** Statuses the page may answer with; anything else becomes 403. */
	private const STATUSES = array( 400, 401, 403, 404, 409, 410, 429, 500, 502, 503, 504 );

	/** Sends the page and ends the request. */
	public static function render( WP_Error $error ): void {
		if ( ! headers_sent() ) {
			status_header( self::status( $error ) );
			NoCache::send();
			header( 'Content-Type: text/html; charset=' . get_option( 'blog_charset', 'UTF-8' ) );
			header( 'X-Robots-Tag: noindex, nofollow' );
			header( 'X-Frame-Options: DENY' );
			header( "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'" );
		}
		echo self::html( $error ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped piece by piece in html().
		exit;
	}

	public static function status( WP_Error $error ): int {
		$data   = $error->get_error_data();
		$status = is_array( $data ) ? (int) ( $data['status'] ?? 0 ) : 0;
		return in_array( $status, self::STATUSES, true ) ? $status : 403;
	}

	public static function fallback_url(): string {
		return add_query_arg( 'fallback', '1', wp_login_url() );
	}

	public static function html( WP_Error $error ): string {
		$message = $error->get_error_message();
		if ( '' === $message ) {
			$message = __( 'Something went wrong while signing you in. Please try again.', 'workos-companion' );
		}
		$data       = $error->get_error_data();
		$request_id = is_array( $data ) ? (string) ( $data['request_id'] ?? '' ) : '';
		$site       = get_bloginfo( 'name' );
		$fallback   = wp_validate_boolean( Config::get( 'allow_password_fallback' ) );

		$links = '<a class="button primary" id="workos-back-to-login" href="' . esc_url( wp_login_url() ) . '">' . esc_html__( 'Back to login', 'workos-companion' ) . '</a>';
		if ( $fallback ) {
			$links .= '<a class="button" id="workos-password-fallback" href="' . esc_url( self::fallback_url() ) . '">' . esc_html__( 'Sign in with a password', 'workos-companion' ) . '</a>';
		}
		$details = sprintf(
			/* translators: %s: an error code such as workos_invalid_state */
			esc_html__( 'Error code: %s', 'workos-companion' ),
			'<code>' . esc_html( (string) $error->get_error_code() ) . '</code>'
		);
		if ( '' !== $request_id ) {
			$details .= ' &middot; ' . sprintf(
				/* translators: %s: WorkOS's request id */
				esc_html__( 'WorkOS request: %s', 'workos-companion' ),
				'<code>' . esc_html( $request_id ) . '</code>'
			);
		}

		return '<!DOCTYPE html>
<html ' . get_language_attributes() . '>
<head>
<meta charset="' . esc_attr( get_option( 'blog_charset', 'UTF-8' ) ) . '">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>' . esc_html(
			sprintf(
				/* translators: %s: site name */
				__( 'Sign-in failed · %s', 'workos-companion' ),
				$site
			)
		) . '</title>
<style>
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f0f0f1;color:#1d2327;font:15px/1.55 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Oxygen-Sans,Ubuntu,Cantarell,"Helvetica Neue",sans-serif}
main{width:100%;max-width:480px;margin:24px;background:#fff;border:1px solid #dcdcde;border-radius:8px;padding:32px;box-shadow:0 1px 3px rgba(0,0,0,.04)}
.site{margin:0 0 18px;font-size:13px;font-weight:600;letter-spacing:.03em;text-transform:uppercase;color:#646970}
h1{margin:0 0 12px;font-size:21px;line-height:1.3}
.message{margin:0 0 22px;padding:12px 14px;border-left:4px solid #d63638;background:#fcf0f1}
.actions{display:flex;flex-wrap:wrap;gap:10px}
.button{display:inline-block;padding:9px 16px;border:1px solid #2271b1;border-radius:4px;color:#2271b1;text-decoration:none;font-weight:600}
.button.primary{background:#2271b1;color:#fff}
.button:focus,.button:hover{background:#135e96;border-color:#135e96;color:#fff}
.details{margin:22px 0 0;font-size:12px;color:#646970}
code{font-size:12px}
</style>
</head>
<body class="workos-error-page">
<main role="main">
<p class="site">' . esc_html( $site ) . '</p>
<h1>' . esc_html__( 'We could not sign you in', 'workos-companion' ) . '</h1>
<p class="message" id="workos-error-message">' . esc_html( $message ) . '</p>
<p class="actions">' . $links . '</p>
<p class="details">' . $details . '</p>
</main>
</body>
</html>
';
	}
}
