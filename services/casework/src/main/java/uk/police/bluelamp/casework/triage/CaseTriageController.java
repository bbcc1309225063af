package uk.police.bluelamp.casework.triage;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.casefile.command.TriageCase;
import uk.police.bluelamp.messages.text.MultiLine;
import uk.police.bluelamp.messages.triage.Grade;
import uk.police.bluelamp.messages.triage.Triage;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.InvalidRequest;
import uk.police.bluelamp.platform.web.Problems;

/** THRIVE and grade on a case: repeatable, each with its rationale. An unknown case is a 404 (CaseErrors). */
@RestController
class CaseTriageController {

    static final int MAX = 2000;

    private final Commands commands;
    private final Clock clock;

    CaseTriageController(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Schema(name = "CaseTriageRequest")
    record TriageRequest(
            @MultiLine String threat,
            @MultiLine String harm,
            @MultiLine String risk,
            @MultiLine String investigation,
            @MultiLine String vulnerability,
            @MultiLine String engagement,
            String grade,
            @MultiLine String rationale) {}

    /** The grade given, and what it asks of the force. */
    @Schema(name = "CaseTriageResult")
    record TriageResult(
            @Schema(requiredMode = REQUIRED, implementation = Grade.class)
            String grade,

            @Schema(requiredMode = REQUIRED) String gradeLabel,
            @Schema(requiredMode = REQUIRED) String instruction) {}

    @PostMapping("/api/v1/staff/cases/{reference}/triage")
    TriageResult triage(@PathVariable String reference, @RequestBody TriageRequest request, Authentication staff) {
        Grade grade;
        try {
            grade = Grade.valueOf(String.valueOf(request.grade()).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Select a grade");
        }
        if (request.rationale() == null || request.rationale().isBlank()) {
            throw new IllegalArgumentException("Enter the rationale for the grade");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("threat", request.threat());
        parts.put("harm", request.harm());
        parts.put("risk", request.risk());
        parts.put("investigation", request.investigation());
        parts.put("vulnerability", request.vulnerability());
        parts.put("engagement", request.engagement());
        parts.put("rationale", request.rationale());
        List<FieldError> tooLong = parts.entrySet().stream()
                .filter(part -> part.getValue() != null && part.getValue().length() > MAX)
                .map(part -> new FieldError(part.getKey(), part.getKey() + " must be " + MAX + " characters or fewer"))
                .toList();
        if (!tooLong.isEmpty()) {
            throw new InvalidRequest(
                    Problems.FIELD_TITLE,
                    "Each part of the assessment must be " + MAX + " characters or fewer",
                    tooLong);
        }
        Triage triage = new Triage(
                request.threat(),
                request.harm(),
                request.risk(),
                request.investigation(),
                request.vulnerability(),
                request.engagement(),
                grade,
                request.rationale().strip());
        commands.sendAsStaff(
                new TriageCase(reference.toUpperCase(Locale.ROOT), triage, staff.getName(), clock.instant()),
                staff.getName());
        return new TriageResult(grade.name(), grade.label(), grade.instruction());
    }
}
