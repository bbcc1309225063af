package uk.police.bluelamp.contact.handler;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.handler.Availability;
import uk.police.bluelamp.messages.handler.command.ChangeAvailability;
import uk.police.bluelamp.messages.handler.event.HandlerAvailabilityChanged;

class HandlerTest {

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(3600);
    private static final Instant T2 = T0.plusSeconds(7200);

    private AggregateTestFixture<Handler> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Handler.class);
    }

    @Test
    void theFirstAvailabilityChangeCreatesTheHandlerComingFromOffline() {
        fixture.givenNoPriorActivity()
                .when(new ChangeAvailability("alex", Availability.AVAILABLE, T0))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new HandlerAvailabilityChanged("alex", Availability.AVAILABLE, Availability.OFFLINE, T0));
    }

    @Test
    void aChangeRecordsThePreviousStatus() {
        fixture.given(new HandlerAvailabilityChanged("alex", Availability.AVAILABLE, Availability.OFFLINE, T0))
                .when(new ChangeAvailability("alex", Availability.BUSY, T1))
                .expectEvents(new HandlerAvailabilityChanged("alex", Availability.BUSY, Availability.AVAILABLE, T1));
    }

    @Test
    void theSameStatusTwiceRecordsNothing() {
        fixture.given(new HandlerAvailabilityChanged("alex", Availability.AVAILABLE, Availability.OFFLINE, T0))
                .when(new ChangeAvailability("alex", Availability.AVAILABLE, T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void goingOfflineAtTheEndOfAShiftIsRecorded() {
        fixture.given(
                        new HandlerAvailabilityChanged("alex", Availability.AVAILABLE, Availability.OFFLINE, T0),
                        new HandlerAvailabilityChanged("alex", Availability.AWAY, Availability.AVAILABLE, T1))
                .when(new ChangeAvailability("alex", Availability.OFFLINE, T2))
                .expectEvents(new HandlerAvailabilityChanged("alex", Availability.OFFLINE, Availability.AWAY, T2));
    }

    @Test
    void goingOfflineTwiceRecordsNothing() {
        fixture.given(
                        new HandlerAvailabilityChanged("alex", Availability.AVAILABLE, Availability.OFFLINE, T0),
                        new HandlerAvailabilityChanged("alex", Availability.OFFLINE, Availability.AVAILABLE, T1))
                .when(new ChangeAvailability("alex", Availability.OFFLINE, T2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void repeatedChangesAsCommandsOnlyRecordRealChanges() {
        fixture.givenCommands(
                        new ChangeAvailability("alex", Availability.AVAILABLE, T0),
                        new ChangeAvailability("alex", Availability.AVAILABLE, T0))
                .when(new ChangeAvailability("alex", Availability.AVAILABLE, T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aChangeWithoutAStatusIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ChangeAvailability("alex", null, T0))
                .expectException(NullPointerException.class)
                .expectNoEvents();
    }
}
