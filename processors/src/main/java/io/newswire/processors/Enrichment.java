package io.newswire.processors;

/** The heavy collaborators of the enrich stage, chosen by whoever starts the topology. */
public record Enrichment(LanguageDetector languages, EntityExtractor entities) {

    /** No models: every article is taken as English and gets no entities. For tests and benchmarks. */
    public static Enrichment none() {
        return new Enrichment(LanguageDetector.fixed("en"), EntityExtractor.NONE);
    }
}
