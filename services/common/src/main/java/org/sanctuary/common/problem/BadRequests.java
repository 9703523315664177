package org.sanctuary.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns the framework's 400s into a field name and a sentence a client can act on. The kind of failure and the field
 * it names are read from the exceptions' types (the JSON parser's, serde's reference path, the binder's argument),
 * never from their messages; the message is only the sentence shown, cleaned of class names.
 */
final class BadRequests {

    private BadRequests() {
    }

    /** Malformed: the body is not JSON at all (Jackson's parser, or Micronaut's own JSON check, refused it). */
    static ProblemType classify(Throwable cause) {
        return causes(cause).anyMatch(t -> t instanceof JsonSyntaxException || t instanceof JsonParseException)
                ? ProblemType.MALFORMED : ProblemType.VALIDATION;
    }

    /** A constraint path such as {@code create.request.name.given} → {@code name.given}. */
    static String fieldOf(String path) {
        String[] parts = path.split("\\.");
        if (parts.length > 2) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    /** The JSON path serde reports for a body it could not read, as {@code military.status}. */
    static Optional<String> jsonPath(Throwable cause) {
        Throwable current = cause;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (current instanceof SerdeException serde && !serde.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (ReferencePath step : serde.getPath()) {
                    String part = null;
                    if (step instanceof PropertyReferencePath property) {
                        part = property.property().getName();
                    } else if (step instanceof CollectionItemReferencePath item) {
                        part = Integer.toString(item.index());
                    } else if (step instanceof MapItemReferencePath entry) {
                        part = entry.key();
                    }
                    if (part != null) {
                        // serde lists the innermost step first
                        path.insert(0, path.length() == 0 ? part : part + ".");
                    }
                }
                if (path.length() > 0) {
                    return Optional.of(path.toString());
                }
            }
            current = next(current);
        }
        return Optional.empty();
    }

    /** The query, path or header argument the binder could not convert or did not find (never the body itself). */
    static Optional<String> argumentOf(Throwable cause) {
        return causes(cause).map(t -> t instanceof ConversionErrorException conversion ? conversion.getArgument()
                        : t instanceof UnsatisfiedArgumentException unsatisfied ? unsatisfied.getArgument() : null)
                .filter(java.util.Objects::nonNull).map(Argument::getName).filter(name -> !"body".equals(name)).findFirst();
    }

    /** {@code failure} and its causes, through a conversion error's own cause (serde's and the parser's failures). */
    private static Stream<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, java.util.Objects::nonNull, BadRequests::next).limit(10);
    }

    private static Throwable next(Throwable current) {
        Throwable next = current instanceof ConversionErrorException conversion
                ? conversion.getConversionError().getCause() : current.getCause();
        return next == current ? null : next;
    }

    /** Drops class names and the framework's prefixes; keeps the sentence. */
    static String clean(String message) {
        if (message == null) {
            return null;
        }
        int cause = message.lastIndexOf("due to: ");
        String reason = cause >= 0 ? message.substring(cause + "due to: ".length()) : message;
        int location = reason.indexOf("\n at [Source");
        if (location >= 0) {
            reason = reason.substring(0, location);
        }
        String cleaned = reason.strip().replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)", "$1");
        return cleaned.length() > 400 ? cleaned.substring(0, 400) + "…" : cleaned;
    }
}
