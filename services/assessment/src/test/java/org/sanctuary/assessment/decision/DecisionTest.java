package org.sanctuary.assessment.decision;

import org.junit.jupiter.api.Test;
import org.sanctuary.assessment.engine.Recommendation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Four eyes and the appeal period, as methods of the decision. */
class DecisionTest {

    private static final Instant NOW = Instant.parse("2026-05-04T09:00:00Z");

    private final Decision draft = Decision.draft(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            Decision.Stage.FIRST_INSTANCE, Decision.Outcome.SUBSIDIARY_PROTECTION, Recommendation.REFUGEE_STATUS,
            "The applicant's objection was found not credible.", "cw-anna", NOW);

    @Test
    void aDraftAwaitsApprovalAndKnowsWhetherItDeparts() {
        assertEquals(Decision.Status.PENDING_APPROVAL, draft.status());
        assertTrue(draft.departs());
        assertFalse(Decision.draft(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                Decision.Stage.FIRST_INSTANCE, Decision.Outcome.REFUGEE_STATUS, Recommendation.REFUGEE_STATUS, null, "cw", NOW)
                .departs());
    }

    @Test
    void itsAuthorCannotReviewIt() {
        Decision.Refused refused = assertThrows(Decision.Refused.class, () -> draft.approved("cw-anna", NOW, null, 14,
                LocalDate.of(2026, 5, 4)));
        assertEquals(Decision.Refused.Why.FOUR_EYES, refused.why());
    }

    @Test
    void approvalSetsTheAppealDeadlineThePackGives() {
        Decision approved = draft.approved("sv-boris", NOW, "  Agreed.  ", 14, LocalDate.of(2026, 5, 4));
        assertEquals(Decision.Status.APPROVED, approved.status());
        assertEquals("sv-boris", approved.reviewer());
        assertEquals("Agreed.", approved.comments());
        assertEquals(LocalDate.of(2026, 5, 18), approved.appealDeadline());
        assertEquals(Decision.Refused.Why.NOT_PENDING,
                assertThrows(Decision.Refused.class, () -> approved.returned("sv-carl", NOW, "x")).why());
        assertDoesNotThrow(() -> approved.requireAppealableOn(LocalDate.of(2026, 5, 18)));
        assertEquals(Decision.Refused.Why.APPEAL_PERIOD_OVER,
                assertThrows(Decision.Refused.class, () -> approved.requireAppealableOn(LocalDate.of(2026, 5, 19))).why());
    }

    @Test
    void aReturnedDecisionCannotBeAppealed() {
        Decision returned = draft.returned("sv-boris", NOW, " ");
        assertNull(returned.comments());
        assertNull(returned.appealDeadline());
        assertEquals(Decision.Refused.Why.NOT_APPROVED,
                assertThrows(Decision.Refused.class, () -> returned.requireAppealableOn(LocalDate.of(2026, 5, 5))).why());
    }
}
