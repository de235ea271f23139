package io.newswire.app;

import java.nio.file.Path;
import io.newswire.app.eval.NerEvaluation;
import io.newswire.common.NewswireConfig;
import io.newswire.processors.enrich.CoreNlpTagger;

/** {@code newswire eval WHAT}: measures a stage against a labelled evaluation set. */
final class EvalCommand implements Command {

    @Override
    public String name() {
        return "eval";
    }

    @Override
    public String summary() {
        return "measure a stage on an evaluation set (eval ner --conll FILE)";
    }

    @Override
    public String help() {
        return """
                Usage: newswire eval ner --conll FILE

                  ner   Reads a CoNLL-2003 file (token POS chunk NER; IOB1 or IOB2; -DOCSTART- separators),
                        rebuilds each document's text (first sentence as headline), runs the same NER the
                        stream uses and, in the same run, the bare CoreNLP CRF, and prints precision, recall
                        and F1 per type and overall for both (exact span and type). Last line: overall F1.
                """;
    }

    @Override
    public int execute(Args args, NewswireConfig config) throws Exception {
        String what = args.inputs().isEmpty() ? "" : args.inputs().get(0).toString();
        if (!what.equals("ner")) {
            throw new Args.UsageException("eval needs what to evaluate: ner");
        }
        String conll = args.options().get("conll");
        if (conll == null) {
            throw new Args.UsageException("eval ner needs --conll FILE");
        }
        new NerEvaluation(CoreNlpTagger.shared()::tag).run(Path.of(conll), System.out);
        return 0;
    }
}
