package org.mqttstudio.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules DEVELOPERS.md sets for broker-launcher, checked on the compiled classes. */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mqttstudio");

    @Test
    void brokerLauncherKnowsNoJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(classes);
    }

    @Test
    void noStaticMutableState() {
        fields().that().areStatic().should().beFinal().check(classes);
    }

    @Test
    void theModelKnowsNothingAboveIt() {
        noClasses().that().resideInAPackage("org.mqttstudio.topology..")
                .should().dependOnClassesThat().resideInAnyPackage("org.mqttstudio.routing..",
                        "org.mqttstudio.check..", "org.mqttstudio.mosquitto..", "org.mqttstudio.cli..")
                .check(classes);
    }
}
