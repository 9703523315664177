package org.sanctuary.intake.claim.persistence;

import org.sanctuary.common.persistence.Cursor;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.intake.claim.domain.Claim;
import org.sanctuary.intake.claim.domain.ClaimOrder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

/** Each order of a list of claims as a keyset ending in (created_at, id), so a page boundary is stable under inserts. */
final class ClaimKeyset {

    /** The deadline a claim without one sorts by: after every real date. */
    static final LocalDate UNDATED = LocalDate.of(9999, 12, 31);
    static final String DEADLINE_KEY = "coalesce(first_instance_deadline, date '9999-12-31')";

    private ClaimKeyset() {
    }

    /** Where a page ends, in this order; opaque to clients. */
    static String cursorAfter(ClaimOrder order, Claim last) {
        Cursor position = new Cursor(last.createdAt(), last.id());
        if (order != ClaimOrder.DEADLINE) {
            return position.encode();
        }
        LocalDate deadline = last.firstInstanceDeadline() == null ? UNDATED : last.firstInstanceDeadline();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("d" + deadline.toEpochDay() + "." + position.encode()).getBytes(StandardCharsets.US_ASCII));
    }

    /** The keyset condition and its parameters after {@code cursor} (none for the first page). */
    static String after(ClaimOrder order, String cursor, List<Object> params) {
        if (cursor == null) {
            return "";
        }
        return switch (order) {
            case CREATED -> keyset(Cursor.decode(cursor), ">", params);
            case NEWEST -> keyset(Cursor.decode(cursor), "<", params);
            case DEADLINE -> {
                String raw;
                try {
                    raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid("cursor", "is not a cursor this API returned");
                }
                int dot = raw.indexOf('.');
                if (!raw.startsWith("d") || dot < 0) {
                    throw ProblemException.invalid("cursor", "is not a cursor of this sort order");
                }
                LocalDate deadline;
                try {
                    deadline = LocalDate.ofEpochDay(Long.parseLong(raw.substring(1, dot)));
                } catch (RuntimeException e) {
                    throw ProblemException.invalid("cursor", "is not a cursor this API returned");
                }
                Cursor position = Cursor.decode(raw.substring(dot + 1));
                params.addAll(List.of(deadline, position.createdAt(), position.id()));
                yield " and (" + DEADLINE_KEY + ", created_at, id) > (?, ?, ?)";
            }
        };
    }

    static String orderBy(ClaimOrder order) {
        return switch (order) {
            case CREATED -> "created_at, id";
            case NEWEST -> "created_at desc, id desc";
            case DEADLINE -> DEADLINE_KEY + ", created_at, id";
        };
    }

    private static String keyset(Cursor position, String comparison, List<Object> params) {
        params.add(position.createdAt());
        params.add(position.id());
        return " and (created_at, id) " + comparison + " (?, ?)";
    }
}
