package uk.police.bluelamp.contact.contact;

import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.CallDetails;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.contact.ReportDetails;
import uk.police.bluelamp.messages.contact.Reporter;
import uk.police.bluelamp.messages.contact.command.LinkContactToCase;
import uk.police.bluelamp.messages.contact.command.TriageContact;
import uk.police.bluelamp.messages.contact.event.CallRang;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactLinkedToCase;
import uk.police.bluelamp.messages.contact.event.ContactReceived;
import uk.police.bluelamp.messages.contact.event.ContactTriaged;
import uk.police.bluelamp.messages.triage.Grade;
import uk.police.bluelamp.messages.triage.Triage;

/** THRIVE triage (repeatable) and linking a contact to its case. */
class TriageTest {

    private static final String ID = "c-200";
    private static final Instant T0 = Instant.parse("2026-11-26T10:15:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(600);

    private static final ContactReceived RECEIVED = new ContactReceived(
            ID,
            Channel.WEB,
            "BL-2026-000200",
            new ReportDetails(
                    ReportCategory.ANTISOCIAL_BEHAVIOUR,
                    "Youths throwing stones at windows",
                    "Park Lane",
                    LocalDate.of(2026, 11, 26),
                    "9am"),
            new Reporter("Sam Smith", "sam@example.com", null),
            null,
            T0);
    private static final ContactAssigned ALEX_TOOK_IT =
            new ContactAssigned(ID, Channel.WEB, "alex", Assignment.TAKEN, T0);

    private static final Triage FIRST_ASSESSMENT = new Triage(
            "Low",
            "Property damage",
            "Low",
            "CCTV possible",
            "None identified",
            "Wants an update",
            Grade.SCHEDULED,
            "No ongoing threat; schedule an appointment");
    private static final Triage SECOND_ASSESSMENT = new Triage(
            "Rising",
            "Elderly resident frightened",
            "Medium",
            "CCTV possible",
            "Elderly resident lives alone",
            "Wants an update",
            Grade.PRIORITY,
            "Caller now reports the group is back and the resident is afraid");

    private AggregateTestFixture<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
    }

    @Test
    void aContactIsTriaged() {
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .when(new TriageContact(ID, FIRST_ASSESSMENT, "alex", T1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ContactTriaged(ID, Channel.WEB, FIRST_ASSESSMENT, "alex", T1));
    }

    @Test
    void triageIsRepeatableEachAssessmentIsRecorded() {
        fixture.given(RECEIVED, ALEX_TOOK_IT, new ContactTriaged(ID, Channel.WEB, FIRST_ASSESSMENT, "alex", T1))
                .when(new TriageContact(ID, SECOND_ASSESSMENT, "alex", T2))
                .expectEvents(new ContactTriaged(ID, Channel.WEB, SECOND_ASSESSMENT, "alex", T2));
    }

    @Test
    void twoAssessmentsAsCommandsGiveTwoTriagedEvents() {
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .andGivenCommands(new TriageContact(ID, FIRST_ASSESSMENT, "alex", T1))
                .when(new TriageContact(ID, SECOND_ASSESSMENT, "alex", T2))
                .expectEvents(new ContactTriaged(ID, Channel.WEB, SECOND_ASSESSMENT, "alex", T2));
    }

    @Test
    void theSameAssessmentTwiceIsStillRecordedTwice() {
        // repeatable means every assessment is kept, even an unchanged one
        fixture.given(RECEIVED, ALEX_TOOK_IT, new ContactTriaged(ID, Channel.WEB, FIRST_ASSESSMENT, "alex", T1))
                .when(new TriageContact(ID, FIRST_ASSESSMENT, "alex", T2))
                .expectEvents(new ContactTriaged(ID, Channel.WEB, FIRST_ASSESSMENT, "alex", T2));
    }

    @Test
    void aTriageWithoutARationaleIsRefused() {
        Triage noRationale = new Triage("Low", "Low", "Low", "None", "None", "None", Grade.SCHEDULED, null);
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .when(new TriageContact(ID, noRationale, "alex", T1))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aTriageWithABlankRationaleIsRefused() {
        Triage blankRationale = new Triage("Low", "Low", "Low", "None", "None", "None", Grade.SCHEDULED, "   ");
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .when(new TriageContact(ID, blankRationale, "alex", T1))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aTriageWithoutAGradeIsRefused() {
        Triage noGrade = new Triage("Low", "Low", "Low", "None", "None", "None", null, "Looks minor");
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .when(new TriageContact(ID, noGrade, "alex", T1))
                .expectException(NullPointerException.class)
                .expectNoEvents();
    }

    @Test
    void aTriageCommandWithoutAnAssessmentIsRefused() {
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .when(new TriageContact(ID, null, "alex", T1))
                .expectException(NullPointerException.class)
                .expectNoEvents();
    }

    @Test
    void aContactIsLinkedToItsCase() {
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .when(new LinkContactToCase(
                        ID,
                        "BL-2026-000200",
                        ReportCategory.ANTISOCIAL_BEHAVIOUR,
                        "Stones thrown at windows",
                        "alex",
                        T1))
                .expectEvents(new ContactLinkedToCase(
                        ID,
                        Channel.WEB,
                        "BL-2026-000200",
                        ReportCategory.ANTISOCIAL_BEHAVIOUR,
                        "Stones thrown at windows",
                        "alex",
                        T1));
    }

    @Test
    void aContactInOneCaseIsRefusedASecond() {
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .when(new LinkContactToCase(ID, "BL-2026-000999", ReportCategory.THEFT, "Another matter", "alex", T1))
                .expectException(ContactRefused.class)
                .expectExceptionMessage(containsString("BL-2026-000200"))
                .expectNoEvents();
    }

    @Test
    void aCallLinkedByASummaryIsRefusedASecondCase() {
        ContactLinkedToCase linkedByPhone = new ContactLinkedToCase(
                "c-201", Channel.PHONE, "BL-2026-000300", ReportCategory.THEFT, "Bike", "alex", T1);
        fixture.given(
                        new CallRang("c-201", new CallDetails("call-1", "07700900123", "101", "inbound", "main"), T0),
                        linkedByPhone)
                .when(new LinkContactToCase("c-201", "BL-2026-000301", ReportCategory.THEFT, "Bike", "alex", T2))
                .expectException(ContactRefused.class)
                .expectNoEvents();
    }

    @Test
    void linkingWithoutACaseReferenceIsRefused() {
        fixture.given(RECEIVED, ALEX_TOOK_IT)
                .when(new LinkContactToCase(ID, "", ReportCategory.ANTISOCIAL_BEHAVIOUR, "Stones", "alex", T1))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}
