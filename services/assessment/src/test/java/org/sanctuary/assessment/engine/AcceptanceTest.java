package org.sanctuary.assessment.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every acceptance profile, as a plain library call. */
class AcceptanceTest {

    static final ObjectMapper BINDING = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Engine engine = new Engine();

    static Stream<AcceptanceSuite.Profile> profiles() {
        return AcceptanceSuite.profiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void reachesTheOutcomeTheLawPointsTo(AcceptanceSuite.Profile profile) throws IOException {
        PolicyPack pack = BINDING.treeToValue(profile.pack(), PolicyPack.class);
        Facts facts = BINDING.treeToValue(profile.facts(), Facts.class);
        Assessment assessment = engine.assess(pack, facts, LocalDate.parse(profile.assessmentDate()), profile.packFile());
        if (System.getenv("PRINT_ASSESSMENTS") != null) { // for reading the reasons: PRINT_ASSESSMENTS=1 ./mvnw test ...
            System.out.println(BINDING.writerWithDefaultPrettyPrinter().writeValueAsString(assessment));
        }
        AcceptanceSuite.check(profile, BINDING.valueToTree(assessment));
    }

    @Test
    void theInRepositoryCopyIsTheSharedSuite() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(AcceptanceSuite.SHARED.resolve("profiles")), "no ../shared beside the project");
        for (String dir : new String[]{"profiles", "packs"}) {
            try (Stream<Path> files = Files.list(AcceptanceSuite.SHARED.resolve(dir))) {
                for (Path file : files.toList()) {
                    assertEquals(Files.readString(file), Files.readString(AcceptanceSuite.COPY.resolve(dir).resolve(file.getFileName())),
                            file + " differs from the copy in src/test/resources/acceptance; copy it again");
                }
            }
        }
    }
}
