package org.sanctuary.assessment.engine;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Issue 19, item 6: each language's catalogue holds every reason code, and every message is valid ICU. */
class ReasonCataloguesTest {

    private static Properties catalogue(String suffix) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = Reasons.class.getResourceAsStream("reasons" + suffix + ".properties")) {
            assertNotNull(in, "reasons" + suffix + ".properties");
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }

    private static Set<String> codes(Properties messages) {
        return messages.stringPropertyNames().stream().filter(k -> !k.startsWith("pronoun.")).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyLanguageHasEveryCodeAndEveryMessageParses() throws IOException {
        Properties english = catalogue("");
        for (Locale language : Reasons.LANGUAGES) {
            String suffix = language.equals(Reasons.ENGLISH) ? "" : "_" + language.getLanguage();
            Properties messages = catalogue(suffix);
            assertEquals(codes(english), codes(messages), language + ": the same codes as English");
            for (String code : messages.stringPropertyNames()) {
                String pattern = messages.getProperty(code);
                new MessageFormat(pattern, ULocale.forLocale(language)); // throws on a malformed message
                assertFalse(pattern.contains("'{") || pattern.contains("'}"), language + " " + code + ": an ASCII apostrophe quotes a placeholder");
            }
        }
    }
}
