package uk.police.bluelamp.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What the Maven graph cannot say about the modules: each module's feature slices form no cycle,
 * contexts and the platform use no part of the audit module, every event is in a sealed
 * interface, and docs/modules.md shows the graph as the code has it (ModuleGraph).
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("uk.police.bluelamp");

    /**
     * Within every module a feature slice may use another, never the other way round too. The
     * messages are left out: their packages are one published language whose contexts name each
     * other's values (a report's channel, a contact's requested updates), not feature slices.
     */
    @Test
    void featureSlicesFormNoCycleInAnyModule() {
        slices().matching("uk.police.bluelamp.(*).(*)..")
                .namingSlices("$1.$2")
                .should()
                .beFreeOfCycles()
                .check(CLASSES.that(not(resideInAPackage("uk.police.bluelamp.messages.."))));
    }

    /**
     * The audit module is the auditors' feature: what contexts need of it (the erasure a disposal
     * makes) they ask for through the platform's DisposalErasure, which audit implements.
     */
    @Test
    void contextsUseNoPartOfTheAuditModule() {
        noClasses()
                .that()
                .resideInAnyPackage("..bluelamp.contact..", "..bluelamp.casework..", "..bluelamp.resourcing..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("uk.police.bluelamp.audit..")
                .check(CLASSES);
    }

    /** What every context needs depends on no context and not on the application that assembles them. */
    @Test
    void thePlatformDependsOnNoContext() {
        noClasses()
                .that()
                .resideInAPackage("uk.police.bluelamp.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "uk.police.bluelamp.contact..",
                        "uk.police.bluelamp.casework..",
                        "uk.police.bluelamp.resourcing..",
                        "uk.police.bluelamp.audit..",
                        "uk.police.bluelamp.app..")
                .check(CLASSES);
    }

    /**
     * An aggregate's history is read from its first event: {@code readEvents(id)} starts at the
     * latest snapshot when there is one (ADR 0047), so a history, a timeline or a transcript read
     * that way would silently lose everything before it.
     */
    @Test
    void historiesAreReadFromTheFirstEventNotTheLatestSnapshot() {
        noClasses()
                .should()
                .callMethod(org.axonframework.eventsourcing.eventstore.EventStore.class, "readEvents", String.class)
                .check(CLASSES);
    }

    @Test
    void theMessagesNeedNothingButJavaAndAxonsRoutingAnnotation() {
        classes()
                .that()
                .resideInAPackage("..bluelamp.messages..")
                .should()
                .onlyDependOnClassesThat(resideInAnyPackage("java..", "uk.police.bluelamp.messages..")
                        .or(name("org.axonframework.modelling.command.TargetAggregateIdentifier")))
                .check(CLASSES);
    }

    @Test
    void messagesAreRecordsOrEnumsOrTheirSealedInterfaces() {
        classes()
                .that()
                .resideInAPackage("..bluelamp.messages..")
                .and()
                .areTopLevelClasses()
                .and()
                .areNotEnums()
                .and()
                .areNotInterfaces()
                .and()
                .doNotHaveSimpleName("MetadataKeys")
                .and()
                .doNotHaveSimpleName("StoredNames")
                .should()
                .beRecords()
                .check(CLASSES);
    }

    /**
     * Whatever its name: a message record that no command or query handler takes, no query
     * answers with and no other message holds is an event, and belongs to its aggregate's sealed
     * interface; so does every payload an event handler takes.
     */
    @Test
    void everyEventBelongsToASealedInterface() {
        MessageKinds kinds = MessageKinds.of(CLASSES);
        assertThat(kinds.events()).as("events found").hasSizeGreaterThan(40);
        classes().that(kinds.isEvent()).should(implementASealedEventInterface()).check(CLASSES);
        assertThat(kinds.handledEvents())
                .as("every event handlers take is an event")
                .allSatisfy(event -> assertThat(kinds.events()).contains(event));
        Set<String> sealedMembers = new TreeSet<>();
        CLASSES.stream()
                .filter(c -> c.isInterface() && c.getPackageName().startsWith("uk.police.bluelamp.messages"))
                .map(JavaClass::reflect)
                .filter(Class::isSealed)
                .forEach(family ->
                        Arrays.stream(family.getPermittedSubclasses()).forEach(c -> sealedMembers.add(c.getName())));
        assertThat(sealedMembers)
                .as("the sealed event interfaces hold the events and nothing else")
                .containsExactlyInAnyOrderElementsOf(kinds.events());
    }

    /**
     * A context's language reads by kind: {@code contact.command}, {@code contact.event},
     * {@code contact.query}, and the values they share in {@code contact} itself.
     */
    @Test
    void eachKindOfMessageLivesInItsContextsPackageForThatKind() {
        MessageKinds kinds = MessageKinds.of(CLASSES);
        assertThat(kinds.commands())
                .allSatisfy(name -> assertThat(kindOf(name)).as(name).isEqualTo("command"));
        assertThat(kinds.events())
                .allSatisfy(name -> assertThat(kindOf(name)).as(name).isEqualTo("event"));
        assertThat(kinds.queries())
                .allSatisfy(name -> assertThat(kindOf(name)).as(name).isEqualTo("query"));
        assertThat(kinds.values())
                .filteredOn(name -> name.startsWith("uk.police.bluelamp.messages."))
                .allSatisfy(name -> assertThat(kindOf(name)).as(name).isEqualTo("value"));
    }

    private static String kindOf(String className) {
        String[] parts =
                className.substring("uk.police.bluelamp.messages.".length()).split("\\.");
        return parts.length == 3 ? parts[1] : "value";
    }

    @Test
    void aggregatesProjectionsAndControllersArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith("org.axonframework.spring.stereotype.Aggregate")
                .or()
                .areAnnotatedWith("org.axonframework.config.ProcessingGroup")
                .or()
                .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should()
                .notBePublic()
                .check(CLASSES);
    }

    @Test
    void theModuleDiagramInTheDocsIsTheCodesOwn() throws IOException {
        assertCurrent("docs/modules.md", ModuleGraph.of(CLASSES).markdown());
    }

    @Test
    void theMessagesByKindInTheDocsAreTheCodesOwn() throws IOException {
        assertCurrent("docs/messages.md", MessageKinds.of(CLASSES).markdown());
    }

    /** A drawn document that is stale is redrawn, and the test fails until the new one is committed. */
    private static void assertCurrent(String file, String drawn) throws IOException {
        Path docs = Path.of(System.getProperty("user.dir"))
                .resolve("../..")
                .resolve(file)
                .normalize();
        String committed = Files.exists(docs) ? Files.readString(docs) : "";
        if (!drawn.equals(committed)) {
            Files.writeString(docs, drawn);
        }
        assertThat(committed)
                .as(file + " was out of date; it is now redrawn: review and commit it")
                .isEqualTo(drawn);
    }

    private static ArchCondition<JavaClass> implementASealedEventInterface() {
        return new ArchCondition<>("implement a sealed *Event interface") {
            @Override
            public void check(JavaClass event, ConditionEvents events) {
                boolean sealed = event.getRawInterfaces().stream()
                        .anyMatch(i -> i.getSimpleName().endsWith("Event")
                                && i.reflect().isSealed());
                events.add(new SimpleConditionEvent(
                        event, sealed, event.getName() + " implements a sealed event interface"));
            }
        };
    }
}
