package org.sanctuary.reporting;

import org.sanctuary.common.testing.ServiceArchitectureTest;

/** The package rules every service keeps (docs/architecture.md), over the reporting service's classes. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("org.sanctuary.reporting");
    }
}
