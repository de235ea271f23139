package io.newswire.ingest.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * XML parsing hardened against hostile input, and namespace-agnostic navigation helpers.
 *
 * <p>DOCTYPE declarations are refused (the OWASP setting), which rules out external entities (XXE) and
 * entity expansion (billion laughs) at the root. A plain external DOCTYPE line with no internal subset
 * ({@code <!DOCTYPE nitf SYSTEM "nitf.dtd">}, common in NITF feeds) declares nothing and is dropped
 * before parsing so such files still read. External DTDs and schemas are never loaded.
 */
public final class SafeXml {

    private static final Pattern PLAIN_DOCTYPE = Pattern.compile(
            "<!DOCTYPE\\s+[\\w:.-]+(\\s+(SYSTEM|PUBLIC)(\\s+(\"[^\"]*\"|'[^']*')){1,2})?\\s*>");
    private static final DocumentBuilderFactory FACTORY = factory();

    private SafeXml() {
    }

    public static Document parse(byte[] bytes) {
        byte[] input = withoutPlainDoctype(XmlEncoding.asParsable(bytes));
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(input));
        } catch (SAXException e) {
            throw new RejectedInputException("invalid XML: " + e.getMessage());
        } catch (IOException | ParserConfigurationException e) {
            throw new RejectedInputException("cannot read XML: " + e.getMessage());
        }
    }

    private static byte[] withoutPlainDoctype(byte[] bytes) {
        int head = Math.min(bytes.length, 4096);
        String start = new String(bytes, 0, head, StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = PLAIN_DOCTYPE.matcher(start);
        if (!m.find()) {
            return bytes;
        }
        byte[] out = new byte[bytes.length - (m.end() - m.start())];
        System.arraycopy(bytes, 0, out, 0, m.start());
        System.arraycopy(bytes, m.end(), out, m.start(), bytes.length - m.end());
        return out;
    }

    private static DocumentBuilderFactory factory() {
        // The JDK's own parser, not whatever the classpath offers (Xerces comes in transitively): its
        // security features are the ones set here.
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            // Deeper documents are refused by the parser, so no recursive walk of the tree overflows.
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", Limits.MAX_DEPTH);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("this JDK's XML parser lacks a required safety feature", e);
        }
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }

    /** The element's local name, whatever its namespace. */
    public static String name(Node node) {
        String local = node.getLocalName();
        return local != null ? local : node.getNodeName();
    }

    public static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name(e).equals(localName)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first descendant (depth-first, document order) with one of the local names, or null. */
    public static Element first(Element root, String... localNames) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                for (String wanted : localNames) {
                    if (name(e).equals(wanted)) {
                        return e;
                    }
                }
                Element deeper = first(e, localNames);
                if (deeper != null) {
                    return deeper;
                }
            }
        }
        return null;
    }

    public static List<Element> all(Element root, String localName) {
        return all(root, java.util.Set.of(localName));
    }

    /** Every descendant element with one of the local names, in document order. */
    public static List<Element> all(Element root, java.util.Set<String> localNames) {
        List<Element> out = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (localNames.contains(name(e))) {
                    out.add(e);
                }
                out.addAll(all(e, localNames));
            }
        }
        return out;
    }

    /** Text content with white space collapsed, or null for a missing element or empty text. */
    public static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? null : t;
    }

    public static String attr(Element e, String name) {
        if (e == null || !e.hasAttribute(name)) {
            return null;
        }
        String v = e.getAttribute(name).strip();
        return v.isEmpty() ? null : v;
    }
}
