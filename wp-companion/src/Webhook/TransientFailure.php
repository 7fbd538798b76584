<?php
/**
 * Thrown by a handler when applying an event failed for a reason that may pass (database or
 * WorkOS unavailable): the receiver answers 503 so WorkOS delivers the event again.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Webhook;

use RuntimeException;

defined( 'ABSPATH' ) || exit;

final class TransientFailure extends RuntimeException {
}
