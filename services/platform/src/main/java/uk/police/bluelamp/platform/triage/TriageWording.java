package uk.police.bluelamp.platform.triage;

import java.util.List;
import uk.police.bluelamp.messages.triage.Grade;

/**
 * The words staff read for a triage beyond its grade's name (platform.wording): what a grade
 * asks, and the THRIVE parts. They stay out of services/messages, whose enums are the published
 * language.
 */
public final class TriageWording {

    private TriageWording() {}

    /**
     * What the handler must do at once, if anything. Immediate matters go to emergency response,
     * which is outside Blue Lamp: the system says so plainly rather than pretending to dispatch.
     */
    public static String instruction(Grade grade) {
        return grade == Grade.IMMEDIATE
                ? "Immediate: pass this to emergency response now, by the force's emergency procedure. "
                        + "Blue Lamp does not dispatch officers. Stay with the caller if you can."
                : null;
    }

    /** A THRIVE part: its field in TriageRequest and its label on the form. */
    public record Part(String field, String label) {}

    /** In the order staff assess them, the order of the acronym. */
    public static final List<Part> PARTS = List.of(
            new Part("threat", "Threat"),
            new Part("harm", "Harm"),
            new Part("risk", "Risk"),
            new Part("investigation", "Investigation"),
            new Part("vulnerability", "Vulnerability"),
            new Part("engagement", "Engagement"));
}
