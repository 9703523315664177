package org.sanctuary.intake.applicant.domain;

import com.ibm.icu.text.Transliterator;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Latin transliteration of names per ICAO Doc 9303 Part 3 (the machine-readable-zone table), run by
 * ICU4J's rule-based transliterator. Cyrillic follows the ICAO table, with the national readings
 * Ukrainian passports use (Г → H, И → Y) and Belarusian Г → H; Latin letters with diacritics take ICAO's recommended forms (Ä → AE, ß → SS); other
 * scripts fall back to ICU's Any-Latin; Latin-ASCII (noted in docs/intake.md). Output is upper case,
 * as in the MRZ.
 */
public final class IcaoTransliterator {

    /** Which national reading of Cyrillic Г applies. */
    public enum Variant { DEFAULT, UKRAINIAN, BELARUSIAN }

    // Upper-case only Cyrillic and Latin first: Georgian capitals (Mtavruli) would defeat Any-Latin.
    private static final String HEAD = """
            :: NFC ;
            :: [[:Cyrillic:][:Latin:]] Upper ;
            """;
    private static final String CYRILLIC = """
            А > A ; Б > B ; В > V ; Д > D ; Е > E ; Ё > E ; Ж > ZH ; З > Z ; И > I ; Й > I ;
            К > K ; Л > L ; М > M ; Н > N ; О > O ; П > P ; Р > R ; С > S ; Т > T ; У > U ;
            Ф > F ; Х > KH ; Ц > TS ; Ч > CH ; Ш > SH ; Щ > SHCH ; Ъ > IE ; Ы > Y ; Ь > ; Э > E ;
            Ю > IU ; Я > IA ; Є > IE ; І > I ; Ї > I ; Ґ > G ; Ў > U ; Ѕ > DZ ; Ј > J ; Љ > LJ ;
            Њ > NJ ; Ћ > C ; Ђ > D ; Џ > DZ ; Ѓ > G ; Ќ > K ; ’ > ; ʼ > ; \\' > ;
            """;
    private static final String LATIN = """
            Ä > AE ; Å > AA ; Æ > AE ; Ö > OE ; Ø > OE ; Ü > UE ; ß > SS ; Þ > TH ; Ĳ > IJ ; Œ > OE ;
            :: Any-Latin ;
            :: Latin-ASCII ;
            :: Upper ;
            """;

    /** Letters only Ukrainian (Є, Ї, Ґ) or Belarusian (Ў) Cyrillic has decide the reading by themselves. */
    private static final Pattern UKRAINIAN_LETTERS = Pattern.compile("[ЄЇҐ]");
    private static final Pattern BELARUSIAN_LETTERS = Pattern.compile("Ў");

    private static final Transliterator DEFAULT = build("Г > G ;");
    private static final Transliterator UKRAINIAN = build("Г > H ; И > Y ;");
    private static final Transliterator BELARUSIAN = build("Г > H ;");

    private IcaoTransliterator() {
    }

    /** {@code national} runs as its own pass first, so its readings win over the common table. */
    private static Transliterator build(String national) {
        return Transliterator.createFromRules("sanctuary-icao-9303", HEAD + national + ":: Null ;\n" + CYRILLIC + LATIN, Transliterator.FORWARD);
    }

    public static String toLatin(String name, Variant variant) {
        if (name == null) {
            return null;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        Variant effective = UKRAINIAN_LETTERS.matcher(upper).find() ? Variant.UKRAINIAN
                : BELARUSIAN_LETTERS.matcher(upper).find() ? Variant.BELARUSIAN : variant;
        Transliterator transliterator = switch (effective) {
            case UKRAINIAN -> UKRAINIAN;
            case BELARUSIAN -> BELARUSIAN;
            case DEFAULT -> DEFAULT;
        };
        return transliterator.transliterate(name).replaceAll("\\s+", " ").trim();
    }

    public static PersonName toLatin(PersonName name, Variant variant) {
        return new PersonName(toLatin(name.given(), variant), toLatin(name.family(), variant),
                toLatin(name.patronymic(), variant));
    }

    /** The variant a person's nationalities suggest (first genuine nationality). */
    public static Variant variantFor(java.util.List<Nationality> nationalities) {
        return nationalities.stream().filter(n -> !n.imposed()).map(Nationality::country).findFirst()
                .map(c -> switch (c) {
                    case "UA" -> Variant.UKRAINIAN;
                    case "BY" -> Variant.BELARUSIAN;
                    default -> Variant.DEFAULT;
                }).orElse(Variant.DEFAULT);
    }
}
