package uk.police.bluelamp.contact.contactview;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.police.bluelamp.contact.ContactIntegrationTest;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.contact.CallDetails;
import uk.police.bluelamp.messages.contact.CallbackOutcome;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.HangupCause;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.contact.ReportDetails;
import uk.police.bluelamp.messages.contact.Reporter;
import uk.police.bluelamp.messages.contact.event.CallEnded;
import uk.police.bluelamp.messages.contact.event.CallRang;
import uk.police.bluelamp.messages.contact.event.CallbackAttempted;
import uk.police.bluelamp.messages.contact.event.CallbackRequested;
import uk.police.bluelamp.messages.contact.event.ContactClosed;
import uk.police.bluelamp.messages.contact.event.ContactLinkedToCase;
import uk.police.bluelamp.messages.contact.event.ContactReceived;
import uk.police.bluelamp.messages.contact.event.ContactTransferred;
import uk.police.bluelamp.messages.contact.event.ContactTriaged;
import uk.police.bluelamp.messages.triage.Grade;
import uk.police.bluelamp.messages.triage.Triage;
import uk.police.bluelamp.platform.testing.TwinTables;

/**
 * The contact view written a batch at a time is the rows the events' own statements leave one at
 * a time (the statements the projection ran before it gathered batches, kept here as the
 * reference): random runs over a few contacts, with changes to contacts never received, events
 * repeated within and across batches, moments out of order and half a microsecond apart, and
 * citizens' text with quotes, backslashes, braces, "NULL", unicode and 10,000 characters. A batch
 * takes a fixed number of statements however many events it holds; a row PostgreSQL refuses
 * fails its batch, then only its own event.
 */
class ContactViewBatchTest extends ContactIntegrationTest {

    private static final Instant NINE = Instant.parse("2031-03-04T09:00:00Z");
    private static final List<String> SHORT =
            List.of("plain", "it's \"so\"", "back\\slash {a,b}", "NULL", "", " spaced ", "ünïcödé ✓ 🚓", "a\nb\tc");
    private static final List<String> LONG = List.of("x".repeat(2_000), "“quoted” \\\" ' {}\n".repeat(100));
    private static final String TEN_THOUSAND = "Ω'\"\\{,}".repeat(1_250);
    private static final String[] TABLES = {
        "contact_detail", "contact_channel_detail", "contact_triage", "contact_transfer"
    };

    @Autowired
    private DataSource dataSource;

    @Test
    void batchesLeaveTheRowsTheEventsLeaveOneAtATime() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        try (TwinTables tables = new TwinTables(dataSource, TABLES)) {
            ContactViewProjection projection = new ContactViewProjection(new JdbcTemplate(tables.batched()));
            Reference reference = new Reference(tables.reference());
            List<EventMessage<?>> seen = new ArrayList<>();
            for (int round = 0; round < 40; round++) {
                List<EventMessage<?>> batch = new ArrayList<>();
                for (int i = random.nextInt(round % 10 == 9 ? 200 : 12); i >= 0; i--) {
                    EventMessage<?> event = !seen.isEmpty() && random.nextInt(8) == 0
                            ? seen.get(random.nextInt(seen.size()))
                            : GenericEventMessage.asEventMessage(anyEvent(random));
                    seen.add(event);
                    batch.add(event);
                    reference.on(event.getPayload(), event.getIdentifier());
                }
                assertThat(tables.handleBatch(projection, batch))
                        .as("statements for %d events", batch.size())
                        .isLessThanOrEqualTo(5);
                assertThat(tables.batchedRows())
                        .as("seed %d, round %d", seed, round)
                        .isEqualTo(tables.referenceRows());
            }
            assertThat(tables.batchedRows())
                    .as("seed %d: every table has rows", seed)
                    .allSatisfy(table -> assertThat(table).isNotEmpty());
        }
    }

    @Test
    void aRefusedRowFailsItsBatchThenOnlyItsOwnEvent() throws Exception {
        String tooLong = "x".repeat(37); // contact_detail.contact_id is varchar(36)
        try (TwinTables tables = new TwinTables(dataSource, TABLES)) {
            tables.refusedAlone(
                    new ContactViewProjection(new JdbcTemplate(tables.batched())),
                    List.of(
                            received("ok-1", NINE),
                            received(tooLong, NINE),
                            new ContactClosed("ok-1", Channel.WEB, "h", "Done", NINE)));
            List<List<Map<String, Object>>> rows = tables.batchedRows();
            assertThat(rows.get(0))
                    .singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("contact_id", "ok-1"));
            assertThat(rows.get(1))
                    .singleElement()
                    .satisfies(row ->
                            assertThat(row).containsEntry("contact_id", "ok-1").containsEntry("outcome", "Done"));
        }
    }

    private static ContactReceived received(String contactId, Instant at) {
        return new ContactReceived(
                contactId,
                Channel.WEB,
                "REF-1",
                new ReportDetails(ReportCategory.values()[0], "What happened", "Where", LocalDate.of(2031, 3, 1), null),
                Reporter.anonymous(),
                null,
                at);
    }

    private static Object anyEvent(Random random) {
        String contact = "contact-" + random.nextInt(5);
        Instant at = NINE.plusSeconds(random.nextInt(8) * 60L)
                .plusNanos(List.of(0, 499, 500, 1_500).get(random.nextInt(4)));
        String handler = "handler-" + random.nextInt(3);
        Channel channel = pick(random, Channel.values());
        return switch (random.nextInt(9)) {
            case 0 ->
                new ContactReceived(
                        contact,
                        channel,
                        "REF-" + random.nextInt(100),
                        new ReportDetails(
                                pick(random, ReportCategory.values()),
                                random.nextBoolean() ? TEN_THOUSAND : text(random),
                                text(random),
                                LocalDate.of(2031, 1, 1).plusDays(random.nextInt(60)),
                                maybe(random, text(random))),
                        new Reporter(maybe(random, text(random)), maybe(random, text(random)), maybe(random, "0161")),
                        random.nextBoolean()
                                ? null
                                : new UpdatePreference(
                                        pick(random, UpdateChannel.values()), pick(random, UpdateFrequency.values())),
                        at);
            case 1 ->
                new CallRang(
                        contact,
                        new CallDetails("call-" + random.nextInt(9), "0161", maybe(random, "101"), "inbound", "main"),
                        at);
            case 2 -> new CallEnded(contact, null, pick(random, HangupCause.values()), random.nextBoolean(), at);
            case 3 ->
                new CallbackRequested(
                        contact,
                        maybe(random, text(random)),
                        maybe(random, text(random)),
                        "topic",
                        maybe(random, at),
                        maybe(random, at.plusSeconds(3_600)),
                        at,
                        null);
            case 4 ->
                new CallbackAttempted(
                        contact,
                        handler,
                        pick(random, CallbackOutcome.values()),
                        null,
                        maybe(random, note(random)),
                        at);
            case 5 ->
                new ContactLinkedToCase(
                        contact, channel, maybe(random, "REF-" + random.nextInt(100)), null, "summary", handler, at);
            case 6 -> new ContactClosed(contact, channel, handler, maybe(random, note(random)), at);
            case 7 ->
                new ContactTransferred(
                        contact,
                        channel,
                        maybe(random, handler),
                        maybe(random, "handler-9"),
                        maybe(random, note(random)),
                        null,
                        at);
            default ->
                new ContactTriaged(
                        contact,
                        channel,
                        new Triage(
                                maybe(random, note(random)),
                                maybe(random, note(random)),
                                maybe(random, text(random)),
                                maybe(random, text(random)),
                                maybe(random, note(random)),
                                maybe(random, text(random)),
                                pick(random, Grade.values()),
                                note(random)),
                        handler,
                        at);
        };
    }

    private static String text(Random random) {
        return pick(random, SHORT.toArray(String[]::new));
    }

    private static String note(Random random) {
        return random.nextBoolean() ? text(random) : pick(random, LONG.toArray(String[]::new));
    }

    private static <T> T maybe(Random random, T value) {
        return random.nextInt(4) == 0 ? null : value;
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** The projection's statements as it ran them for each event, before it gathered batches. */
    private record Reference(JdbcClient jdbc) {

        void on(Object event, String eventId) {
            if (event instanceof ContactReceived e) {
                var details = e.details();
                var reporter = e.reporter();
                var updates = e.requestedUpdates();
                jdbc.sql("""
                        insert into contact_detail (contact_id, reference, channel, category, description, location,
                                                    occurred_on, occurred_time, name, email, phone,
                                                    update_channel, update_frequency, received_at)
                        values (:contactId, :reference, :channel, :category, :description, :location,
                                :occurredOn, :occurredTime, :name, :email, :phone,
                                :updateChannel, :updateFrequency, :receivedAt)
                        on conflict (contact_id) do nothing
                        """)
                        .param("contactId", e.contactId())
                        .param("reference", e.caseReference())
                        .param("channel", e.channel().name())
                        .param("category", details.category().name())
                        .param("description", details.description())
                        .param("location", details.location())
                        .param("occurredOn", Date.valueOf(details.occurredOn()))
                        .param("occurredTime", details.occurredTime())
                        .param("name", reporter.name())
                        .param("email", reporter.email())
                        .param("phone", reporter.phone())
                        .param(
                                "updateChannel",
                                updates == null ? null : updates.channel().name())
                        .param(
                                "updateFrequency",
                                updates == null ? null : updates.frequency().name())
                        .param("receivedAt", Timestamp.from(e.receivedAt()))
                        .update();
            } else if (event instanceof CallRang e) {
                channel(
                        e.contactId(),
                        "call_id = :a, to_number = :b",
                        e.call().callId(),
                        e.call().to());
            } else if (event instanceof CallEnded e) {
                channel(e.contactId(), "hangup_cause = :a", e.cause().name(), null);
            } else if (event instanceof CallbackRequested e) {
                ensureRow(e.contactId());
                jdbc.sql("""
                        update contact_channel_detail set callback_phone = :phone, callback_name = :name,
                               window_start = :start, window_end = :end
                        where contact_id = :id
                        """)
                        .param("phone", e.phone())
                        .param("name", e.name())
                        .param("start", ts(e.windowStart()))
                        .param("end", ts(e.windowEnd()))
                        .param("id", e.contactId())
                        .update();
            } else if (event instanceof CallbackAttempted e) {
                channel(
                        e.contactId(),
                        "last_attempt = :a, last_attempt_note = :b",
                        e.outcome().name(),
                        e.note());
            } else if (event instanceof ContactLinkedToCase e) {
                channel(e.contactId(), "linked_reference = :a", e.reference(), null);
            } else if (event instanceof ContactClosed e) {
                channel(e.contactId(), "outcome = :a", e.outcome(), null);
            } else if (event instanceof ContactTransferred e) {
                jdbc.sql("""
                        insert into contact_transfer (event_id, contact_id, at, from_handler, to_handler, note)
                        values (:eventId, :id, :at, :from, :to, :note)
                        on conflict (event_id) do nothing
                        """)
                        .param("eventId", eventId)
                        .param("id", e.contactId())
                        .param("at", ts(e.at()))
                        .param("from", e.fromHandler())
                        .param("to", e.toHandler())
                        .param("note", e.note())
                        .update();
            } else if (event instanceof ContactTriaged e) {
                var triage = e.triage();
                jdbc.sql("""
                        insert into contact_triage (event_id, contact_id, at, by_handler, grade, threat, harm, risk,
                                                    investigation, vulnerability, engagement, rationale)
                        values (:eventId, :id, :at, :by, :grade, :threat, :harm, :risk, :investigation,
                                :vulnerability, :engagement, :rationale)
                        on conflict (event_id) do nothing
                        """)
                        .param("eventId", eventId)
                        .param("id", e.contactId())
                        .param("at", ts(e.at()))
                        .param("by", e.by())
                        .param("grade", triage.grade().name())
                        .param("threat", triage.threat())
                        .param("harm", triage.harm())
                        .param("risk", triage.risk())
                        .param("investigation", triage.investigation())
                        .param("vulnerability", triage.vulnerability())
                        .param("engagement", triage.engagement())
                        .param("rationale", triage.rationale())
                        .update();
            } else {
                throw new IllegalArgumentException(event.toString());
            }
        }

        private void channel(String contactId, String set, String a, String b) {
            ensureRow(contactId);
            jdbc.sql("update contact_channel_detail set " + set + " where contact_id = :id")
                    .param("a", a)
                    .param("b", b)
                    .param("id", contactId)
                    .update();
        }

        private void ensureRow(String contactId) {
            jdbc.sql("insert into contact_channel_detail (contact_id) values (:id) on conflict (contact_id) do nothing")
                    .param("id", contactId)
                    .update();
        }

        private static Timestamp ts(Instant instant) {
            return instant == null ? null : Timestamp.from(instant);
        }
    }
}
