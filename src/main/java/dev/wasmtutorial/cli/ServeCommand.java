package dev.wasmtutorial.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the built site on localhost.")
final class ServeCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("serve: not implemented yet");
        return Main.EXIT_INTERNAL_ERROR;
    }
}
