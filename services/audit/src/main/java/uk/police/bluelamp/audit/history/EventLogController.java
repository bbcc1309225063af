package uk.police.bluelamp.audit.history;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.platform.access.AccessLog;
import uk.police.bluelamp.platform.access.AsksReason;
import uk.police.bluelamp.platform.web.Problems;

/** The whole event log, filtered and paged. */
@RestController
class EventLogController {

    static final int LARGEST_PAGE = 200;

    private final EventLog log;
    private final AccessLog accessLog;

    EventLogController(EventLog log, AccessLog accessLog) {
        this.log = log;
        this.accessLog = accessLog;
    }

    @GetMapping("/api/v1/audit/event-types")
    List<String> types() {
        return List.copyOf(EventLog.TYPES.keySet());
    }

    @GetMapping("/api/v1/audit/events")
    @AsksReason
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EventLog.Page.class)))
    ResponseEntity<?> events(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String channel,
            @RequestParam(name = "case", required = false) String caseReference,
            @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "50") int size) {
        Instant fromTime;
        Instant toTime;
        try {
            fromTime = blank(from) ? null : Instant.parse(from.strip());
            toTime = blank(to) ? null : Instant.parse(to.strip());
        } catch (DateTimeParseException e) {
            return Problems.titled(
                    HttpStatus.BAD_REQUEST, "Give times as ISO-8601 instants, for example 2026-11-26T09:00:00Z");
        }
        if (size < 1 || size > LARGEST_PAGE) {
            return Problems.titled(HttpStatus.BAD_REQUEST, "Page size must be 1 to " + LARGEST_PAGE);
        }
        if (!blank(type) && !EventLog.TYPES.containsKey(type.strip())) {
            return Problems.titled(HttpStatus.BAD_REQUEST, "There is no event type called " + type.strip());
        }
        List<String> aggregates = null;
        if (!blank(caseReference)) {
            aggregates = log.caseAggregates(caseReference.strip().toUpperCase(Locale.ROOT));
            if (aggregates.isEmpty()) {
                return ResponseEntity.ok(new EventLog.Page(List.of(), null, Map.of()));
            }
        }
        EventLog.Filter filter = new EventLog.Filter(
                fromTime,
                toTime,
                blank(type) ? null : type.strip(),
                blank(actor) ? null : actor.strip(),
                blank(channel) ? null : channel.strip().toUpperCase(Locale.ROOT),
                aggregates);
        EventLog.Page page = log.page(filter, before, size);
        // Each page is logged against every person on it: the log shows decrypted personal data.
        Set<String> cases = new LinkedHashSet<>();
        Set<String> contacts = new LinkedHashSet<>();
        if (aggregates != null) {
            // Asked for by its reference, so "who viewed this case" finds the look even on a page of contacts' events.
            cases.add(caseReference.strip().toUpperCase(Locale.ROOT));
        }
        page.subjects()
                .forEach((id, aggregateType) -> (EventLog.CASE.equals(aggregateType) ? cases : contacts).add(id));
        accessLog.recordsListed(
                aggregates == null ? "audit event log" : "audit event log of the case", cases, contacts);
        return ResponseEntity.ok(page);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
