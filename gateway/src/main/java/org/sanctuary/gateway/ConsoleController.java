package org.sanctuary.gateway;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.sanctuary.common.problem.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The web console (console/ on the classpath, built by the console module): hashed assets under
 * {@code /assets/} with immutable caching, {@code /console-config.json} (where to sign in), and the
 * single page itself for every other path the console routes (never cached). API paths never reach
 * here: {@code /api/**} and {@code /internal/**} have their own routes.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
final class ConsoleController {

    private static final Pattern ASSET = Pattern.compile("^[A-Za-z0-9._-]{1,200}$");

    @Serdeable
    record Config(String authority, String clientId) {
    }

    private final ResourceResolver resources;
    private final ConsoleConfiguration configuration;

    ConsoleController(ResourceResolver resources, ConsoleConfiguration configuration) {
        this.resources = resources;
        this.configuration = configuration;
    }

    @Get(value = "/console-config.json", produces = MediaType.APPLICATION_JSON)
    Config config() {
        return new Config(configuration.authority().toString(), configuration.clientId());
    }

    /** Vite names every asset by its content's hash: it never changes, so browsers keep it for a year. */
    @Get("/assets/{file}")
    HttpResponse<StreamedFile> asset(@PathVariable String file) {
        if (!ASSET.matcher(file).matches() || file.startsWith(".")) {
            throw ProblemException.notFound("Asset");
        }
        URL url = resources.getResource(configuration.location() + "assets/" + file).orElseThrow(() -> ProblemException.notFound("Asset"));
        return HttpResponse.ok(streamed(url, MediaType.forFilename(file)))
                .header("Cache-Control", "public, max-age=31536000, immutable");
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<StreamedFile> root() {
        return page();
    }

    HttpResponse<StreamedFile> page() {
        Optional<URL> index = resources.getResource(configuration.location() + "index.html");
        if (index.isEmpty()) {
            throw ProblemException.notFound("Console (not built into this gateway)");
        }
        return HttpResponse.ok(streamed(index.get(), MediaType.TEXT_HTML_TYPE)).header("Cache-Control", "no-store");
    }

    private static StreamedFile streamed(URL url, MediaType type) {
        try {
            InputStream in = url.openStream();
            return new StreamedFile(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
