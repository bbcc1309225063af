package uk.police.bluelamp.contact.contact;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.contact.ReportDetails;
import uk.police.bluelamp.messages.contact.Reporter;
import uk.police.bluelamp.messages.contact.command.ReceiveContact;
import uk.police.bluelamp.messages.contact.event.ContactReceived;

class ContactTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:15:00Z");
    private static final ReportDetails DETAILS = new ReportDetails(
            ReportCategory.THEFT,
            "Bike stolen from the rack outside the library",
            "High Street, Anytown",
            LocalDate.of(2026, 11, 25),
            "about 3pm");
    private static final UpdatePreference WEEKLY_EMAIL =
            new UpdatePreference(UpdateChannel.EMAIL, UpdateFrequency.WEEKLY);

    private AggregateTestFixture<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
    }

    @Test
    void aWebReportIsRecordedAsReceivedThroughTheWebChannel() {
        Reporter reporter = new Reporter("Sam Smith", "sam@example.com", null);
        fixture.givenNoPriorActivity()
                .when(new ReceiveContact("c-1", Channel.WEB, "BL-2026-000001", DETAILS, reporter, WEEKLY_EMAIL, NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ContactReceived(
                        "c-1", Channel.WEB, "BL-2026-000001", DETAILS, reporter, WEEKLY_EMAIL, NOW));
    }

    @Test
    void anAnonymousReportIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveContact(
                        "c-2", Channel.WEB, "BL-2026-000002", DETAILS, Reporter.anonymous(), WEEKLY_EMAIL, NOW))
                .expectEvents(new ContactReceived(
                        "c-2", Channel.WEB, "BL-2026-000002", DETAILS, Reporter.anonymous(), WEEKLY_EMAIL, NOW));
    }

    @Test
    void aContactWithoutAChannelIsRefusedAndRecordsNothing() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveContact(
                        "c-3", null, "BL-2026-000003", DETAILS, Reporter.anonymous(), WEEKLY_EMAIL, NOW))
                .expectException(NullPointerException.class)
                .expectNoEvents();
    }

    @Test
    void theSameContactCannotBeReceivedTwice() {
        ContactReceived first = new ContactReceived(
                "c-4", Channel.WEB, "BL-2026-000004", DETAILS, Reporter.anonymous(), WEEKLY_EMAIL, NOW);
        fixture.given(first)
                .when(new ReceiveContact(
                        "c-4", Channel.WEB, "BL-2026-000004", DETAILS, Reporter.anonymous(), WEEKLY_EMAIL, NOW))
                .expectException(Exception.class)
                .expectNoEvents();
    }
}
