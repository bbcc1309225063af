package uk.police.bluelamp.casework.casefile;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.casefile.command.ChangeCaseStatus;
import uk.police.bluelamp.messages.casefile.command.OpenCase;
import uk.police.bluelamp.messages.casefile.command.PublishUpdate;
import uk.police.bluelamp.messages.casefile.command.RecordCrimeDecision;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.CaseStatusChanged;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;

/** Shared fixture set-up and sample messages for the Case aggregate tests. */
final class CaseScenarios {

    /** A Friday in GMT (Europe/London is UTC+0 in late November), so working days are easy to count. */
    static final Instant FRIDAY = Instant.parse("2026-11-27T10:00:00Z");

    static final String REF = "BL-2026-000500";
    static final String CODE = "7KQ4-M2XP-9HTD";
    static final TrackingCodeHasher HASHER = new TrackingCodeHasher("a-test-pepper-of-enough-length");
    static final CitizenDetails SAM = new CitizenDetails("Sam Citizen", "sam@example.org", "07700900123");
    static final String POSTCODE = "SW1A 1AA";
    /** MoPI's six years for crime; lost property a year. */
    static final RetentionSchedule RETENTION =
            new RetentionSchedule(null, Map.of(ReportCategory.LOST_PROPERTY, Period.ofYears(1)));

    static final UpdatePreference WEEKLY = new UpdatePreference(UpdateChannel.EMAIL, UpdateFrequency.WEEKLY);
    static final UpdatePreference FORTNIGHTLY = new UpdatePreference(UpdateChannel.SMS, UpdateFrequency.FORTNIGHTLY);
    static final UpdatePreference MONTHLY = new UpdatePreference(UpdateChannel.ONLINE, UpdateFrequency.MONTHLY);
    static final UpdatePreference KEY_DECISIONS =
            new UpdatePreference(UpdateChannel.PHONE, UpdateFrequency.KEY_DECISIONS);

    private CaseScenarios() {}

    static AggregateTestFixture<Case> newFixture() {
        AggregateTestFixture<Case> fixture = new AggregateTestFixture<>(Case.class);
        fixture.registerInjectableResource(HASHER);
        fixture.registerInjectableResource(RETENTION);
        fixture.registerInjectableResource(VictimsCode.DEFAULTS);
        return fixture;
    }

    static Instant at(Duration afterFriday) {
        return FRIDAY.plus(afterFriday);
    }

    static Instant hours(long h) {
        return FRIDAY.plus(Duration.ofHours(h));
    }

    static Instant days(long d) {
        return FRIDAY.plus(Duration.ofDays(d));
    }

    static OpenCase open(ReportCategory category, UpdatePreference preference) {
        return new OpenCase(REF, "contact-1", Channel.WEB, category, CODE, preference, SAM, POSTCODE, FRIDAY);
    }

    static CaseOpened opened(ReportCategory category, UpdatePreference preference) {
        return new CaseOpened(
                REF,
                "contact-1",
                Channel.WEB,
                category,
                HASHER.hash(REF, CODE),
                preference,
                SAM,
                POSTCODE,
                FRIDAY,
                preference.nextUpdateDue(FRIDAY));
    }

    static ChangeCaseStatus status(CaseStatus status, Instant at) {
        return new ChangeCaseStatus(
                REF, status, status == CaseStatus.REFERRED ? "Neighbourhood team" : null, null, "handler-1", at);
    }

    static CaseStatusChanged statusChanged(CaseStatus from, CaseStatus to, Instant at) {
        return new CaseStatusChanged(
                REF, from, to, to == CaseStatus.REFERRED ? "Neighbourhood team" : null, null, "handler-1", at);
    }

    static RecordCrimeDecision recorded(Instant at) {
        return new RecordCrimeDecision(REF, true, "CR/12345/26", null, "handler-1", at);
    }

    static RecordCrimeDecision notRecorded(String reason, Instant at) {
        return new RecordCrimeDecision(REF, false, null, reason, "handler-1", at);
    }

    static PublishUpdate update(String id, boolean keyDecision, Instant at) {
        return new PublishUpdate(REF, id, "We have looked at your report.", keyDecision, "handler-1", at);
    }
}
