package uk.police.bluelamp.messages.contact.event;

/** Everything that can happen to a contact, whatever its channel. */
public sealed interface ContactEvent
        permits ContactReceived,
                ChatStarted,
                ChatMessagePosted,
                ChatIdleWarned,
                ChatEnded,
                ChatTranscriptRequested,
                ChatTranscriptSent,
                CallbackRequested,
                CallbackAttempted,
                CallRang,
                CallAnswered,
                CallEnded,
                ContactAssigned,
                ContactTransferred,
                ContactAbandoned,
                ContactClosed,
                ContactTriaged,
                ContactLinkedToCase,
                ContactRetentionExtended,
                ContactDisposed,
                EvidenceAttached {

    String contactId();
}
