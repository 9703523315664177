package org.sanctuary.gateway;

import org.sanctuary.common.testing.ServiceArchitectureTest;

/** The gateway's controllers (the console, the merged API document) keep the rules every service keeps. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("org.sanctuary.gateway");
    }
}
