package uk.police.bluelamp.messages.triage;

/**
 * A THRIVE assessment (Threat, Harm, Risk, Investigation, Vulnerability, Engagement) with the
 * grade it leads to and why. Repeatable: a new assessment is recorded whenever things change.
 */
public record Triage(
        String threat,
        String harm,
        String risk,
        String investigation,
        String vulnerability,
        String engagement,
        Grade grade,
        String rationale) {
}
