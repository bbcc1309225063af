package uk.police.bluelamp.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/** The bounded contexts stay apart: they meet only in the published language (messages). */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("uk.police.bluelamp");

    @Test
    void contactAndCaseworkDoNotReachIntoEachOther() {
        noClasses().that().resideInAPackage("..bluelamp.contact..")
                .should().dependOnClassesThat().resideInAPackage("..bluelamp.casework..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..bluelamp.casework..")
                .should().dependOnClassesThat().resideInAPackage("..bluelamp.contact..")
                .check(CLASSES);
    }

    @Test
    void theMessagesDependOnNoContextAndNoFramework() {
        noClasses().that().resideInAPackage("..bluelamp.messages..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "..bluelamp.contact..", "..bluelamp.casework..", "..bluelamp.app..", "org.springframework..")
                .check(CLASSES);
    }

    @Test
    void noContextDependsOnTheApplication() {
        noClasses().that().resideInAnyPackage("..bluelamp.contact..", "..bluelamp.casework..")
                .should().dependOnClassesThat().resideInAPackage("..bluelamp.app..")
                .check(CLASSES);
    }

    @Test
    void commandsAndEventsAreRecords() {
        classes().that().resideInAPackage("..bluelamp.messages..")
                .and().areTopLevelClasses()
                .and().areNotEnums().and().areNotInterfaces().and().doNotHaveSimpleName("MetadataKeys")
                .should().beRecords()
                .check(CLASSES);
    }

    @Test
    void eventsBelongToTheirAggregatesSealedInterface() {
        classes().that().resideInAPackage("..bluelamp.messages..").and().haveSimpleNameEndingWith("ed")
                .and().areRecords()
                .should(implementASealedEventInterface())
                .check(CLASSES);
    }

    @Test
    void aggregatesAndProjectionsArePackagePrivate() {
        classes().that().areAnnotatedWith("org.axonframework.spring.stereotype.Aggregate")
                .or().areAnnotatedWith("org.axonframework.config.ProcessingGroup")
                .should().notBePublic()
                .check(CLASSES);
    }

    private static ArchCondition<JavaClass> implementASealedEventInterface() {
        return new ArchCondition<>("implement a sealed *Event interface") {
            @Override
            public void check(JavaClass event, ConditionEvents events) {
                boolean sealed = event.getRawInterfaces().stream()
                        .anyMatch(i -> i.getSimpleName().endsWith("Event") && i.reflect().isSealed());
                events.add(new SimpleConditionEvent(event, sealed, event.getName() + " implements a sealed event interface"));
            }
        };
    }
}
