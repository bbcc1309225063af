package uk.police.bluelamp.platform.web;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The answers to what every context throws, for every controller. A context's own advice
 * answers its domain's refusals (a contact already taken, a case disposed) and is ordered
 * before this one (CONTEXT_ORDER), so it may also word one of these for its own records.
 * A NullPointerException is not here on purpose: a missing field is checked and named before
 * the command is sent, so a null that reaches an aggregate is our bug, and a 500.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class CommonErrors {

    /** The order of a context's advice: before this one, after the input policy and access checks. */
    public static final int CONTEXT_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequest e) {
        return Problems.fieldErrors(e.title(), e.detail(), e.errors());
    }

    /** A value the aggregate or the controller refused, with a message worded for the sender. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badArgument(IllegalArgumentException e) {
        return Problems.badRequest(e.getMessage());
    }

    /** Still clashing after the gateway ran it again on the fresh state (app/axon/ClashRetries). */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> raced(RuntimeException e) {
        return Problems.of(
                HttpStatus.CONFLICT,
                "Changed at the same moment",
                "Someone else changed this at the same moment. Look again and retry.");
    }
}
