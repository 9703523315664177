package org.sanctuary.gateway;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;

/**
 * Who the client is, from the connection — never from a header the client chose. Only when the
 * peer is a configured trusted proxy ({@code sanctuary.gateway.trusted-proxies}, e.g. the cluster's
 * ingress controller) is the last {@code X-Forwarded-For} entry — the one that proxy appended —
 * taken as the client, and that proxy's {@code X-Forwarded-Proto} as the scheme.
 */
@Singleton
final class ClientAddress {

    /** Headers a client may send to pose as someone else: dropped at the edge, set anew when forwarding. */
    static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
            "X-Forwarded-Proto", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Server", "X-Real-IP",
            "X-Client-IP");

    private final Set<String> trustedProxies;

    ClientAddress(GatewayConfiguration configuration) {
        this.trustedProxies = Set.copyOf(configuration.trustedProxies() == null ? List.of() : configuration.trustedProxies());
    }

    /** The address of the peer of this connection. */
    static String peer(HttpRequest<?> request) {
        var remote = request.getRemoteAddress();
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }

    /** The client's address: the peer, or what a trusted proxy in front of us says it is. */
    String of(HttpRequest<?> request) {
        String peer = peer(request);
        if (trustedProxies.contains(peer)) {
            String forwardedFor = request.getHeaders().get("X-Forwarded-For");
            if (forwardedFor != null && !forwardedFor.isBlank()) {
                String[] hops = forwardedFor.split(",");
                String last = hops[hops.length - 1].trim();
                if (!last.isEmpty()) {
                    return last;
                }
            }
        }
        return peer;
    }

    /** The scheme the client used: the connection's, or a trusted proxy's {@code X-Forwarded-Proto}. */
    String scheme(HttpRequest<?> request) {
        if (trustedProxies.contains(peer(request))) {
            String proto = request.getHeaders().get("X-Forwarded-Proto");
            if ("https".equalsIgnoreCase(proto) || "http".equalsIgnoreCase(proto)) {
                return proto.toLowerCase(java.util.Locale.ROOT);
            }
        }
        return request.isSecure() ? "https" : "http";
    }
}
