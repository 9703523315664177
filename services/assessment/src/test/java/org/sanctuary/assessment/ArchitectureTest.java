package org.sanctuary.assessment;

import org.sanctuary.common.testing.ServiceArchitectureTest;

/** The package rules every service keeps (docs/architecture.md), over the assessment service's classes. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("org.sanctuary.assessment");
    }
}
