package uk.police.bluelamp.contact.handler;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.handler.Availability;
import uk.police.bluelamp.messages.handler.command.ChangeAvailability;
import uk.police.bluelamp.messages.handler.command.SetDisplayName;
import uk.police.bluelamp.messages.handler.command.SetHandlerSkills;
import uk.police.bluelamp.messages.handler.event.HandlerAvailabilityChanged;
import uk.police.bluelamp.messages.handler.event.HandlerDisplayNameSet;
import uk.police.bluelamp.messages.handler.event.HandlerSkillsSet;

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

    @Test
    void aDisplayNameCanBeSetBeforeAnyAvailabilityAndIsStoredStripped() {
        fixture.givenNoPriorActivity()
                .when(new SetDisplayName("alex", "  Sam (call handler) ", T0))
                .expectEvents(new HandlerDisplayNameSet("alex", "Sam (call handler)", T0));
    }

    @Test
    void theSameDisplayNameAgainChangesNothingAndABlankOneClearsIt() {
        fixture.given(new HandlerDisplayNameSet("alex", "Sam", T0))
                .when(new SetDisplayName("alex", "Sam", T1))
                .expectNoEvents();
        fixture.given(new HandlerDisplayNameSet("alex", "Sam", T0))
                .when(new SetDisplayName("alex", "   ", T1))
                .expectEvents(new HandlerDisplayNameSet("alex", null, T1));
    }

    @Test
    void skillsAreSetSortedWithWhoSetThemAndTheSameSetAgainChangesNothing() {
        fixture.given(new HandlerAvailabilityChanged("alex", Availability.AVAILABLE, Availability.OFFLINE, T0))
                .when(new SetHandlerSkills("alex", Set.of("WELSH", "HATE_CRIME"), "supervisor", T1))
                .expectEvents(new HandlerSkillsSet("alex", List.of("HATE_CRIME", "WELSH"), "supervisor", T1));
        fixture.given(new HandlerSkillsSet("alex", List.of("HATE_CRIME", "WELSH"), "supervisor", T0))
                .when(new SetHandlerSkills("alex", Set.of("WELSH", "HATE_CRIME"), "blake", T1))
                .expectNoEvents();
        fixture.given(new HandlerSkillsSet("alex", List.of("WELSH"), "supervisor", T0))
                .when(new SetHandlerSkills("alex", Set.of(), "supervisor", T1))
                .expectEvents(new HandlerSkillsSet("alex", List.of(), "supervisor", T1));
    }

    @Test
    void aHandlerCreatedByANameStillRecordsTheirFirstAvailability() {
        fixture.given(new HandlerDisplayNameSet("alex", "Sam", T0))
                .when(new ChangeAvailability("alex", Availability.AVAILABLE, T1))
                .expectEvents(new HandlerAvailabilityChanged("alex", Availability.AVAILABLE, Availability.OFFLINE, T1));
    }
}
