package org.sanctuary.assessment.engine;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Renders reasons from the ICU message catalogues {@code reasons*.properties} beside this class: English
 * (the root), Russian, Ukrainian, German and French — the console's languages. Every message may use
 * {@code sex} ({@code FEMALE}, {@code MALE}, or anything else for neutral wording) and the catalogue's
 * pronouns {@code {he}}, {@code {his}}, {@code {him}}; a list argument is joined as the language joins
 * lists ("a, b and c"), except {@code sentences}, which are set one after another. Each reason starts
 * with a capital letter. Legal citations stay as the sources name them. Codes: docs/assessment.md.
 */
public final class Reasons {

    public static final Locale ENGLISH = Locale.ENGLISH;

    /** The languages reasons are written in, English first (the fallback). */
    public static final List<Locale> LANGUAGES = List.of(ENGLISH, Locale.forLanguageTag("ru"), Locale.forLanguageTag("uk"),
            Locale.GERMAN, Locale.FRENCH);

    private static final String CATALOGUE = "org.sanctuary.assessment.engine.reasons";
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final List<String> PRONOUNS = List.of("he", "his", "him");

    private Reasons() {
    }

    /** The first of the reader's languages that reasons are written in, else English. */
    public static Locale supported(List<Locale> preferred) {
        for (Locale wanted : preferred) {
            for (Locale language : LANGUAGES) {
                if (language.getLanguage().equals(wanted.getLanguage())) {
                    return language;
                }
            }
        }
        return ENGLISH;
    }

    /** The language of an {@code Accept-Language} header (RFC 9110 weights honoured) that reasons are written in, else English. */
    public static Locale supported(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        try {
            return supported(Locale.LanguageRange.parse(acceptLanguage).stream().map(Locale.LanguageRange::getRange)
                    .filter(range -> !range.equals("*")).map(Locale::forLanguageTag).toList());
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
    }

    /** The assessment with every finding's title and reasons in {@code language}. */
    public static Assessment in(Assessment a, Locale language) {
        return new Assessment(a.recommendation(), a.grounds(), a.nonRefoulement(),
                a.findings().stream().map(f -> in(f, language)).toList(), a.missing(), a.assessmentDate(), a.legalFramework(),
                a.packVersion(), a.appeal());
    }

    /** The finding in {@code language}; one stored before reason codes existed keeps its text. */
    public static Finding in(Finding f, Locale language) {
        if (f.reasonCodes() == null || f.reasonCodes().isEmpty()) {
            return f;
        }
        ResourceBundle catalogue = catalogue(language);
        String title = catalogue.containsKey("rule." + f.rule()) ? catalogue.getString("rule." + f.rule()) : f.title();
        List<String> reasons;
        try {
            reasons = f.reasonCodes().stream().map(r -> render(r, language)).toList();
        } catch (IllegalStateException unknownCode) { // a code no catalogue holds any more: the text stored with it stands
            return f;
        }
        return new Finding(f.rule(), title, f.result(), reasons, f.reasonCodes(), f.facts(), f.evidence(), f.coi(), f.packVersion());
    }

    /** One reason as a sentence in {@code language}. */
    public static String render(Reason reason, Locale language) {
        Object sex = reason.args().get("sex");
        String text = text(reason, language, sex == null ? "" : sex.toString());
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(language) + text.substring(1);
    }

    private static String text(Reason reason, Locale language, String sex) {
        ResourceBundle catalogue = catalogue(language);
        ULocale locale = ULocale.forLocale(language);
        String pattern;
        try {
            pattern = catalogue.getString(reason.code());
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no message " + reason.code() + " in the reasons catalogue", e);
        }
        Map<String, Object> args = new HashMap<>();
        args.put("sex", sex);
        for (String pronoun : PRONOUNS) { // formatted only for the messages that use them (not for every term)
            if (pattern.contains("{" + pronoun + "}") && catalogue.containsKey("pronoun." + pronoun)) {
                args.put(pronoun, new MessageFormat(catalogue.getString("pronoun." + pronoun), locale).format(Map.of("sex", sex)));
            }
        }
        reason.args().forEach((name, value) -> args.put(name, value(name, value, language, sex)));
        return new MessageFormat(pattern, locale).format(args);
    }

    @SuppressWarnings("unchecked")
    private static Object value(String name, Object value, Locale language, String sex) {
        if (value instanceof Reason nested) {
            return text(nested, language, sex);
        }
        if (value instanceof Map<?, ?> stored && stored.get("code") instanceof String code) { // a nested reason read back from JSON
            Object args = stored.get("args");
            return text(new Reason(code, args instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of()), language, sex);
        }
        if (value instanceof List<?> items) {
            List<String> texts = items.stream().map(item -> String.valueOf(value(name, item, language, sex))).toList();
            return name.equals("sentences") ? String.join(" ", texts.stream().map(t -> t.isEmpty() ? t
                    : t.substring(0, 1).toUpperCase(language) + t.substring(1)).toList())
                    : ListFormatter.getInstance(ULocale.forLocale(language)).format(texts);
        }
        return value instanceof Number ? value : String.valueOf(value);
    }

    private static ResourceBundle catalogue(Locale language) {
        return ResourceBundle.getBundle(CATALOGUE, language, Reasons.class.getClassLoader(), NO_DEFAULT_LOCALE);
    }
}
