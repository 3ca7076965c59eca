/**
 * Terraform as the referee of synthesized stacks: {@code init} from a local provider mirror,
 * {@code validate}, and an offline {@code plan} with mock credentials and every endpoint at a dead
 * port. Used by {@code growstack verify} and by the test suite (one copy of the logic). Reads
 * JSON only; no cdktf here.
 */
package io.growstack.terraform;
