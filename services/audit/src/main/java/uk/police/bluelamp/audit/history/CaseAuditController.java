package uk.police.bluelamp.audit.history;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.audit.replay.PersonalDataRebuilds;
import uk.police.bluelamp.messages.casefile.CaseViewAsOf;
import uk.police.bluelamp.messages.casefile.query.FindCaseAsOf;
import uk.police.bluelamp.platform.access.AccessLog;
import uk.police.bluelamp.platform.access.AsksReason;
import uk.police.bluelamp.platform.web.Problems;

/** One case's audit trail, its export, and the case as it was at a moment. Each look is logged. */
@RestController
class CaseAuditController {

    private final EventLog log;
    private final AccessLog accessLog;
    private final QueryGateway queries;
    private final PersonalDataRebuilds scrubs;

    CaseAuditController(EventLog log, AccessLog accessLog, QueryGateway queries, PersonalDataRebuilds scrubs) {
        this.scrubs = scrubs;
        this.log = log;
        this.accessLog = accessLog;
        this.queries = queries;
    }

    /** A case's events, oldest first. */
    @Schema(name = "CaseHistory")
    record CaseHistory(
            @Schema(requiredMode = REQUIRED) String reference,
            @Schema(requiredMode = REQUIRED) List<EventLog.Entry> entries) {}

    /** The JSON export: the history, when it was made, and whether an erasure was still being scrubbed. */
    @Schema(name = "CaseAuditExport")
    record CaseExport(
            @Schema(requiredMode = REQUIRED) String reference,
            @Schema(requiredMode = REQUIRED) Instant exportedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String scrubPending,
            @Schema(requiredMode = REQUIRED) List<EventLog.Entry> entries) {}

    @GetMapping("/api/v1/audit/cases/{reference}/history")
    @AsksReason
    ResponseEntity<CaseHistory> history(@PathVariable String reference) {
        String ref = ref(reference);
        List<EventLog.Entry> entries = log.caseHistory(ref);
        if (entries.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        accessLog.caseOpened(ref, "case audit trail", null);
        return ResponseEntity.ok(new CaseHistory(ref, entries));
    }

    @GetMapping("/api/v1/audit/cases/{reference}/export")
    @AsksReason
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = CaseExport.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    ResponseEntity<?> export(@PathVariable String reference, @RequestParam(defaultValue = "json") String format) {
        String ref = ref(reference);
        boolean csv = format.equalsIgnoreCase("csv");
        if (!csv && !format.equalsIgnoreCase("json")) {
            return Problems.titled(HttpStatus.BAD_REQUEST, "Export as json or csv");
        }
        List<EventLog.Entry> entries = log.caseHistory(ref);
        if (entries.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        accessLog.caseOpened(ref, "case audit trail export (" + (csv ? "CSV" : "JSON") + ")", null);
        String file = ref + "-audit-trail." + (csv ? "csv" : "json");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(
                ContentDisposition.attachment().filename(file).build());
        headers.setContentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON);
        Instant exportedAt = Instant.now();
        String scrubPending = null;
        if (scrubs.scrubbing()) {
            // Made from the event log, so erased data reads "[erased]" here already; said anyway,
            // so whoever holds the file knows an erasure was under way when it was made.
            headers.set(PersonalDataRebuilds.SCRUB_PENDING, "true");
            scrubPending = PersonalDataRebuilds.SCRUB_NOTICE;
        }
        Object body = csv ? CsvExport.of(entries) : new CaseExport(ref, exportedAt, scrubPending, entries);
        return ResponseEntity.ok().headers(headers).body(body);
    }

    @GetMapping("/api/v1/audit/cases/{reference}/as-of")
    @ApiResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(ref = "#/components/schemas/" + CaseAsAtSchema.NAME)))
    @AsksReason
    ResponseEntity<?> asOf(@PathVariable String reference, @RequestParam String at) {
        String ref = ref(reference);
        Instant moment;
        try {
            moment = Instant.parse(at.strip());
        } catch (DateTimeParseException e) {
            return Problems.titled(
                    HttpStatus.BAD_REQUEST, "Give the moment as an ISO-8601 instant, for example 2026-11-26T09:00:00Z");
        }
        Map<String, Object> view = queries.query(new FindCaseAsOf(ref, moment), CaseViewAsOf.class)
                .join()
                .view();
        if (view.isEmpty()) {
            return Problems.titled(HttpStatus.NOT_FOUND, "The case did not exist yet at " + moment);
        }
        accessLog.caseOpened(ref, "case as at " + moment, null);
        Map<String, Object> result = new LinkedHashMap<>(view);
        result.put("asOf", moment);
        return ResponseEntity.ok(result);
    }

    private static String ref(String reference) {
        return reference.strip().toUpperCase(Locale.ROOT);
    }
}
