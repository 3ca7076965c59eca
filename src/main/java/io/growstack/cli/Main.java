package io.growstack.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code growstack} command line. cdktf's {@code cdktf.json} runs it with {@code synth}.
 */
@Command(name = "growstack", mixinStandardHelpOptions = true, version = "growstack 0.1.0",
        description = "Synthesize and explain growstack stacks.",
        subcommands = {SynthCommand.class})
public final class Main implements Runnable {

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status. */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
