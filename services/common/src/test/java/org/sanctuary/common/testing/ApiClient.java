package org.sanctuary.common.testing;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plain HTTP against a running service, as any client would call it. Every response is checked:
 * no request of any test may get a 5xx, whatever it sends.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public record Response(int status, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            try {
                return JSON.readValue(body, Map.class);
            } catch (IOException e) {
                throw new AssertionError("not a JSON object (status " + status + "): " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        public List<Object> jsonList() {
            try {
                return JSON.readValue(body, List.class);
            } catch (IOException e) {
                throw new AssertionError("not a JSON array (status " + status + "): " + body, e);
            }
        }

        /** The objects of the array at {@code field} of the JSON object. */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> jsonList(String field) {
            Object list = json().get(field);
            if (!(list instanceof List<?>)) {
                throw new AssertionError("no array " + field + " (status " + status + "): " + body);
            }
            return (List<Map<String, Object>>) list;
        }

        public Object at(String path) {
            Object node = json();
            for (String part : path.split("\\.")) {
                if (node instanceof Map<?, ?> map) {
                    node = map.get(part);
                } else if (node instanceof List<?> list) {
                    node = list.get(Integer.parseInt(part));
                } else {
                    return null;
                }
            }
            return node;
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Response post(String path, String token, Object body) {
        return send("POST", path, token, body instanceof String s ? s : json(body), Map.of());
    }

    public Response put(String path, String token, Object body, Map<String, String> headers) {
        return send("PUT", path, token, body instanceof String s ? s : json(body), headers);
    }

    public Response send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Response result = new Response(response.statusCode(), response.headers().map(), response.body());
            // a 500 is always a bug; 503 is the deliberate "a service this needs is not there" answer
            if (result.status() >= 500 && result.status() != 503) {
                throw new AssertionError(method + " " + path + " answered " + result.status() + ": " + result.body());
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
