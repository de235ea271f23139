package io.newswire.app.eval;

import java.util.List;
import io.newswire.common.Article;
import io.newswire.common.Decision;

/** Streams articles, in the given order, through the processors' topology and returns their decisions. */
public interface DecisionRunner {

    /** @return one decision per article, in the order they were decided */
    List<Decision> decide(List<Article> articles) throws Exception;
}
