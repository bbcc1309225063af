package uk.police.bluelamp.contact.contact;

import java.time.Instant;
import java.time.Period;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.command.DisposeOfContact;
import uk.police.bluelamp.messages.contact.command.ExtendContactRetention;
import uk.police.bluelamp.messages.contact.event.CallbackRequested;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactClosed;
import uk.police.bluelamp.messages.contact.event.ContactDisposed;
import uk.police.bluelamp.messages.contact.event.ContactLinkedToCase;
import uk.police.bluelamp.messages.contact.event.ContactRetentionExtended;

/** A contact that is part of no case is reviewed a year after it closed (ContactRetention). */
class ContactRetentionTest {

    private static final String ID = "cb-9";
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant CLOSED_AT = T0.plusSeconds(600);
    private static final Instant A_YEAR_ON = Instant.parse("2026-03-01T10:10:00Z");
    private static final Instant NEXT_REVIEW = Instant.parse("2027-03-01T00:00:00Z");

    private static final CallbackRequested REQUESTED =
            new CallbackRequested(ID, "Sam Smith", "07700900123", "Lost wallet", T0, T0.plusSeconds(7200), T0, null);
    private static final ContactAssigned TAKEN =
            new ContactAssigned(ID, Channel.CALLBACK, "alex", Assignment.TAKEN, T0);
    private static final ContactClosed CLOSED =
            new ContactClosed(ID, Channel.CALLBACK, "alex", "Advice given", CLOSED_AT);

    private AggregateTestFixture<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
        fixture.registerInjectableResource(new ContactRetention(null));
    }

    @Test
    void aYearAfterClosingItIsDisposedOf() {
        fixture.given(REQUESTED, TAKEN, CLOSED)
                .when(new DisposeOfContact(ID, " DP decision 4 ", "dpo", A_YEAR_ON))
                .expectEvents(new ContactDisposed(ID, "DP decision 4", "dpo", A_YEAR_ON));
    }

    @Test
    void notBeforeTheYearIsOut() {
        fixture.given(REQUESTED, TAKEN, CLOSED)
                .when(new DisposeOfContact(ID, "DP decision 4", "dpo", A_YEAR_ON.minusSeconds(1)))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void thePeriodIsSetByConfiguration() {
        fixture = new AggregateTestFixture<>(Contact.class);
        fixture.registerInjectableResource(new ContactRetention(Period.ofMonths(3)));
        fixture.given(REQUESTED, TAKEN, CLOSED)
                .when(new DisposeOfContact(ID, "DP decision 4", "dpo", CLOSED_AT.plusSeconds(93 * 86400)))
                .expectEvents(new ContactDisposed(ID, "DP decision 4", "dpo", CLOSED_AT.plusSeconds(93 * 86400)));
    }

    @Test
    void keptUntilANewReviewItIsNotDueUntilThen() {
        fixture.given(
                        REQUESTED,
                        TAKEN,
                        CLOSED,
                        new ContactRetentionExtended(ID, "Complaint 12", NEXT_REVIEW, "dpo", A_YEAR_ON))
                .when(new DisposeOfContact(ID, "DP decision 4", "dpo", NEXT_REVIEW.minusSeconds(1)))
                .expectException(ContactRefused.class);
        fixture.given(
                        REQUESTED,
                        TAKEN,
                        CLOSED,
                        new ContactRetentionExtended(ID, "Complaint 12", NEXT_REVIEW, "dpo", A_YEAR_ON))
                .when(new DisposeOfContact(ID, "DP decision 4", "dpo", NEXT_REVIEW))
                .expectEvents(new ContactDisposed(ID, "DP decision 4", "dpo", NEXT_REVIEW));
    }

    @Test
    void keepingNeedsAReasonAndAFutureDate() {
        fixture.given(REQUESTED, TAKEN, CLOSED)
                .when(new ExtendContactRetention(ID, " ", NEXT_REVIEW, "dpo", A_YEAR_ON))
                .expectException(IllegalArgumentException.class);
        fixture.given(REQUESTED, TAKEN, CLOSED)
                .when(new ExtendContactRetention(ID, "Complaint 12", A_YEAR_ON, "dpo", A_YEAR_ON))
                .expectException(IllegalArgumentException.class);
        fixture.given(REQUESTED, TAKEN, CLOSED)
                .when(new ExtendContactRetention(ID, "Complaint 12", NEXT_REVIEW, "dpo", A_YEAR_ON))
                .expectEvents(new ContactRetentionExtended(ID, "Complaint 12", NEXT_REVIEW, "dpo", A_YEAR_ON));
    }

    @Test
    void aContactInACaseIsReviewedWithTheCaseAndAnOpenOneNotAtAll() {
        fixture.given(
                        REQUESTED,
                        TAKEN,
                        CLOSED,
                        new ContactLinkedToCase(
                                ID, Channel.CALLBACK, "BL-2025-000001", null, "Rang about the case", "alex", CLOSED_AT))
                .when(new DisposeOfContact(ID, "DP decision 4", "dpo", A_YEAR_ON))
                .expectException(ContactRefused.class);
        fixture.given(REQUESTED, TAKEN)
                .when(new DisposeOfContact(ID, "DP decision 4", "dpo", A_YEAR_ON))
                .expectException(ContactRefused.class);
        fixture.given(
                        new CallbackRequested(
                                ID,
                                "Sam Smith",
                                "07700900123",
                                "Give the citizen an update on case BL-1",
                                T0,
                                T0.plusSeconds(7200),
                                T0,
                                "BL-2025-000001"),
                        TAKEN,
                        CLOSED)
                .when(new DisposeOfContact(ID, "DP decision 4", "dpo", A_YEAR_ON))
                .expectException(ContactRefused.class);
    }

    @Test
    void onceOnly() {
        fixture.given(REQUESTED, TAKEN, CLOSED, new ContactDisposed(ID, "DP decision 4", "dpo", A_YEAR_ON))
                .when(new DisposeOfContact(ID, "DP decision 4", "dpo", A_YEAR_ON.plusSeconds(1)))
                .expectException(ContactRefused.class);
    }
}
