package uk.police.bluelamp.contact.canned;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.canned.command.AddCannedResponse;
import uk.police.bluelamp.messages.canned.command.EditCannedResponse;
import uk.police.bluelamp.messages.canned.command.RemoveCannedResponse;
import uk.police.bluelamp.messages.canned.event.CannedResponseAdded;
import uk.police.bluelamp.messages.canned.event.CannedResponseEdited;
import uk.police.bluelamp.messages.canned.event.CannedResponseRemoved;

class CannedResponseLibraryTest {

    private static final String LIBRARY = CannedResponseLibrary.FORCE;
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final CannedResponseAdded GREETING =
            new CannedResponseAdded(LIBRARY, "r1", "Greeting", "Hello {citizenName}", T0);

    private AggregateTestFixture<CannedResponseLibrary> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CannedResponseLibrary.class);
    }

    @Test
    void theFirstResponseStartsTheLibrary() {
        fixture.givenNoPriorActivity()
                .when(new AddCannedResponse(LIBRARY, "r1", "Greeting", "Hello {citizenName}", T0))
                .expectEvents(GREETING);
    }

    @Test
    void aTitleInUseIsRefusedWhateverItsCase() {
        fixture.given(GREETING)
                .when(new AddCannedResponse(LIBRARY, "r2", " greeting ", "Hi", T1))
                .expectException(CannedResponseRefused.class)
                .expectNoEvents();
    }

    @Test
    void addingTheSameResponseAgainRecordsNothing() {
        fixture.given(GREETING)
                .when(new AddCannedResponse(LIBRARY, "r1", "Greeting", "Hello {citizenName}", T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aResponseKeepsItsOwnTitleWhenEditedButCannotTakeAnothers() {
        fixture.given(GREETING, new CannedResponseAdded(LIBRARY, "r2", "Closing", "Goodbye", T0))
                .when(new EditCannedResponse(LIBRARY, "r1", "GREETING", "Good morning", T1))
                .expectEvents(new CannedResponseEdited(LIBRARY, "r1", "GREETING", "Good morning", T1));
        fixture.given(GREETING, new CannedResponseAdded(LIBRARY, "r2", "Closing", "Goodbye", T0))
                .when(new EditCannedResponse(LIBRARY, "r1", "Closing", "Good morning", T1))
                .expectException(CannedResponseRefused.class);
    }

    @Test
    void aRemovedResponseFreesItsTitleAndCannotBeChangedAgain() {
        fixture.given(GREETING)
                .when(new RemoveCannedResponse(LIBRARY, "r1", T1))
                .expectEvents(new CannedResponseRemoved(LIBRARY, "r1", T1));
        fixture.given(GREETING, new CannedResponseRemoved(LIBRARY, "r1", T1))
                .when(new AddCannedResponse(LIBRARY, "r2", "Greeting", "Hello", T1))
                .expectEvents(new CannedResponseAdded(LIBRARY, "r2", "Greeting", "Hello", T1));
        fixture.given(GREETING, new CannedResponseRemoved(LIBRARY, "r1", T1))
                .when(new EditCannedResponse(LIBRARY, "r1", "Greeting", "Hello", T1))
                .expectException(CannedResponseRefused.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownResponseCannotBeEditedOrRemoved() {
        fixture.givenNoPriorActivity()
                .when(new RemoveCannedResponse(LIBRARY, "nope", T0))
                .expectException(CannedResponseRefused.class)
                .expectNoEvents();
    }
}
