package org.sanctuary.assessment.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance profiles: {@code ../shared/acceptance/} beside the project when it is there, else
 * the copy in this module's test resources (the same files; {@link AcceptanceTest} checks they agree).
 */
public final class AcceptanceSuite {

    public static final Path COPY = Path.of("src/test/resources/acceptance").toAbsolutePath();
    public static final Path SHARED = Path.of("../../../shared/acceptance").toAbsolutePath().normalize();
    public static final Path ROOT = Files.isDirectory(SHARED.resolve("profiles")) ? SHARED : COPY;
    public static final ObjectMapper JSON = new ObjectMapper();

    private AcceptanceSuite() {
    }

    public record Profile(String id, String packFile, JsonNode pack, JsonNode facts, String assessmentDate, JsonNode expected) {
        @Override
        public String toString() {
            return id;
        }
    }

    public static Stream<Profile> profiles() {
        try (Stream<Path> files = Files.list(ROOT.resolve("profiles"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().map(AcceptanceSuite::read).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Profile read(Path file) {
        try {
            JsonNode profile = JSON.readTree(file.toFile());
            String packFile = profile.get("pack").asText();
            JsonNode pack = JSON.readTree(ROOT.resolve("packs").resolve(packFile).toFile());
            return new Profile(profile.get("id").asText(), packFile, pack, profile.get("facts"),
                    profile.path("assessmentDate").asText(null), profile.get("expected"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The expectations of acceptance/README.md against an assessment as JSON: the recommendation; each
     * of {@code rulesMet} MET; each of {@code rulesNotMet} NOT_MET or NOT_APPLICABLE; the named grounds;
     * the non-refoulement flag when given; and a finding for every rule.
     */
    public static void check(Profile profile, JsonNode assessment) {
        JsonNode expected = profile.expected();
        String context = profile.id() + ": " + assessment.toPrettyString();
        assertEquals(expected.get("recommendation").asText(), assessment.get("recommendation").asText(), context);
        for (JsonNode rule : expected.path("rulesMet")) {
            assertEquals("MET", result(assessment, rule.asText()), rule.asText() + " in " + context);
        }
        for (JsonNode rule : expected.path("rulesNotMet")) {
            String result = result(assessment, rule.asText());
            assertTrue(List.of("NOT_MET", "NOT_APPLICABLE").contains(result), rule.asText() + " was " + result + " in " + context);
        }
        List<String> grounds = Stream.of(JSON.convertValue(assessment.get("grounds"), String[].class)).toList();
        for (JsonNode ground : expected.path("grounds")) {
            assertTrue(grounds.contains(ground.asText()), ground.asText() + " not named in " + context);
        }
        if (expected.has("nonRefoulement")) {
            assertEquals(expected.get("nonRefoulement").asBoolean(), assessment.get("nonRefoulement").asBoolean(), context);
        }
        for (Rule rule : Rules.ALL) {
            assertTrue(result(assessment, rule.id()) != null, "no finding for " + rule.id());
        }
    }

    private static String result(JsonNode assessment, String rule) {
        for (JsonNode finding : assessment.get("findings")) {
            if (finding.get("rule").asText().equals(rule)) {
                return finding.get("result").asText();
            }
        }
        return null;
    }
}
