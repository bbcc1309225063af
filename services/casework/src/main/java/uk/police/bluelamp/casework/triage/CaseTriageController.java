package uk.police.bluelamp.casework.triage;

import java.time.Clock;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.audit.correlation.Correlation;
import uk.police.bluelamp.messages.MetadataKeys;
import uk.police.bluelamp.messages.casefile.TriageCase;
import uk.police.bluelamp.messages.text.MultiLine;
import uk.police.bluelamp.messages.triage.Grade;
import uk.police.bluelamp.messages.triage.Triage;

/** THRIVE and grade on a case: repeatable, each with its rationale. */
@RestController
class CaseTriageController {

    static final int MAX = 2000;

    private final CommandGateway commands;
    private final Clock clock;

    CaseTriageController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    record TriageRequest(@MultiLine String threat, @MultiLine String harm, @MultiLine String risk,
                         @MultiLine String investigation, @MultiLine String vulnerability,
                         @MultiLine String engagement, String grade, @MultiLine String rationale) {
    }

    @PostMapping("/api/v1/staff/cases/{reference}/triage")
    ResponseEntity<?> triage(@PathVariable String reference, @RequestBody TriageRequest request, Authentication staff) {
        Grade grade;
        try {
            grade = Grade.valueOf(String.valueOf(request.grade()).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, "Select a grade");
        }
        if (request.rationale() == null || request.rationale().isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "Enter the rationale for the grade");
        }
        Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("threat", request.threat());
        parts.put("harm", request.harm());
        parts.put("risk", request.risk());
        parts.put("investigation", request.investigation());
        parts.put("vulnerability", request.vulnerability());
        parts.put("engagement", request.engagement());
        parts.put("rationale", request.rationale());
        List<Map<String, String>> tooLong = parts.entrySet().stream()
                .filter(part -> part.getValue() != null && part.getValue().length() > MAX)
                .map(part -> Map.of("field", part.getKey(), "message", part.getKey() + " must be " + MAX + " characters or fewer"))
                .toList();
        if (!tooLong.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Each part of the assessment must be " + MAX + " characters or fewer");
            problem.setTitle("There is a problem");
            problem.setProperty("errors", tooLong);
            return ResponseEntity.badRequest().body(problem);
        }
        Triage triage = new Triage(request.threat(), request.harm(), request.risk(), request.investigation(),
                request.vulnerability(), request.engagement(), grade, request.rationale().strip());
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new TriageCase(reference.toUpperCase(Locale.ROOT), triage, staff.getName(), clock.instant()))
                    .andMetaData(Map.of(MetadataKeys.ACTOR, "staff:" + staff.getName(), MetadataKeys.CHANNEL, "STAFF",
                            MetadataKeys.CORRELATION_ID, Correlation.current())));
        } catch (AggregateNotFoundException e) {
            return problem(HttpStatus.NOT_FOUND, "There is no case with that reference");
        }
        Map<String, Object> result = new java.util.HashMap<>();
        result.put("grade", grade.name());
        result.put("gradeLabel", grade.label());
        result.put("instruction", grade.instruction());
        return ResponseEntity.ok(result);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status == HttpStatus.NOT_FOUND ? "Not found" : "There is a problem");
        return ResponseEntity.status(status).body(problem);
    }
}
