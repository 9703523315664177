package org.sanctuary.intake.applicant.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IcaoTransliteratorTest {

    @ParameterizedTest(name = "{0} ({1}) → {2}")
    @CsvSource({
            "Дмитрий, DEFAULT, DMITRII",
            "Иванов, DEFAULT, IVANOV",
            "Щукин, DEFAULT, SHCHUKIN",
            "Хрущёв, DEFAULT, KHRUSHCHEV",
            "Цыганков, DEFAULT, TSYGANKOV",
            "Юлия, DEFAULT, IULIIA",
            "Объедков, DEFAULT, OBIEEDKOV",
            "Игорь, DEFAULT, IGOR",
            "Эдуард, DEFAULT, EDUARD",
            "Григорій, UKRAINIAN, HRYHORII",
            "Олександр, UKRAINIAN, OLEKSANDR",
            "Євген, DEFAULT, IEVHEN",
            "Ґудзь, DEFAULT, GUDZ",
            "Їжак, DEFAULT, IZHAK",
            "Анатолій, UKRAINIAN, ANATOLII",
            "Мікалай, BELARUSIAN, MIKALAI",
            "Ўладзімір, DEFAULT, ULADZIMIR",
            "Müller, DEFAULT, MUELLER",
            "Straße, DEFAULT, STRASSE",
            "Øystein, DEFAULT, OEYSTEIN",
            "José, DEFAULT, JOSE",
            "O'Brien, DEFAULT, OBRIEN",
            "ნინო, DEFAULT, NINO",
    })
    void transliteratesPerIcao9303(String name, IcaoTransliterator.Variant variant, String expected) {
        assertEquals(expected, IcaoTransliterator.toLatin(name, variant));
    }

    @ParameterizedTest
    @CsvSource({"UA, UKRAINIAN", "BY, BELARUSIAN", "RU, DEFAULT"})
    void theFirstGenuineNationalityChoosesTheReading(String country, IcaoTransliterator.Variant expected) {
        assertEquals(expected, IcaoTransliterator.variantFor(java.util.List.of(
                new Nationality("RU", true), new Nationality(country, false))));
    }
}
