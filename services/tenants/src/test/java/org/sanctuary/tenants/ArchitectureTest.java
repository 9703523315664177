package org.sanctuary.tenants;

import org.sanctuary.common.testing.ServiceArchitectureTest;

/** The package rules every service keeps (docs/architecture.md), over the tenants service's classes. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("org.sanctuary.tenants");
    }
}
