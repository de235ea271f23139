package io.newswire.ingest.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Paragraphs from an XML subtree (NITF body.content, inline XHTML): one per innermost block element. */
final class Dom {

    private static final Set<String> BLOCKS = Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "dd", "dt", "hl2", "block");
    /**
     * Never text: the XHTML head and its metadata, and a header's slugline, keywords and dates (dpa's
     * XHTML repeats the subjects and the headline there), scripts and styles.
     */
    private static final Set<String> SKIPPED = Set.of("head", "header", "script", "style", "nav");

    private Dom() {
    }

    static List<String> paragraphs(Element root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        if (out.isEmpty()) {
            String text = root.getTextContent();
            for (String line : text.split("\\n\\s*\\n")) {
                String t = line.replaceAll("\\s+", " ").strip();
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static void collect(Element e, List<String> out) {
        if (SKIPPED.contains(SafeXml.name(e))) {
            return;
        }
        if (BLOCKS.contains(SafeXml.name(e)) && !hasBlockInside(e)) {
            String t = e.getTextContent().replaceAll("\\s+", " ").strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
            return;
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                collect(child, out);
            }
        }
    }

    private static boolean hasBlockInside(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && (BLOCKS.contains(SafeXml.name(child)) || hasBlockInside(child))) {
                return true;
            }
        }
        return false;
    }

    /** The language of an element: its xml:lang, or its nearest ancestor's. */
    static String language(Element e) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            String lang = el.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
            if (lang != null && !lang.isBlank()) {
                return lang.strip();
            }
        }
        return null;
    }
}
