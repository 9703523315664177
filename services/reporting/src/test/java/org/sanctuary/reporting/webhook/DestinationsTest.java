package org.sanctuary.reporting.webhook;

import org.junit.jupiter.api.Test;
import org.sanctuary.common.problem.ProblemException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where webhooks may go in production (SSRF): https to public addresses only, checked again when connecting. */
class DestinationsTest {

    private final Destinations production = new Destinations(new WebhookSettings(false, 1));

    @Test
    void onlyHttpsToPublicAddressesIsAccepted() {
        assertEquals("https://93.184.215.14/hook", production.check("https://93.184.215.14/hook").toString());
        for (String url : List.of(
                "http://93.184.215.14/hook",             // not https
                "https://127.0.0.1/hook",                 // loopback
                "https://localhost:8443/hook",            // a name for loopback
                "https://10.1.2.3/hook",                  // private
                "https://192.168.0.10/hook",
                "https://172.16.5.4/hook",
                "https://169.254.169.254/latest/meta-data", // link-local: a cloud's metadata service
                "https://100.64.0.1/hook",                // carrier-grade NAT
                "https://0.0.0.0/hook",
                "https://[::1]/hook",
                "https://[fd00::1]/hook",                 // unique local
                "https://[::ffff:10.0.0.1]/hook",         // a private IPv4 written as IPv6
                "https://[64:ff9b::a00:5]/hook",          // NAT64: a gateway would translate it to 10.0.0.5
                "https://[2002:a00:5::1]/hook",           // 6to4
                "https://[2001:0:a00:5::1]/hook",         // Teredo
                "https://[::a00:5]/hook",                 // IPv4-compatible
                "https://192.0.0.192/latest",             // 192.0.0.0/24, once a cloud's metadata address
                "https://93.184.215.14:99999/hook",       // no such port
                "https://user:password@93.184.215.14/hook",
                "/relative/hook",
                "ftp://93.184.215.14/hook",
                "https://nonexistent.invalid/hook")) {
            ProblemException refused = assertThrows(ProblemException.class, () -> production.check(url), url);
            assertEquals(422, refused.type().status().getCode(), url);
        }
    }

    @Test
    void theConnectionResolvesAgainAndRefusesWhatIsNotPublic() throws UnknownHostException {
        // what the delivery's connection resolves is checked there too: a name that now points inside is refused
        assertThrows(UnknownHostException.class, () -> production.resolver().resolve("localhost"));
        assertEquals(1, production.resolver().resolve("93.184.215.14").length);
        assertTrue(new Destinations(new WebhookSettings(true, 1)).resolver().resolve("localhost").length > 0, "local development allows it");
    }

    @Test
    void aRefusalDoesNotSayWhereANameLeadsInside() {
        ProblemException refused = assertThrows(ProblemException.class, () -> production.check("https://localhost/hook"));
        assertFalse(refused.getMessage().contains("127.0.0.1"), refused.getMessage());
    }

    @Test
    void localDevelopmentAllowsHttpToThisMachine() {
        assertEquals("http://127.0.0.1:9000/hook", new Destinations(new WebhookSettings(true, 1)).check("http://127.0.0.1:9000/hook").toString());
    }

    @Test
    void publicMeansNoneOfTheReservedRanges() throws UnknownHostException {
        assertTrue(Destinations.isPublic(InetAddress.getByName("8.8.8.8")));
        assertTrue(Destinations.isPublic(InetAddress.getByName("2001:4860:4860::8888")));
        assertFalse(Destinations.isPublic(InetAddress.getByName("198.18.0.1")));
        assertFalse(Destinations.isPublic(InetAddress.getByName("255.255.255.255")));
        assertFalse(Destinations.isPublic(InetAddress.getByName("fe80::1")));
        assertFalse(Destinations.isPublic(InetAddress.getByName("224.0.0.1")));
    }
}
