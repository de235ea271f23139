package io.newswire.app;

import java.util.List;
import io.newswire.common.NewswireConfig;
import io.newswire.common.Setting;

/** One subcommand of the launcher. */
interface Command {

    String name();

    /** One line for the command list. */
    String summary();

    /** The settings the command reads; its {@code --help} lists them, and flags must name one. */
    List<Setting<?>> settings();

    /** The full {@code --help} text, without the settings. */
    String help();

    /** The subcommands and their arguments, one line each, for the top-level help (none by default). */
    default List<String> subcommands() {
        return List.of();
    }

    /** @return the process exit code */
    int execute(Args args, NewswireConfig config) throws Exception;
}
