package uk.police.bluelamp.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Tells the message records apart by how the code uses them, not by their names: commands and
 * queries are what handlers take, values are what other messages hold or queries answer with,
 * and every other message record is an event.
 */
record MessageKinds(
        Set<String> commands, Set<String> queries, Set<String> values, Set<String> events, Set<String> handledEvents) {

    private static final String AXON = "org.axonframework.";
    private static final String MESSAGES = "uk.police.bluelamp.messages.";

    static MessageKinds of(JavaClasses classes) {
        Set<String> messages = new TreeSet<>();
        classes.stream().filter(MessageKinds::isMessage).forEach(c -> messages.add(c.getName()));
        Set<String> commands = firstParameters(classes, AXON + "commandhandling.CommandHandler");
        Set<String> queries = firstParameters(classes, AXON + "queryhandling.QueryHandler");
        Set<String> handledEvents = firstParameters(classes, AXON + "eventhandling.EventHandler");
        handledEvents.addAll(firstParameters(classes, AXON + "eventsourcing.EventSourcingHandler"));
        handledEvents.retainAll(messages);
        Set<String> values = new TreeSet<>();
        classes.stream()
                .filter(MessageKinds::isMessage)
                .flatMap(c -> c.getFields().stream())
                .filter(field ->
                        !field.getOwner().getName().equals(field.getRawType().getName()))
                .flatMap(MessageKinds::involved)
                .forEach(values::add);
        codeUnits(classes, AXON + "queryhandling.QueryHandler")
                .filter(unit -> unit instanceof JavaMethod)
                .flatMap(unit -> ((JavaMethod) unit).getReturnType().getAllInvolvedRawTypes().stream())
                .forEach(type -> values.add(type.getName()));
        Set<String> events = new TreeSet<>(messages);
        events.removeAll(commands);
        events.removeAll(queries);
        events.removeAll(values);
        return new MessageKinds(commands, queries, values, events, handledEvents);
    }

    /** docs/messages.md: each context's language by kind, so commands and events are told apart at a glance. */
    String markdown() {
        StringBuilder md = new StringBuilder("""
                # Messages

                Drawn from the compiled code by `ArchitectureTest`, from how the code uses each record: a
                command is what a command handler takes, a query what a query handler takes, a value what
                other messages hold or queries answer with, and every other record is an event (each in its
                aggregate's sealed interface). Each kind has its package in the context (`contact.command`,
                `contact.event`, `contact.query`; values in `contact`), which `ArchitectureTest` checks. Stored
                events go by context and simple name (`StoredNames`), so the kind's package is not in them.

                | language | commands | events | queries | values |
                | --- | --- | --- | --- | --- |
                """);
        Set<String> packages = new TreeSet<>();
        Stream.of(commands, events, queries, values)
                .flatMap(Set::stream)
                .filter(n -> n.startsWith(MESSAGES))
                .forEach(n -> packages.add(language(n)));
        for (String language : packages) {
            md.append("| ").append(language);
            for (Set<String> kind : List.of(commands, events, queries, values)) {
                md.append(" | ")
                        .append(String.join(
                                ", ",
                                kind.stream()
                                        .filter(n -> n.startsWith(MESSAGES)
                                                && language(n).equals(language))
                                        .map(n -> n.substring(n.lastIndexOf('.') + 1))
                                        .toList()));
            }
            md.append(" |\n");
        }
        return md.toString();
    }

    private static String language(String className) {
        return className.substring(MESSAGES.length()).split("\\.")[0];
    }

    DescribedPredicate<JavaClass> isEvent() {
        return DescribedPredicate.describe(
                "events (message records no handler takes as a command or query, " + "and no message holds)",
                c -> events.contains(c.getName()));
    }

    private static boolean isMessage(JavaClass c) {
        return c.getPackageName().startsWith("uk.police.bluelamp.messages") && c.isRecord() && c.isTopLevelClass();
    }

    private static Stream<String> involved(JavaField field) {
        return field.getType().getAllInvolvedRawTypes().stream().map(JavaClass::getName);
    }

    private static Set<String> firstParameters(JavaClasses classes, String annotation) {
        Set<String> types = new TreeSet<>();
        codeUnits(classes, annotation)
                .filter(unit -> !unit.getRawParameterTypes().isEmpty())
                .forEach(unit -> types.add(unit.getRawParameterTypes().get(0).getName()));
        return types;
    }

    private static Stream<JavaCodeUnit> codeUnits(JavaClasses classes, String annotation) {
        return classes.stream()
                .flatMap(c -> c.getCodeUnits().stream())
                .filter(unit -> unit.isAnnotatedWith(annotation));
    }
}
