package org.sanctuary.intake;

import org.sanctuary.common.testing.ServiceArchitectureTest;

/** The package rules every service keeps (docs/architecture.md), over the intake service's classes. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("org.sanctuary.intake");
    }
}
