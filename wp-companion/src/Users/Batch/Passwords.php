<?php
/**
 * The random passwords of the users a batch creates, hashed before the batch takes its lock.
 *
 * Nobody ever learns these passwords (the users sign in through WorkOS, or set one through
 * WordPress's reset), but WordPress's hash of each costs ~2 ms of CPU (phpass, 8,192 MD5
 * rounds): most of a batch's time. It needs nothing from the database, so it is done outside the
 * lock that runs batches one at a time, and concurrent batches hash on every core.
 *
 * @package WorkOSCompanion
 */

namespace WorkOSCompanion\Users\Batch;

defined( 'ABSPATH' ) || exit;

final class Passwords {
	/**
	 * @param array<int,array<string,mixed>> $steps A plan (BatchPlanner::plan()).
	 * @return array<int,array{password:string,password_hash:string}> By operation index, for the
	 *                                                                 creates the plan runs.
	 */
	public static function for_plan( array $steps ): array {
		$out = array();
		foreach ( $steps as $step ) {
			if ( $step['run'] && Operations::CREATE === $step['op'] ) {
				$password              = wp_generate_password( 64, true, true );
				$out[ $step['index'] ] = array(
					'password'      => $password,
					'password_hash' => wp_hash_password( $password ),
				);
			}
		}
		return $out;
	}
}
