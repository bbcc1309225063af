package uk.police.bluelamp.resourcing.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.CallDetails;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.event.CallRang;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactClosed;
import uk.police.bluelamp.messages.handler.Availability;
import uk.police.bluelamp.messages.handler.event.HandlerAvailabilityChanged;
import uk.police.bluelamp.platform.web.InvalidRequest;
import uk.police.bluelamp.resourcing.ResourcingIntegrationTest;
import uk.police.bluelamp.resourcing.forecast.DemandForecasts;

/**
 * Three days of calls at nine, one handler signed in yesterday from eight to ten, and a plan for
 * the hour: the day's staffing reads them all back. The days (2040 to 2094) are far from other
 * tests' contacts: the forecast reads twelve weeks back, so one stray contact changes it.
 */
class StaffingPlannerTest extends ResourcingIntegrationTest {

    @Autowired
    private EventStore eventStore;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private StaffingPlanner planner;

    @Autowired
    private StaffingController controller;

    @Test
    void aDaysStaffingIsNeededByErlangCForTheCallsAndComparedWithThePlanAndThoseSignedIn() {
        LocalDate today = LocalDate.parse("2040-01-05").plusDays(new Random().nextInt(20000));
        for (int d = 1; d <= 3; d++) {
            Instant nine = at(today.minusDays(d), 9);
            for (int c = 0; c < 20; c++) {
                call(nine.plusSeconds(c * 40L));
            }
        }
        String handler = "h-" + UUID.randomUUID();
        availability(handler, 0, Availability.AVAILABLE, Availability.OFFLINE, at(today.minusDays(1), 8));
        availability(handler, 1, Availability.OFFLINE, Availability.AVAILABLE, at(today.minusDays(1), 10));
        Instant now = at(today, 8);

        // Both changes of availability read: signed in at eight, and off again at ten.
        await().until(() -> signedIn(planner.day(today.minusDays(1), today, now), 9) > 0.99
                && signedIn(planner.day(today.minusDays(1), today, now), 11) == 0
                && planner.day(today, today, now)
                        .assumptions()
                        .get(Channel.PHONE.ordinal())
                        .handleFromHistory());

        StaffingPlanner.StaffingDay forecast = planner.day(today, today, now);
        assertThat(forecast.forecast()).isTrue();
        StaffingPlanner.StaffingAssumptions phone = forecast.assumptions().get(Channel.PHONE.ordinal());
        assertThat(phone.model()).isEqualTo(Staffing.Model.ERLANG_C);
        assertThat(phone.handleSeconds()).isCloseTo(300, within(0.01));
        StaffingPlanner.StaffingHour nineToday = forecast.hours().get(9);
        assertThat(nineToday.time()).isEqualTo("09:00");
        assertThat(nineToday.contacts()).as("under a week: the last day again").isCloseTo(20, within(1e-9));
        // 20 calls in the quarter hour, 300 s each: 6.67 erlangs, 80% in 60 s.
        int needed = Erlang.agentsC(20 / 900.0 * 300, 300, 60, 0.8);
        assertThat(needed).isEqualTo(9);
        assertThat(nineToday.needed()).isEqualTo(needed);
        assertThat(nineToday.neededOnRota()).isEqualTo(Staffing.withShrinkage(needed, 0.3));
        assertThat(nineToday.available()).as("an hour not begun").isNull();
        assertThat(forecast.hours().get(3).needed()).isZero();

        StaffingPlanner.StaffingDay past = planner.day(today.minusDays(1), today, now);
        assertThat(past.forecast()).isFalse();
        assertThat(past.hours().get(9).needed()).isEqualTo(needed);
        assertThat(past.hours().get(9).available()).isCloseTo(1.0, within(1e-6));
        assertThat(past.hours().get(11).available()).isZero();

        var auth = new TestingAuthenticationToken("supervisor", "x", "ROLE_SUPERVISOR");
        var request =
                new StaffingController.StaffingPlanRequest(today.getDayOfWeek().name(), 9, 10, 7);
        assertThat(controller.plan(request, auth))
                .contains(new StaffingController.PlannedHour(today.getDayOfWeek(), 9, 7));
        assertThat(planner.day(today, today, now).hours().get(9).planned()).isEqualTo(7);
    }

    @Test
    void aPlanOrDayOutOfRangeIsRefusedWithTheFieldsToFix() {
        var auth = new TestingAuthenticationToken("supervisor", "x", "ROLE_SUPERVISOR");
        assertThatThrownBy(
                        () -> controller.plan(new StaffingController.StaffingPlanRequest("FUNDAY\0", 9, 9, 1000), auth))
                .isInstanceOfSatisfying(
                        InvalidRequest.class,
                        e -> assertThat(e.errors())
                                .extracting(f -> f.field())
                                .containsExactly("day", "toHour", "handlers"));
        assertThatThrownBy(() -> controller.staffing("2000-01-01")).isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> controller.staffing("x".repeat(10_000))).isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> controller.staffing("31/01/2027")).isInstanceOf(InvalidRequest.class);
    }

    /** Local hours, so a day the clocks change on still has its calls at nine. */
    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(DemandForecasts.FORCE_ZONE).toInstant();
    }

    private void call(Instant rang) {
        String id = UUID.randomUUID().toString();
        publish(id, 0, new CallRang(id, new CallDetails("c-" + id, null, "101", "inbound", "main"), rang));
        publish(id, 1, new ContactAssigned(id, Channel.PHONE, "h", Assignment.TAKEN, rang.plusSeconds(10)));
        publish(id, 2, new ContactClosed(id, Channel.PHONE, "h", "Advice given", rang.plusSeconds(310)));
    }

    private static double signedIn(StaffingPlanner.StaffingDay day, int hour) {
        Double available = day.hours().get(hour).available();
        return available == null ? Double.NaN : available;
    }

    private void availability(String handler, long seq, Availability status, Availability previous, Instant at) {
        transactions.executeWithoutResult(tx -> eventStore.publish(new GenericDomainEventMessage<>(
                "Handler", handler, seq, new HandlerAvailabilityChanged(handler, status, previous, at))));
    }

    private void publish(String aggregateId, long seq, Object payload) {
        transactions.executeWithoutResult(
                tx -> eventStore.publish(new GenericDomainEventMessage<>("Contact", aggregateId, seq, payload)));
    }
}
