package uk.police.bluelamp.platform.evidence;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.Problems;
import uk.police.bluelamp.platform.wording.CitizenText;

/** A refused file is an error on the form's file field, whichever context's page sent it. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class EvidenceErrors {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceErrors.class);

    @ExceptionHandler(EvidenceRefused.class)
    ProblemDetail refused(EvidenceRefused e) {
        String said = e.said();
        ProblemDetail problem = Problems.detail(e.status(), Problems.FIELD_TITLE, said);
        problem.setProperty("errors", List.of(new FieldError("file", said)));
        return problem;
    }

    @ExceptionHandler(VirusScanner.ScannerUnavailable.class)
    ProblemDetail unavailable(VirusScanner.ScannerUnavailable e) {
        LOG.warn("A file was refused unscanned: {}", e.getMessage());
        return Problems.detail(
                HttpStatus.SERVICE_UNAVAILABLE,
                CitizenText.say("evidence.unavailable.title"),
                CitizenText.say("evidence.unavailable"));
    }
}
