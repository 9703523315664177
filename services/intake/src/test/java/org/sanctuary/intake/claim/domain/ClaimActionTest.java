package org.sanctuary.intake.claim.domain;

import org.junit.jupiter.api.Test;
import org.sanctuary.contracts.claim.ClaimStatus;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimActionTest {

    @Test
    void onlyTheDocumentedTransitionsExist() {
        Set<String> allowed = Set.of("DRAFT-LODGE", "LODGED-START_ASSESSMENT", "UNDER_ASSESSMENT-DECIDE",
                "APPEALED-DECIDE", "DECIDED-APPEAL", "DECIDED-CLOSE", "DRAFT-WITHDRAW", "LODGED-WITHDRAW",
                "UNDER_ASSESSMENT-WITHDRAW", "APPEALED-WITHDRAW");
        for (ClaimStatus status : ClaimStatus.values()) {
            for (ClaimAction action : ClaimAction.values()) {
                assertEquals(allowed.contains(status + "-" + action), action.allowedFrom(status), status + " " + action);
            }
        }
    }

    @Test
    void closedAndWithdrawnClaimsAreFinal() {
        for (ClaimStatus end : EnumSet.of(ClaimStatus.CLOSED, ClaimStatus.WITHDRAWN)) {
            for (ClaimAction action : ClaimAction.values()) {
                assertFalse(action.allowedFrom(end));
            }
            assertFalse(end.editable());
        }
        assertTrue(ClaimAction.ofPath("start-assessment").isPresent());
        assertTrue(ClaimAction.ofPath("START_ASSESSMENT").isEmpty());
    }
}
