package org.sanctuary.common.problem;

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
        String cleaned = message.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)", "$1");
        return cleaned.length() > 400 ? cleaned.substring(0, 400) + "…" : cleaned;
    }
}
