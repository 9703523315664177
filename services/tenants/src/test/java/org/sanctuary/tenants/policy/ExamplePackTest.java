package org.sanctuary.tenants.policy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pack the API document shows as the example of a draft's body is a pack this service accepts. */
class ExamplePackTest {

    @Test
    void theDocumentsExamplePackIsValidAgainstThePackSchema() {
        assertEquals(List.of(), new PolicyPackSchema().violations(PolicyPackController.EXAMPLE_PACK));
    }
}
