package uk.police.bluelamp.platform.input;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.CharConversionException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.police.bluelamp.platform.refusals.Refusals;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.Problems;

/**
 * A JSON body that cannot be read, for any controller: a 400 naming the field by its JSON path
 * (description, reporter.name, user[0]). Text the input policy refused says why; nothing of the
 * request has been acted on, since the body is read before the controller runs.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableBodies {

    private final Refusals refusals;

    UnreadableBodies(Refusals refusals) {
        this.refusals = refusals;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException unreadable) {
        refusals.refused(EdgeFilter.REFUSED, "with a body we could not take");
        return badRequest(errorFor(unreadable));
    }

    static FieldError errorFor(Throwable unreadable) {
        JsonMappingException located = null;
        boolean notJson = false;
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof PolicedStrings.Refused refused) {
                return new FieldError(FieldNames.of(refused), refused.problem.message());
            }
            if (located == null
                    && cause instanceof JsonMappingException mapping
                    && !mapping.getPath().isEmpty()) {
                located = mapping;
            }
            notJson |= cause instanceof JsonParseException || cause instanceof CharConversionException;
        }
        String field = located == null ? "body" : FieldNames.of(located);
        if (notJson) {
            return new FieldError(field, "Could not be read: the body must be JSON, written in UTF-8");
        }
        return located == null
                ? new FieldError("body", "Send the request as a JSON object")
                : new FieldError(field, "The value of " + field + " is not in the expected form");
    }

    static ResponseEntity<ProblemDetail> badRequest(FieldError error) {
        return Problems.fieldErrors(List.of(error));
    }
}
