package io.newswire.processors.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import io.newswire.processors.match.vectors.StoryPairModel;
import io.newswire.processors.match.vectors.StoryScorer;
import io.newswire.processors.match.vectors.StoryVector;
import org.junit.jupiter.api.Test;

/** Average link from vector sums, and splits of a story into outliers or two events of one kind. */
class ReclusteringTest {

    private final Reclustering reclustering = new Reclustering(new StoryScorer(0.24, Duration.ofDays(7)));

    private static StoryVector words(String text) {
        Map<String, Double> terms = new LinkedHashMap<>();
        String[] split = text.split(" ");
        for (String w : split) {
            terms.put(w, 1 / Math.sqrt(split.length));
        }
        return StoryVector.of(terms, Map.of(), List.of(), StoryVector.UNDATED);
    }

    private static StoryVector sum(List<StoryVector> vs) {
        StoryVector s = null;
        for (StoryVector v : vs) {
            s = Reclustering.plus(s, v, 1);
        }
        return s;
    }

    /** Two events of one kind: they share the kind's words, each has words of its own. */
    private static List<StoryVector> twoEvents() {
        List<StoryVector> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            out.add(words("endangered species rule interior bush december kempthorne weaken w" + i));
        }
        for (int i = 0; i < 4; i++) {
            out.add(words("endangered species rule interior obama april restore overturn v" + i));
        }
        return out;
    }

    @Test
    void shouldTakeTheAverageLinkOfTwoStoriesFromTheirSumsAsTheMeanOfTheirPairScores() {
        List<StoryVector> a = twoEvents().subList(0, 4);
        List<StoryVector> b = twoEvents().subList(4, 8);
        double pairs = 0;
        StoryScorer scorer = new StoryScorer(0.24, Duration.ofDays(7));
        for (StoryVector x : a) {
            for (StoryVector y : b) {
                pairs += scorer.score(x, y);
            }
        }
        assertThat(reclustering.averageLink(sum(a), 4, Double.NaN, sum(b), 4, Double.NaN))
                .isCloseTo(pairs / 16, org.assertj.core.data.Offset.offset(1e-5));
        double within = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                within += scorer.score(a.get(i), a.get(j));
            }
        }
        assertThat(reclustering.cohesion(sum(a), 4)).isCloseTo(within / 6, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void shouldKeepTheLearnedScoreLinearSoThatSumsGiveTheSumOfPairScores() {
        StoryScorer scorer = new StoryScorer(0.17, Duration.ofDays(7), StoryPairModel.shipped());
        StoryVector a = StoryVector.of(Map.of("quake", 0.6, "iran", 0.8), Map.of("e:location:qeshm", 1.0), List.of(), 0);
        StoryVector b = StoryVector.of(Map.of("quake", 0.8, "7", 0.6),
                Map.of("e:person:rouhani", 0.6, "e:location:qeshm", 0.8), List.of(), 0);
        StoryVector c = StoryVector.of(Map.of("quake", 1.0), Map.of("e:location:qeshm", 0.8, "e:misc:iranian", 0.6),
                List.of(), 0);
        StoryVector sum = Reclustering.plus(Reclustering.plus(null, a, 1), b, 1);
        assertThat(scorer.content(sum, c)).isCloseTo(scorer.content(a, c) + scorer.content(b, c),
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void shouldSplitTwoEventsOfOneKindThatAnAbsoluteThresholdKeepsTogether() {
        List<StoryVector> members = twoEvents();
        assertThat(reclustering.split(members, 0.14)).as("every pair scores 0.4 or more").hasSize(1);
        List<List<Integer>> parts = reclustering.split(members, 0.14, 0.8);
        assertThat(parts).containsExactly(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7));
    }

    @Test
    void shouldNotSplitOneEventWhoseMembersAreEquallyAlike() {
        List<StoryVector> members = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            members.add(words("endangered species rule interior bush december kempthorne weaken w" + i));
        }
        assertThat(reclustering.split(members, 0.14, 0.8)).hasSize(1);
    }

    @Test
    void shouldSplitOffAnOutlierAtTheAbsoluteThreshold() {
        List<StoryVector> members = new ArrayList<>(twoEvents().subList(0, 4));
        members.add(words("budget vote parliament fuel tax"));
        assertThat(reclustering.split(members, 0.14, 0.5)).containsExactly(List.of(0, 1, 2, 3), List.of(4));
    }

    /**
     * Four events: two administrations, each with two rulings of words of their own; three reports of each, the
     * reports alike within a ruling (0.91), less so across the rulings of one administration (0.64) and least
     * across the administrations (0.36).
     */
    private static List<String> fourEvents() {
        List<String> out = new ArrayList<>();
        List<String> events = List.of("bush kempthorne weaken december wolves yellowstone",
                "bush kempthorne weaken june owls oregon", "obama salazar restore april bears montana",
                "obama salazar restore october salmon idaho");
        for (String event : events) {
            for (int i = 0; i < 3; i++) {
                out.add("endangered species rule interior " + event + " r" + out.size());
            }
        }
        return out;
    }

    /** The events as sets of the members' texts, so that two orders of the same members compare. */
    private List<Set<String>> events(List<String> texts, double threshold, double ratio) {
        List<Set<String>> out = new ArrayList<>();
        for (List<Integer> group : reclustering.events(texts.stream().map(ReclusteringTest::words).toList(),
                threshold, ratio)) {
            out.add(new HashSet<>(group.stream().map(texts::get).toList()));
        }
        return out;
    }

    @Test
    void shouldCutAGroupAgainAndAgainUntilEachPartIsOneEvent() {
        List<String> texts = fourEvents();
        assertThat(reclustering.split(texts.stream().map(ReclusteringTest::words).toList(), 0.14, 0.8))
                .as("a stream's split cuts once").hasSize(2);
        List<Set<String>> events = events(texts, 0.14, 0.8);
        assertThat(events).hasSize(4);
        for (Set<String> event : events) {
            assertThat(event).hasSize(3);
            assertThat(event.stream().map(t -> t.substring(0, t.lastIndexOf(' '))).distinct()).hasSize(1);
        }
    }

    @Test
    void shouldFindTheSameEventsInAnyOrderAndKeepUnrelatedStoriesApart() {
        List<String> texts = new ArrayList<>(fourEvents());
        for (int i = 0; i < 4; i++) {
            texts.add("budget vote parliament fuel tax b" + i);
        }
        List<Set<String>> inOrder = events(texts, 0.14, 0.8);
        assertThat(inOrder).hasSize(5);
        for (long seed = 1; seed <= 3; seed++) {
            List<String> shuffled = new ArrayList<>(texts);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(events(shuffled, 0.14, 0.8)).containsExactlyInAnyOrderElementsOf(inOrder);
        }
    }

    @Test
    void shouldKeepOneEventWhole() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            texts.add("endangered species rule interior bush december kempthorne weaken w" + i);
        }
        assertThat(events(texts, 0.14, 0.8)).hasSize(1);
    }

    @Test
    void shouldTellStoriesAlikeOnlyWhenTheirLinkIsCloseToTheirCohesion() {
        assertThat(Reclustering.alike(0.3, 0.8, 0.7, 0.6)).isFalse();
        assertThat(Reclustering.alike(0.5, 0.8, 0.7, 0.6)).isTrue();
        assertThat(Reclustering.alike(0.1, Double.NaN, Double.NaN, 0.6)).as("two single articles: no cohesion")
                .isTrue();
    }
}
