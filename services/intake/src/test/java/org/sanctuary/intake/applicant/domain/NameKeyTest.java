package org.sanctuary.intake.applicant.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameKeyTest {

    private static String key(String name) {
        return NameKey.of(name, IcaoTransliterator.Variant.DEFAULT);
    }

    @ParameterizedTest(name = "{0} ≈ {1}")
    @CsvSource({
            "Дмитрий Иванов, Dmitrii Ivanov",
            "Дмитрий Иванов, Dmitriy Ivanov",
            "Дмитрий Иванов, Dmitry Ivanov",
            "Юрий Хабаров, Yuri Khabarov",
            "Юлия Цой, Julija Tsoj",
            "Евгений Щербаков, Yevgeniy Shcherbakov",
            "Алла Жукова, Ala Zhukova",
    })
    void spellingsAcrossScriptsShareAKey(String original, String romanised) {
        assertEquals(key(original), key(romanised));
    }

    @Test
    void differentPeopleScoreLow() {
        assertTrue(NameKey.similarity(key("Дмитрий Иванов"), key("Сергей Петров")) < 0.7);
        assertTrue(NameKey.similarity(key("Дмитрий Иванов"), key("Dmitri Ivanova")) > 0.9);
        assertEquals(0, NameKey.similarity("", key("Иван")));
    }
}
