package org.sanctuary.common.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package scheme every service keeps (docs/architecture.md): a feature's {@code api} translates HTTP, its
 * {@code application} holds the use cases, its {@code domain} the rules, its {@code persistence} the SQL. Each service
 * runs these rules over its own classes by extending this class. Flat packages (a plain CRUD feature) have no layers
 * to keep apart; the rules about controllers hold for them too.
 */
public abstract class ServiceArchitectureTest {

    private final JavaClasses classes;

    protected ServiceArchitectureTest(String basePackage) {
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    @Test
    void theDomainKnowsNoOtherLayerNorHttp() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..api..", "..application..", "..persistence..",
                        "io.micronaut.http..", "org.sanctuary.common.problem..", "java.sql..")
                .because("domain records and rules stand alone; the application layer turns them into HTTP answers")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void useCasesKnowNoController() {
        noClasses().that().resideInAPackage("..application..")
                .should().dependOnClassesThat().resideInAPackage("..api..")
                .because("the API layer calls the application layer, never the other way round")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void persistenceKnowsNoUseCaseNorController() {
        noClasses().that().resideInAPackage("..persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("..api..", "..application..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void nothingCallsAController() {
        noClasses().that().areNotAnnotatedWith(Controller.class)
                .and().haveNameNotMatching(".*\\.\\$.*") // Micronaut's generated bean definitions ($…$Definition)
                .should().dependOnClassesThat().areAnnotatedWith(Controller.class)
                .because("a controller is an entry point: what two controllers share lives below them")
                .allowEmptyShould(true).check(classes);
    }
}
