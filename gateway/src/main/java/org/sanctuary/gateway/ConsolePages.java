package org.sanctuary.gateway;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.sanctuary.common.problem.ProblemException;

/**
 * The console routes in the browser: a GET of one of its deep links (its areas: {@link #AREAS}, kept in
 * step with console/src/app/Shell.tsx) is answered with the console's page, before routing and security
 * (the page is public; what it shows is not). Nothing else is shadowed: the API, the management
 * endpoints and unknown paths keep their own answers.
 */
@ServerFilter("/**")
final class ConsolePages implements Ordered {

    private final ConsoleFiles console;

    ConsolePages(ConsoleFiles console) {
        this.console = console;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> deepLink(HttpRequest<?> request) {
        String path = request.getPath();
        if (request.getMethod() != HttpMethod.GET || !isConsoleRoute(path)) {
            return null;
        }
        try {
            return console.page();
        } catch (ProblemException notBuilt) {
            return null; // a gateway without the console: the router answers 404
        }
    }

    /** The console's top-level areas (its router's first path segments). */
    static final java.util.Set<String> AREAS = java.util.Set.of("claims", "applicants", "approvals", "team", "dashboard", "audit",
            "tenants", "platform-report", "packs");

    static boolean isConsoleRoute(String path) {
        String[] segments = path.split("/");
        String last = segments.length == 0 ? "" : segments[segments.length - 1];
        return segments.length > 1 && AREAS.contains(segments[1]) && !last.contains(".");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before() - 1;
    }
}
