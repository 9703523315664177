package org.sanctuary.gateway;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import jakarta.inject.Singleton;
import org.sanctuary.common.problem.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The built console's files (console/ on the classpath, or {@code sanctuary.gateway.console.location}): its single page,
 * never cached, and its assets, which Vite names by their content's hash, so browsers keep them for a year.
 */
@Singleton
final class ConsoleFiles {

    private static final Pattern ASSET = Pattern.compile("^[A-Za-z0-9._-]{1,200}$");

    private final ResourceResolver resources;
    private final ConsoleConfiguration configuration;

    ConsoleFiles(ResourceResolver resources, ConsoleConfiguration configuration) {
        this.resources = resources;
        this.configuration = configuration;
    }

    /** The console's page; 404 in a gateway built without the console. */
    HttpResponse<StreamedFile> page() {
        Optional<URL> index = resources.getResource(configuration.location() + "index.html");
        if (index.isEmpty()) {
            throw ProblemException.notFound("Console (not built into this gateway)");
        }
        return HttpResponse.ok(streamed(index.get(), MediaType.TEXT_HTML_TYPE)).header("Cache-Control", "no-store");
    }

    HttpResponse<StreamedFile> asset(String file) {
        if (!ASSET.matcher(file).matches() || file.startsWith(".")) {
            throw ProblemException.notFound("Asset");
        }
        URL url = resources.getResource(configuration.location() + "assets/" + file).orElseThrow(() -> ProblemException.notFound("Asset"));
        return HttpResponse.ok(streamed(url, MediaType.forFilename(file)))
                .header("Cache-Control", "public, max-age=31536000, immutable");
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
