package uk.police.bluelamp.resourcing.staffing;

import java.time.DayOfWeek;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.staffing.command.PlanHandlers;
import uk.police.bluelamp.messages.staffing.event.HandlersPlanned;

class StaffingPlanTest {

    private static final String PLAN = StaffingPlan.FORCE;
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private AggregateTestFixture<StaffingPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StaffingPlan.class);
    }

    @Test
    void theFirstPlanStartsIt() {
        fixture.givenNoPriorActivity()
                .when(new PlanHandlers(PLAN, DayOfWeek.MONDAY, 9, 12, 8, T0))
                .expectEvents(new HandlersPlanned(PLAN, DayOfWeek.MONDAY, 9, 12, 8, T0));
    }

    @Test
    void planningWhatIsAlreadyPlannedRecordsNothingButAnyChangedHourIsRecorded() {
        HandlersPlanned morning = new HandlersPlanned(PLAN, DayOfWeek.MONDAY, 9, 12, 8, T0);
        fixture.given(morning)
                .when(new PlanHandlers(PLAN, DayOfWeek.MONDAY, 10, 12, 8, T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(morning)
                .when(new PlanHandlers(PLAN, DayOfWeek.MONDAY, 11, 13, 8, T1))
                .expectEvents(new HandlersPlanned(PLAN, DayOfWeek.MONDAY, 11, 13, 8, T1));
        fixture.given(morning)
                .when(new PlanHandlers(PLAN, DayOfWeek.TUESDAY, 9, 10, 8, T1))
                .expectEvents(new HandlersPlanned(PLAN, DayOfWeek.TUESDAY, 9, 10, 8, T1));
    }

    @Test
    void hoursOutOfOrderOrNumbersOutOfRangeAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new PlanHandlers(PLAN, DayOfWeek.MONDAY, 12, 9, 8, T0))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PlanHandlers(PLAN, DayOfWeek.MONDAY, 9, 25, 8, T0))
                .expectException(IllegalArgumentException.class);
        fixture.givenNoPriorActivity()
                .when(new PlanHandlers(PLAN, DayOfWeek.MONDAY, 9, 10, -1, T0))
                .expectException(IllegalArgumentException.class);
        fixture.givenNoPriorActivity()
                .when(new PlanHandlers(PLAN, null, 9, 10, 1, T0))
                .expectException(IllegalArgumentException.class);
    }
}
