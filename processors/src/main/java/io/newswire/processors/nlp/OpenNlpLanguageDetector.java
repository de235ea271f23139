package io.newswire.processors.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * OpenNLP's language detector with the 103-language model from Maven Central
 * ({@code opennlp-models-langdetect}). Reads the first {@value #SAMPLE_CHARS} characters: measured
 * ~2,200 articles/s per thread that way against ~450/s on full text, and a news lead is plenty.
 * One model per JVM; a detector per thread, since OpenNLP documents no thread-safety for it.
 */
public final class OpenNlpLanguageDetector implements LanguageDetector {

    static final int SAMPLE_CHARS = 500;
    private static final String MODEL_RESOURCE = "/langdetect-183.bin";
    private static final Map<String, String> ISO1_BY_ISO3 = iso1ByIso3();

    private final ThreadLocal<LanguageDetectorME> detector;

    public OpenNlpLanguageDetector() {
        LanguageDetectorModel model;
        try (InputStream in = OpenNlpLanguageDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("language model " + MODEL_RESOURCE
                        + " not on the classpath: add org.apache.opennlp:opennlp-models-langdetect");
            }
            model = new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the language model", e);
        }
        this.detector = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
    }

    @Override
    public Detected detect(String text) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        Language best = detector.get().predictLanguage(sample);
        return new Detected(ISO1_BY_ISO3.getOrDefault(best.getLang(), best.getLang()), best.getConfidence());
    }

    private static Map<String, String> iso1ByIso3() {
        Map<String, String> map = new HashMap<>();
        for (String iso1 : Locale.getISOLanguages()) {
            map.put(new Locale(iso1).getISO3Language(), iso1);
        }
        // The model labels some languages by an individual ISO 639-3 code under a macrolanguage.
        map.put("cmn", "zh");
        map.put("arb", "ar");
        map.put("pes", "fa");
        map.put("nob", "nb");
        map.put("zlm", "ms");
        map.put("ekk", "et");
        map.put("lvs", "lv");
        map.put("swh", "sw");
        return Map.copyOf(map);
    }
}
