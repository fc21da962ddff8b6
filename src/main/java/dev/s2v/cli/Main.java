package dev.s2v.cli;

import dev.s2v.config.BuildInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** The {@code s2v} command. */
@Command(
        name = "s2v",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description =
                "Vessel segmentation in Sentinel-2 L1C imagery: data, training, evaluation, inference.",
        subcommands = {
            InfoCommand.class,
            InspectCommand.class,
            TilesCommand.class,
            DatasetCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            PredictCommand.class,
            CompareCommand.class,
            BenchCommand.class,
            SynthCommand.class,
            ExploreCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Callable<Integer> {

    @Option(
            names = "--debug",
            scope = ScopeType.INHERIT,
            description = "Show stack traces of errors.")
    boolean debug;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** Runs s2v and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(
                run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs s2v with the given streams and returns the exit code (for tests). */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        ErrorReporter errors = new ErrorReporter();
        return new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .execute(args);
    }

    /** Without a subcommand there is nothing to do: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("s2v: missing command");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USER_ERROR;
    }

    static boolean debugRequested(String[] args) {
        boolean debug = false;
        for (String arg : args) {
            if (arg.equals("--debug")) {
                debug = true;
            } else if (arg.startsWith("--debug=")) {
                debug = Boolean.parseBoolean(arg.substring("--debug=".length()));
            }
        }
        return debug;
    }

    /**
     * Whether {@code --debug} was given, as picocli read it on the command or any subcommand
     * ({@code --debug}, {@code --debug=true}, before or after the subcommand's name).
     */
    static boolean debugRequested(ParseResult parsed) {
        boolean debug = false;
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--debug")) {
                debug = level.matchedOptionValue("--debug", false);
            }
        }
        return debug;
    }

    /** The version line. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"s2v " + BuildInfo.version()};
        }
    }
}
