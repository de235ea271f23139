package io.newswire.app;

import io.newswire.sinks.SinkSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import io.newswire.common.NewswireConfig;
import io.newswire.processors.nlp.Enrichment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 hostile inputs mixed with 50 good articles in one {@code run} on the embedded broker: random
 * bytes, truncated and invalid XML, XXE, billion laughs, invalid UTF-8, deeply nested JSON, empty files
 * and a 50 MB file. Every hostile file is dead-lettered with a reason, every good article comes out
 * enriched, and the run finishes.
 */
class HostileInputsIT {

    static final int HOSTILE = 1_000;
    static final int GOOD = 50;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang fails the build instead of stalling it
    void shouldDeadLetterEveryHostileInputAndEnrichEveryGoodOne() throws Exception {
        Path input = Files.createDirectories(dir.resolve("in"));
        List<String> seeds = seedTexts();
        Random random = new Random(2026);
        List<Runnable> writers = new ArrayList<>();
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        for (int i = 0; i < HOSTILE; i++) {
            String kind = KINDS.get(i % KINDS.size());
            kinds.merge(kind, 1, Integer::sum);
            Path file = input.resolve(String.format("h%04d-%s", i, kind));
            byte[] content = hostile(kind, i, random, seeds);
            writers.add(() -> write(file, content));
        }
        writeFiftyMegabytes(input.resolve("h-huge.txt"));
        for (int i = 0; i < GOOD; i++) {
            String seed = seeds.get(i % seeds.size());
            int headlineEnd = seed.indexOf('\n');
            // A distinct first paragraph: each good file is its own article (ids hash the cleaned text).
            String text = seed.substring(0, headlineEnd) + "\n\nUpdate " + i
                    + ": officials said talks would go on through the week.\n" + seed.substring(headlineEnd);
            writers.add(writeLater(input.resolve(String.format("g%03d.txt", i)), text.getBytes(StandardCharsets.UTF_8)));
        }
        Collections.shuffle(writers, random);
        writers.forEach(Runnable::run);
        NewswireConfig config = NewswireConfig.defaults().with(SinkSettings.OUT_DIR, dir.resolve("out").toString());

        RunCommand.Summary summary = RunCommand.run(config, List.of(input), RunIT.TIMEOUT, Enrichment.withModels());

        int hostileFiles = HOSTILE + 1;
        assertThat(summary.read()).isEqualTo(hostileFiles + GOOD);
        assertThat(summary.published()).isEqualTo(GOOD);
        assertThat(summary.enriched()).isEqualTo(GOOD);
        assertThat(summary.deadLetters()).isEqualTo(hostileFiles);
        List<JsonNode> letters = RunIT.lines(dir.resolve("out/news.dlq"));
        assertThat(letters).hasSize(hostileFiles).allSatisfy(d -> {
            assertThat(d.path("stage").asText()).isEqualTo("ingest");
            assertThat(d.path("reason").asText()).isNotBlank();
            assertThat(d.path("origin").asText()).matches(".*/h(\\d{4}-[a-z0-9-]+(#.*)?|-huge\\.txt)$");
        });
        Set<String> origins = letters.stream().map(d -> d.path("origin").asText()).collect(Collectors.toSet());
        assertThat(origins).hasSize(hostileFiles);
        List<JsonNode> articles = RunIT.latest(dir.resolve("out/news.enriched"), "id");
        assertThat(articles).hasSize(GOOD).allSatisfy(a -> {
            assertThat(a.path("url").asText()).matches(".*/g\\d{3}\\.txt$");
            assertThat(a.path("entity_status").asText()).isEqualTo("analysed");
        });
        System.out.println("hostile kinds: " + kinds + " + one 50 MB file; reasons: " + letters.stream()
                .map(d -> d.path("reason").asText().replaceAll("[0-9]+", "N"))
                .map(r -> r.length() > 60 ? r.substring(0, 60) : r).distinct().sorted().toList());
    }

    static final List<String> KINDS = List.of("random-bytes", "random-text-bytes", "truncated-xml", "invalid-xml",
            "xxe", "billion-laughs", "invalid-utf8", "nested-json", "empty", "no-text-ninjs");

    static byte[] hostile(String kind, int i, Random random, List<String> seeds) {
        String seed = seeds.get(i % seeds.size());
        String nitf = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><nitf><head><docdata><doc-id id-string=\"H." + i
                + "\"/></docdata></head><body><body.head><hedline><hl1>" + escape(seed.lines().findFirst().orElse(""))
                + "</hl1></hedline></body.head><body.content><p>" + escape(seed) + "</p></body.content></body></nitf>";
        return switch (kind) {
            case "random-bytes" -> {
                byte[] b = new byte[1 + random.nextInt(20_000)];
                random.nextBytes(b);
                yield b;
            }
            case "random-text-bytes" -> { // random high bytes and controls, no NUL: decodes as Windows-1252
                byte[] b = new byte[100 + random.nextInt(5_000)];
                for (int k = 0; k < b.length; k++) {
                    b[k] = (byte) (1 + random.nextInt(255));
                }
                yield b;
            }
            case "truncated-xml" -> nitf.substring(0, 20 + random.nextInt(nitf.length() - 40))
                    .getBytes(StandardCharsets.UTF_8);
            case "invalid-xml" -> ("<nitf><body><p>" + escape(seed) + "</body></p></nitf>").getBytes(StandardCharsets.UTF_8);
            case "xxe" -> ("<?xml version=\"1.0\"?><!DOCTYPE nitf [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                    + "<nitf><body><body.content><p>&xxe;</p></body.content></body></nitf>").getBytes(StandardCharsets.UTF_8);
            case "billion-laughs" -> ("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                    + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                    + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">]>"
                    + "<nitf><body><body.content><p>&lol2;</p></body.content></body></nitf>").getBytes(StandardCharsets.UTF_8);
            case "invalid-utf8" -> {
                byte[] good = nitf.getBytes(StandardCharsets.UTF_8);
                int at = nitf.indexOf("<p>") + 3;
                good[at] = (byte) 0xC3; // a lead byte followed by ASCII: malformed in a document declared UTF-8
                good[at + 1] = (byte) 0x28;
                yield good;
            }
            case "nested-json" -> ("[".repeat(5_000 + i) + "]".repeat(5_000 + i)).getBytes(StandardCharsets.UTF_8);
            case "empty" -> new byte[0];
            case "no-text-ninjs" -> ("{\"uri\":\"urn:hostile:" + i + "\",\"type\":\"text\",\"headline\":\"\"}")
                    .getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static List<String> seedTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        try (var files = Files.list(RunIT.SEEDS)) {
            for (Path f : files.sorted().toList()) {
                texts.add(Files.readString(f));
            }
        }
        return texts;
    }

    private static void writeFiftyMegabytes(Path file) throws IOException {
        byte[] line = "Officials met in Cairo on Monday to discuss a ceasefire. ".repeat(20).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
    }

    private static Runnable writeLater(Path file, byte[] content) {
        return () -> write(file, content);
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
