package io.newswire.app;

import java.nio.file.Path;
import java.util.List;
import io.newswire.app.eval.StoryPairTraining;
import io.newswire.common.NewswireConfig;
import io.newswire.common.Setting;
import io.newswire.processors.TopologySettings;
import io.newswire.processors.nlp.Enrichment;

/** {@code newswire train WHAT}: fits a shipped model on a labelled set, printing what it fitted. */
final class TrainCommand implements Command {

    static final String MODEL_IN_SOURCES =
            "processors/src/main/resources/io/newswire/processors/match/vectors/story-pair-model.properties";

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "fit a shipped model on a labelled set";
    }

    @Override
    public List<String> subcommands() {
        return List.of("story-pairs --jsonl FILE [--model FILE] [--features OUT.tsv]   the story pair model");
    }

    @Override
    public List<Setting<?>> settings() {
        return Roles.EVAL;
    }

    @Override
    public String help() {
        return """
                Usage: newswire train story-pairs --jsonl FILE [--model FILE] [--features OUT.tsv]

                  story-pairs
                        Reads doc_id/text/cluster_id lines (the format of eval clusters), enriches every
                        document as the stream does, and fits the story pair model: a logistic regression
                        of "same cluster" on a pair's word, number and per-type entity cosines, over every
                        pair within a topic (the cluster id before "_") and the pairs across topics whose
                        words are alike. Prints the coefficients and the ranking quality (AUC) of the fitted
                        and the fixed score on the pairs within topics, and writes the model to --model
                        (default: %s, which the next build ships). --features writes every pair's
                        features and label as tab-separated lines.
                """.formatted(MODEL_IN_SOURCES);
    }

    @Override
    public int execute(Args args, NewswireConfig config) throws Exception {
        String what = args.inputs().isEmpty() ? "" : args.inputs().get(0).toString();
        if (!what.equals("story-pairs")) {
            throw new Args.UsageException("train needs what to fit: story-pairs");
        }
        String jsonl = args.options().get("jsonl");
        if (jsonl == null) {
            throw new Args.UsageException("train story-pairs needs --jsonl FILE");
        }
        Path out = Path.of(args.options().getOrDefault("model", MODEL_IN_SOURCES));
        Path features = args.options().containsKey("features") ? Path.of(args.options().get("features")) : null;
        new StoryPairTraining(Enrichment.withModels(), TopologySettings.from(config))
                .run(Path.of(jsonl), out, features, System.out);
        return 0;
    }
}
