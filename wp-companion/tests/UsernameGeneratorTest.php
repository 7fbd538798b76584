<?php
/**
 * The deterministic username of a user created from WorkOS (seed spec §3.5) and its test vectors.
 *
 * @package WorkOSCompanion
 */

use WorkOSCompanion\Sync\UsernameGenerator;

final class UsernameGeneratorTest extends WPTestCase {
	private const EMAIL = 'info@acme-widgets.com';

	/** The collision ladder of the reference's test vectors. */
	private const LADDER = array( 'info', 'info_48f25', 'info_48f257791ee0', 'info_b1dc4def5ca9', 'info_023b84c3d9b3', 'info_279339e3b346' );

	public function test_candidates_are_the_reference_vectors(): void {
		$this->assertSame( self::LADDER, UsernameGenerator::candidates( self::EMAIL ) );
	}

	public function test_each_collision_moves_one_step_down_the_ladder(): void {
		for ( $taken = 0; $taken < count( self::LADDER ); $taken++ ) {
			$busy = array_slice( self::LADDER, 0, $taken );
			$name = UsernameGenerator::generate(
				self::EMAIL,
				static function ( string $login ) use ( $busy ): bool {
					return in_array( $login, $busy, true );
				}
			);
			$this->assertSame( self::LADDER[ $taken ], $name, "with $taken taken" );
		}
	}

	public function test_the_last_candidate_is_returned_even_when_taken(): void {
		$this->assertSame(
			'info_279339e3b346',
			UsernameGenerator::generate(
				self::EMAIL,
				static function (): bool {
					return true;
				}
			)
		);
	}

	public function test_real_collision_on_the_site_uses_the_five_hex_suffix_in_two_lookups(): void {
		wp_insert_user(
			array(
				'user_login' => 'info',
				'user_email' => 'someone-else@tests.invalid',
				'user_pass'  => wp_generate_password(),
			)
		);
		$lookups = 0;
		$name    = UsernameGenerator::generate(
			self::EMAIL,
			static function ( string $login ) use ( &$lookups ): bool {
				++$lookups;
				return (bool) username_exists( $login );
			}
		);
		$this->assertSame( 'info_48f25', $name );
		$this->assertSame( 2, $lookups );
	}

	public function test_many_similar_usernames_still_cost_two_lookups(): void {
		$busy = array( 'info' );
		for ( $i = 1; $i <= 150; $i++ ) {
			$busy[] = 'info' . $i;
			$busy[] = 'info_' . $i;
		}
		$lookups = 0;
		$name    = UsernameGenerator::generate(
			self::EMAIL,
			static function ( string $login ) use ( $busy, &$lookups ): bool {
				++$lookups;
				return in_array( $login, $busy, true );
			}
		);
		$this->assertSame( 'info_48f25', $name );
		$this->assertSame( 2, $lookups );
	}

	public function test_email_is_trimmed_and_lower_cased_so_the_name_is_stable(): void {
		$this->assertSame( self::LADDER, UsernameGenerator::candidates( '  INFO@Acme-Widgets.COM ' ) );
		$this->assertSame( UsernameGenerator::generate( self::EMAIL ), UsernameGenerator::generate( self::EMAIL ) );
	}

	public function test_long_local_part_is_capped_to_47_characters(): void {
		$local = str_repeat( 'a', 65 );
		$this->assertSame( str_repeat( 'a', 47 ), UsernameGenerator::base( $local . '@example.com' ) );
		foreach ( UsernameGenerator::candidates( $local . '@example.com' ) as $candidate ) {
			$this->assertLessThanOrEqual( 60, strlen( $candidate ), 'user_login holds 60 characters' );
		}
	}

	public function test_truncated_bases_stay_distinct_through_the_hash(): void {
		$one = UsernameGenerator::candidates( str_repeat( 'b', 60 ) . 'x@example.com' );
		$two = UsernameGenerator::candidates( str_repeat( 'b', 60 ) . 'y@example.com' );
		$this->assertSame( $one[0], $two[0] );
		$this->assertNotSame( $one[1], $two[1] );
	}

	public function test_empty_or_unusable_local_part_falls_back_to_workos_user(): void {
		$this->assertSame( 'workos_user', UsernameGenerator::base( '@example.com' ) );
		$this->assertSame( 'workos_user', UsernameGenerator::base( '日本語@example.com' ) );
		$this->assertSame( 'workos_user', UsernameGenerator::generate( '@example.com', '__return_false' ) );
	}

	public function test_local_part_is_sanitized_to_strict_username_characters(): void {
		$this->assertSame( 'jose.ramirez', UsernameGenerator::base( 'José.Ramírez@example.com' ) );
		$this->assertSame( 'a-b', UsernameGenerator::base( 'a+-b<c>@example.com' ) );
	}
}
