package org.sanctuary.common.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A port to bind later, chosen <em>below</em> the kernel's ephemeral range. A port the kernel hands out
 * ({@code new ServerSocket(0)}, or Micronaut's {@code ${random.port}} half the time) can be taken again
 * as the local port of any outgoing connection — a JDBC pool's, an HTTP client's — between the check and
 * the bind ("Address already in use" in CI). Below the range only another listener could take it.
 * Devstack's {@code ServiceProcess.freePort()} does the same for the processes it starts.
 */
public final class FreePorts {

    private static final int LOWEST = 10_000;

    private FreePorts() {
    }

    /** A port that nothing listened on a moment ago, outside the range outgoing connections use. */
    public static int belowEphemeralRange() {
        int highest = ephemeralLow() - 1;
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, highest);
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + highest);
    }

    /** The first port of the kernel's ephemeral range (Linux: /proc; elsewhere the IANA range). */
    static int ephemeralLow() {
        try {
            int low = firstPort(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
            return low > LOWEST + 1_000 ? low : 49_152;
        } catch (IOException | RuntimeException e) {
            return 49_152;
        }
    }

    /** procfs files report size 0: read them by line (Files.readString returns a fragment). */
    private static int firstPort(Path range) throws IOException {
        try (java.io.BufferedReader reader = Files.newBufferedReader(range)) {
            String line = reader.readLine();
            return Integer.parseInt(line == null ? "" : line.trim().split("\\s+")[0]);
        }
    }
}
