package io.growstack.cli;

import com.hashicorp.cdktf.App;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code growstack} command line. cdktf's {@code cdktf.json} runs it with {@code synth}.
 *
 * <p>Your own project's main can hand its program over, so the same commands work on it:
 * {@code System.exit(Main.run(MyStacks::define, args))}.
 */
@Command(name = "growstack", mixinStandardHelpOptions = true, version = "growstack 0.1.0",
        description = "Synthesize and explain growstack stacks.",
        subcommands = {SynthCommand.class, ReviewCommand.class, CostCommand.class, DiagramCommand.class,
                VerifyCommand.class, TunnelCommand.class, DeliveryFilesCommand.class})
public final class Main implements Runnable {
    private static final StackWalker CALLER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private final Consumer<App> program;
    private final Class<?> mainClass;

    private Main(Consumer<App> program, Class<?> mainClass) {
        this.program = program;
        this.mainClass = mainClass;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line on the repository's examples and returns its exit status. */
    public static int run(String... args) {
        return new CommandLine(new Main(null, Main.class)).execute(args);
    }

    /** Runs the command line with {@code program} as what {@code synth} synthesizes. */
    public static int run(Consumer<App> program, String... args) {
        return new CommandLine(new Main(program, CALLER.getCallerClass())).execute(args);
    }

    /** The program given to {@link #run(Consumer, String...)}, or null to pick an example. */
    Consumer<App> program() {
        return program;
    }

    /** The class whose {@code main} started this run: what {@code synth} re-runs in a child JVM under cdktf. */
    Class<?> mainClass() {
        return mainClass;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
