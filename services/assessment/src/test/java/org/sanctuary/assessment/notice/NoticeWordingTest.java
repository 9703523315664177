package org.sanctuary.assessment.notice;

import org.junit.jupiter.api.Test;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notice's wording: the pack's own templates message by message, else the shipped catalogue; a broken one refused. */
class NoticeWordingTest {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    @Test
    void thePackWordsAMessageItsOwnWayAndLeavesTheOthersShipped() {
        NoticeWording wording = new NoticeWording(RUSSIAN, Map.of("appealHeading", "Обжалование в суде",
                "appeal", "Жалобу можно подать в административный суд до {deadline}."));
        assertEquals("Обжалование в суде", wording.text("appealHeading"));
        assertEquals("Жалобу можно подать в административный суд до 12 декабря 2026 г..", wording.text("appeal",
                Map.of("deadline", "12 декабря 2026 г.", "organization", "БАМФ", "days", 14L)));
        assertEquals("Вам предоставлен статус беженца.", wording.text("outcome.REFUGEE_STATUS"));
    }

    @Test
    void theShippedMessagesCountInTheLanguagesOwnPlurals() {
        NoticeWording russian = new NoticeWording(RUSSIAN, Map.of());
        Map<String, Object> args = Map.of("deadline", "12 декабря 2026 г.", "organization", "БАМФ", "days", 14L);
        assertTrue(russian.text("appeal", args).contains("14 дней"), russian.text("appeal", args));
        NoticeWording ukrainian = new NoticeWording(Locale.forLanguageTag("uk"), Map.of());
        assertTrue(ukrainian.text("appeal", Map.of("deadline", "x", "organization", "y", "days", 3L)).contains("3 дні"));
    }

    @Test
    void aTemplateThatCannotBeSetIsRefusedWithItsPointer() {
        ProblemException broken = assertThrows(ProblemException.class,
                () -> new NoticeWording(Locale.ENGLISH, Map.of("title", "Decision on {applicantsCase")).text("title"));
        assertEquals(ProblemType.UNPROCESSABLE, broken.type());
        assertEquals("/notices/en/title", broken.violations().get(0).field());
        ProblemException unknown = assertThrows(ProblemException.class,
                () -> new NoticeWording(Locale.ENGLISH, Map.of("title", "Decision for {surname}")).text("title"));
        assertTrue(unknown.getMessage().contains("surname"), unknown.getMessage());
    }

    @Test
    void everyLanguageHasEveryMessage() {
        ResourceBundle english = ResourceBundle.getBundle("org.sanctuary.assessment.notice.notice", Locale.ROOT);
        for (String language : new String[]{"ru", "uk", "de", "fr"}) {
            ResourceBundle other = ResourceBundle.getBundle("org.sanctuary.assessment.notice.notice", Locale.forLanguageTag(language),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            assertEquals(english.keySet(), other.keySet(), language);
            for (String key : english.keySet()) {
                assertTrue(other.getString(key) != null && !other.getString(key).equals(english.getString(key)) || key.isEmpty(),
                        language + ": " + key + " is not translated");
            }
        }
    }
}
