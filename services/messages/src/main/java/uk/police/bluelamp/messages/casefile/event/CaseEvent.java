package uk.police.bluelamp.messages.casefile.event;

/** Everything that can happen to a case. */
public sealed interface CaseEvent
        permits CaseOpened,
                CaseTriaged,
                ContactAddedToCase,
                CaseLinked,
                CaseAssigned,
                InternalNoteAdded,
                PublicUpdatePublished,
                CaseStatusChanged,
                CaseReopened,
                CrimeRecorded,
                CrimeNotRecorded,
                CrimeDecisionOverdue,
                EnhancedRightsSet,
                UpdatePreferenceChanged,
                UpdateOverdue,
                KeyDecisionUpdateOverdue,
                CaseMessagePosted,
                UpdateDeliveryRecorded,
                TrackingCodeSent,
                KeyDecisionMade,
                RetentionReviewScheduled,
                RetentionReviewFellDue,
                RetentionExtended,
                CaseDisposed,
                UnsafeToContactSet,
                VictimSupportReferralRequested,
                VictimSupportReferralDeclined,
                VictimSupportReferralSent,
                VictimSupportReferralFailed,
                SatisfactionRequested,
                SatisfactionRequestDeliveryRecorded,
                SatisfactionGiven,
                EvidenceAttached {

    String reference();
}
