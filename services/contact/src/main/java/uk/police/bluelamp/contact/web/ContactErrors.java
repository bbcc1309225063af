package uk.police.bluelamp.contact.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.police.bluelamp.contact.contact.ContactAlreadyTaken;
import uk.police.bluelamp.contact.contact.ContactRefused;

/** Turns what the Contact aggregate refuses into answers a handler or citizen can act on. */
@RestControllerAdvice(basePackages = "uk.police.bluelamp.contact")
class ContactErrors {

    @ExceptionHandler(ContactAlreadyTaken.class)
    ResponseEntity<ProblemDetail> taken(ContactAlreadyTaken e) {
        return problem(HttpStatus.CONFLICT, "Already taken", "Another handler took this contact first.");
    }

    /** Still clashing after the gateway ran it again on the fresh state (app/axon/ClashRetries). */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> raced(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "Changed at the same moment",
                "Someone else changed this contact at the same moment. Look again and retry.");
    }

    @ExceptionHandler(ContactRefused.class)
    ResponseEntity<ProblemDetail> refused(ContactRefused e) {
        return problem(HttpStatus.CONFLICT, "Not possible now", e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> missing(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "There is no such contact.");
    }

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequest e) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("There is a problem");
        problem.setProperty("errors", e.errors());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "There is a problem", e.getMessage());
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
