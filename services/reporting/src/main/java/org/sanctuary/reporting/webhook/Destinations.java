package org.sanctuary.reporting.webhook;

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

    public Destinations(WebhookSettings settings) {
        this.allowLocal = settings.allowLocal();
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
        if (uri.getPort() > 65_535) {
            throw refused("names no valid port");
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
            if (!allowLocal && !isPublic(address)) { // which address is not said: a subscriber must not map the inside with it
                throw new UnknownHostException(host + " does not resolve to public addresses only");
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
            boolean nat64 = b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b; // 64:ff9b::/96, 64:ff9b:1::/48
            boolean sixToFour = (b[0] & 0xff) == 0x20 && b[1] == 0x02;                                      // 2002::/16
            boolean teredo = (b[0] & 0xff) == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0;              // 2001::/32
            boolean compatibleV4 = java.util.stream.IntStream.range(0, 12).allMatch(i -> b[i] == 0);       // ::a.b.c.d
            boolean documentation = (b[0] & 0xff) == 0x20 && b[1] == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8; // 2001:db8::/32
            // each embeds an IPv4 address a gateway may translate to (NAT64 to 10.0.0.5, say): none is taken as public
            return !(uniqueLocal || nat64 || sixToFour || teredo || compatibleV4 || documentation);
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        boolean carrierNat = first == 100 && second >= 64 && second <= 127; // 100.64.0.0/10
        boolean thisNetwork = first == 0;                                    // 0.0.0.0/8
        boolean benchmarking = first == 198 && (second == 18 || second == 19); // 198.18.0.0/15
        boolean reserved = first >= 240;                                     // 240.0.0.0/4 and broadcast
        boolean protocolAssignments = first == 192 && second == 0 && (b[2] & 0xff) == 0; // 192.0.0.0/24 (a cloud's metadata, once)
        boolean documentation = first == 192 && second == 0 && (b[2] & 0xff) == 2         // 192.0.2.0/24
                || first == 198 && second == 51 && (b[2] & 0xff) == 100                    // 198.51.100.0/24
                || first == 203 && second == 0 && (b[2] & 0xff) == 113;                    // 203.0.113.0/24
        return !(carrierNat || thisNetwork || benchmarking || reserved || protocolAssignments || documentation);
    }

    private static ProblemException refused(String why) {
        return new ProblemException(ProblemType.UNPROCESSABLE, "The webhook's URL " + why
                + ": webhooks go only to https addresses on the public internet.");
    }
}
