package io.newswire.app;

import java.util.List;
import java.util.Optional;
import io.newswire.common.ConfigException;
import io.newswire.common.NewswireConfig;
import io.newswire.common.Setting;

/** Entry point: {@code newswire COMMAND [options]}. Wires configuration to the chosen command. */
public final class Main {

    private static final List<Command> COMMANDS = List.of(new RunCommand(), new IngestCommand(),
            new ProcessCommand(), new SinkCommand(), new EvalCommand(), new TrainCommand(), new BenchCommand(), new BrokerCommand());

    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(execute(argv));
    }

    /** Runs a command line and returns the exit code: 0 done, 1 failed, 2 bad usage or configuration. */
    public static int execute(String... argv) {
        Args args;
        try {
            args = Args.parse(argv);
        } catch (Args.UsageException e) {
            System.err.println("newswire: " + e.getMessage());
            return 2;
        }
        if (args.command() == null) {
            System.out.println(usage());
            return args.help() ? 0 : 2;
        }
        Optional<Command> command = COMMANDS.stream().filter(c -> c.name().equals(args.command())).findFirst();
        if (command.isEmpty()) {
            System.err.println("newswire: unknown command '" + args.command() + "'\n\n" + usage());
            return 2;
        }
        if (args.help()) {
            System.out.println(command.get().help() + settingsHelp(command.get().settings()));
            return 0;
        }
        Folders.sweepLeftovers();
        try {
            NewswireConfig config = NewswireConfig.load(args.configFile(), System.getenv(), args.settings(),
                    command.get().settings(), Roles.ALL);
            return command.get().execute(args, config);
        } catch (Args.UsageException | ConfigException e) {
            System.err.println("newswire " + args.command() + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("newswire " + args.command() + " failed: " + e.getMessage());
            e.printStackTrace(System.err);
            return 1;
        }
    }

    static String usage() {
        StringBuilder out = new StringBuilder("Usage: newswire COMMAND [options]   (newswire COMMAND --help)\n\n");
        for (Command c : COMMANDS) {
            out.append(String.format("  %-8s %s%n", c.name(), c.summary()));
            for (String sub : c.subcommands()) {
                out.append(String.format("    %s %s%n", c.name(), sub));
            }
        }
        return out.toString();
    }

    static String settingsHelp(List<Setting<?>> settings) {
        StringBuilder out = new StringBuilder("""

                Settings (flag --a-b sets a.b; also --config FILE with a.b=value lines, or the
                environment NEWSWIRE_A_B; KAFKA_BOOTSTRAP_SERVERS sets bootstrap.servers;
                --kafka.<property>=VALUE passes a Kafka client property):
                """);
        for (Setting<?> s : settings) {
            out.append(String.format("  %-26s %s (default: %s)%n", s.key(), s.description(),
                    s.defaultValue().isEmpty() ? "none" : s.defaultValue()));
        }
        return out.toString();
    }
}
