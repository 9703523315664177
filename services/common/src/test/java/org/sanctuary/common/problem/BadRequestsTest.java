package org.sanctuary.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonSyntaxException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A 400 is classified by the exceptions' types, never by what their messages happen to say. */
class BadRequestsTest {

    @Test
    void aBodyThatIsNotJsonIsMalformedWhereverTheParserSaysSo() {
        JsonParseException parser = new JsonParseException(null, "anything at all");
        assertEquals(ProblemType.MALFORMED, BadRequests.classify(parser));
        assertEquals(ProblemType.MALFORMED, BadRequests.classify(new ConversionErrorException(Argument.of(Object.class, "body"), parser)));
        assertEquals(ProblemType.MALFORMED, BadRequests.classify(new IllegalStateException(new JsonSyntaxException("x"))));
    }

    @Test
    void aMessageThatMerelyMentionsJsonSyntaxIsNotMalformed() {
        assertEquals(ProblemType.VALIDATION, BadRequests.classify(new IllegalArgumentException("Unexpected character: JsonSyntax")));
        assertEquals(ProblemType.VALIDATION, BadRequests.classify(null));
    }

    @Test
    void theArgumentComesFromTheBinderNotFromItsMessage() {
        assertEquals(Optional.of("limit"), BadRequests.argumentOf(new ConversionErrorException(Argument.of(Integer.class, "limit"),
                new NumberFormatException("For input string: \"many\""))));
        assertEquals(Optional.of("claimId"), BadRequests.argumentOf(new UnsatisfiedArgumentException(Argument.of(String.class, "claimId"))));
        assertEquals(Optional.empty(), BadRequests.argumentOf(new UnsatisfiedArgumentException(Argument.of(Object.class, "body"))));
        assertEquals(Optional.empty(), BadRequests.argumentOf(new IllegalArgumentException("Failed to convert argument [limit]")));
    }
}
