package org.sanctuary.bench;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/** What every benchmark shares: the services' JVM flags, free ports, a throw-away master key. */
final class BenchSupport {

    /**
     * The services' JVM flags for a small footprint (docs/benchmarks.md explains each); the same
     * as the chart's default {@code javaOpts} plus the Netty arena limits.
     */
    static final List<String> JVM = List.of(System.getProperty("bench.jvm",
            "-Xmx96m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=32m "
                    + "-Dio.netty.allocator.numDirectArenas=1 -Dio.netty.allocator.numHeapArenas=1").split(" "));

    private BenchSupport() {
    }

    /** A field's value in a small JSON answer (strings unquoted), enough for the benchmarks' own setup calls. */
    static String field(String json, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String masterKey() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }
}
