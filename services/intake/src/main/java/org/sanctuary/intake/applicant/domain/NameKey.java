package org.sanctuary.intake.applicant.domain;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * A spelling-tolerant key for matching names across scripts and romanisations: Дмитрий Иванов,
 * Dmitrii Ivanov, Dmitriy Ivanov and Dmitry Ivanov share {@code DMITRI IVANOV}. Built on the ICAO
 * transliteration, then folds the variants common in other romanisation systems (Y/J/I, KH/H,
 * TS/TZ/C, doubled letters, W/V, X/KS). Remaining differences are scored by Jaro–Winkler.
 */
public final class NameKey {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private NameKey() {
    }

    public static String of(String name, IcaoTransliterator.Variant variant) {
        if (name == null || name.isBlank()) {
            return "";
        }
        StringBuilder key = new StringBuilder();
        for (String word : IcaoTransliterator.toLatin(name, variant).split("[^A-Z]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (key.length() > 0) {
                key.append(' ');
            }
            key.append(fold(word));
        }
        return key.toString();
    }

    public static String of(PersonName name, IcaoTransliterator.Variant variant) {
        String patronymic = name.patronymic() == null ? "" : " " + of(name.patronymic(), variant);
        return (of(name.given(), variant) + " " + of(name.family(), variant) + patronymic).trim();
    }

    static String fold(String word) {
        String w = word
                .replace("SHCH", "SC").replace("SCH", "SH")
                .replace("KH", "H").replace("TZ", "C").replace("TS", "C")
                .replace("X", "KS").replace("W", "V")
                .replace('Y', 'I').replace('J', 'I');
        w = w.replace("IE", "E").replace("IO", "E");
        // collapse doubled letters: DMITRII ~ DMITRI, ALLA ~ ALA
        StringBuilder out = new StringBuilder();
        for (char c : w.toCharArray()) {
            if (out.length() == 0 || out.charAt(out.length() - 1) != c) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** 0..1: how alike two keys are. */
    public static double similarity(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        return JARO_WINKLER.apply(a, b);
    }
}
