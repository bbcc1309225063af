package uk.police.bluelamp.platform.access;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.police.bluelamp.platform.web.Problems;

/** Applies to every controller: any module's record view may need a reason. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessErrors {

    @ExceptionHandler(ReasonRequired.class)
    ProblemDetail reasonRequired(ReasonRequired e) {
        ProblemDetail problem =
                Problems.detail(HttpStatus.PRECONDITION_REQUIRED, "Give a reason to open this record", e.getMessage());
        problem.setProperty("reasonRequired", true);
        return problem;
    }
}
