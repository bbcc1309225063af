package uk.police.bluelamp.contact.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.police.bluelamp.contact.contact.ContactAlreadyTaken;
import uk.police.bluelamp.contact.contact.ContactRefused;
import uk.police.bluelamp.platform.web.CommonErrors;
import uk.police.bluelamp.platform.web.Problems;

/**
 * Turns what the Contact aggregate refuses into answers a handler or citizen can act on. Field
 * errors and refused values are answered by the platform's CommonErrors.
 */
@RestControllerAdvice(basePackages = "uk.police.bluelamp.contact")
@Order(CommonErrors.CONTEXT_ORDER)
class ContactErrors {

    @ExceptionHandler(ContactAlreadyTaken.class)
    ResponseEntity<ProblemDetail> taken(ContactAlreadyTaken e) {
        return Problems.of(HttpStatus.CONFLICT, "Already taken", "Another handler took this contact first.");
    }

    /** Still clashing after the gateway ran it again on the fresh state (app/axon/ClashRetries). */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> raced(RuntimeException e) {
        return Problems.of(
                HttpStatus.CONFLICT,
                "Changed at the same moment",
                "Someone else changed this contact at the same moment. Look again and retry.");
    }

    @ExceptionHandler(ContactRefused.class)
    ResponseEntity<ProblemDetail> refused(ContactRefused e) {
        return Problems.of(HttpStatus.CONFLICT, "Not possible now", e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> missing(AggregateNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", "There is no such contact.");
    }
}
