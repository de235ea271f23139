package io.newswire.ingest.formats;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * How deep a document may nest. Real copy nests a few dozen elements at most; hostile input nests
 * thousands, which overflows the stack of recursive code (Readability4J, DOM walks) or takes jsoup
 * seconds of CPU. XML is held to {@value #MAX_DEPTH} by the parser itself ({@link SafeXml}); HTML is
 * measured here, before it is parsed and again after, and refused beyond that depth.
 */
public final class Limits {

    public static final int MAX_DEPTH = 256;
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(/?)>");
    /** Elements without content, or whose end tag may be left out: they do not nest where they repeat. */
    private static final Set<String> FLAT = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "thead",
            "tbody", "tfoot", "colgroup", "rp", "rt", "html", "head", "body");

    private Limits() {
    }

    /** @throws RejectedInputException when the markup opens more than {@link #MAX_DEPTH} elements in a row */
    public static void checkHtml(String html) {
        int depth = 0;
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            if (FLAT.contains(tag.group(2).toLowerCase(java.util.Locale.ROOT)) || !tag.group(3).isEmpty()) {
                continue;
            }
            depth += tag.group(1).isEmpty() ? 1 : -1;
            if (depth > MAX_DEPTH) {
                throw tooDeep();
            }
            depth = Math.max(depth, 0);
        }
    }

    /** @throws RejectedInputException when a parsed tree is deeper than {@link #MAX_DEPTH} */
    public static void checkTree(Element root) {
        Deque<Element> elements = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        elements.push(root);
        depths.push(0);
        while (!elements.isEmpty()) {
            Element e = elements.pop();
            int depth = depths.pop();
            if (depth > MAX_DEPTH) {
                throw tooDeep();
            }
            for (Element child : e.children()) {
                elements.push(child);
                depths.push(depth + 1);
            }
        }
    }

    static RejectedInputException tooDeep() {
        return new RejectedInputException("markup nested deeper than " + MAX_DEPTH + " elements");
    }
}
