package org.sanctuary.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.sanctuary.assessment.engine.Assessment;
import org.sanctuary.assessment.engine.Engine;
import org.sanctuary.assessment.engine.Facts;
import org.sanctuary.assessment.engine.PolicyPack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One engine evaluation per operation, cycling through every acceptance profile (eleven claims, two
 * packs), in-process on one thread: the engine's own cost, without JSON or HTTP.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark {

    record Case(PolicyPack pack, Facts facts, LocalDate date) {
    }

    private final Engine engine = new Engine();
    private Case[] cases;
    private int next;

    @Setup
    public void load() throws IOException {
        cases = profiles().toArray(Case[]::new);
    }

    @Benchmark
    public Assessment evaluate() {
        Case c = cases[next];
        next = next + 1 == cases.length ? 0 : next + 1;
        return engine.assess(c.pack(), c.facts(), c.date(), "bench");
    }

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The acceptance suite: beside the project when there, else the copy in the assessment module. */
    static Path suite() {
        Path root = org.sanctuary.devstack.ServiceProcess.root();
        Path shared = root.resolve("../shared/acceptance").normalize();
        return Files.isDirectory(shared.resolve("profiles")) ? shared : root.resolve("services/assessment/src/test/resources/acceptance");
    }

    static List<Case> profiles() throws IOException {
        Path suite = suite();
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(suite.resolve("profiles"))) {
            for (Path file : files.sorted().toList()) {
                JsonNode profile = JSON.readTree(file.toFile());
                JsonNode pack = JSON.readTree(suite.resolve("packs").resolve(profile.get("pack").asText()).toFile());
                cases.add(new Case(JSON.treeToValue(pack, PolicyPack.class), JSON.treeToValue(profile.get("facts"), Facts.class),
                        LocalDate.parse(profile.get("assessmentDate").asText())));
            }
        }
        return cases;
    }
}
