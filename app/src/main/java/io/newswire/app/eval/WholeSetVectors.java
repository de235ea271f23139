package io.newswire.app.eval;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.newswire.common.Article;
import io.newswire.processors.match.vectors.DocumentFrequencies;
import io.newswire.processors.match.vectors.MapFrequencies;
import io.newswire.processors.match.vectors.StoryVector;
import io.newswire.processors.match.vectors.StoryVectors;

/**
 * Story vectors of a labelled set built as if the whole set had been seen first: the document frequencies are
 * counted over every article once, then frozen, so every vector sees the same counts whatever its place in the
 * set. What the trainer fits on and what {@code eval clusters --batch} clusters.
 */
final class WholeSetVectors {

    private WholeSetVectors() {
    }

    /** Each article's vector by id. */
    static Map<String, StoryVector> of(List<Article> articles) {
        MapFrequencies counted = new MapFrequencies();
        StoryVectors counting = new StoryVectors(counted);
        articles.forEach(counting::of);
        StoryVectors frozen = new StoryVectors(new Frozen(counted));
        Map<String, StoryVector> out = new HashMap<>();
        articles.forEach(a -> out.put(a.id(), frozen.of(a)));
        return out;
    }

    /** Counts already taken over the whole set; counting an article again changes nothing. */
    private record Frozen(DocumentFrequencies counts) implements DocumentFrequencies {
        @Override
        public void add(Collection<String> terms) {
        }

        @Override
        public long documents() {
            return counts.documents();
        }

        @Override
        public long frequency(String term) {
            return counts.frequency(term);
        }
    }
}
