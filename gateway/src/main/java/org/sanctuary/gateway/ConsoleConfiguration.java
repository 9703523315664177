package org.sanctuary.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;

/**
 * {@code sanctuary.gateway.console.*}: where the web console signs people in — the Keycloak realm
 * ({@code authority}) and the public client ({@code client-id}) — handed to the console at
 * {@code /console-config.json} and allowed in its Content-Security-Policy; and where its built files are
 * ({@code location}: the gateway's own classpath, or {@code file:…/console/target/classes/console/} while
 * working on the console against a running stack).
 */
@ConfigurationProperties("sanctuary.gateway.console")
public record ConsoleConfiguration(@Bindable(defaultValue = "http://127.0.0.1:8180/realms/sanctuary") URI authority,
                                   @Bindable(defaultValue = "sanctuary-console") String clientId,
                                   @Bindable(defaultValue = "classpath:console/") String location) {

    /** The identity provider's origin (scheme, host, port): what the console may connect to besides itself. */
    public String authorityOrigin() {
        return authority.getScheme() + "://" + authority.getAuthority();
    }
}
