package org.sanctuary.e2e;

import org.sanctuary.devstack.DevStack;

/**
 * One local stack for every end-to-end test class of this JVM: started by the first that needs it (or
 * reused when `./sanctuary up` runs one), stopped when the JVM exits.
 */
final class SharedStack {

    private static DevStack stack;

    private SharedStack() {
    }

    static synchronized void ensureRunning() throws Exception {
        if (stack == null && !DevStack.running()) {
            stack = DevStack.start(false);
            DevStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
    }
}
