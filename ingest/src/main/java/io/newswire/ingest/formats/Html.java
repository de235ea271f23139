package io.newswire.ingest.formats;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Markup to paragraphs: one paragraph per block element (p, li, headings, blockquote...). */
public final class Html {

    private static final String BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, dd, dt, td";

    private Html() {
    }

    /** @throws RejectedInputException for markup nested deeper than {@link Limits#MAX_DEPTH} */
    public static List<String> paragraphs(String html) {
        String markup = html == null ? "" : html;
        Limits.checkHtml(markup);
        Document doc = Jsoup.parseBodyFragment(markup);
        Limits.checkTree(doc.body());
        return paragraphs(doc.body());
    }

    /** Paragraphs of an element; text outside any block element counts as one paragraph per text run. */
    public static List<String> paragraphs(Element root) {
        List<String> out = new ArrayList<>();
        List<Element> blocks = root.select(BLOCKS);
        if (blocks.isEmpty()) {
            String text = root.wholeText().strip();
            for (String line : text.split("\\n\\s*\\n|\\r?\\n")) {
                String t = line.replaceAll("\\s+", " ").strip();
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
            return out;
        }
        for (Element block : blocks) {
            // A block that contains other blocks is represented by its children.
            if (!block.select(BLOCKS).stream().allMatch(e -> e == block)) {
                continue;
            }
            String t = block.text().replaceAll("\\s+", " ").strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
