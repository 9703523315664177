package org.sanctuary.assessment.notice;

import com.ibm.icu.text.MessageFormat;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The notice's wording in one language: the ICU MessageFormat catalogues {@code notice*.properties} beside this class
 * (English, the root; Russian, Ukrainian, German, French), with the terms GLOSSARY.md gives.
 */
final class NoticeWording {

    private static final String CATALOGUE = "org.sanctuary.assessment.notice.notice";
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale language;
    private final ResourceBundle catalogue;

    NoticeWording(Locale language) {
        this.language = language;
        this.catalogue = ResourceBundle.getBundle(CATALOGUE, language, NoticeWording.class.getClassLoader(), NO_DEFAULT_LOCALE);
    }

    Locale language() {
        return language;
    }

    String text(String key) {
        return text(key, Map.of());
    }

    String text(String key, Map<String, Object> arguments) {
        return new MessageFormat(catalogue.getString(key), language).format(arguments);
    }
}
