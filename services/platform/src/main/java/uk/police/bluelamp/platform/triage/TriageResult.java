package uk.police.bluelamp.platform.triage;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import uk.police.bluelamp.messages.triage.Grade;
import uk.police.bluelamp.platform.wording.Wording;

/** The grade given to a contact or a case, and what it asks of the force. */
public record TriageResult(
        @Schema(requiredMode = REQUIRED, implementation = Grade.class)
        String grade,

        @Schema(requiredMode = REQUIRED) String gradeLabel,
        @Schema(requiredMode = REQUIRED) String instruction) {

    public static TriageResult of(Grade grade) {
        return new TriageResult(grade.name(), Wording.of(grade), TriageWording.instruction(grade));
    }
}
