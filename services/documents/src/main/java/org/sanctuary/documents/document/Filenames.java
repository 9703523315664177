package org.sanctuary.documents.document;

import org.sanctuary.common.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Original filenames are metadata only — never a path. One that tries to be a path (separators,
 * {@code ..}, a drive), carries control characters or is blank or too long is refused, not "fixed":
 * the uploader learns that the name was wrong.
 */
final class Filenames {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u202E]");

    private Filenames() {
    }

    static String checked(String filename) {
        if (filename == null || filename.isBlank()) {
            throw ProblemException.invalid("filename", "is required");
        }
        String name = filename.strip();
        if (name.contains("/") || name.contains("\\") || name.equals(".") || name.contains("..") || name.matches("^[A-Za-z]:.*")) {
            throw ProblemException.invalid("filename", "must be a file name, not a path");
        }
        if (CONTROL.matcher(name).find()) {
            throw ProblemException.invalid("filename", "must not contain control characters");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw ProblemException.invalid("filename", "must be at most 255 bytes");
        }
        return name;
    }

    /** A Content-Disposition value that no browser can misread: ASCII fallback plus RFC 5987 UTF-8. */
    static String disposition(String filename) {
        String ascii = filename.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = java.net.URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
