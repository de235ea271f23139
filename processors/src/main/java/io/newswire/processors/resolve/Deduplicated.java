package io.newswire.processors.resolve;

import java.util.List;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.processors.match.lsh.LshRecords.Candidate;
import io.newswire.processors.match.vectors.StoryRecords.StoryCorrection;

/**
 * An article after deduplication and story assignment, with the decision that explains its links.
 * {@code article} is null for a kill (a tombstone for its id); {@code corrections} go to the partitions
 * that indexed the article under another story than the decided one (usually none); {@code laterCopies} are
 * copies of an original that arrived after it but were indexed before it (see {@code StoryResolveProcessor}).
 */
public record Deduplicated(Article article, Decision decision, List<StoryCorrection> corrections,
                           List<Candidate> laterCopies) {

    public Deduplicated {
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
        laterCopies = laterCopies == null ? List.of() : List.copyOf(laterCopies);
    }

    public Deduplicated withoutCorrections() {
        return corrections.isEmpty() && laterCopies.isEmpty() ? this
                : new Deduplicated(article, decision, List.of(), List.of());
    }
}
