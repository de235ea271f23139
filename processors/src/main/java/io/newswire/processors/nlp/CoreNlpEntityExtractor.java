package io.newswire.processors.nlp;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import io.newswire.common.Article;
import io.newswire.common.Entity;

/**
 * The production {@link EntityExtractor}: CoreNLP's CRF with truecasing and document consistency
 * ({@link NerAnalyzer}), then canonical entities ({@link EntityAssembler}), then links to Wikipedia
 * ({@link EntityLinker}) where a linker is given. Thread-safe.
 */
public final class CoreNlpEntityExtractor implements EntityExtractor {

    private final NerAnalyzer analyzer;
    private final EntityAssembler assembler = new EntityAssembler();
    private final Optional<EntityLinker> linker;

    public CoreNlpEntityExtractor(CoreNlpTagger tagger, Optional<EntityLinker> linker) {
        this.analyzer = new NerAnalyzer(tagger::tag);
        this.linker = linker;
    }

    public NerAnalyzer analyzer() {
        return analyzer;
    }

    @Override
    public List<Entity> extract(Article article) {
        return extract(article.headline(), article.body());
    }

    /** Entities of a headline and body, linked where the linker can. */
    public List<Entity> extract(String headline, List<String> body) {
        return entities(analyzer.analyze(headline, body), body);
    }

    /** Tagging here; assembling and linking, a fifth of the work, in the step returned. */
    @Override
    public Supplier<List<Entity>> analyse(Article article) {
        AnalyzedText analyzed = analyzer.analyze(article.headline(), article.body());
        return () -> entities(analyzed, article.body());
    }

    private List<Entity> entities(AnalyzedText analyzed, List<String> body) {
        List<Entity> entities = assembler.assemble(analyzed, body);
        return linker.map(l -> l.link(entities, analyzed.text(), analyzed.bodyOffset())).orElse(entities);
    }
}
