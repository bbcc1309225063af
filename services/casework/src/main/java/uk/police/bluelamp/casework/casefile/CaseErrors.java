package uk.police.bluelamp.casework.casefile;

import static uk.police.bluelamp.platform.wording.CitizenText.say;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.police.bluelamp.platform.web.CommonErrors;
import uk.police.bluelamp.platform.web.Problems;

/**
 * What the Case aggregate refuses, answered for every casework controller. Field errors and
 * refused values are answered by the platform's CommonErrors.
 */
@RestControllerAdvice(basePackages = "uk.police.bluelamp.casework")
@Order(CommonErrors.CONTEXT_ORDER)
class CaseErrors {

    static final String NO_SUCH_CASE = "There is no case with that reference";

    @ExceptionHandler(CaseRefused.class)
    ResponseEntity<ProblemDetail> refused(CaseRefused e) {
        if (e.citizenKey() != null) {
            return Problems.of(HttpStatus.CONFLICT, say("refused.title"), say(e.citizenKey()));
        }
        return Problems.of(HttpStatus.CONFLICT, "Not possible now", e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknown(AggregateNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", NO_SUCH_CASE);
    }
}
