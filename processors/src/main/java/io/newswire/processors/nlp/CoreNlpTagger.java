package io.newswire.processors.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;

/**
 * Stanford CoreNLP configured lean: tokenize, ssplit and the CoNLL 4-class CRF (PERSON, ORGANIZATION,
 * LOCATION, MISC); no parser, coreference, SUTime or numeric classifiers (4× slower, no gain for these
 * four classes; docs/named-entities.md). Loaded once per JVM ({@link #shared()}); a CoreNLP pipeline is
 * safe to call from several threads at once.
 */
public final class CoreNlpTagger {

    public static final String MODEL = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

    private static volatile CoreNlpTagger shared;

    private final StanfordCoreNLP pipeline;

    private CoreNlpTagger() {
        this.pipeline = new StanfordCoreNLP(properties());
    }

    /** The JVM's one tagger, loaded on first use (about a second and ~100 MB of heap). */
    public static CoreNlpTagger shared() {
        CoreNlpTagger tagger = shared;
        if (tagger == null) {
            synchronized (CoreNlpTagger.class) {
                tagger = shared;
                if (tagger == null) {
                    tagger = new CoreNlpTagger();
                    shared = tagger;
                }
            }
        }
        return tagger;
    }

    public static Properties properties() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,ner");
        p.setProperty("ner.model", MODEL);
        p.setProperty("ner.useSUTime", "false");
        p.setProperty("ner.applyNumericClassifiers", "false");
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.buildEntityMentions", "false");
        p.setProperty("ssplit.newlineIsSentenceBreak", "always");
        // Keep typographic quotes and dashes as written: offsets must point into the original text.
        p.setProperty("tokenize.options", "invertible=true");
        return p;
    }

    /** The bare pipeline, for the benchmark's baseline. */
    public StanfordCoreNLP pipeline() {
        return pipeline;
    }

    /** Tokens of the text with the model's labels; offsets index into {@code text}. */
    public List<Token> tag(String text) {
        Annotation document = new Annotation(text);
        pipeline.annotate(document);
        List<Token> tokens = new ArrayList<>();
        int sentenceIndex = 0;
        for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
            for (CoreLabel label : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
                String ner = label.ner();
                tokens.add(new Token(label.originalText(), label.beginPosition(), label.endPosition(), sentenceIndex,
                        ner == null ? Token.NONE : ner));
            }
            sentenceIndex++;
        }
        return tokens;
    }
}
