package uk.police.bluelamp.casework.tracking;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static uk.police.bluelamp.platform.wording.CitizenText.say;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.casework.casefile.CaseMessages;
import uk.police.bluelamp.casework.casefile.TrackingCodeHasher;
import uk.police.bluelamp.casework.delivery.TrackingCodeReminders;
import uk.police.bluelamp.casework.evidence.CaseEvidence;
import uk.police.bluelamp.messages.casefile.CaseReferenceFormat;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.TrackingCodeFormat;
import uk.police.bluelamp.messages.contact.ReportAsGiven;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.contact.query.FindReportAsGiven;
import uk.police.bluelamp.platform.client.ClientAddress;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.Problems;
import uk.police.bluelamp.platform.wording.Wording;

@RestController
class TrackingController {

    static final Pattern REFERENCE = Pattern.compile(CaseReferenceFormat.PATTERN);
    private static final URI TRACKING_PATH = URI.create("/api/v1/cases/-/tracking");

    /** Compared against when the reference is unknown, so both paths cost the same. */
    private static final String ABSENT_HASH = "0".repeat(64);

    private final JdbcClient jdbc;
    private final EventStore eventStore;
    private final TrackingCodeHasher hasher;
    private final TrackingAttempts attempts;
    private final CitizenRequests citizenRequests;
    private final CaseMessages caseMessages;
    private final TrackingCodeReminders reminders;
    private final QueryGateway queries;
    private final OfferRequests offers;
    private final CaseEvidence evidence;

    TrackingController(
            JdbcClient jdbc,
            EventStore eventStore,
            TrackingCodeHasher hasher,
            TrackingAttempts attempts,
            CitizenRequests citizenRequests,
            CaseMessages caseMessages,
            TrackingCodeReminders reminders,
            QueryGateway queries,
            OfferRequests offers,
            CaseEvidence evidence) {
        this.offers = offers;
        this.queries = queries;
        this.evidence = evidence;
        this.caseMessages = caseMessages;
        this.reminders = reminders;
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.citizenRequests = citizenRequests;
        this.hasher = hasher;
        this.attempts = attempts;
    }

    @Operation(summary = "Track a case with its reference and tracking code")
    @ApiResponse(
            responseCode = "200",
            description = "The case's status, public timeline and next update due",
            content = @Content(schema = @Schema(implementation = TrackingView.class)))
    @ApiResponse(
            responseCode = "400",
            description = "X-Tracking-Code not twelve symbols of the code alphabet (not counted)")
    @ApiResponse(responseCode = "404", description = "Unknown reference or wrong code: the same answer for both")
    @ApiResponse(
            responseCode = "429",
            description = "Too many wrong codes from this client, for this reference or in all; see Retry-After")
    @GetMapping("/api/v1/cases/{reference}/tracking")
    ResponseEntity<?> track(
            @PathVariable String reference,
            @RequestHeader(name = "X-Tracking-Code", required = false) String trackingCode,
            HttpServletRequest client) {
        return asCitizen(
                reference,
                trackingCode,
                client,
                row -> ResponseEntity.ok()
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body(view(row)));
    }

    @Operation(summary = "Change how and how often the citizen hears about their case (Victims' Code Right 6)")
    @ApiResponse(responseCode = "204", description = "Changed")
    @ApiResponse(responseCode = "400", description = "Per-field errors; nothing was changed")
    @PutMapping("/api/v1/cases/{reference}/update-preference")
    ResponseEntity<?> changePreference(
            @PathVariable String reference,
            @RequestHeader(name = "X-Tracking-Code", required = false) String trackingCode,
            @RequestBody CitizenRequests.PreferenceRequest request,
            HttpServletRequest client) {
        return asCitizen(
                reference, trackingCode, client, row -> citizenRequests.changePreference(row.reference(), request));
    }

    @Operation(summary = "Send a secure message to the handler of the case")
    @ApiResponse(
            responseCode = "201",
            description = "Sent",
            content = @Content(schema = @Schema(implementation = TrackingView.Message.class)))
    @ApiResponse(responseCode = "400", description = "No text, or too long")
    @PostMapping("/api/v1/cases/{reference}/messages")
    ResponseEntity<?> message(
            @PathVariable String reference,
            @RequestHeader(name = "X-Tracking-Code", required = false) String trackingCode,
            @RequestBody CitizenRequests.MessageRequest request,
            HttpServletRequest client) {
        return asCitizen(reference, trackingCode, client, row -> citizenRequests.message(row.reference(), request));
    }

    @Operation(summary = "Send a photo, video, recording or document for the case")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            description = "The file's bytes as they are; its type is judged by its content",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(
            responseCode = "201",
            description = "Scanned and kept with the case",
            content = @Content(schema = @Schema(implementation = TrackingView.SentFile.class)))
    @ApiResponse(responseCode = "413", description = "Larger than the force allows")
    @ApiResponse(responseCode = "415", description = "Not a type of file taken")
    @ApiResponse(responseCode = "422", description = "It contains a virus: nothing was kept")
    @ApiResponse(responseCode = "503", description = "The virus scanner did not answer: nothing was kept")
    @PostMapping("/api/v1/cases/{reference}/evidence")
    ResponseEntity<?> sendFile(
            @PathVariable String reference,
            @Parameter(description = "The file's name") @RequestParam(required = false) String name,
            @RequestHeader(name = "X-Tracking-Code", required = false) String trackingCode,
            HttpServletRequest client)
            throws IOException {
        return asCitizen(reference, trackingCode, client, row -> {
            CaseEvidence.CaseFile file =
                    evidence.fromCitizen(row.reference(), name, client.getContentLengthLong(), client.getInputStream());
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new TrackingView.SentFile(file.fileName(), file.sizeBytes(), file.at()));
        });
    }

    @Schema(name = "TrackingCodeSent")
    record CodeSent(
            @Schema(
                    requiredMode = REQUIRED,
                    allowableValues = {"EMAIL", "SMS"},
                    description = "How they were sent")
            String sentBy) {}

    @Operation(
            summary =
                    "Send the citizen their reference and tracking code, to the email address or mobile number they gave")
    @ApiResponse(
            responseCode = "200",
            description = "Sent through GOV.UK Notify",
            content = @Content(schema = @Schema(implementation = CodeSent.class)))
    @ApiResponse(responseCode = "409", description = "No email address or mobile number was given with the report")
    @ApiResponse(responseCode = "429", description = "Already sent as often as a day allows")
    @ApiResponse(responseCode = "502", description = "GOV.UK Notify did not take it; nothing was sent")
    @PostMapping("/api/v1/cases/{reference}/send-code")
    ResponseEntity<?> sendCode(
            @PathVariable String reference,
            @RequestHeader(name = "X-Tracking-Code", required = false) String trackingCode,
            HttpServletRequest client) {
        return asCitizen(reference, trackingCode, client, row -> {
            return switch (reminders.send(row.reference(), TrackingCodeFormat.grouped(trackingCode))) {
                case SENT_BY_EMAIL -> ResponseEntity.ok(new CodeSent("EMAIL"));
                case SENT_BY_TEXT -> ResponseEntity.ok(new CodeSent("SMS"));
                case NO_ADDRESS -> Problems.of(HttpStatus.CONFLICT, say("code.noContact.title"), say("code.noContact"));
                case TOO_MANY ->
                    Problems.of(
                            HttpStatus.TOO_MANY_REQUESTS,
                            say("code.enough.title"),
                            say("code.enough", TrackingCodeReminders.MOST_PER_DAY));
                case NOT_SENT -> Problems.of(HttpStatus.BAD_GATEWAY, say("code.failed.title"), say("code.failed"));
            };
        });
    }

    @Operation(
            summary = "Accept or decline a referral to the victim support service (Victims' Code Right 4)",
            description = "With YES the details given here are sent to the service named in the tracking view's offers")
    @ApiResponse(responseCode = "204", description = "Recorded; a referral is sent at once and retried until accepted")
    @ApiResponse(responseCode = "400", description = "Per-field errors; nothing was recorded")
    @ApiResponse(responseCode = "409", description = "Already asked for, or not offered on this case")
    @PostMapping("/api/v1/cases/{reference}/victim-support")
    ResponseEntity<?> victimSupport(
            @PathVariable String reference,
            @RequestHeader(name = "X-Tracking-Code", required = false) String trackingCode,
            @RequestBody OfferRequests.VictimSupportRequest request,
            HttpServletRequest client) {
        return asCitizen(reference, trackingCode, client, row -> offers.victimSupport(row.reference(), request));
    }

    @Operation(
            summary = "Say how satisfied the citizen was, once the case asked",
            description = "By the reference with the tracking code, or with the one-time token from the link the"
                    + " question came with (X-Feedback-Token)")
    @ApiResponse(responseCode = "204", description = "Recorded")
    @ApiResponse(responseCode = "400", description = "Per-field errors; nothing was recorded")
    @ApiResponse(responseCode = "404", description = "Unknown reference, wrong code or token")
    @ApiResponse(responseCode = "409", description = "Not asked on this case, or already answered")
    @PostMapping("/api/v1/cases/{reference}/satisfaction")
    ResponseEntity<?> satisfaction(
            @PathVariable String reference,
            @RequestHeader(name = "X-Tracking-Code", required = false) String trackingCode,
            @RequestHeader(name = "X-Feedback-Token", required = false) String feedbackToken,
            @RequestBody OfferRequests.SatisfactionRequest request,
            HttpServletRequest client) {
        if (feedbackToken != null && !feedbackToken.isBlank() && (trackingCode == null || trackingCode.isBlank())) {
            String normalised = reference.trim().toUpperCase(Locale.ROOT);
            Optional<String> requestId = REFERENCE.matcher(normalised).matches()
                    ? offers.requestIdForToken(normalised, feedbackToken.strip())
                    : Optional.empty();
            return requestId
                    .<ResponseEntity<?>>map(id -> offers.satisfaction(normalised, id, request))
                    .orElseGet(TrackingController::notFound);
        }
        return asCitizen(reference, trackingCode, client, row -> {
            String ref = row.reference();
            return offers.satisfaction(ref, offers.askedRequestId(ref).orElse(null), request);
        });
    }

    private record Access(Row row, ResponseEntity<?> refusal) {}

    /** What a citizen may do once the reference and tracking code are theirs. */
    @FunctionalInterface
    private interface CitizenWork<E extends Exception> {
        ResponseEntity<?> on(Row row) throws E;
    }

    /** The work on the citizen's case, or the refusal {@link #authorise} gives. */
    private <E extends Exception> ResponseEntity<?> asCitizen(
            String reference, String trackingCode, HttpServletRequest client, CitizenWork<E> work) throws E {
        Access access = authorise(reference, trackingCode, client);
        return access.refusal() != null ? access.refusal() : work.on(access.row());
    }

    /**
     * The same answer for an unknown reference and a wrong code, and a wait for a client that has
     * sent too many wrong ones. A code that cannot be one (not twelve symbols of the alphabet) is
     * a typing mistake: refused as such, and not counted; no code at all is not counted either.
     */
    private Access authorise(String reference, String trackingCode, HttpServletRequest request) {
        String normalised = reference.trim().toUpperCase(Locale.ROOT);
        if (!REFERENCE.matcher(normalised).matches()) {
            return new Access(null, notFound());
        }
        if (trackingCode == null || trackingCode.isBlank()) {
            // Holding nothing: the same answer as a miss, and not a guess to count.
            return new Access(null, notFound());
        }
        if (!TrackingCodeFormat.isWellFormed(trackingCode)) {
            return new Access(null, malformed());
        }
        String client = ClientAddress.of(request);
        Optional<Duration> locked = attempts.begin(client, normalised);
        if (locked.isPresent()) {
            return new Access(null, tooManyAttempts(locked.get()));
        }
        Optional<Row> row = find(normalised);
        if (row.isEmpty()) {
            row = fromEvents(normalised);
        }
        boolean matches = hasher.matches(
                normalised, trackingCode, row.map(Row::trackingCodeHash).orElse(ABSENT_HASH));
        if (row.isEmpty() || !matches) {
            return new Access(null, notFound());
        }
        attempts.succeeded(client, normalised);
        return new Access(row.get(), null);
    }

    /**
     * The tracking view is a projection and may trail the report: by a moment, or for as long as
     * its processor is paused by a rebuild or moving between nodes. A citizen who tracks straight
     * from the confirmation page must see their case, not a miss that also counts against them:
     * their case's own events say what the view would.
     */
    private Optional<Row> fromEvents(String reference) {
        return TrackedCase.fold(eventStore.readEvents(reference, 0))
                .map(c -> new Row(
                        c.reference(),
                        c.status(),
                        c.category(),
                        c.reportedAt(),
                        c.nextUpdateDue(),
                        c.updateChannel(),
                        c.updateFrequency(),
                        c.trackingCodeHash(),
                        c.timeline().stream()
                                .map(e -> new TrackingView.TimelineEntry(
                                        e.at(), e.title(), e.detail(), e.kind().name(), e.args()))
                                .toList()));
    }

    private Optional<Row> find(String reference) {
        return jdbc.sql("select * from case_tracking where reference = :reference")
                .param("reference", reference)
                .query(TrackingController::row)
                .optional();
    }

    private TrackingView view(Row row) {
        List<TrackingView.TimelineEntry> timeline = row.timeline() != null
                ? row.timeline()
                : jdbc.sql("""
                        select at, title, detail, kind, args from case_timeline where reference = :reference
                        order by at, event_id
                        """)
                        .param("reference", row.reference())
                        .query((rs, n) -> new TrackingView.TimelineEntry(
                                rs.getTimestamp("at").toInstant(),
                                rs.getString("title"),
                                rs.getString("detail"),
                                rs.getString("kind"),
                                rs.getArray("args") == null
                                        ? List.of()
                                        : List.of((String[]) rs.getArray("args").getArray())))
                        .list();
        CaseStatus status = CaseStatus.valueOf(row.status());
        ReportCategory category = ReportCategory.valueOf(row.category());
        List<TrackingView.Message> messages = caseMessages.of(row.reference()).stream()
                .map(m -> new TrackingView.Message(m.id(), m.from(), m.text(), m.at()))
                .toList();
        return new TrackingView(
                row.reference(),
                status.name(),
                Wording.of(status),
                category.name(),
                Wording.of(category),
                row.reportedAt(),
                row.nextUpdateDue(),
                row.updateChannel(),
                row.updateFrequency(),
                timeline,
                messages,
                queries.query(
                                new FindReportAsGiven(row.reference()),
                                ResponseTypes.optionalInstanceOf(ReportAsGiven.class))
                        .join()
                        .map(r -> new TrackingView.Reported(
                                r.description(), r.location(), r.occurredOn(), r.occurredTime()))
                        .orElse(null),
                offers.of(row.reference()),
                evidence.sentToCase(row.reference()).stream()
                        .map(f -> new TrackingView.SentFile(f.fileName(), f.sizeBytes(), f.at()))
                        .toList());
    }

    private static ResponseEntity<ProblemDetail> notFound() {
        ProblemDetail problem = Problems.detail(HttpStatus.NOT_FOUND, "Not found", say("tracking.notFound"));
        // Spring would fill in the request path; a fixed value keeps both kinds of miss byte-identical.
        problem.setInstance(TRACKING_PATH);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    private static ResponseEntity<ProblemDetail> malformed() {
        return Problems.fieldErrors(List.of(new FieldError(
                "X-Tracking-Code", "Enter the tracking code exactly as we gave it to you, like 7KQ4-M2XP-9HTD")));
    }

    private static ResponseEntity<ProblemDetail> tooManyAttempts(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ProblemDetail problem = Problems.detail(
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many attempts",
                "Too many wrong tracking codes from your connection. Try again in " + seconds + " seconds.");
        problem.setInstance(TRACKING_PATH);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem);
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(
                rs.getString("reference"),
                rs.getString("status"),
                rs.getString("category"),
                rs.getTimestamp("reported_at").toInstant(),
                rs.getTimestamp("next_update_due").toInstant(),
                rs.getString("update_channel"),
                rs.getString("update_frequency"),
                rs.getString("tracking_code_hash"),
                null);
    }

    private record Row(
            String reference,
            String status,
            String category,
            Instant reportedAt,
            Instant nextUpdateDue,
            String updateChannel,
            String updateFrequency,
            String trackingCodeHash,
            List<TrackingView.TimelineEntry> timeline) {}
}
