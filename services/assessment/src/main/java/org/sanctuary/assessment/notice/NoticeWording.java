package org.sanctuary.assessment.notice;

import com.ibm.icu.text.MessageFormat;
import org.sanctuary.common.problem.Problem;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The notice's wording in one language: the tenant's own templates from its policy pack ({@code notices.<language>}),
 * message by message, else the ICU MessageFormat catalogues {@code notice*.properties} beside this class (English, the
 * root; Russian, Ukrainian, German, French), with the terms GLOSSARY.md gives. A template of the pack that is not valid
 * ICU, or names an argument the notice does not give, is refused (422) rather than set as written.
 */
final class NoticeWording {

    private static final String CATALOGUE = "org.sanctuary.assessment.notice.notice";
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale language;
    private final ResourceBundle catalogue;
    private final Map<String, String> pack;

    NoticeWording(Locale language, Map<String, String> pack) {
        this.language = language;
        this.catalogue = ResourceBundle.getBundle(CATALOGUE, language, NoticeWording.class.getClassLoader(), NO_DEFAULT_LOCALE);
        this.pack = pack;
    }

    Locale language() {
        return language;
    }

    String text(String key) {
        return text(key, Map.of());
    }

    String text(String key, Map<String, Object> arguments) {
        String own = pack.get(key);
        if (own == null) {
            return new MessageFormat(catalogue.getString(key), language).format(arguments);
        }
        try {
            MessageFormat format = new MessageFormat(own, language);
            if (!arguments.keySet().containsAll(format.getArgumentNames())) {
                throw new IllegalArgumentException("it names " + format.getArgumentNames() + "; this message gives " + arguments.keySet());
            }
            return format.format(arguments);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "Your organization's policy pack words the notice's message "
                    + key + " in " + language.toLanguageTag() + " in a way that cannot be set: " + e.getMessage(),
                    List.of(new Problem.Violation("/notices/" + language.toLanguageTag() + "/" + key, e.getMessage())));
        }
    }
}
