package org.sanctuary.intake.claim.domain;

import org.junit.jupiter.api.Test;
import org.sanctuary.contracts.claim.ClaimStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The claim's lifecycle, as methods of the claim: each change is the next version, or refused. */
class ClaimTest {

    private static final Instant MARCH = Instant.parse("2026-03-02T10:15:00Z");
    private static final MilitaryProfile RESERVIST = new MilitaryProfile(MilitaryProfile.MilitaryStatus.MOBILISED_RESERVIST,
            MilitaryProfile.RecruitingActor.STATE, "RU", null, null, false, false, null, null, null);

    private final Claim draft = Claim.draft(UUID.randomUUID(), UUID.randomUUID(), RESERVIST,
            Map.of("militaryStatus", Credibility.Assessment.ACCEPTED), "cw-1", MARCH);

    @Test
    void aDraftIsVersionOneWithNoDeadlineRunning() {
        assertEquals(1, draft.version());
        assertEquals(ClaimStatus.DRAFT, draft.status());
        assertNull(draft.lodgedOn());
        assertNull(draft.firstInstanceDeadline());
    }

    @Test
    void lodgingDatesTheClaimAndStartsTheDeadlineThePackSets() {
        Claim.Moved lodged = draft.move(ClaimAction.LODGE, MARCH, 180);
        assertEquals(ClaimStatus.DRAFT, lodged.from());
        assertEquals(ClaimStatus.LODGED, lodged.claim().status());
        assertEquals(2, lodged.claim().version());
        assertEquals(LocalDate.of(2026, 3, 2), lodged.claim().lodgedOn());
        assertEquals(LocalDate.of(2026, 8, 29), lodged.claim().firstInstanceDeadline());
    }

    @Test
    void anImpossibleMoveIsRefusedNamingWhereTheClaimStands() {
        Claim.Refused refused = assertThrows(Claim.Refused.class, () -> draft.move(ClaimAction.CLOSE, MARCH, 180));
        assertEquals(ClaimStatus.DRAFT, refused.from());
        assertEquals("A DRAFT claim cannot close.", refused.getMessage());
    }

    @Test
    void aDecidedClaimsFactsNoLongerChange() {
        Claim decided = draft.move(ClaimAction.LODGE, MARCH, 180).claim().move(ClaimAction.START_ASSESSMENT, MARCH, 0).claim()
                .move(ClaimAction.DECIDE, MARCH, 0).claim();
        assertThrows(Claim.Refused.class, () -> decided.withFacts(RESERVIST, Map.of(), "cw-1", MARCH));
        assertEquals(3, draft.move(ClaimAction.LODGE, MARCH, 180).claim().withFacts(RESERVIST, Map.of(), "cw-2", MARCH).version());
    }

    @Test
    void assigningKeepsEverythingElse() {
        Claim assigned = draft.assignedTo(null, MARCH.plusSeconds(60));
        assertNull(assigned.assignedCaseworker());
        assertEquals(draft.status(), assigned.status());
        assertEquals(draft.version() + 1, assigned.version());
        assertEquals(MARCH.plusSeconds(60), assigned.updatedAt());
    }
}
