package uk.police.bluelamp.audit.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import uk.police.bluelamp.messages.audit.event.AccessEvent;
import uk.police.bluelamp.messages.audit.event.CaseViewed;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.casefile.event.CaseAssigned;
import uk.police.bluelamp.messages.casefile.event.CaseEvent;
import uk.police.bluelamp.messages.casefile.event.CaseStatusChanged;
import uk.police.bluelamp.messages.casefile.event.CrimeNotRecorded;
import uk.police.bluelamp.messages.casefile.event.CrimeRecorded;
import uk.police.bluelamp.messages.casefile.event.InternalNoteAdded;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.CallDetails;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.contact.ReportDetails;
import uk.police.bluelamp.messages.contact.Reporter;
import uk.police.bluelamp.messages.contact.event.CallRang;
import uk.police.bluelamp.messages.contact.event.CallbackRequested;
import uk.police.bluelamp.messages.contact.event.ChatMessagePosted;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactEvent;
import uk.police.bluelamp.messages.contact.event.ContactReceived;
import uk.police.bluelamp.messages.handler.Availability;
import uk.police.bluelamp.messages.handler.event.HandlerAvailabilityChanged;
import uk.police.bluelamp.messages.handler.event.HandlerEvent;

class EventSentencesTest {

    static final String CONTACT_ID = "7f3c1a2b-9d4e-4c1a-8b2f-0a1b2c3d4e5f";
    static final String REFERENCE = "BL-2026-000012";
    static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");
    /** Put into every free-text component: the sentence must name the text, never repeat it. */
    static final String FREE_TEXT = "Neighbour's dog barked all night again";

    static final Set<String> FREE_TEXT_COMPONENTS =
            Set.of("text", "note", "outcome", "summary", "description", "rationale", "topic");
    static final List<String> ACTORS = Arrays.asList(null, "staff:bob", "citizen", "telephony", "router", "system");

    // ---- Every event type has a sentence of its own -------------------------------------

    @Test
    void findsEverySealedEventInterfaceInTheMessagesModule() {
        assertThat(sealedEventInterfaces())
                .contains(ContactEvent.class, CaseEvent.class, HandlerEvent.class, AccessEvent.class);
        assertThat(eventTypes()).hasSizeGreaterThanOrEqualTo(36);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everyEventTypeHasItsOwnSentence(Class<?> type) {
        assertThat(EventSentences.knows(type))
                .as("a sentence is registered for %s", type.getSimpleName())
                .isTrue();
        for (Object event : variants(type)) {
            for (String actor : ACTORS) {
                String sentence = EventSentences.describe(event, actor);
                assertThat(sentence)
                        .as("%s by %s", event, actor)
                        .isNotBlank()
                        .endsWith(".")
                        .doesNotContain("..", "null", "  ")
                        .isNotEqualTo(EventSentences.fallback(event, actor));
                assertThat(sentence.lines().count()).as(sentence).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void noSentenceRepeatsFreeText(Class<?> type) {
        Map<String, Object> overrides = new HashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getType() == String.class && FREE_TEXT_COMPONENTS.contains(component.getName())) {
                overrides.put(component.getName(), FREE_TEXT);
            }
        }
        Object event = build(type, overrides, false);
        assertThat(EventSentences.describe(event, "staff:bob")).doesNotContain(FREE_TEXT);
    }

    // ---- Exact sentences for the events auditors read most --------------------------------

    @Test
    void contactReceived() {
        ContactReceived event = new ContactReceived(
                CONTACT_ID,
                Channel.WEB,
                REFERENCE,
                new ReportDetails(
                        ReportCategory.ANTISOCIAL_BEHAVIOUR,
                        FREE_TEXT,
                        "Market Street",
                        LocalDate.of(2026, 11, 25),
                        "23:00"),
                Reporter.anonymous(),
                new UpdatePreference(UpdateChannel.EMAIL, UpdateFrequency.WEEKLY),
                AT);

        assertThat(EventSentences.describe(event, "citizen"))
                .isEqualTo("The citizen made an anonymous online report in the category \"Anti-social behaviour\" "
                        + "(contact 7f3c1a2b, case BL-2026-000012) and asked for weekly updates by email.");
    }

    @Test
    void contactReceivedByPhoneIsRecordedByTheHandler() {
        ContactReceived event = new ContactReceived(
                "call-abc123",
                Channel.PHONE,
                null,
                new ReportDetails(ReportCategory.THEFT, FREE_TEXT, null, null, null),
                new Reporter("Sam Smith", null, "+44 7700 900123"),
                null,
                AT);

        assertThat(EventSentences.describe(event, "staff:alice"))
                .isEqualTo("alice recorded a report by phone in the category \"Theft (not from a vehicle)\" "
                        + "(contact call-abc123).");
    }

    @Test
    void caseAssignedToATeam() {
        CaseAssigned event = new CaseAssigned(REFERENCE, null, "CID", "sgt.jones", AT);

        assertThat(EventSentences.describe(event, "staff:sgt.jones"))
                .isEqualTo("sgt.jones assigned case BL-2026-000012 to the CID team.");
    }

    @Test
    void caseAssignedToAHandler() {
        CaseAssigned event = new CaseAssigned(REFERENCE, "alice", null, "sgt.jones", AT);

        assertThat(EventSentences.describe(event, null)).isEqualTo("sgt.jones assigned case BL-2026-000012 to alice.");
        assertThat(EventSentences.describe(
                        new CaseAssigned(REFERENCE, "alice", "Burglary team", "sgt.jones", AT), "staff:sgt.jones"))
                .isEqualTo("sgt.jones assigned case BL-2026-000012 to alice in the Burglary team.");
    }

    @Test
    void crimeRecordedWithItsCrimeNumber() {
        CrimeRecorded event = new CrimeRecorded(REFERENCE, "CR/012345/26", "alice", AT);

        assertThat(EventSentences.describe(event, "staff:alice"))
                .isEqualTo("alice recorded case BL-2026-000012 as a crime with crime number CR/012345/26.");
    }

    @Test
    void crimeNotRecordedGivesTheReason() {
        CrimeNotRecorded event = new CrimeNotRecorded(REFERENCE, "No crime disclosed.", "alice", AT);

        assertThat(EventSentences.describe(event, "staff:alice"))
                .isEqualTo("alice decided not to record case BL-2026-000012 as a crime, "
                        + "giving the reason \"No crime disclosed\".");
    }

    @Test
    void caseViewedWithAReason() {
        CaseViewed event =
                new CaseViewed(REFERENCE, "auditor.smith", "case history", "Complaint 4411 investigation", AT);

        assertThat(EventSentences.describe(event, null))
                .isEqualTo("auditor.smith viewed case BL-2026-000012 (case history), giving the reason "
                        + "\"Complaint 4411 investigation\".");
        assertThat(EventSentences.describe(new CaseViewed(REFERENCE, "alice", "case view", null, AT), null))
                .isEqualTo("alice viewed case BL-2026-000012 (case view).");
    }

    @Test
    void contactAssigned() {
        assertThat(EventSentences.describe(
                        new ContactAssigned(CONTACT_ID, Channel.PHONE, "alice", Assignment.TAKEN, AT), "staff:alice"))
                .isEqualTo("alice took contact 7f3c1a2b (phone call) from the queue.");
        assertThat(EventSentences.describe(
                        new ContactAssigned(CONTACT_ID, Channel.CHAT, "alice", Assignment.OFFERED, AT), "router"))
                .isEqualTo("The automatic router offered contact 7f3c1a2b (live chat) to alice.");
        assertThat(EventSentences.describe(
                        new ContactAssigned("call-abc123", Channel.PHONE, "alice", Assignment.ANSWERED, AT),
                        "telephony"))
                .isEqualTo("alice was given contact call-abc123 (phone call) by answering the call.");
    }

    @Test
    void chatMessageIsNamedNotQuoted() {
        ChatMessagePosted event = new ChatMessagePosted(CONTACT_ID, 3, ChatAuthor.CITIZEN, "Sam", "c-1", FREE_TEXT, AT);

        assertThat(EventSentences.describe(event, "citizen"))
                .isEqualTo("The citizen sent a chat message (seq 3) on contact 7f3c1a2b.");
    }

    @Test
    void internalNoteIsNamedNotQuoted() {
        assertThat(EventSentences.describe(new InternalNoteAdded(REFERENCE, FREE_TEXT, "alice", AT), "staff:alice"))
                .isEqualTo("alice added an internal note to case BL-2026-000012.");
    }

    @Test
    void callRang() {
        CallRang event =
                new CallRang("call-abc123", new CallDetails("abc123", "+44 7700 900123", "101", "in", null), AT);

        assertThat(EventSentences.describe(event, "telephony"))
                .isEqualTo("A call from +44 7700 900123 rang on the phone line (contact call-abc123).");
        assertThat(EventSentences.describe(
                        new CallRang("call-abc124", new CallDetails("abc124", "anonymous", "101", "in", "general"), AT),
                        null))
                .isEqualTo("A call from a withheld number rang on the phone line in the general queue "
                        + "(contact call-abc124).");
    }

    @Test
    void callbackWindowIsInForceTime() {
        CallbackRequested event = new CallbackRequested(
                CONTACT_ID,
                "Sam",
                "+44 7700 900123",
                FREE_TEXT,
                Instant.parse("2026-07-01T09:00:00Z"),
                Instant.parse("2026-07-01T11:00:00Z"),
                AT,
                null);

        assertThat(EventSentences.describe(event, "citizen"))
                .isEqualTo(
                        "The citizen asked to be called back on +44 7700 900123 between 10:00 and 12:00 on 1 Jul 2026 "
                                + "(contact 7f3c1a2b).");
    }

    @Test
    void statusChangeUsesTheStatusLabels() {
        CaseStatusChanged event = new CaseStatusChanged(
                REFERENCE, CaseStatus.UNDER_REVIEW, CaseStatus.REFERRED, "Safeguarding Unit", FREE_TEXT, "alice", AT);

        assertThat(EventSentences.describe(event, "staff:alice"))
                .isEqualTo("alice changed the status of case BL-2026-000012 from \"Under review\" to \"Referred\", "
                        + "referring it to the Safeguarding Unit.");
    }

    @Test
    void handlerAvailability() {
        HandlerAvailabilityChanged event =
                new HandlerAvailabilityChanged("alice", Availability.BUSY, Availability.AVAILABLE, AT);

        assertThat(EventSentences.describe(event, "staff:alice"))
                .isEqualTo("alice changed their availability from available to busy.");
        assertThat(EventSentences.describe(event, "system"))
                .isEqualTo("The system changed alice's availability from available to busy.");
    }

    @Test
    void unknownPayloadsGetTheGenericSentence() {
        record SomethingOdd(String value) {}

        assertThat(EventSentences.describe(new SomethingOdd("x"), null))
                .isEqualTo("Something happened: Something Odd.");
        assertThat(EventSentences.describe(new SomethingOdd("x"), "staff:alice"))
                .isEqualTo("Something happened: Something Odd (by alice).");
        assertThat(EventSentences.describe(new SomethingOdd("x"), "telephony"))
                .isEqualTo("Something happened: Something Odd (by the telephony platform).");
        assertThat(EventSentences.describe(null, null)).endsWith(".");
    }

    // ---- Finding the event types ----------------------------------------------------------

    static Stream<Class<?>> eventTypes() {
        Set<Class<?>> types = new LinkedHashSet<>();
        for (Class<?> sealed : sealedEventInterfaces()) {
            collectPermitted(sealed, types);
        }
        return types.stream();
    }

    private static void collectPermitted(Class<?> sealed, Set<Class<?>> into) {
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                collectPermitted(permitted, into);
            } else {
                into.add(permitted);
            }
        }
    }

    /** Every sealed interface under uk.police.bluelamp.messages, found on the classpath. */
    static Collection<Class<?>> sealedEventInterfaces() {
        try {
            Set<String> names = new TreeSet<>();
            String root = "uk/police/bluelamp/messages/";
            for (Resource resource :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:" + root + "**/*.class")) {
                String url = resource.getURL().toString();
                String path = url.substring(url.lastIndexOf(root));
                names.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
            }
            List<Class<?>> sealed = new ArrayList<>();
            for (String name : names) {
                Class<?> type = Class.forName(name, false, EventSentencesTest.class.getClassLoader());
                if (type.isInterface() && type.isSealed()) {
                    sealed.add(type);
                }
            }
            return sealed;
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- Building events reflectively -----------------------------------------------------

    /**
     * The event with realistic values; once more for each constant of each enum component and
     * each value of each boolean component; and once with every reference left null, as an
     * old or half-filled event might arrive.
     */
    static List<Object> variants(Class<?> type) {
        List<Object> variants = new ArrayList<>();
        variants.add(build(type, Map.of(), false));
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> componentType = component.getType();
            if (componentType.isEnum()) {
                for (Object constant : componentType.getEnumConstants()) {
                    variants.add(build(type, Map.of(component.getName(), constant), false));
                }
            } else if (componentType == boolean.class) {
                variants.add(build(type, Map.of(component.getName(), true), false));
            }
        }
        variants.add(build(type, Map.of(), true));
        return variants;
    }

    static Object build(Class<?> type, Map<String, Object> overrides, boolean nulls) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            String name = components[i].getName();
            values[i] = overrides.containsKey(name) ? overrides.get(name) : value(name, types[i], nulls);
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type, e);
        }
    }

    private static Object value(String name, Class<?> type, boolean nulls) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return nulls ? 0 : 1;
        }
        if (type == long.class) {
            return nulls ? 0L : 3L;
        }
        if (nulls) {
            return null;
        }
        if (type == String.class) {
            return text(name);
        }
        if (type == Instant.class) {
            return AT;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 11, 25);
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isRecord()) {
            return build(type, Map.of(), false);
        }
        if (type == List.class) {
            return List.of();
        }
        return null;
    }

    private static String text(String component) {
        return switch (component) {
            case "contactId" -> CONTACT_ID;
            case "reference", "caseReference" -> REFERENCE;
            case "handler", "by", "viewer", "fromHandler", "author", "authorName", "actor" -> "alice";
            case "toHandler" -> "carol";
            case "team" -> "CID";
            case "crimeNumber" -> "CR/012345/26";
            case "phone", "from", "answeringNumber" -> "+44 7700 900123";
            case "to" -> "101";
            case "direction" -> "in";
            case "queue" -> "general";
            case "name", "citizenName" -> "Sam Smith";
            case "email" -> "sam@example.org";
            case "reason" -> "Complaint investigation";
            case "view" -> "case view";
            case "decision" -> "Recorded as a crime";
            case "error" -> "Not a UK mobile number";
            default -> "x";
        };
    }
}
