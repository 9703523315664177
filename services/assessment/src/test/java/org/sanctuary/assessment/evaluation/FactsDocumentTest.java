package org.sanctuary.assessment.evaluation;

import org.junit.jupiter.api.Test;
import org.sanctuary.assessment.engine.Facts;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The document's facts and the engine's are the same records, field by field (only the optionality is added). */
class FactsDocumentTest {

    @Test
    void theDocumentDescribesEveryFieldOfTheEnginesFactsAndNoOther() {
        List<Class<?>[]> pairs = List.of(new Class<?>[]{Facts.class, FactsDocument.class},
                new Class<?>[]{Facts.Applicant.class, FactsDocument.Applicant.class},
                new Class<?>[]{Facts.Region.class, FactsDocument.Region.class},
                new Class<?>[]{Facts.Military.class, FactsDocument.Military.class},
                new Class<?>[]{Facts.CallUp.class, FactsDocument.CallUp.class},
                new Class<?>[]{Facts.Unit.class, FactsDocument.Unit.class},
                new Class<?>[]{Facts.Objection.class, FactsDocument.Objection.class});
        for (Class<?>[] pair : pairs) {
            assertEquals(shape(pair[0]), shape(pair[1]), pair[0].getSimpleName());
        }
        long nested = Arrays.stream(Facts.class.getDeclaredClasses()).filter(Class::isRecord).count();
        assertEquals(pairs.size() - 1, nested, "every record of the engine's facts has its description");
    }

    /** Each component's name and type, the document's own records read as the engine's. */
    private static List<String> shape(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(FactsDocumentTest::describe).toList();
    }

    private static String describe(RecordComponent component) {
        return component.getName() + ": " + component.getGenericType().getTypeName()
                .replace(FactsDocument.class.getName(), Facts.class.getName());
    }
}
