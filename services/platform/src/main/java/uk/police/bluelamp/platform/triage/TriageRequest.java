package uk.police.bluelamp.platform.triage;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.police.bluelamp.messages.text.MultiLine;
import uk.police.bluelamp.messages.triage.Grade;
import uk.police.bluelamp.messages.triage.Triage;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.Fields;
import uk.police.bluelamp.platform.web.InvalidRequest;
import uk.police.bluelamp.platform.web.Problems;

/** A THRIVE assessment as a handler sends it, for a contact or a case: checked the same for both. */
@Schema(requiredProperties = {"grade", "rationale"})
public record TriageRequest(
        @Schema(maxLength = TriageRequest.MAX) @MultiLine String threat,
        @Schema(maxLength = TriageRequest.MAX) @MultiLine String harm,
        @Schema(maxLength = TriageRequest.MAX) @MultiLine String risk,
        @Schema(maxLength = TriageRequest.MAX) @MultiLine String investigation,
        @Schema(maxLength = TriageRequest.MAX) @MultiLine String vulnerability,
        @Schema(maxLength = TriageRequest.MAX) @MultiLine String engagement,
        @Schema(implementation = Grade.class) String grade,
        @Schema(maxLength = TriageRequest.MAX) @MultiLine String rationale) {

    public static final int MAX = 2000;

    /**
     * The assessment, stripped; or every field at fault in one 400. Its detail names the first
     * thing to fix (the grade, then the rationale, then the length), for a client that shows one line.
     */
    public Triage valid() {
        List<FieldError> errors = new ArrayList<>();
        String threatText = Fields.optional(threat, "threat", MAX, errors);
        String harmText = Fields.optional(harm, "harm", MAX, errors);
        String riskText = Fields.optional(risk, "risk", MAX, errors);
        String investigationText = Fields.optional(investigation, "investigation", MAX, errors);
        String vulnerabilityText = Fields.optional(vulnerability, "vulnerability", MAX, errors);
        String engagementText = Fields.optional(engagement, "engagement", MAX, errors);
        Grade chosen = chosenGrade();
        if (chosen == null) {
            errors.add(new FieldError("grade", SELECT_A_GRADE));
        }
        boolean rationaleMissing = rationale == null || rationale.isBlank();
        String rationaleText = Fields.required(rationale, "rationale", ENTER_A_RATIONALE, MAX, errors);
        if (!errors.isEmpty()) {
            String detail = chosen == null
                    ? SELECT_A_GRADE
                    : rationaleMissing
                            ? ENTER_A_RATIONALE
                            : "Each part of the assessment must be " + MAX + " characters or fewer";
            throw new InvalidRequest(Problems.FIELD_TITLE, detail, errors);
        }
        return new Triage(
                threatText,
                harmText,
                riskText,
                investigationText,
                vulnerabilityText,
                engagementText,
                chosen,
                rationaleText);
    }

    private static final String SELECT_A_GRADE = "Select a grade";
    private static final String ENTER_A_RATIONALE = "Enter the rationale for the grade";

    private Grade chosenGrade() {
        try {
            return grade == null ? null : Grade.valueOf(grade.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
