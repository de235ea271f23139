package io.newswire.processors.prepare;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import io.newswire.common.Article;
import io.newswire.common.ArticleIds;

/**
 * Puts text in one canonical form (Unicode NFC, no control characters, single spaces, no empty
 * paragraphs) and stamps the content hash that exact deduplication keys on. Pure and thread-safe.
 */
public final class NormalizeStage {

    public static final String NAME = "normalize";

    public Article apply(Article article) {
        String headline = clean(article.headline());
        List<String> body = new ArrayList<>();
        for (String paragraph : article.body()) {
            String text = clean(paragraph);
            if (!text.isEmpty()) {
                body.add(text);
            }
        }
        return article.withText(headline, body).withContentHash(ArticleIds.contentHash(headline, body));
    }

    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return nfc.replaceAll("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]", "")
                .replaceAll("[\\s\\u00a0\\u2007\\u202f]+", " ")
                .strip();
    }
}
