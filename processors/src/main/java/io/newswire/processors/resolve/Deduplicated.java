package io.newswire.processors.resolve;

import java.util.List;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.processors.match.lsh.LshRecords.Candidate;
import io.newswire.processors.match.vectors.StoryRecords.StoryCorrection;
import io.newswire.processors.match.vectors.StoryVector;

/**
 * An article after deduplication and story assignment, with the decision that explains its links.
 * {@code article} is null for a kill (a tombstone for its id); {@code corrections} go to the partitions
 * that indexed the article under another story than the decided one (usually none); {@code laterCopies} are
 * copies of an original that arrived after it but were indexed before it (see {@code StoryResolveProcessor});
 * {@code vector} (null for a kill) and {@code closeStories} (other stories whose closest member scored at least
 * the story threshold) go on to the story step, which weighs merges with them.
 */
public record Deduplicated(Article article, Decision decision, List<StoryCorrection> corrections,
                           List<Candidate> laterCopies, StoryVector vector, List<String> closeStories) {

    public Deduplicated {
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
        laterCopies = laterCopies == null ? List.of() : List.copyOf(laterCopies);
        closeStories = closeStories == null ? List.of() : List.copyOf(closeStories);
    }

    public Deduplicated(Article article, Decision decision, List<StoryCorrection> corrections,
                        List<Candidate> laterCopies) {
        this(article, decision, corrections, laterCopies, null, List.of());
    }

    public Deduplicated withoutCorrections() {
        return corrections.isEmpty() && laterCopies.isEmpty() ? this
                : new Deduplicated(article, decision, List.of(), List.of(), vector, closeStories);
    }

    public Deduplicated with(Article a, Decision d) {
        return new Deduplicated(a, d, corrections, laterCopies, vector, closeStories);
    }
}
