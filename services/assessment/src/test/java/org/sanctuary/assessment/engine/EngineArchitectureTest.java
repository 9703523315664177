package org.sanctuary.assessment.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The engine is pure domain code: no framework, no I/O, no clock of its own. */
class EngineArchitectureTest {

    private final JavaClasses engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sanctuary.assessment.engine");

    @Test
    void importsNoFramework() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta..", "javax..",
                "com.fasterxml..", "org.sanctuary.common..", "java.sql..", "java.net..", "java.io..", "java.nio..")
                .because("the engine is pure domain code (STYLE.md)").check(engine);
    }

    @Test
    void dependsOnNothingOutsideTheEngine() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("org.sanctuary.assessment.engine..", "java..",
                        "com.ibm.icu.text..", "com.ibm.icu.util..")
                .because("ICU renders the reasons' message catalogues (plural, select, lists); nothing else").check(engine);
    }

    @Test
    void readsNoClock() {
        noClasses().should().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.lang.System.class, "currentTimeMillis")
                .check(engine);
    }
}
