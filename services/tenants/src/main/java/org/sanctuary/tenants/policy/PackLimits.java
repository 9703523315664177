package org.sanctuary.tenants.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.sanctuary.common.problem.Problem;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Structural bounds every stored pack keeps, checked in one streaming pass before anything builds a
 * tree of the document: nesting depth, items per array, members per object, characters per string and
 * values in all. The schema's own {@code maxItems}/{@code maxLength}/{@code maxProperties} are tighter
 * per field; these generic ones guard what runs before and beside it (the schema validator on a
 * 200k-item array, a diff of versions stored before the schema was bounded).
 */
public final class PackLimits {

    public static final int MAX_DEPTH = 32;
    public static final int MAX_ITEMS = 1_000;
    public static final int MAX_MEMBERS = 1_000;
    public static final int MAX_STRING = 20_000;
    public static final int MAX_VALUES = 200_000;

    /** Jackson's own constraints (1000 levels, 20M characters) lie beyond ours: this pass finds the pointer first. */
    private static final JsonFactory JSON = new JsonFactory();

    private PackLimits() {
    }

    /** The first bound the document breaks, at its JSON pointer; empty when it keeps them all (or is not JSON: the schema says so). */
    public static Optional<Problem.Violation> firstBreach(String document) {
        try (JsonParser parser = JSON.createParser(document)) {
            Deque<int[]> counts = new ArrayDeque<>(); // per open container: members or items seen
            Deque<String> path = new ArrayDeque<>();
            Deque<Boolean> arrays = new ArrayDeque<>();
            int values = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    if (++counts.peek()[0] > MAX_MEMBERS) {
                        return Optional.of(breach(path, false, "at most " + MAX_MEMBERS + " members"));
                    }
                    path.pop();
                    path.push(parser.currentName());
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    counts.pop();
                    path.pop();
                    arrays.pop();
                    continue;
                }
                if (++values > MAX_VALUES) {
                    return Optional.of(breach(path, true, "at most " + MAX_VALUES + " values in a pack"));
                }
                if (Boolean.TRUE.equals(arrays.peek())) {
                    int index = counts.peek()[0]++;
                    if (index >= MAX_ITEMS) {
                        return Optional.of(breach(path, false, "at most " + MAX_ITEMS + " items"));
                    }
                    path.pop();
                    path.push(Integer.toString(index));
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    if (arrays.size() >= MAX_DEPTH) {
                        return Optional.of(breach(path, true, "nested at most " + MAX_DEPTH + " levels deep"));
                    }
                    counts.push(new int[1]);
                    arrays.push(token == JsonToken.START_ARRAY);
                    path.push("");
                } else if (token == JsonToken.VALUE_STRING && parser.getTextLength() > MAX_STRING) {
                    return Optional.of(breach(path, true, "at most " + MAX_STRING + " characters"));
                }
            }
            return Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty(); // the schema check reports it as malformed
        }
    }

    /**
     * The pointer where a bound broke: the path stack holds, per open container, the member or item
     * being read; a container's own bound (items, members) names the container, any other the value.
     */
    private static Problem.Violation breach(Deque<String> path, boolean value, String rule) {
        List<String> segments = new ArrayList<>(path);
        Collections.reverse(segments); // the deque's head is the innermost container
        if (!value && !segments.isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        StringBuilder pointer = new StringBuilder();
        for (String segment : segments) {
            pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return new Problem.Violation(pointer.toString(), "must hold " + rule);
    }
}
