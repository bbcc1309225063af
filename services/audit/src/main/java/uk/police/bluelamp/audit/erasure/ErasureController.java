package uk.police.bluelamp.audit.erasure;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.audit.replay.PersonalDataRebuilds;
import uk.police.bluelamp.messages.casefile.CaseReferenceFormat;
import uk.police.bluelamp.messages.privacy.LegalBasis;
import uk.police.bluelamp.messages.text.MultiLine;
import uk.police.bluelamp.platform.access.AsksReason;
import uk.police.bluelamp.platform.web.Problems;

/** ADMIN only (see SecurityConfiguration): erasure of a person, and what is held about them. */
@RestController
class ErasureController {

    static final int LONGEST_REASON = 500;

    /** A case reference as References writes it; one that matches no case is answered 404. */
    static final String CASE_REFERENCE = CaseReferenceFormat.PATTERN;

    /** The person is named by one of their cases or contacts; everything linked to it goes too. */
    @Schema(description = "Give exactly one of reference and contactId")
    record ErasureRequest(
            @Schema(pattern = CASE_REFERENCE) String reference,
            @Schema(format = "uuid") String contactId,
            @Schema(requiredMode = REQUIRED) LegalBasis legalBasis,

            @Schema(requiredMode = REQUIRED, maxLength = LONGEST_REASON) @MultiLine
            String reason) {}

    private final LinkedSubjects linkedSubjects;
    private final Erasures erasures;
    private final SubjectAccess subjectAccess;
    private final ObjectMapper json;

    ErasureController(
            LinkedSubjects linkedSubjects, Erasures erasures, SubjectAccess subjectAccess, ObjectMapper json) {
        this.json = json;
        this.linkedSubjects = linkedSubjects;
        this.erasures = erasures;
        this.subjectAccess = subjectAccess;
    }

    @PostMapping("/api/v1/admin/erasures")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Erasures.Erasure.class)))
    ResponseEntity<?> erase(@RequestBody(required = false) ErasureRequest request, Principal admin) {
        if (request == null) {
            return Problems.titled(HttpStatus.BAD_REQUEST, "Say whose data to erase, the legal basis and the reason");
        }
        String stream = stream(request.reference(), request.contactId());
        if (stream == null) {
            return Problems.titled(
                    HttpStatus.BAD_REQUEST, "Name the person by exactly one case reference or contact id");
        }
        if (request.legalBasis() == null) {
            return Problems.titled(
                    HttpStatus.BAD_REQUEST, "Give the legal basis for the erasure: DPA_2018_S47 or UK_GDPR_ARTICLE_17");
        }
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty() || reason.length() > LONGEST_REASON) {
            return Problems.titled(
                    HttpStatus.BAD_REQUEST,
                    "Give the reason (a decision or ticket number, never the person's " + "details), up to "
                            + LONGEST_REASON + " characters");
        }
        Set<String> person = linkedSubjects.of(stream);
        if (person.isEmpty()) {
            return Problems.titled(HttpStatus.NOT_FOUND, "No personal data is held for that case or contact");
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(erasures.erase(person, request.legalBasis(), reason, admin.getName()));
    }

    /** One erasure, named as personal_data_erasure's columns; rebuilds: each read model's rebuild state. */
    @Schema(name = "ErasureRow")
    record ErasureRow(
            @Schema(requiredMode = REQUIRED) @JsonProperty("erasure_id")
            UUID erasureId,

            @Schema(requiredMode = REQUIRED) @JsonProperty("request_id")
            UUID requestId,

            @Schema(requiredMode = REQUIRED) @JsonProperty("subject_id")
            String subjectId,

            @Schema(requiredMode = REQUIRED) @JsonProperty("legal_basis")
            LegalBasis legalBasis,

            @Schema(requiredMode = REQUIRED) String reason,

            @Schema(requiredMode = REQUIRED) @JsonProperty("approved_by")
            String approvedBy,

            @Schema(requiredMode = REQUIRED) @JsonProperty("erased_at")
            Instant erasedAt,

            @Schema(requiredMode = REQUIRED) Map<String, String> rebuilds) {

        @SuppressWarnings("unchecked")
        static ErasureRow of(Map<String, Object> row) {
            return new ErasureRow(
                    (UUID) row.get("erasure_id"),
                    (UUID) row.get("request_id"),
                    (String) row.get("subject_id"),
                    LegalBasis.valueOf((String) row.get("legal_basis")),
                    (String) row.get("reason"),
                    (String) row.get("approved_by"),
                    ((Timestamp) row.get("erased_at")).toInstant(),
                    (Map<String, String>) row.get("rebuilds"));
        }
    }

    /** Each erasure, and whether the read models are scrubbed of it yet (every rebuild COMPLETED). */
    @GetMapping("/api/v1/admin/erasures")
    List<ErasureRow> erasures() {
        return erasures.all().stream().map(ErasureRow::of).toList();
    }

    /** As JSON, or with {@code format=html} as a page the person can read (SubjectAccessPage). */
    @GetMapping("/api/v1/admin/subject-access")
    @AsksReason
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = SubjectAccessExport.class)),
                @Content(mediaType = "text/html", schema = @Schema(type = "string"))
            })
    ResponseEntity<?> subjectAccess(
            @RequestParam(required = false) String reference,
            @RequestParam(required = false) String contactId,
            @RequestParam(defaultValue = "json") String format) {
        String stream = stream(reference, contactId);
        if (stream == null) {
            return Problems.titled(
                    HttpStatus.BAD_REQUEST, "Name the person by exactly one case reference or contact id");
        }
        boolean html = format.equalsIgnoreCase("html");
        if (!html && !format.equalsIgnoreCase("json")) {
            return Problems.titled(HttpStatus.BAD_REQUEST, "Export as json or html");
        }
        Set<String> person = linkedSubjects.of(stream);
        if (person.isEmpty()) {
            return Problems.titled(HttpStatus.NOT_FOUND, "No personal data is held for that case or contact");
        }
        SubjectAccessExport export = subjectAccess.export(person);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (export.scrubPending() != null) {
            ok.header(PersonalDataRebuilds.SCRUB_PENDING, "true");
        }
        if (!html) {
            return ok.body(export);
        }
        return ok.contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("subject-access-" + stream.replaceAll("[^A-Za-z0-9-]", "") + ".html")
                                .build()
                                .toString())
                .body(SubjectAccessPage.of(export, json));
    }

    @ExceptionHandler(Erasures.AlreadyErased.class)
    ResponseEntity<?> alreadyErased(Erasures.AlreadyErased e) {
        return Problems.titled(HttpStatus.CONFLICT, e.getMessage());
    }

    private static String stream(String reference, String contactId) {
        boolean byReference = reference != null && !reference.isBlank();
        boolean byContact = contactId != null && !contactId.isBlank();
        if (byReference == byContact) {
            return null;
        }
        return byReference ? reference.strip() : contactId.strip();
    }
}
