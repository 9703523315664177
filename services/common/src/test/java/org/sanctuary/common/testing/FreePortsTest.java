package org.sanctuary.common.testing;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreePortsTest {

    @Test
    void theEphemeralRangeIsReadFromTheKernel() throws Exception {
        java.nio.file.Path range = java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(range), "Linux only");
        try (java.util.Scanner kernel = new java.util.Scanner(range)) {
            assertEquals(kernel.nextInt(), FreePorts.ephemeralLow());
        }
    }

    @Test
    void aPortForLaterIsBelowTheRangeOutgoingConnectionsUseAndStillFree() throws Exception {
        for (int i = 0; i < 20; i++) {
            int port = FreePorts.belowEphemeralRange();
            assertTrue(port >= 10_000 && port < FreePorts.ephemeralLow(), port + " is outside the ephemeral range");
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port)); // nothing kept it
            }
        }
    }
}
