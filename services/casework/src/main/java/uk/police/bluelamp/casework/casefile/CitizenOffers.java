package uk.police.bluelamp.casework.casefile;

import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.event.SatisfactionGiven;
import uk.police.bluelamp.messages.casefile.event.SatisfactionRequested;
import uk.police.bluelamp.messages.casefile.event.UnsafeToContactSet;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralDeclined;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralRequested;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralSent;

/**
 * The case's state for what it offers the citizen beyond updates: the victim support referral
 * (Right 4) and the satisfaction question, and whether contacting them unprompted is unsafe.
 * Kept apart so the Case aggregate stays about the case.
 */
final class CitizenOffers {

    static final int MAX_COMMENT = 1200;

    boolean unsafeToContact;
    String referralId;
    boolean referralDeclined;
    boolean referralSent;
    String satisfactionRequestId;
    UpdateChannel satisfactionAskedBy;
    boolean satisfactionGiven;

    void refuseReferralUnlessOpen(boolean lostProperty) {
        if (lostProperty) {
            throw CaseRefused.toCitizen("victimSupport.lostProperty");
        }
        if (referralId != null) {
            throw CaseRefused.toCitizen("victimSupport.alreadyAsked");
        }
    }

    void refuseAnswerUnlessAsked(String requestId) {
        if (satisfactionRequestId == null || !satisfactionRequestId.equals(requestId)) {
            throw CaseRefused.toCitizen("satisfaction.notAsked");
        }
        if (satisfactionGiven) {
            throw CaseRefused.toCitizen("satisfaction.alreadyGiven");
        }
    }

    void on(UnsafeToContactSet event) {
        unsafeToContact = event.unsafe();
    }

    void on(VictimSupportReferralRequested event) {
        referralId = event.referralId();
    }

    void on(VictimSupportReferralDeclined event) {
        referralDeclined = true;
    }

    void on(VictimSupportReferralSent event) {
        referralSent = true;
    }

    void on(SatisfactionRequested event) {
        satisfactionRequestId = event.requestId();
        satisfactionAskedBy = event.channel();
    }

    void on(SatisfactionGiven event) {
        satisfactionGiven = true;
    }
}
