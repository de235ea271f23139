package io.newswire.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.newswire.ingest.formats.WebChromeCleaner;
import io.newswire.ingest.formats.Formats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatsEvaluationTest {

    @TempDir
    Path dir;

    @Test
    void shouldCountParsedFilesAndReportItemsWithoutText() throws Exception {
        Files.writeString(dir.resolve("a.xml"), "<nitf><head><docdata><doc-id id-string=\"N1\"/></docdata></head>"
                + "<body><body.head><hedline><hl1>Fires</hl1></hedline></body.head>"
                + "<body.content><p>Crews fought fires.</p></body.content></body></nitf>");
        Files.writeString(dir.resolve("b.xml"), "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"P1\">"
                + "<itemMeta><itemClass qcode=\"ninat:picture\"/></itemMeta></newsItem>");
        Files.writeString(dir.resolve("c.xml"), "<nitf><body>");
        Files.writeString(dir.resolve("LICENSE"), "Some licence text");
        Files.writeString(dir.resolve("d.xsd"), "<xs:schema/>");

        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int failed = new FormatsEvaluation(new Formats(new WebChromeCleaner()))
                .run(dir, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);

        assertThat(failed).isEqualTo(1);
        assertThat(out).contains("a.xml: nitf, 1 item", "N1 | Fires | body 19 chars in 1 paragraphs",
                "P1 | picture item without text", "c.xml: FAILED: invalid XML", "LICENSE: skipped (not a news item)",
                "d.xsd: skipped");
        assertThat(out.strip()).endsWith("parsed 2/3 files");
    }
}
