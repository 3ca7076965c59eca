/**
 * Terraform modules generated from the blocks, for teams that write Terraform rather than Java:
 * each {@link io.growstack.modules.ModuleDefinition} builds one block in a module stack whose
 * settings are Terraform variables, and {@link io.growstack.modules.ModuleGenerator} writes
 * {@code modules/<name>/} and the root template {@code main.tf.json.tmpl}.
 *
 * <p>Sits above the blocks and below the command line; cdktf is reached only through core.
 */
package io.growstack.modules;
