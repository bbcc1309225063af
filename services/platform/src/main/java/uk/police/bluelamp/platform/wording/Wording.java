package uk.police.bluelamp.platform.wording;

import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.Satisfaction;
import uk.police.bluelamp.messages.casefile.VictimsCodeRight;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.triage.Grade;

/**
 * The words people read for the values the messages name. The messages are the published
 * language between contexts, so their enums carry no wording; the pages, the tracking page and
 * the audit sentences read it here, and the browser through the contract (app/web/EnumLabels).
 * Switches, so a new constant does not compile until it has its words.
 */
public final class Wording {

    private Wording() {}

    /** Where a case stands, in the words a citizen sees. */
    public static String of(CaseStatus status) {
        return switch (status) {
            case RECEIVED -> "Received";
            case UNDER_REVIEW -> "Under review";
            case AWAITING_INFORMATION -> "Awaiting information";
            case REFERRED -> "Referred";
            case RESOLVED -> "Resolved";
            case CLOSED -> "Closed";
        };
    }

    /** What a report is about, as the citizen chooses it on the form. */
    public static String of(ReportCategory category) {
        return switch (category) {
            case ANTISOCIAL_BEHAVIOUR -> "Anti-social behaviour";
            case THEFT -> "Theft (not from a vehicle)";
            case VEHICLE_CRIME -> "Vehicle crime";
            case CRIMINAL_DAMAGE -> "Criminal damage or vandalism";
            case FRAUD -> "Fraud or scam";
            case LOST_PROPERTY -> "Lost or found property";
            case ROAD_TRAFFIC -> "Road traffic incident with no injuries";
            case HATE_INCIDENT -> "Hate incident";
            case OTHER -> "Something else";
        };
    }

    /** A triage grade, as staff read it. */
    public static String of(Grade grade) {
        return switch (grade) {
            case IMMEDIATE -> "Immediate";
            case PRIORITY -> "Priority";
            case SCHEDULED -> "Scheduled";
            case RESOLUTION_WITHOUT_DEPLOYMENT -> "Resolution without deployment";
        };
    }

    /** A citizen's answer to "how satisfied were you", in the GOV.UK feedback scale's words. */
    public static String of(Satisfaction satisfaction) {
        return switch (satisfaction) {
            case VERY_SATISFIED -> "Very satisfied";
            case SATISFIED -> "Satisfied";
            case NEITHER -> "Neither satisfied nor dissatisfied";
            case DISSATISFIED -> "Dissatisfied";
            case VERY_DISSATISFIED -> "Very dissatisfied";
        };
    }

    /** A promise in the Victims' Code ledger, as the Police and Crime Commissioner reads it. */
    public static String of(VictimsCodeRight right) {
        return switch (right) {
            case UPDATES -> "Updates as often as the victim chose";
            case KEY_DECISIONS -> "Key decisions told within 5 working days (1 under Enhanced Rights)";
            case CRIME_RECORDING -> "Crime-recording decision within 24 hours";
            case VICTIM_SUPPORT -> "Referral to victim support within 2 working days of consent";
        };
    }

    /** The words for any value that has them here, or null. */
    public static String ofAny(Enum<?> value) {
        if (value instanceof CaseStatus status) {
            return of(status);
        }
        if (value instanceof ReportCategory category) {
            return of(category);
        }
        if (value instanceof Grade grade) {
            return of(grade);
        }
        if (value instanceof VictimsCodeRight right) {
            return of(right);
        }
        if (value instanceof Satisfaction satisfaction) {
            return of(satisfaction);
        }
        return null;
    }
}
