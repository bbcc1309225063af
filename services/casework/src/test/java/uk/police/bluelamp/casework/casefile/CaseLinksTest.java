package uk.police.bluelamp.casework.casefile;

import static uk.police.bluelamp.casework.casefile.CaseScenarios.FRIDAY;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.REF;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.WEEKLY;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.hours;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.opened;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.casefile.command.AddContactToCase;
import uk.police.bluelamp.messages.casefile.command.LinkCase;
import uk.police.bluelamp.messages.casefile.event.CaseDisposed;
import uk.police.bluelamp.messages.casefile.event.CaseLinked;
import uk.police.bluelamp.messages.casefile.event.ContactAddedToCase;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;

/** One case per matter: a contact joins a case once, and cases about one matter are linked. */
class CaseLinksTest {

    private static final String OTHER = "BL-2026-000777";

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = CaseScenarios.newFixture();
    }

    @Test
    void aCaseIsLinkedToAnotherOnce() {
        fixture.given(opened(ReportCategory.THEFT, WEEKLY))
                .when(new LinkCase(REF, OTHER, "handler-1", hours(1)))
                .expectEvents(new CaseLinked(REF, OTHER, "handler-1", hours(1)));
        fixture.given(opened(ReportCategory.THEFT, WEEKLY), new CaseLinked(REF, OTHER, "handler-1", hours(1)))
                .when(new LinkCase(REF, OTHER, "handler-2", hours(2)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCaseIsNeverLinkedToItselfNorOnceDisposedOf() {
        fixture.given(opened(ReportCategory.THEFT, WEEKLY))
                .when(new LinkCase(REF, REF, "handler-1", hours(1)))
                .expectException(CaseRefused.class)
                .expectNoEvents();
        fixture.given(
                        opened(ReportCategory.THEFT, WEEKLY),
                        new CaseDisposed(REF, "Reviewed: nothing to keep", "reviewer", hours(2)))
                .when(new LinkCase(REF, OTHER, "handler-1", hours(3)))
                .expectException(CaseAlreadyDisposed.class)
                .expectNoEvents();
    }

    @Test
    void aContactAlreadyInTheCaseIsNotAddedAgain() {
        fixture.given(opened(ReportCategory.THEFT, WEEKLY))
                .when(new AddContactToCase(REF, "contact-1", Channel.WEB, "The same report again", "handler-1", FRIDAY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(
                        opened(ReportCategory.THEFT, WEEKLY),
                        new ContactAddedToCase(
                                REF, "contact-2", Channel.PHONE, "Called about it", "handler-1", hours(1)))
                .when(new AddContactToCase(REF, "contact-2", Channel.PHONE, "Called again", "handler-1", hours(2)))
                .expectNoEvents();
    }
}
