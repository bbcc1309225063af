package uk.police.bluelamp.resourcing.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.CallDetails;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.HangupCause;
import uk.police.bluelamp.messages.contact.event.CallAnswered;
import uk.police.bluelamp.messages.contact.event.CallEnded;
import uk.police.bluelamp.messages.contact.event.CallRang;
import uk.police.bluelamp.messages.contact.event.CallbackRequested;
import uk.police.bluelamp.messages.contact.event.ChatEnded;
import uk.police.bluelamp.messages.contact.event.ChatStarted;
import uk.police.bluelamp.messages.contact.event.ContactAbandoned;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactClosed;
import uk.police.bluelamp.messages.contact.event.ContactReceived;
import uk.police.bluelamp.messages.handler.Availability;
import uk.police.bluelamp.messages.handler.event.HandlerAvailabilityChanged;
import uk.police.bluelamp.platform.testing.TwinTables;
import uk.police.bluelamp.resourcing.ResourcingIntegrationTest;

/**
 * The facts written a batch at a time are the rows the events' own statements leave one at a
 * time (the statements the projection ran before it gathered batches, kept here as the
 * reference): random runs of a few contacts and handlers, with changes before an offer, repeated
 * offers, answers after a hangup, moments out of order, at the same instant and half a
 * microsecond apart. And a row PostgreSQL refuses fails its batch, then only its own event.
 */
class ContactCentreFactsBatchTest extends ResourcingIntegrationTest {

    private static final CallDetails CALL = new CallDetails("c-1", null, "101", "inbound", "main");
    private static final Instant NINE = Instant.parse("2031-03-04T09:00:00Z");

    @Autowired
    private DataSource dataSource;

    @Test
    void batchesLeaveTheRowsTheEventsLeaveOneAtATime() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        try (TwinTables tables = new TwinTables(dataSource, "contact_fact", "handler_span")) {
            ContactCentreFacts projection = new ContactCentreFacts(new JdbcTemplate(tables.batched()));
            Reference reference = new Reference(tables.reference());
            for (int round = 0; round < 40; round++) {
                List<Object> batch = new ArrayList<>();
                for (int i = random.nextInt(12); i >= 0; i--) {
                    Object event = anyEvent(random);
                    batch.add(event);
                    reference.on(event);
                }
                tables.handleBatch(projection, batch);
                assertThat(tables.batchedRows())
                        .as("seed %d, round %d", seed, round)
                        .isEqualTo(tables.referenceRows());
            }
            assertThat(tables.batchedRows().get(0))
                    .as("seed %d: some contacts", seed)
                    .isNotEmpty();
        }
    }

    @Test
    void aRefusedRowFailsItsBatchThenOnlyItsOwnEvent() throws Exception {
        String tooLong = "x".repeat(65); // contact_id is varchar(64)
        try (TwinTables tables = new TwinTables(dataSource, "contact_fact", "handler_span")) {
            tables.refusedAlone(
                    new ContactCentreFacts(new JdbcTemplate(tables.batched())),
                    List.of(
                            new ChatStarted("ok-1", null, null, null, NINE),
                            new ChatStarted(tooLong, null, null, null, NINE),
                            new ContactClosed("ok-1", Channel.CHAT, "h", null, NINE.plusSeconds(60))));
            List<Map<String, Object>> facts = tables.batchedRows().get(0);
            facts.forEach(row -> row.values().removeIf(value -> value == null));
            assertThat(facts)
                    .containsExactly(Map.of(
                            "contact_id",
                            "ok-1",
                            "channel",
                            "CHAT",
                            "offered_at",
                            Timestamp.from(NINE),
                            "closed_at",
                            Timestamp.from(NINE.plusSeconds(60))));
        }
    }

    private Object anyEvent(Random random) {
        String contact = "contact-" + random.nextInt(6);
        Instant at = NINE.plusSeconds(random.nextInt(8) * 60L)
                .plusNanos(List.of(0, 499, 500, 1_500).get(random.nextInt(4)));
        String handler = "handler-" + random.nextInt(3);
        return switch (random.nextInt(11)) {
            case 0 -> new ContactReceived(contact, Channel.WEB, null, null, null, null, at);
            case 1 -> new ChatStarted(contact, null, null, null, at);
            case 2 -> new CallRang(contact, CALL, at);
            case 3 -> new CallbackRequested(contact, null, null, null, at, at.plusSeconds(3600), at, null);
            case 4 -> new ContactAssigned(contact, Channel.PHONE, handler, Assignment.TAKEN, at);
            case 5 ->
                new CallAnswered(contact, CALL, random.nextBoolean() ? handler : null, null, random.nextBoolean(), at);
            case 6 -> new ContactAbandoned(contact, Channel.PHONE, at);
            case 7 -> new CallEnded(contact, CALL, HangupCause.NORMAL_CLEARING, false, at);
            case 8 -> new ChatEnded(contact, ChatAuthor.CITIZEN, "citizen", at);
            case 9 -> new ContactClosed(contact, Channel.PHONE, handler, null, at);
            default ->
                new HandlerAvailabilityChanged(
                        handler, Availability.values()[random.nextInt(4)], Availability.OFFLINE, at);
        };
    }

    /** The projection's statements as it ran them for each event, before it gathered batches. */
    private record Reference(JdbcClient jdbc) {

        void on(Object event) {
            if (event instanceof ContactReceived e) {
                offered(e.contactId(), e.channel(), e.receivedAt());
            } else if (event instanceof ChatStarted e) {
                offered(e.contactId(), Channel.CHAT, e.at());
            } else if (event instanceof CallRang e) {
                offered(e.contactId(), Channel.PHONE, e.at());
            } else if (event instanceof CallbackRequested e) {
                offered(e.contactId(), Channel.CALLBACK, e.windowStart());
            } else if (event instanceof ContactAssigned e) {
                jdbc.sql("update contact_fact set answered_at = coalesce(answered_at, :at), "
                                + "answered_by = coalesce(answered_by, :by) where contact_id = :id")
                        .param("id", e.contactId())
                        .param("at", Timestamp.from(e.at()))
                        .param("by", e.handler())
                        .update();
            } else if (event instanceof CallAnswered e) {
                if (e.afterHangup()) {
                    jdbc.sql("update contact_fact set answered_at = coalesce(answered_at, :at), answered_by = "
                                    + "coalesce(answered_by, :by), abandoned_at = null where contact_id = :id")
                            .param("id", e.contactId())
                            .param("at", Timestamp.from(e.at()))
                            .param("by", e.handler(), Types.VARCHAR)
                            .update();
                }
            } else if (event instanceof ContactAbandoned e) {
                change(
                        e.contactId(),
                        "abandoned_at = coalesce(abandoned_at, :at), ended_at = coalesce(ended_at, :at)",
                        e.at());
            } else if (event instanceof CallEnded e) {
                change(e.contactId(), "ended_at = coalesce(ended_at, :at)", e.at());
            } else if (event instanceof ChatEnded e) {
                change(e.contactId(), "ended_at = coalesce(ended_at, :at)", e.at());
            } else if (event instanceof ContactClosed e) {
                change(e.contactId(), "closed_at = coalesce(closed_at, :at)", e.at());
            } else if (event instanceof HandlerAvailabilityChanged e) {
                jdbc.sql("update handler_span set to_at = :at "
                                + "where handler = :handler and to_at is null and from_at <= :at")
                        .param("handler", e.handler())
                        .param("at", Timestamp.from(e.at()))
                        .update();
                jdbc.sql("insert into handler_span (handler, status, from_at) values (:handler, :status, :at) "
                                + "on conflict (handler, from_at) do update set status = excluded.status")
                        .param("handler", e.handler())
                        .param("status", e.status().name())
                        .param("at", Timestamp.from(e.at()))
                        .update();
            } else {
                throw new IllegalArgumentException(event.toString());
            }
        }

        private void offered(String contactId, Channel channel, Instant at) {
            jdbc.sql("insert into contact_fact (contact_id, channel, offered_at) values (:id, :channel, :at) "
                            + "on conflict (contact_id) do nothing")
                    .param("id", contactId)
                    .param("channel", channel.name())
                    .param("at", Timestamp.from(at))
                    .update();
        }

        private void change(String contactId, String set, Instant at) {
            jdbc.sql("update contact_fact set " + set + " where contact_id = :id")
                    .param("id", contactId)
                    .param("at", Timestamp.from(at))
                    .update();
        }
    }
}
