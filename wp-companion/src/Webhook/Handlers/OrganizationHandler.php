<?php
/**
 * organization.created / updated / deleted → the local cache {prefix}workos_organizations
 * (seed spec §4.3, §8.2): created/updated upsert name, slug (collisions get -2, -3...) and domains,
 * a new organization is linked to the current site as primary; deleted removes the row with its
 * memberships and site links (WordPress roles are left as they are).
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Webhook\Handlers;

use WorkOSCompanion\Organization\OrganizationRepository;
use WorkOSCompanion\Webhook\HandlerResult;

defined( 'ABSPATH' ) || exit;

final class OrganizationHandler {
	/** @param array<string,mixed> $event */
	public function handle( string $action, array $event ): HandlerResult {
		$data = (array) $event['data'];
		$id   = is_string( $data['id'] ?? null ) ? trim( $data['id'] ) : '';
		if ( '' === $id ) {
			return HandlerResult::failed( 'missing_organization_id' );
		}
		$ids = array( 'organization' => $id );
		if ( 'deleted' === $action ) {
			return OrganizationRepository::delete( $id )
				? HandlerResult::applied( 'organization_deleted', $ids )
				: HandlerResult::skipped( 'organization_not_cached', $ids );
		}
		if ( ! in_array( $action, array( 'created', 'updated' ), true ) ) {
			return HandlerResult::skipped( 'unsupported_action', $ids );
		}
		if ( ! is_string( $data['name'] ?? null ) || '' === trim( $data['name'] ) ) {
			return HandlerResult::failed( 'missing_organization_name', $ids );
		}
		return OrganizationRepository::upsert( $data ) > 0
			? HandlerResult::applied( 'organization_saved', $ids )
			: HandlerResult::failed( 'organization_not_saved', $ids );
	}
}
