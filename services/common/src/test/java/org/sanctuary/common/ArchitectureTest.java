package org.sanctuary.common;

import org.sanctuary.common.testing.ServiceArchitectureTest;

/** Common's own controllers (audit, feed, data keys) keep the rules every service keeps. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("org.sanctuary.common");
    }
}
