package org.sanctuary.common.persistence;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset query: fetch {@code limit + 1} rows, keep {@code limit}, and know whether more follow. */
public record Slice<T>(List<T> items, boolean more) {

    public static <T> Slice<T> of(List<T> fetched, int limit) {
        return fetched.size() > limit ? new Slice<>(List.copyOf(fetched.subList(0, limit)), true)
                : new Slice<>(List.copyOf(fetched), false);
    }

    /** The cursor of the next page, or null at the end. */
    public String next(Function<T, Cursor> cursorOf) {
        return more ? cursorOf.apply(items.get(items.size() - 1)).encode() : null;
    }
}
