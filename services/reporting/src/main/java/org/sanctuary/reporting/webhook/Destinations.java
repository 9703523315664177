package org.sanctuary.reporting.webhook;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * Where webhooks may go (SSRF): in production only {@code https} to hosts whose every address is public — never
 * loopback, private, link-local (cloud metadata), carrier-grade NAT, unique-local, multicast or unspecified. A host is
 * resolved once per delivery, and the connection goes to exactly the addresses checked ({@link #resolver()}), so a DNS
 * answer that changes between the check and the connection (rebinding) cannot send it inside. With
 * {@code sanctuary.webhooks.allow-local} (local development only: {@code ./sanctuary up} sets it) plain {@code http}
 * and local addresses are allowed.
 */
@Singleton
public class Destinations {

    private final boolean allowLocal;

    public Destinations(@Value("${sanctuary.webhooks.allow-local:false}") boolean allowLocal) {
        this.allowLocal = allowLocal;
    }

    /** The subscription's URL when webhooks may go there; else a 422 saying why. */
    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused("is not a URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw refused("must be absolute, with a host");
        }
        if (uri.getUserInfo() != null) {
            throw refused("must not carry credentials");
        }
        if (!"https".equals(uri.getScheme()) && !(allowLocal && "http".equals(uri.getScheme()))) {
            throw refused("must use https");
        }
        try {
            addresses(uri.getHost());
        } catch (UnknownHostException e) {
            throw refused(e.getMessage());
        }
        return uri;
    }

    /** The resolver deliveries connect through: the host's addresses, every one of them allowed, or none. */
    public DnsResolver resolver() {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return addresses(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
            }
        };
    }

    private InetAddress[] addresses(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        for (InetAddress address : addresses) {
            if (!allowLocal && !isPublic(address)) {
                throw new UnknownHostException(host + " resolves to " + address.getHostAddress() + ", which is not a public address");
            }
        }
        return addresses;
    }

    /** Whether {@code address} is on the public internet. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc; // fc00::/7
            boolean mappedV4 = b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0
                    && b[8] == 0 && b[9] == 0 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff; // ::ffff:a.b.c.d
            if (mappedV4) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return !uniqueLocal;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        boolean carrierNat = first == 100 && second >= 64 && second <= 127; // 100.64.0.0/10
        boolean thisNetwork = first == 0;                                    // 0.0.0.0/8
        boolean benchmarking = first == 198 && (second == 18 || second == 19); // 198.18.0.0/15
        boolean reserved = first >= 240;                                     // 240.0.0.0/4 and broadcast
        return !(carrierNat || thisNetwork || benchmarking || reserved);
    }

    private static ProblemException refused(String why) {
        return new ProblemException(ProblemType.UNPROCESSABLE, "The webhook's URL " + why
                + ": webhooks go only to https addresses on the public internet.");
    }
}
