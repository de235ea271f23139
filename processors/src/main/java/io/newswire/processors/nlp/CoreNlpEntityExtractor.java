package io.newswire.processors.nlp;

import java.util.List;
import io.newswire.common.Article;
import io.newswire.common.Entity;

/**
 * The production {@link EntityExtractor}: CoreNLP's CRF with truecasing and document consistency
 * ({@link NerAnalyzer}), then canonical entities ({@link EntityAssembler}). Thread-safe.
 */
public final class CoreNlpEntityExtractor implements EntityExtractor {

    private final NerAnalyzer analyzer;
    private final EntityAssembler assembler = new EntityAssembler();

    public CoreNlpEntityExtractor(CoreNlpTagger tagger) {
        this.analyzer = new NerAnalyzer(tagger::tag);
    }

    public NerAnalyzer analyzer() {
        return analyzer;
    }

    @Override
    public List<Entity> extract(Article article) {
        AnalyzedText analyzed = analyzer.analyze(article.headline(), article.body());
        return assembler.assemble(analyzed, article.body());
    }
}
