package uk.police.bluelamp.messages.triage;

import uk.police.bluelamp.messages.privacy.PersonalData;

/**
 * A THRIVE assessment (Threat, Harm, Risk, Investigation, Vulnerability, Engagement) with the
 * grade it leads to and why. Repeatable: a new assessment is recorded whenever things change.
 */
public record Triage(
        @PersonalData String threat,
        @PersonalData String harm,
        @PersonalData String risk,
        @PersonalData String investigation,
        @PersonalData String vulnerability,
        @PersonalData String engagement,
        Grade grade,
        @PersonalData String rationale) {}
