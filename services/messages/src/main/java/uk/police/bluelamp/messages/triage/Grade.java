package uk.police.bluelamp.messages.triage;

/**
 * The force's response grades. Their time targets are configuration, not code; their words are
 * the platform's (platform.triage.TriageWording).
 */
public enum Grade {
    IMMEDIATE(1),
    PRIORITY(2),
    SCHEDULED(3),
    RESOLUTION_WITHOUT_DEPLOYMENT(4);

    private final int priority;

    Grade(int priority) {
        this.priority = priority;
    }

    /** Lower is more urgent; a queue is ordered by this, then by the longest wait. */
    public int priority() {
        return priority;
    }
}
