package io.newswire.processors.nlp;

/** Detects the language of a text. Implementations must be thread-safe. */
public interface LanguageDetector {

    /** An ISO 639-1 code where one exists (otherwise the detector's ISO 639-3 code) and a confidence in [0, 1]. */
    record Detected(String code, double confidence) {
    }

    Detected detect(String text);

    /** Always the same answer: for tests and for pipelines that know their input's language. */
    static LanguageDetector fixed(String code) {
        return text -> new Detected(code, 1.0);
    }
}
