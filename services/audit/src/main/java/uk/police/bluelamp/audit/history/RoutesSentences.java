package uk.police.bluelamp.audit.history;

import static uk.police.bluelamp.audit.history.EventSentences.blank;
import static uk.police.bluelamp.audit.history.EventSentences.caseRef;
import static uk.police.bluelamp.audit.history.EventSentences.label;
import static uk.police.bluelamp.audit.history.EventSentences.orElse;
import static uk.police.bluelamp.audit.history.EventSentences.quote;
import static uk.police.bluelamp.audit.history.EventSentences.subject;
import static uk.police.bluelamp.audit.history.EventSentences.time;

import java.util.Locale;
import uk.police.bluelamp.messages.casefile.event.SatisfactionGiven;
import uk.police.bluelamp.messages.casefile.event.SatisfactionRequestDeliveryRecorded;
import uk.police.bluelamp.messages.casefile.event.SatisfactionRequested;
import uk.police.bluelamp.messages.casefile.event.UnsafeToContactSet;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralDeclined;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralFailed;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralRequested;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralSent;
import uk.police.bluelamp.messages.signposting.event.CitizenSignposted;

/**
 * Sentences for the routes a citizen is offered beyond the case itself (issue 16): being pointed
 * to another service, the victim support referral, the satisfaction question and the marker that
 * contacting them unprompted is unsafe.
 */
final class RoutesSentences {

    private RoutesSentences() {}

    static void register(EventSentences.Registry on) {
        on.on(CitizenSignposted.class, RoutesSentences::signposted);
        on.on(UnsafeToContactSet.class, RoutesSentences::unsafe);
        on.on(VictimSupportReferralRequested.class, RoutesSentences::referralRequested);
        on.on(VictimSupportReferralDeclined.class, RoutesSentences::referralDeclined);
        on.on(VictimSupportReferralSent.class, RoutesSentences::referralSent);
        on.on(VictimSupportReferralFailed.class, RoutesSentences::referralFailed);
        on.on(SatisfactionRequested.class, RoutesSentences::satisfactionRequested);
        on.on(SatisfactionRequestDeliveryRecorded.class, RoutesSentences::satisfactionDelivery);
        on.on(SatisfactionGiven.class, RoutesSentences::satisfactionGiven);
    }

    private static String signposted(CitizenSignposted e, String actor) {
        String about = e.reason() == null ? "" : " about " + label(e.reason()).toLowerCase(Locale.UK);
        String where =
                e.channel() == null ? "" : " on the " + label(e.channel()).toLowerCase(Locale.UK) + " channel";
        return "A citizen" + about + " was pointed to another service" + where + " before any case was opened";
    }

    private static String unsafe(UnsafeToContactSet e, String actor) {
        String who = subject(actor, e.by(), "A handler");
        return e.unsafe()
                ? who + " marked " + caseRef(e.reference()) + " unsafe to contact the citizen unprompted"
                : who + " cleared the unsafe-to-contact marker on " + caseRef(e.reference());
    }

    private static String referralRequested(VictimSupportReferralRequested e, String actor) {
        return "The citizen on " + caseRef(e.reference()) + " consented to a referral to " + service(e.service())
                + ", due to be passed on by " + time(e.dueBy());
    }

    private static String referralDeclined(VictimSupportReferralDeclined e, String actor) {
        return "The citizen on " + caseRef(e.reference()) + " declined a referral to " + service(e.service());
    }

    private static String referralSent(VictimSupportReferralSent e, String actor) {
        String theirs =
                blank(e.serviceReference()) ? "" : ", which gave it the reference " + quote(e.serviceReference());
        return "The victim support service accepted the referral from " + caseRef(e.reference()) + attempt(e.attempt())
                + theirs;
    }

    private static String referralFailed(VictimSupportReferralFailed e, String actor) {
        String error = blank(e.error()) ? "" : ", with the error " + quote(e.error());
        return "The referral from " + caseRef(e.reference()) + " did not reach the victim support service"
                + attempt(e.attempt()) + error;
    }

    private static String satisfactionRequested(SatisfactionRequested e, String actor) {
        String by = e.channel() == null ? "" : " by " + label(e.channel()).toLowerCase(Locale.UK);
        return "The system asked the citizen on " + caseRef(e.reference()) + " how satisfied they were" + by;
    }

    private static String satisfactionDelivery(SatisfactionRequestDeliveryRecorded e, String actor) {
        String ref = caseRef(e.reference());
        if (e.status() == null) {
            return "The system recorded what became of the satisfaction question on " + ref;
        }
        return switch (e.status()) {
            case SENT -> "The system sent the satisfaction question on " + ref + " to the citizen";
            case FAILED ->
                "The system could not send the satisfaction question on " + ref
                        + (blank(e.error()) ? "" : ", with the error " + quote(e.error()));
            default -> "The system put the satisfaction question on " + ref + " on the tracking page";
        };
    }

    private static String satisfactionGiven(SatisfactionGiven e, String actor) {
        String how =
                e.satisfaction() == null ? "" : ": " + label(e.satisfaction()).toLowerCase(Locale.UK);
        String comment = blank(e.comment()) ? "" : ", with a comment";
        return "The citizen on " + caseRef(e.reference()) + " said how satisfied they were" + how + comment;
    }

    private static String service(String name) {
        return orElse(name, "the victim support service");
    }

    private static String attempt(int attempt) {
        return attempt > 0 ? " (attempt " + attempt + ")" : "";
    }
}
