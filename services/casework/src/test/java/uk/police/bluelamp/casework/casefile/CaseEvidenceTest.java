package uk.police.bluelamp.casework.casefile;

import static uk.police.bluelamp.casework.casefile.CaseScenarios.REF;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.WEEKLY;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.hours;
import static uk.police.bluelamp.casework.casefile.CaseScenarios.opened;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.casefile.MessageAuthor;
import uk.police.bluelamp.messages.casefile.command.AttachEvidence;
import uk.police.bluelamp.messages.casefile.event.CaseDisposed;
import uk.police.bluelamp.messages.casefile.event.EvidenceAttached;
import uk.police.bluelamp.messages.contact.ReportCategory;

/** A file for the case, from the report's confirmation page or the tracking page. */
class CaseEvidenceTest {

    private static final String SHA = "b".repeat(64);

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = CaseScenarios.newFixture();
    }

    private static AttachEvidence file() {
        return new AttachEvidence(
                REF, "ev-1", MessageAuthor.CITIZEN, null, "receipt.pdf", "application/pdf", 4096, SHA, hours(1));
    }

    @Test
    void aFileIsRecordedWithItsHash() {
        fixture.given(opened(ReportCategory.THEFT, WEEKLY))
                .when(file())
                .expectEvents(new EvidenceAttached(
                        REF,
                        "ev-1",
                        MessageAuthor.CITIZEN,
                        null,
                        "receipt.pdf",
                        "application/pdf",
                        4096,
                        SHA,
                        hours(1)));
    }

    @Test
    void aFileWithoutItsHashIsRefused() {
        fixture.given(opened(ReportCategory.THEFT, WEEKLY))
                .when(new AttachEvidence(
                        REF,
                        "ev-1",
                        MessageAuthor.CITIZEN,
                        null,
                        "receipt.pdf",
                        "application/pdf",
                        4096,
                        " ",
                        hours(1)))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aDisposedCaseTakesNoFile() {
        fixture.given(opened(ReportCategory.THEFT, WEEKLY), new CaseDisposed(REF, "DP decision", "dpo-1", hours(1)))
                .when(file())
                .expectException(CaseAlreadyDisposed.class)
                .expectNoEvents();
    }
}
