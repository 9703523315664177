package org.sanctuary.common.problem;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProblemTypeTest {

    @Test
    void aBareStatusMapsToItsGenericTypeNeverToASpecificOne() {
        assertEquals(ProblemType.VALIDATION, ProblemType.forStatus(400));
        assertEquals(ProblemType.FORBIDDEN, ProblemType.forStatus(403));
        assertEquals(ProblemType.CONFLICT, ProblemType.forStatus(409));
        assertEquals(ProblemType.UNPROCESSABLE, ProblemType.forStatus(422));
        assertEquals(ProblemType.INTERNAL, ProblemType.forStatus(500));
        assertEquals(ProblemType.INTERNAL, ProblemType.forStatus(502));
        assertEquals(ProblemType.VALIDATION, ProblemType.forStatus(418));
    }
}
