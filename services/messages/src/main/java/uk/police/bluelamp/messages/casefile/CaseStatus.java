package uk.police.bluelamp.messages.casefile;

/** Where a case stands, in the words a citizen sees. */
public enum CaseStatus {
    RECEIVED("Received"),
    UNDER_REVIEW("Under review"),
    AWAITING_INFORMATION("Awaiting information"),
    REFERRED("Referred"),
    RESOLVED("Resolved"),
    CLOSED("Closed");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
