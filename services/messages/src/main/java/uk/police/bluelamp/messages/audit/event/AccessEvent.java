package uk.police.bluelamp.messages.audit.event;

/**
 * A member of staff consulted personal data (Data Protection Act 2018, s.62). These events
 * belong to no aggregate: they are stored, chained and audited like every other event.
 */
public sealed interface AccessEvent permits CaseViewed, ContactViewed {

    String viewer();
}
