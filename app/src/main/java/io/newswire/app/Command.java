package io.newswire.app;

import io.newswire.common.NewswireConfig;

/** One subcommand of the launcher. */
interface Command {

    String name();

    /** One line for the command list. */
    String summary();

    /** The full {@code --help} text. */
    String help();

    /** @return the process exit code */
    int execute(Args args, NewswireConfig config) throws Exception;
}
