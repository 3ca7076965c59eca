package io.growstack.cli;

import com.hashicorp.cdktf.App;
import io.growstack.core.CdktfRuntime;
import io.growstack.core.Synthesizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        description = "Synthesize and explain growstack stacks.")
public final class Main implements Runnable {
    // Subcommands by name. picocli reflects over every command class it is given, so a run builds
    // only the one it was asked for (help and unknown commands get all of them). In a holder, so
    // that main() can start cdktf's Node process before these classes load.
    private static final class Commands {
        static final Map<String, Class<?>> BY_NAME = new LinkedHashMap<>();

        static {
            for (Class<?> command : List.of(SynthCommand.class, ReviewCommand.class, CostCommand.class,
                    DiagramCommand.class, VerifyCommand.class, TunnelCommand.class, DeliveryFilesCommand.class,
                    ModulesCommand.class, InitCommand.class)) {
                BY_NAME.put(command.getAnnotation(Command.class).name(), command);
            }
        }
    }

    private static final StackWalker CALLER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private final Consumer<App> program;
    private final Class<?> mainClass;

    private Main(Consumer<App> program, Class<?> mainClass) {
        this.program = program;
        this.mainClass = mainClass;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        startNodeIfSynth(args);
        System.exit(run(args));
    }

    // A synth spends its first half second waiting for cdktf's Node process: boot it now, while
    // picocli parses and the program's classes load. (Under cdktf synth a child JVM synthesizes.)
    private static void startNodeIfSynth(String[] args) {
        if (args.length > 0 && args[0].equals("synth") && System.getenv(Synthesizer.CDKTF_OUTDIR) == null
                && Collections.disjoint(List.of(args), List.of("-h", "--help", "-V", "--version"))) {
            CdktfRuntime.startEarly();
        }
    }

    /** Runs the command line on the repository's examples and returns its exit status. */
    public static int run(String... args) {
        return commandLine(new Main(null, Main.class), args).execute(args);
    }

    /** Runs the command line with {@code program} as what {@code synth} synthesizes. */
    public static int run(Consumer<App> program, String... args) {
        startNodeIfSynth(args);
        return commandLine(new Main(program, CALLER.getCallerClass()), args).execute(args);
    }

    /** The program given to {@link #run(Consumer, String...)}, or null to pick an example. */
    Consumer<App> program() {
        return program;
    }

    /** The class whose {@code main} started this run: what {@code synth} re-runs in a child JVM under cdktf. */
    Class<?> mainClass() {
        return mainClass;
    }

    private static CommandLine commandLine(Main main, String... args) {
        CommandLine cli = new CommandLine(main);
        Class<?> only = args.length > 0 ? Commands.BY_NAME.get(args[0]) : null;
        Commands.BY_NAME.forEach((name, command) -> {
            if (only == null || only == command) {
                cli.addSubcommand(name, command);
            }
        });
        return cli;
    }

    @Override
    public void run() {
        commandLine(this).usage(System.out);
    }
}
