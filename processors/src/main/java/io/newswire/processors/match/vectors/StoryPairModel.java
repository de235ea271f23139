package io.newswire.processors.match.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The learned half of the story pair score: a logistic regression of "same event" on a pair's word, number
 * and per-type entity cosines ({@link StoryVector#classDots}), fitted by {@code newswire train story-pairs} on
 * labelled events and shipped as {@value #RESOURCE}. Each feature is a dot product, so the score stays linear
 * in either article and a story's vector sum still gives its average link (see {@code Reclustering}).
 * {@link #scaled()} puts the weights in the units the story thresholds are set in (a word cosine weighs
 * {@value #WORD_UNIT}, as in the fixed score it replaces); a negative weight counts as zero, since sharing a
 * name should never make two reports less alike.
 */
public record StoryPairModel(double[] weights, double intercept) {

    public static final String RESOURCE = "story-pair-model.properties";
    public static final List<String> NAMES = List.of("word", "number", "person", "organization", "location", "misc");
    static final double WORD_UNIT = 0.6;
    /** The fixed score before a model was fitted: 0.6 × word cosine + 0.4 × entity cosine. */
    public static final StoryPairModel FIXED = new StoryPairModel(new double[] {0.6, 0.6, 0.4, 0.4, 0.4, 0.4}, 0);

    public StoryPairModel {
        if (weights.length != StoryVector.CLASSES) {
            throw new IllegalArgumentException("a story pair model has " + StoryVector.CLASSES + " weights, not "
                    + weights.length);
        }
        if (!(weights[StoryVector.WORD] > 0)) {
            throw new IllegalArgumentException("the word weight must be positive, not " + weights[StoryVector.WORD]);
        }
        weights = weights.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** The class weights in threshold units: the word weight {@value #WORD_UNIT}, negatives as zero. */
    public double[] scaled() {
        double scale = WORD_UNIT / weights[StoryVector.WORD];
        return Arrays.stream(weights).map(w -> Math.max(0, w * scale)).toArray();
    }

    /**
     * The score, in threshold units, at which the model gives even odds of one event (its logit is 0): where
     * the story threshold belongs when the classes of the training set are as balanced as a stream's
     * candidates.
     */
    public double evenOdds() {
        return -intercept * WORD_UNIT / weights[StoryVector.WORD];
    }

    /** The model this build ships, read once. */
    public static StoryPairModel shipped() {
        return Shipped.MODEL;
    }

    /** Holds the shipped model: the resource is read on first use, not per scorer or setting. */
    private static final class Shipped {
        static final StoryPairModel MODEL = read();
    }

    private static StoryPairModel read() {
        try (InputStream in = StoryPairModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the story pair model " + RESOURCE + " is missing from the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return of(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of the {@code story.pair.model} setting: a model file, or the shipped model when empty. */
    public static StoryPairModel fromSetting(String path) {
        if (path.isBlank()) {
            return shipped();
        }
        try {
            return parse(java.nio.file.Files.readString(java.nio.file.Path.of(path)));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the model file " + path + ": " + e.getMessage(), e);
        }
    }

    static StoryPairModel of(Properties p) {
        double[] w = new double[StoryVector.CLASSES];
        for (int k = 0; k < w.length; k++) {
            w[k] = number(p, NAMES.get(k));
        }
        return new StoryPairModel(w, number(p, "intercept"));
    }

    private static double number(Properties p, String name) {
        String value = p.getProperty(name);
        if (value == null) {
            throw new IllegalArgumentException("the story pair model has no " + name);
        }
        return Double.parseDouble(value.strip());
    }

    /** The model as the properties file it ships as, with the command that produced it. */
    public String toProperties(String command) {
        StringBuilder out = new StringBuilder();
        out.append("# Story pair model: logistic regression of same event on a pair's cosines by class.\n");
        out.append("# Produced by: ").append(command).append('\n');
        for (int k = 0; k < weights.length; k++) {
            out.append(NAMES.get(k)).append('=').append(String.format(Locale.ROOT, "%.6f", weights[k])).append('\n');
        }
        out.append("intercept=").append(String.format(Locale.ROOT, "%.6f", intercept)).append('\n');
        return out.toString();
    }

    static StoryPairModel parse(String properties) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(p);
    }
}
