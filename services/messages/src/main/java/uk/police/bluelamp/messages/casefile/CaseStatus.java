package uk.police.bluelamp.messages.casefile;

/** Where a case stands. Its words are in platform.wording, outside the published language. */
public enum CaseStatus {
    RECEIVED,
    UNDER_REVIEW,
    AWAITING_INFORMATION,
    REFERRED,
    RESOLVED,
    CLOSED
}
