package io.newswire.processors.nlp;

import io.newswire.processors.nlp.link.KnowledgeBase;

/** The heavy collaborators of the enrich stage, chosen by whoever starts the topology. */
public record Enrichment(LanguageDetector languages, EntityExtractor entities) {

    /**
     * The production models, loaded once per JVM: OpenNLP language detection, CoreNLP NER, and entity
     * linking over the Wikipedia alias index (built on first use; see {@link KnowledgeBase}).
     */
    public static Enrichment withModels() {
        return new Enrichment(new OpenNlpLanguageDetector(), extractor());
    }

    /** The production entity extractor, with linking when the alias dictionary is on the classpath. */
    public static CoreNlpEntityExtractor extractor() {
        // The index first: building it needs heap that the tagger's models would otherwise hold.
        java.util.Optional<EntityLinker> linker = KnowledgeBase.shared().map(EntityLinker::new);
        return new CoreNlpEntityExtractor(CoreNlpTagger.shared(), linker);
    }

    /** No models: every article is taken as English and gets no entities. For tests and benchmarks. */
    public static Enrichment none() {
        return new Enrichment(LanguageDetector.fixed("en"), EntityExtractor.NONE);
    }
}
