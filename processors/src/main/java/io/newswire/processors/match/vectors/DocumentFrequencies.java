package io.newswire.processors.match.vectors;

import java.util.Collection;

/** How many articles so far contained each term: the IDF half of TF-IDF. */
public interface DocumentFrequencies {

    /** Counts one more article containing {@code terms} (each once). */
    void add(Collection<String> terms);

    /** Articles counted so far. */
    long documents();

    long frequency(String term);
}
