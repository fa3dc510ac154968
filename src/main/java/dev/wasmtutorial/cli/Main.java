package dev.wasmtutorial.cli;

import dev.wasmtutorial.config.BuildException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code wasm-tutorial build|serve|check}: the generator's command line. */
@Command(name = "wasm-tutorial",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Builds, checks and serves the \"Running LLM Code on the Web\" tutorial site.",
        subcommands = {BuildCommand.class, ServeCommand.class, CheckCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code for bad input (the author's to fix); 2 is picocli's usage error. */
    public static final int EXIT_BUILD_ERROR = 1;
    public static final int EXIT_INTERNAL_ERROR = 70;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: build, serve or check");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (tests call this; main exits with it). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof BuildException build) {
                err.println(build.oneLine());
                return EXIT_BUILD_ERROR;
            }
            err.println("internal error: " + ex + " (this is a bug in wasm-tutorial; the stack trace follows)");
            ex.printStackTrace(err);
            return EXIT_INTERNAL_ERROR;
        });
        // A mistyped option value deserves one line, not the whole usage text.
        cli.setParameterExceptionHandler((ex, args1) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage() + " (hint: see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return ex.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
        });
        return cli.execute(args);
    }
}
