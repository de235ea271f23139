package io.newswire.processors.nlp;

/** The heavy collaborators of the enrich stage, chosen by whoever starts the topology. */
public record Enrichment(LanguageDetector languages, EntityExtractor entities) {

    /** No models: every article is taken as English and gets no entities. For tests and benchmarks. */
    /** The production models: OpenNLP language detection and CoreNLP NER, loaded once per JVM. */
    public static Enrichment withModels() {
        return new Enrichment(new io.newswire.processors.nlp.OpenNlpLanguageDetector(),
                new io.newswire.processors.nlp.CoreNlpEntityExtractor(
                        io.newswire.processors.nlp.CoreNlpTagger.shared()));
    }

    public static Enrichment none() {
        return new Enrichment(LanguageDetector.fixed("en"), EntityExtractor.NONE);
    }
}
