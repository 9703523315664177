package org.sanctuary.tenants.policy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.sanctuary.common.problem.Problem;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The policy-pack JSON Schema (draft 2020-12, {@code schemas/policy-pack.schema.json}), checked by
 * networknt's validator. A pack is refused with every violation, each at its JSON pointer.
 */
@Singleton
public class PolicyPackSchema {

    private final Schema schema;
    private final String text;

    public PolicyPackSchema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .pathType(PathType.JSON_POINTER).formatAssertionsEnabled(true).build()));
        try (InputStream in = PolicyPackSchema.class.getResourceAsStream("/schemas/policy-pack.schema.json")) {
            this.text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            this.schema = registry.getSchema(text, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's own text, as the service reads it. */
    public String text() {
        return text;
    }

    /** The languages the validator's messages are written in that the platform speaks (the console's five). */
    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"), Locale.forLanguageTag("uk"),
            Locale.GERMAN, Locale.FRENCH);

    /** The first of {@link #LANGUAGES} an {@code Accept-Language} header asks for; English when none (or it does not parse). */
    public static Locale language(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale found = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
            return found == null ? Locale.ENGLISH : found;
        } catch (IllegalArgumentException unparsable) {
            return Locale.ENGLISH;
        }
    }

    /** Every violation of the schema, in document order, in English. */
    public List<Problem.Violation> violations(String document) {
        return violations(document, Locale.ENGLISH);
    }

    /** Every violation of the schema, in document order, worded in {@code language} (networknt's own translations). */
    public List<Problem.Violation> violations(String document, Locale language) {
        List<Error> errors;
        try {
            errors = schema.validate(document, InputFormat.JSON, (context, schemaContext) -> context.executionConfig(c -> c.locale(language)));
        } catch (RuntimeException notJson) {
            throw new ProblemException(ProblemType.MALFORMED, "The policy pack is not a JSON document.");
        }
        return errors.stream().map(e -> new Problem.Violation(pointer(e), e.getMessage())).toList();
    }

    /** At most this many violations are listed in one answer (a 1000-item array of wrong values is one mistake, repeated). */
    static final int LISTED = 100;

    /**
     * Throws a 400 naming every violation (the first {@value #LISTED}) when the document does not
     * satisfy the schema; a document beyond the structural bounds ({@link PackLimits}) is refused
     * with that one violation before the validator reads it.
     */
    public void check(String document) {
        check(document, Locale.ENGLISH);
    }

    /** As {@link #check(String)}, the violations worded in {@code language}. */
    public void check(String document, Locale language) {
        PackLimits.firstBreach(document).ifPresent(breach -> {
            throw new ProblemException(ProblemType.VALIDATION, "The policy pack exceeds a size bound at "
                    + (breach.field().isEmpty() ? "its root" : breach.field()) + ".", List.of(breach));
        });
        List<Problem.Violation> violations = violations(document, language);
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, violations.size() + " violation(s) of the policy-pack schema",
                    violations.size() > LISTED ? violations.subList(0, LISTED) : violations);
        }
    }

    private static String pointer(Error error) {
        String at = error.getInstanceLocation().toString();
        if (error.getProperty() != null && "required".equals(error.getKeyword())) {
            return at + "/" + error.getProperty(); // a missing member: point at where it belongs
        }
        return at;
    }
}
