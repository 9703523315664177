package org.sanctuary.documents;

import org.sanctuary.common.testing.ServiceArchitectureTest;

/** The package rules every service keeps (docs/architecture.md), over the documents service's classes. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("org.sanctuary.documents");
    }
}
