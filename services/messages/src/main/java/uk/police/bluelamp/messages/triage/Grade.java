package uk.police.bluelamp.messages.triage;

/** The force's response grades. Their time targets are configuration, not code. */
public enum Grade {
    IMMEDIATE("Immediate", 1),
    PRIORITY("Priority", 2),
    SCHEDULED("Scheduled", 3),
    RESOLUTION_WITHOUT_DEPLOYMENT("Resolution without deployment", 4);

    private final String label;
    private final int priority;

    Grade(String label, int priority) {
        this.label = label;
        this.priority = priority;
    }

    public String label() {
        return label;
    }

    /**
     * What the handler must do at once, if anything. Immediate matters go to emergency response,
     * which is outside Blue Lamp: the system says so plainly rather than pretending to dispatch.
     */
    public String instruction() {
        return this == IMMEDIATE
                ? "Immediate: pass this to emergency response now, by the force's emergency procedure. "
                        + "Blue Lamp does not dispatch officers. Stay with the caller if you can."
                : null;
    }

    /** Lower is more urgent; a queue is ordered by this, then by the longest wait. */
    public int priority() {
        return priority;
    }
}
