package uk.police.bluelamp.resourcing.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.event.ChatStarted;
import uk.police.bluelamp.messages.contact.event.ContactAbandoned;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactClosed;
import uk.police.bluelamp.messages.handler.Availability;
import uk.police.bluelamp.messages.handler.event.HandlerAvailabilityChanged;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.InvalidRequest;
import uk.police.bluelamp.resourcing.ResourcingIntegrationTest;
import uk.police.bluelamp.resourcing.facts.ChannelTargets;
import uk.police.bluelamp.resourcing.reports.ContactReport.ReportFigures;
import uk.police.bluelamp.resourcing.reports.ContactReport.ReportInterval;
import uk.police.bluelamp.resourcing.reports.ContactReport.Step;

/**
 * The day the clocks went back in 2030 (Sunday 27 October: 02:00 BST became 01:00 GMT), fed as
 * events and read back as the supervisor's report and its CSV. The day is 25 hours long, and
 * 01:10 happened twice: once in each of two different quarter hours.
 */
class ContactCentreReportsTest extends ResourcingIntegrationTest {

    /** A sign-in name a spreadsheet would run as a formula, quotes and all. */
    private static final String HANDLER = "=HYPERLINK(\"http://example.invalid\")";

    private static final Period CLOCKS_BACK = Period.of("2030-10-27", "2030-10-28");

    @Autowired
    private EventStore eventStore;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private ContactCentreReports reports;

    @Test
    void theDayTheClocksWentBackHasAHundredQuarterHoursAndCountsEachContactInItsOwn() {
        handler(0, Availability.AVAILABLE, "2030-10-27T00:00:00Z");
        handler(1, Availability.BUSY, "2030-10-27T00:30:00Z");
        handler(2, Availability.OFFLINE, "2030-10-27T01:00:00Z");
        // 01:10 BST: answered after a minute, closed ten minutes later.
        String answered = chat("2030-10-27T00:10:00Z");
        publish(answered, 1, new ContactAssigned(answered, Channel.CHAT, HANDLER, Assignment.TAKEN, at("00:11:00")));
        publish(answered, 2, new ContactClosed(answered, Channel.CHAT, HANDLER, "Advice given", at("00:21:00")));
        // 01:10 GMT, an hour later by the clock on the wall but the same wall-clock time.
        String leftAtOnce = chat("2030-10-27T01:10:00Z");
        publish(leftAtOnce, 1, new ContactAbandoned(leftAtOnce, Channel.CHAT, at("01:10:05")));
        String leftLater = chat("2030-10-27T01:12:00Z");
        publish(leftLater, 1, new ContactAbandoned(leftLater, Channel.CHAT, at("01:14:00")));
        // 23:50 GMT, answered after eight minutes (over the five-minute default target), still open.
        String late = chat("2030-10-27T23:50:00Z");
        publish(late, 1, new ContactAssigned(late, Channel.CHAT, HANDLER, Assignment.TAKEN, at("23:58:00")));
        // 23:50 BST the day before: not this day's.
        chat("2030-10-26T22:50:00Z");

        await().until(() ->
                reports.contacts(Channel.CHAT, CLOCKS_BACK, Step.DAY).totals().answered() == 2
                        && reports.handlers(CLOCKS_BACK).handlers().stream()
                                .anyMatch(h -> h.handler().equals(HANDLER) && h.onContactsSeconds() == 720));

        ContactReport quarters = reports.contacts(Channel.CHAT, CLOCKS_BACK, Step.QUARTER_HOUR);
        assertThat(quarters.intervals()).hasSize(100);
        assertThat(quarters.targetSeconds()).as("the queues' default target").isEqualTo(300);
        assertThat(quarters.shortAbandonSeconds()).isEqualTo(10);
        assertThat(quarters.totals()).isEqualTo(new ReportFigures(4, 2, 2, 1, 1, 270, 1, 600));
        ReportInterval bst = quarters.intervals().get(4);
        ReportInterval gmt = quarters.intervals().get(8);
        assertThat(bst.start().toString()).isEqualTo("2030-10-27T01:00+01:00");
        assertThat(bst.figures()).isEqualTo(new ReportFigures(1, 1, 0, 0, 1, 60, 1, 600));
        assertThat(gmt.start().toString()).isEqualTo("2030-10-27T01:00Z");
        assertThat(gmt.figures()).isEqualTo(new ReportFigures(2, 0, 2, 1, 0, 0, 0, 0));
        assertThat(quarters.intervals().get(99).end().toInstant()).isEqualTo(Instant.parse("2030-10-28T00:00:00Z"));
        assertThat(quarters.intervals().stream()
                        .mapToLong(b -> b.figures().offered())
                        .sum())
                .isEqualTo(4);

        assertThat(reports.contacts(Channel.CHAT, CLOCKS_BACK, Step.HOUR).intervals())
                .hasSize(25);
        ReportInterval day = reports.contacts(Channel.CHAT, CLOCKS_BACK, Step.DAY)
                .intervals()
                .get(0);
        assertThat(Duration.between(day.start(), day.end())).isEqualTo(Duration.ofHours(25));
        assertThat(reports.contacts(Channel.CHAT, Period.of("2030-03-31", "2030-04-01"), Step.QUARTER_HOUR)
                        .intervals())
                .as("the day the clocks went forward")
                .hasSize(92);

        HandlerReport.HandlerRow time = reports.handlers(CLOCKS_BACK).handlers().stream()
                .filter(h -> h.handler().equals(HANDLER))
                .findFirst()
                .orElseThrow();
        assertThat(time.availableSeconds()).isEqualTo(1800);
        assertThat(time.busySeconds()).isEqualTo(1800);
        assertThat(time.onContactsSeconds())
                .as("ten minutes, and the last two of the day")
                .isEqualTo(720);
        assertThat(time.occupancy()).isEqualTo(0.2);

        String csv = ReportCsv.contacts(quarters);
        assertThat(csv.split("\r\n", -1))
                .as("a header, 100 rows and the last line's end")
                .hasSize(102);
        assertThat(csv).startsWith("\"interval_start\",\"interval_end\",\"channel\",\"offered\",");
        assertThat(csv)
                .contains("\r\n\"2030-10-27T01:00+01:00\",\"2030-10-27T01:15+01:00\",\"CHAT\","
                        + "\"1\",\"1\",\"0\",\"0\",\"1\",\"300\",\"60\",\"1\",\"600\"\r\n")
                .contains("\r\n\"2030-10-27T01:00Z\",\"2030-10-27T01:15Z\",\"CHAT\",\"2\",\"0\",\"2\",\"1\",");
        assertThat(ReportCsv.handlers(reports.handlers(CLOCKS_BACK)))
                .startsWith("\"handler\",\"available_seconds\",")
                .contains("\r\n\"'=HYPERLINK(\"\"http://example.invalid\"\")\",\"1800\",\"1800\",\"720\",\"0.2\"\r\n");
        assertThat(ReportCsv.filename("contacts-chat", CLOCKS_BACK))
                .isEqualTo("contacts-chat-2030-10-27-to-2030-10-27.csv");
    }

    @Test
    void aPeriodThatIsNotOneIsRefusedWithWhatToFix() {
        assertThat(errors("2030-02-30", "soon"))
                .containsExactly(
                        new FieldError("from", "Enter the first day as a real date, like 2026-03-29"),
                        new FieldError("to", "Enter the day after the last as a real date, like 2026-03-29"));
        assertThat(errors("2030-01-02", "2030-01-02"))
                .containsExactly(new FieldError("to", "The end of the period must be after its first day"));
        assertThat(errors("2030-01-01", "2031-02-06"))
                .containsExactly(new FieldError("to", "The period must be 400 days or shorter"));
        assertThat(errors(null, "+99999-01-01")).extracting(FieldError::field).containsExactly("from", "to");
        assertThat(Period.of("2030-01-01", "2031-02-05").lastDay()).isEqualTo(LocalDate.parse("2031-02-04"));
    }

    @Test
    void theTargetsAreTheQueuesOwnSettings() {
        ChannelTargets targets = new Binder(new MapConfigurationPropertySource(Map.of(
                        "bluelamp.queues.channels.CHAT.target", "PT2M",
                        "bluelamp.queues.channels.CHAT.capacity", "3")))
                .bind("bluelamp.queues", ChannelTargets.class)
                .get();
        assertThat(targets.of(Channel.CHAT)).isEqualTo(Duration.ofMinutes(2));
        assertThat(targets.of(Channel.PHONE)).isEqualTo(ChannelTargets.DEFAULT_TARGET);
    }

    private static List<FieldError> errors(String from, String to) {
        try {
            Period.of(from, to);
        } catch (InvalidRequest e) {
            return e.errors();
        }
        throw new AssertionError("accepted " + from + " to " + to);
    }

    private static Instant at(String utcTime) {
        return Instant.parse("2030-10-27T" + utcTime + "Z");
    }

    private String chat(String at) {
        String id = UUID.randomUUID().toString();
        publish(id, 0, new ChatStarted(id, "Alex Smith", "Noise", "hash", Instant.parse(at)));
        return id;
    }

    private void handler(long seq, Availability status, String at) {
        transactions.executeWithoutResult(tx -> eventStore.publish(new GenericDomainEventMessage<>(
                "Handler",
                HANDLER,
                seq,
                new HandlerAvailabilityChanged(HANDLER, status, Availability.OFFLINE, Instant.parse(at)))));
    }

    private void publish(String aggregateId, long seq, Object payload) {
        transactions.executeWithoutResult(
                tx -> eventStore.publish(new GenericDomainEventMessage<>("Contact", aggregateId, seq, payload)));
    }
}
