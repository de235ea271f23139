package io.newswire.processors.stories;

import java.util.regex.Pattern;

/**
 * Which headlines can name a story: not a URL (also one a tokenizer spread out, "http : / / nypost . com"),
 * not a question, not blank. A story is named by its most central member whose headline qualifies.
 */
final class StoryHeadline {

    private static final Pattern URL = Pattern.compile("(?i)^\\s*(https?\\s*:\\s*/\\s*/|www\\s*\\.)");

    private StoryHeadline() {
    }

    static boolean qualifies(String headline) {
        if (headline == null || headline.isBlank()) {
            return false;
        }
        String h = headline.strip();
        return !URL.matcher(h).find() && !h.endsWith("?");
    }
}
