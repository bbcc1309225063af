package uk.police.bluelamp.casework.evidence;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.platform.access.AccessLog;
import uk.police.bluelamp.platform.access.AsksReason;
import uk.police.bluelamp.platform.evidence.EvidenceDownloads;
import uk.police.bluelamp.platform.evidence.EvidenceLook;
import uk.police.bluelamp.platform.evidence.EvidenceStore;
import uk.police.bluelamp.platform.web.Problems;

/** A case's files for staff: the list, each original and each image's preview, every look logged. */
@RestController
class CaseEvidenceController {

    private final CaseEvidence evidence;
    private final EvidenceStore store;
    private final EvidenceDownloads downloads;
    private final AccessLog accessLog;
    private final JdbcClient jdbc;

    CaseEvidenceController(
            CaseEvidence evidence,
            EvidenceStore store,
            EvidenceDownloads downloads,
            AccessLog accessLog,
            JdbcClient jdbc) {
        this.evidence = evidence;
        this.store = store;
        this.downloads = downloads;
        this.accessLog = accessLog;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/staff/cases/{reference}/evidence")
    @AsksReason
    ResponseEntity<List<CaseEvidence.CaseFile>> list(@PathVariable String reference) {
        String ref = ref(reference);
        Optional<String> assignedTo = assignedTo(ref);
        if (assignedTo.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        accessLog.caseOpened(ref, "case files", assignedTo.get().isEmpty() ? null : assignedTo.get());
        return ResponseEntity.ok(evidence.all(ref));
    }

    @ApiResponse(
            responseCode = "200",
            description = "The file exactly as it was received",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "410", description = "The person's data was erased")
    @GetMapping("/api/v1/staff/cases/{reference}/evidence/{evidenceId}")
    @AsksReason
    ResponseEntity<?> original(
            @PathVariable String reference, @PathVariable String evidenceId, HttpServletResponse response)
            throws IOException {
        return downloads.original(look(reference, evidenceId, "case file"), response);
    }

    @ApiResponse(
            responseCode = "200",
            description = "A small PNG of an image",
            content = @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/api/v1/staff/cases/{reference}/evidence/{evidenceId}/preview")
    @AsksReason
    ResponseEntity<?> preview(
            @PathVariable String reference, @PathVariable String evidenceId, HttpServletResponse response)
            throws IOException {
        return downloads.preview(look(reference, evidenceId, "case file preview"), response);
    }

    private EvidenceLook look(String reference, String evidenceId, String view) {
        String ref = ref(reference);
        Optional<String> assignedTo = assignedTo(ref);
        if (assignedTo.isEmpty()) {
            return EvidenceLook.refused(notFound());
        }
        // The case is opened first: a file asked for without the reason the case needs is refused as the case is.
        accessLog.caseOpened(ref, view, assignedTo.get().isEmpty() ? null : assignedTo.get());
        Optional<EvidenceStore.StoredFile> file = store.find(evidenceId);
        if (file.isEmpty() || !evidence.belongs(ref, file.get())) {
            return EvidenceLook.refused(notFound());
        }
        return EvidenceLook.allowed(file.get());
    }

    /** Empty when there is no such case; "" when it is nobody's yet. */
    private Optional<String> assignedTo(String reference) {
        return jdbc.sql("select coalesce(assigned_to, '') from case_view where reference = :reference")
                .param("reference", reference)
                .query(String.class)
                .optional();
    }

    private static String ref(String reference) {
        return reference.strip().toUpperCase(Locale.ROOT);
    }

    private static ResponseEntity<ProblemDetail> notFound() {
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", "There is no such file on this case.");
    }
}
