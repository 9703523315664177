package org.sanctuary.common.testing;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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
    void controllersKnowNoPersistence() {
        noClasses().that().resideInAPackage("..api..")
                .should().dependOnClassesThat().resideInAPackage("org.sanctuary.*.*.persistence..")
                .because("a controller reaches stored data only through a use case")
                .allowEmptyShould(true).check(classes);
    }

    /** A feature's persistence is its own: another feature of the service goes through the feature's use cases. */
    @Test
    void aFeaturesPersistenceIsItsOwn() {
        classes().that().resideInAPackage("org.sanctuary.*.*.persistence..")
                .should(new ArchCondition<>("be used only within their own feature") {
                    @Override
                    public void check(JavaClass store, ConditionEvents events) {
                        String feature = store.getPackageName().substring(0, store.getPackageName().indexOf(".persistence") + 1);
                        for (Dependency use : store.getDirectDependenciesToSelf()) {
                            if (!use.getOriginClass().getPackageName().concat(".").startsWith(feature)) {
                                events.add(SimpleConditionEvent.violated(use, use.getDescription()));
                            }
                        }
                    }
                })
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void persistenceKnowsNoUseCaseNorController() {
        noClasses().that().resideInAPackage("..persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("..api..", "..application..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void controllersOnlyTranslateHttp() {
        noClasses().that().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "io.micronaut.transaction..", "io.micronaut.data..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.sanctuary.common.persistence.Sql")
                .because("SQL, transactions and what a response is built from live in the application layer")
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
