package uk.police.bluelamp.contact.canned;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.canned.command.AddCannedResponse;
import uk.police.bluelamp.messages.canned.command.EditCannedResponse;
import uk.police.bluelamp.messages.canned.command.RemoveCannedResponse;
import uk.police.bluelamp.messages.text.MultiLine;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.readmodel.ReadModelWait;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.InvalidRequest;
import uk.police.bluelamp.platform.web.Problems;

/**
 * Supervisors keep the force's canned chat responses; handlers read them to answer chats faster.
 * Writes answer once the list shows the change, so the page that sent it lists it at once.
 */
@RestController
class CannedResponseController {

    static final int MAX_TITLE = 60;
    /** Half a chat message, so the text with its placeholders filled in still fits in one. */
    static final int MAX_TEXT = 1000;

    private static final Duration LIST_WAIT = Duration.ofSeconds(5);

    private final Commands commands;
    private final JdbcClient jdbc;
    private final Clock clock;

    CannedResponseController(Commands commands, JdbcClient jdbc, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record CannedResponseRequest(
            @Schema(requiredMode = REQUIRED, maxLength = MAX_TITLE)
            String title,

            @Schema(
                    requiredMode = REQUIRED,
                    maxLength = MAX_TEXT,
                    description = "May hold {citizenName}, {handlerName} and {reference}")
            @MultiLine
            String text) {}

    record CannedResponse(
            @Schema(requiredMode = REQUIRED, format = "uuid")
            String id,

            @Schema(requiredMode = REQUIRED) String title,
            @Schema(requiredMode = REQUIRED) String text,
            @Schema(requiredMode = REQUIRED) Instant changedAt) {}

    @GetMapping("/api/v1/staff/canned-responses")
    List<CannedResponse> list() {
        return jdbc.sql("select response_id, title, text, changed_at from canned_response order by lower(title), title")
                .query((rs, n) -> new CannedResponse(
                        rs.getString("response_id"),
                        rs.getString("title"),
                        rs.getString("text"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    @ApiResponse(responseCode = "201", description = "Added")
    @PostMapping("/api/v1/staff/supervisor/canned-responses")
    ResponseEntity<CannedResponse> add(@RequestBody CannedResponseRequest request, Authentication staff) {
        if (!supervisor(staff)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        CannedResponseRequest valid = checked(request);
        String id = UUID.randomUUID().toString();
        Instant at = now();
        commands.sendAsStaff(
                new AddCannedResponse(CannedResponseLibrary.FORCE, id, valid.title(), valid.text(), at),
                staff.getName());
        listed(id, at);
        return ResponseEntity.status(HttpStatus.CREATED).body(new CannedResponse(id, valid.title(), valid.text(), at));
    }

    @PutMapping("/api/v1/staff/supervisor/canned-responses/{id}")
    ResponseEntity<CannedResponse> edit(
            @PathVariable String id, @RequestBody CannedResponseRequest request, Authentication staff) {
        if (!supervisor(staff)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        CannedResponseRequest valid = checked(request);
        Instant at = now();
        commands.sendAsStaff(
                new EditCannedResponse(CannedResponseLibrary.FORCE, id, valid.title(), valid.text(), at),
                staff.getName());
        listed(id, at);
        return ResponseEntity.ok(new CannedResponse(id, valid.title(), valid.text(), at));
    }

    @ApiResponse(responseCode = "204", description = "Removed")
    @DeleteMapping("/api/v1/staff/supervisor/canned-responses/{id}")
    ResponseEntity<Void> remove(@PathVariable String id, Authentication staff) {
        if (!supervisor(staff)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        commands.sendAsStaff(new RemoveCannedResponse(CannedResponseLibrary.FORCE, id, now()), staff.getName());
        ReadModelWait.await(() -> count(id, null) == 0 ? Optional.of(true) : Optional.empty(), LIST_WAIT);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(CannedResponseRefused.class)
    ResponseEntity<ProblemDetail> refused(CannedResponseRefused e) {
        return switch (e.why) {
            case UNKNOWN ->
                Problems.of(
                        HttpStatus.NOT_FOUND,
                        "Not found",
                        "There is no such canned response. Someone may have removed it.");
            case TITLE_TAKEN ->
                Problems.fieldErrors(List.of(new FieldError(
                        "title", "There is already a canned response with this title. Choose a different title")));
        };
    }

    /** Defence in depth: the security configuration lets only supervisors reach these writes. */
    private static boolean supervisor(Authentication staff) {
        return staff != null
                && staff.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_SUPERVISOR"));
    }

    private static CannedResponseRequest checked(CannedResponseRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String title = request.title() == null ? "" : request.title().strip();
        String text = request.text() == null ? "" : request.text().strip();
        if (title.isEmpty()) {
            errors.add(new FieldError("title", "Enter a title"));
        } else if (title.length() > MAX_TITLE) {
            errors.add(new FieldError("title", "Title must be " + MAX_TITLE + " characters or fewer"));
        }
        if (text.isEmpty()) {
            errors.add(new FieldError("text", "Enter the text of the response"));
        } else if (text.length() > MAX_TEXT) {
            errors.add(new FieldError("text", "Text must be " + MAX_TEXT + " characters or fewer"));
        } else {
            String problem = Placeholders.problemIn(text);
            if (problem != null) {
                errors.add(new FieldError("text", problem));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return new CannedResponseRequest(title, text);
    }

    /** As PostgreSQL keeps it, so the wait below finds the very change it sent. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void listed(String id, Instant at) {
        ReadModelWait.await(() -> count(id, at) == 1 ? Optional.of(true) : Optional.empty(), LIST_WAIT);
    }

    private long count(String id, Instant at) {
        return jdbc.sql("select count(*) from canned_response where response_id = :id"
                        + (at == null ? "" : " and changed_at = :at"))
                .param("id", id)
                .param("at", at == null ? null : Timestamp.from(at))
                .query(Long.class)
                .single();
    }
}
