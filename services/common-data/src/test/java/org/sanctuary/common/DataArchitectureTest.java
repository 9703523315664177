package org.sanctuary.common;

import org.sanctuary.common.testing.ServiceArchitectureTest;

/** Common-data's own controllers (audit, feed, data keys) keep the rules every service keeps. */
class DataArchitectureTest extends ServiceArchitectureTest {

    DataArchitectureTest() {
        super("org.sanctuary.common");
    }
}
