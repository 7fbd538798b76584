<?php
/**
 * The WorkOS API over wp_remote_request (no SDK): API-key auth, JSON in and out, and every failure
 * turned into a WP_Error that keeps WorkOS's code, message, HTTP status and request id.
 *
 * The base URL is Config::api_base_url(): https://api.workos.com unless a constant or the option
 * points elsewhere (the sandbox's emulator).
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\WorkOS;

use WorkOSCompanion\Config\Config;
use WP_Error;

defined( 'ABSPATH' ) || exit;

final class Client {
	/** @var string */
	private $base_url;
	/** @var string */
	private $api_key;
	/** @var string */
	private $client_id;
	/** @var int */
	private $timeout;
	/** @var string The Date header of the last answer ('' when none): diagnostics measure clock skew with it. */
	private $last_date = '';

	public function __construct( string $base_url, string $api_key, string $client_id, int $timeout = 15 ) {
		$this->base_url  = untrailingslashit( $base_url );
		$this->api_key   = $api_key;
		$this->client_id = $client_id;
		$this->timeout   = $timeout;
	}

	/** A client for an environment's credentials (the active environment by default). */
	public static function for_environment( ?string $env = null ): self {
		return new self(
			Config::api_base_url()[0],
			(string) Config::get( 'api_key', $env ),
			(string) Config::get( 'client_id', $env )
		);
	}

	public function base_url(): string {
		return $this->base_url;
	}

	public function client_id(): string {
		return $this->client_id;
	}

	/** The `Date` header of the last answer of request(), '' when it had none or failed. */
	public function last_date(): string {
		return $this->last_date;
	}

	/**
	 * @param array<string,mixed>      $query Query parameters (arrays become repeated brackets).
	 * @param array<string,mixed>|null $body  JSON body.
	 * @param array<string,string>     $headers Extra headers.
	 * @return array<string,mixed>|WP_Error The decoded answer ([] for an empty body).
	 */
	public function request( string $method, string $path, array $query = array(), ?array $body = null, array $headers = array() ) {
		$url = $this->base_url . $path;
		if ( $query ) {
			$url .= '?' . http_build_query( $query, '', '&', PHP_QUERY_RFC3986 );
		}
		$headers = array_merge(
			array(
				'Authorization' => 'Bearer ' . $this->api_key,
				'Accept'        => 'application/json',
				'User-Agent'    => 'workos-wordpress-companion/' . WORKOS_COMPANION_VERSION,
			),
			$headers
		);
		$args = array(
			'method'      => $method,
			'headers'     => $headers,
			'timeout'     => $this->timeout,
			'redirection' => 0,
		);
		if ( null !== $body ) {
			$args['headers']['Content-Type'] = 'application/json';
			$args['body']                    = wp_json_encode( (object) $body );
		}
		$response        = wp_remote_request( $url, $args );
		$date            = is_wp_error( $response ) ? '' : wp_remote_retrieve_header( $response, 'date' );
		$this->last_date = is_array( $date ) ? (string) reset( $date ) : (string) $date;
		if ( is_wp_error( $response ) ) {
			return new WP_Error(
				'workos_unreachable',
				/* translators: %s: the transport error */
				sprintf( __( 'WorkOS could not be reached: %s', 'workos-companion' ), $response->get_error_message() ),
				array( 'status' => 503 )
			);
		}
		return self::decode( $response );
	}

	/**
	 * @param array<string,mixed>|WP_Error $response A wp_remote_* response.
	 * @return array<string,mixed>|WP_Error
	 */
	private static function decode( $response ) {
		$status     = (int) wp_remote_retrieve_response_code( $response );
		$raw        = (string) wp_remote_retrieve_body( $response );
		$request_id = (string) wp_remote_retrieve_header( $response, 'x-request-id' );
		$data       = '' === $raw ? array() : json_decode( $raw, true );
		if ( $status >= 200 && $status < 300 ) {
			if ( ! is_array( $data ) ) {
				return new WP_Error( 'workos_invalid_response', __( 'WorkOS answered with something that is not JSON.', 'workos-companion' ), array( 'status' => 502 ) );
			}
			return $data;
		}
		$data = is_array( $data ) ? $data : array();
		// Shape A {code, message}, shape B {error, error_description}, or a bare {message}.
		$code    = (string) ( $data['code'] ?? $data['error'] ?? 'workos_http_' . $status );
		$message = (string) ( $data['message'] ?? $data['error_description'] ?? '' );
		if ( '' === $message ) {
			/* translators: %d: HTTP status */
			$message = sprintf( __( 'WorkOS answered HTTP %d.', 'workos-companion' ), $status );
		}
		$extra = array(
			'status'     => $status,
			'body'       => $data,
			'request_id' => $request_id,
		);
		$retry_after = wp_remote_retrieve_header( $response, 'retry-after' );
		if ( '' !== (string) $retry_after ) {
			$extra['retry_after'] = (int) $retry_after;
		}
		return new WP_Error( $code, $message, $extra );
	}

	// ------------------------------------------------------------------ authentication

	/**
	 * POST /user_management/authenticate with this client's credentials.
	 *
	 * @param array<string,mixed> $grant grant_type and its fields.
	 * @return array<string,mixed>|WP_Error
	 */
	public function authenticate( array $grant ) {
		$grant['client_id']     = $this->client_id;
		$grant['client_secret'] = $this->api_key;
		return $this->request( 'POST', '/user_management/authenticate', array(), $grant );
	}

	/** @return array<string,mixed>|WP_Error */
	public function authenticate_with_code( string $code, string $ip = '', string $user_agent = '' ) {
		return $this->authenticate( array_filter( array( 'grant_type' => 'authorization_code', 'code' => $code, 'ip_address' => $ip, 'user_agent' => $user_agent ) ) );
	}

	/** @return array<string,mixed>|WP_Error */
	public function authenticate_with_password( string $email, string $password, string $ip = '', string $user_agent = '' ) {
		return $this->authenticate(
			array_filter(
				array(
					'grant_type' => 'password',
					'email'      => $email,
					'password'   => $password,
					'ip_address' => $ip,
					'user_agent' => $user_agent,
				),
				static function ( $v ) {
					return '' !== $v;
				}
			)
		);
	}

	/** @return array<string,mixed>|WP_Error */
	public function authenticate_with_organization_selection( string $pending_token, string $organization_id ) {
		return $this->authenticate(
			array(
				'grant_type'                   => 'urn:workos:oauth:grant-type:organization-selection',
				'pending_authentication_token' => $pending_token,
				'organization_id'              => $organization_id,
			)
		);
	}

	/** @return array<string,mixed>|WP_Error */
	public function authenticate_with_refresh_token( string $refresh_token, string $organization_id = '' ) {
		return $this->authenticate( array_filter( array( 'grant_type' => 'refresh_token', 'refresh_token' => $refresh_token, 'organization_id' => $organization_id ) ) );
	}

	/**
	 * The AuthKit sign-in URL the browser is sent to.
	 *
	 * @param array<string,string> $params redirect_uri, state and optional organization_id, screen_hint, login_hint.
	 */
	public function authorization_url( array $params ): string {
		$params = array_merge(
			array(
				'client_id'     => $this->client_id,
				'response_type' => 'code',
				'provider'      => 'authkit',
			),
			array_filter( $params )
		);
		if ( ! empty( $params['organization_id'] ) ) {
			// organization_id is a connection selector of its own: exactly one may be given.
			unset( $params['provider'] );
		}
		return $this->base_url . '/user_management/authorize?' . http_build_query( $params, '', '&', PHP_QUERY_RFC3986 );
	}

	/** @return array<string,mixed>|WP_Error An empty array on success. */
	public function revoke_session( string $session_id ) {
		return $this->request( 'POST', '/user_management/sessions/revoke', array(), array( 'session_id' => $session_id ) );
	}

	// ------------------------------------------------------------------------ resources

	/** @return array<string,mixed>|WP_Error */
	public function get_user( string $id ) {
		return $this->request( 'GET', '/user_management/users/' . rawurlencode( $id ) );
	}

	/** @return array<string,mixed>|WP_Error */
	public function get_organization( string $id ) {
		return $this->request( 'GET', '/organizations/' . rawurlencode( $id ) );
	}

	/**
	 * GET /organizations: one page of the list envelope {data, list_metadata:{before, after}}.
	 *
	 * @param array<string,mixed> $query limit (1–100), after, before, order, search, domains.
	 * @return array<string,mixed>|WP_Error
	 */
	public function list_organizations( array $query = array() ) {
		return $this->request( 'GET', '/organizations', $query );
	}

	/**
	 * @param string[] $statuses Membership statuses (WorkOS returns only active ones by default).
	 * @return array<string,mixed>|WP_Error The list envelope.
	 */
	public function list_memberships( string $user_id, string $organization_id = '', array $statuses = array() ) {
		return $this->request(
			'GET',
			'/user_management/organization_memberships',
			array_filter(
				array(
					'user_id'         => $user_id,
					'organization_id' => $organization_id,
					'statuses'        => $statuses,
					'limit'           => 100,
				)
			)
		);
	}

	/** @return array<string,mixed>|WP_Error */
	public function create_membership( string $user_id, string $organization_id, string $role_slug = '' ) {
		return $this->request(
			'POST',
			'/user_management/organization_memberships',
			array(),
			array_filter(
				array(
					'user_id'         => $user_id,
					'organization_id' => $organization_id,
					'role_slug'       => $role_slug,
				)
			)
		);
	}

	/**
	 * GET /sso/jwks/{client_id} (no API key needed, none sent).
	 *
	 * @return array<string,mixed>|WP_Error
	 */
	public function jwks() {
		$response = wp_remote_get(
			$this->base_url . '/sso/jwks/' . rawurlencode( $this->client_id ),
			array(
				'timeout'     => $this->timeout,
				'redirection' => 0,
				'headers'     => array( 'Accept' => 'application/json' ),
			)
		);
		if ( is_wp_error( $response ) ) {
			return new WP_Error( 'workos_unreachable', sprintf( /* translators: %s: the transport error */ __( 'WorkOS could not be reached: %s', 'workos-companion' ), $response->get_error_message() ), array( 'status' => 503 ) );
		}
		return self::decode( $response );
	}

	/**
	 * POST /audit_logs/events with an Idempotency-Key so a retried send is recorded once.
	 *
	 * @param array<string,mixed> $event The audit event (action, occurred_at, actor, targets, context...).
	 * @return array<string,mixed>|WP_Error
	 */
	public function create_audit_event( string $organization_id, array $event, string $idempotency_key ) {
		return $this->request(
			'POST',
			'/audit_logs/events',
			array(),
			array(
				'organization_id' => $organization_id,
				'event'           => $event,
			),
			array( 'Idempotency-Key' => $idempotency_key )
		);
	}
}
