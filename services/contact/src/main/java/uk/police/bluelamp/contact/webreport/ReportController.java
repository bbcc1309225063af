package uk.police.bluelamp.contact.webreport;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.Problems;

@RestController
class ReportController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String KEY_PATTERN = "^[\\x21-\\x7E]{1,100}$";
    private static final Pattern KEY_FORMAT = Pattern.compile(KEY_PATTERN);

    private final ReportValidator validator;
    private final ReportIntake intake;

    ReportController(ReportValidator validator, ReportIntake intake) {
        this.validator = validator;
        this.intake = intake;
    }

    @Operation(
            summary = "Report a non-emergency matter online",
            description = "Returns the case reference and the secret tracking code, which is shown only this once.")
    @ApiResponse(responseCode = "201", description = "Recorded: the contact and its case are committed")
    @ApiResponse(responseCode = "400", description = "Per-field errors; nothing was recorded")
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was already used for a different report")
    @PostMapping(path = "/api/v1/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReportReceipt> report(
            @RequestBody ReportForm form,
            @Parameter(
                            description = "Makes retries safe: the same key and body always return the same case",
                            schema = @Schema(maxLength = 100, pattern = KEY_PATTERN))
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    String idempotencyKey) {
        if (idempotencyKey != null && !KEY_FORMAT.matcher(idempotencyKey).matches()) {
            throw new InvalidReport(List.of(
                    new FieldError(IDEMPOTENCY_KEY, "Idempotency-Key must be 1 to 100 visible ASCII characters")));
        }
        ReportReceipt receipt = intake.submit(validator.validate(form), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + receipt.reference() + "/tracking"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(receipt);
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReused reused) {
        return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused", reused.getMessage());
    }
}
