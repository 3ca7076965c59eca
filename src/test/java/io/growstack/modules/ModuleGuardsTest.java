package io.growstack.modules;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.growstack.compute.Server;
import io.growstack.compute.ServerProps;
import io.growstack.core.Variable;
import io.growstack.testing.TestStacks;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Generation refuses a module that would ship a stand-in value or a variable that does nothing. */
class ModuleGuardsTest {
    private static ModuleDefinition module(Consumer<ModuleContext> define, boolean standIns) {
        return new ModuleDefinition() {
            @Override
            public String name() {
                return "guarded";
            }

            @Override
            public String summary() {
                return "A module the guards must refuse.";
            }

            @Override
            public String design() {
                return "None.";
            }

            @Override
            public void define(ModuleContext module) {
                define.accept(module);
            }

            @Override
            public boolean hasStandIns() {
                return standIns;
            }
        };
    }

    @Test
    void aStandInValueLeftInTheModuleFailsGeneration() {
        // No image variable: the module would ship the generator's pinned stand-in image id.
        ModuleDefinition definition = module(m -> new Server(m.stack(), "server",
                ServerProps.builder(m.importedNetwork()).build()), false);
        assertThatThrownBy(() -> ModuleGenerator.synthesize(definition, TestStacks.freshDir("guard-stand-in")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("module guarded: main.tf.json still holds the stand-in '"
                        + ModuleContext.AMIS.get(io.growstack.core.Architecture.ARM64) + "'");
    }

    @Test
    void aSubstitutionThatMatchesNothingFailsGeneration() {
        ModuleDefinition definition = module(m -> {
            m.variable(Variable.builder("instance_type", "string").description("Unused").defaultValue("t3.nano"));
            m.substituteWhole("t3.nano", "var.instance_type");
            m.imageVariable(io.growstack.core.Architecture.ARM64);
            new Server(m.stack(), "server", ServerProps.builder(m.importedNetwork()).build());
        }, false);
        assertThatThrownBy(() -> ModuleGenerator.synthesize(definition, TestStacks.freshDir("guard-unused")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the stand-in 't3.nano' for ${var.instance_type} occurs nowhere");
    }

    @Test
    void aReferenceToALeftOutStandInFailsGeneration() {
        ModuleDefinition definition = module(m -> {
            Server peer = new Server(m.stack(), "peer", ServerProps.builder(m.importedNetwork()).build());
            m.standInsBuilt();
            m.output("peer_id", peer.instanceId(), "The left-out peer's id, which no variable stands for");
        }, true);
        assertThatThrownBy(() -> ModuleGenerator.synthesize(definition, TestStacks.freshDir("guard-left-out")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outputs.tf.json still holds the stand-in 'aws_instance.peer_instance.'");
    }
}
