package org.sanctuary.common.problem;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the framework's 400 messages into a field name and a sentence a client can act on. */
final class BadRequests {

    private static final Pattern PROPERTY = Pattern.compile("(?:decoding property|property) \\[(?:[^\\]]*? )?([A-Za-z0-9_]+)\\]");
    private static final Pattern PARAMETER = Pattern.compile("(?:constructor parameter|Argument|argument) \\[(?:[^\\]]*? )?([A-Za-z0-9_]+)\\]");

    private BadRequests() {
    }

    static ProblemType classify(Throwable cause) {
        if (cause == null) {
            return ProblemType.VALIDATION;
        }
        String name = cause.getClass().getName();
        String message = String.valueOf(cause.getMessage());
        if (name.contains("JsonSyntax") || name.contains("JsonParse") || message.contains("Unexpected character")
                || message.contains("Unexpected end-of-input") || message.contains("Invalid JSON")) {
            return ProblemType.MALFORMED;
        }
        return ProblemType.VALIDATION;
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
            Throwable next = current instanceof ConversionErrorException conversion
                    ? conversion.getConversionError().getCause() : current.getCause();
            current = next == current ? null : next;
        }
        return Optional.empty();
    }

    static Optional<String> fieldFromMessage(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher property = PROPERTY.matcher(message);
        String last = null;
        while (property.find()) {
            last = property.group(1);
        }
        if (last != null) {
            return Optional.of(last);
        }
        Matcher parameter = PARAMETER.matcher(message);
        if (parameter.find() && !"body".equals(parameter.group(1))) {
            return Optional.of(parameter.group(1));
        }
        return Optional.empty();
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
