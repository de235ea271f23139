package io.newswire.sinks.file;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Article;
import io.newswire.common.Json;
import io.newswire.sinks.SinkSettings.FileFormat;
import io.newswire.common.Topics;
import io.newswire.sinks.NinjsExport;
import io.newswire.sinks.RecordSink;
import io.newswire.sinks.SinkRecord;

/**
 * JSON Lines files, one folder per output topic under the output folder, rolling by day and size
 * ({@link RollingJsonLines}): {@code news.enriched/} (the internal model) and/or {@code news.enriched.ninjs/},
 * {@code news.stories/} (one line per story state: the last line of an id is current), {@code news.decisions/}
 * and {@code news.dlq/}. Kills (tombstones) write nothing: the decision line records them.
 */
public final class FileSink implements RecordSink {

    private final Map<SinkRecord.Kind, RollingJsonLines> folders = new EnumMap<>(SinkRecord.Kind.class);
    private final RollingJsonLines ninjs;

    public FileSink(Path outDir, Topics topics, Set<FileFormat> formats, long rollBytes, Clock clock)
            throws IOException {
        if (formats.contains(FileFormat.INTERNAL)) {
            folders.put(SinkRecord.Kind.ARTICLE, new RollingJsonLines(outDir.resolve(topics.enriched().name()),
                    rollBytes, clock, SinkRecord::identityOf));
        }
        this.ninjs = formats.contains(FileFormat.NINJS)
                ? new RollingJsonLines(ninjsFolder(outDir, topics), rollBytes, clock, FileSink::ninjsIdentity)
                : null;
        folders.put(SinkRecord.Kind.STORY, new RollingJsonLines(outDir.resolve(topics.stories().name()),
                rollBytes, clock, SinkRecord::identityOf));
        folders.put(SinkRecord.Kind.DECISION, new RollingJsonLines(outDir.resolve(topics.decisions().name()),
                rollBytes, clock, SinkRecord::identityOf));
        folders.put(SinkRecord.Kind.DEAD_LETTER, new RollingJsonLines(outDir.resolve(topics.dlq().name()),
                rollBytes, clock, SinkRecord::identityOf));
    }

    /** Every folder this sink may write, so {@code run} can clear the last run's output. */
    public static List<Path> folders(Path outDir, Topics topics) {
        return List.of(outDir.resolve(topics.enriched().name()), ninjsFolder(outDir, topics),
                outDir.resolve(topics.stories().name()), outDir.resolve(topics.decisions().name()),
                outDir.resolve(topics.dlq().name()));
    }

    private static Path ninjsFolder(Path outDir, Topics topics) {
        return outDir.resolve(topics.enriched().name() + ".ninjs");
    }

    private static String ninjsIdentity(JsonNode ninjs) {
        // ninjs has no revision: a revision moves the article to another story, so the story is part of it.
        String story = "";
        for (JsonNode association : ninjs.path("associations")) {
            if ("story".equals(association.path("name").asText())) {
                story = association.path("uri").asText();
            }
        }
        return ninjs.path("uri").asText() + "@" + ninjs.path("version").asText() + "#" + story;
    }

    @Override
    public String name() {
        return "file";
    }

    @Override
    public boolean write(SinkRecord record) throws IOException {
        if (record.isTombstone()) {
            return false;
        }
        boolean written = false;
        RollingJsonLines folder = folders.get(record.kind());
        if (folder != null) {
            written = folder.write(record.json());
        }
        if (record.kind() == SinkRecord.Kind.ARTICLE && ninjs != null) {
            written |= ninjs.write(NinjsExport.toNinjs(Json.MAPPER.treeToValue(record.json(), Article.class)));
        }
        return written;
    }

    @Override
    public void flush() throws IOException {
        for (RollingJsonLines folder : all()) {
            folder.flush();
        }
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (RollingJsonLines folder : all()) {
            try {
                folder.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private List<RollingJsonLines> all() {
        List<RollingJsonLines> all = new ArrayList<>(folders.values());
        if (ninjs != null) {
            all.add(ninjs);
        }
        return all;
    }
}
