package uk.police.bluelamp.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one way a controller or an advice builds a problem answer (RFC 9457): a title, a detail
 * and, for refused fields, {@code errors}. Their shapes are read by the frontend and the tests,
 * so they are built here only.
 */
public final class Problems {

    /** The title of every answer that names fields to fix. */
    public static final String FIELD_TITLE = "There is a problem";

    private Problems() {}

    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).body(detail(status, title, detail));
    }

    /** A refusal the staff pages show as it is: its detail is also its title. */
    public static ResponseEntity<ProblemDetail> titled(HttpStatus status, String detail) {
        return of(status, detail, detail);
    }

    /** A 400 with no field to point at: the detail says what to do. */
    public static ResponseEntity<ProblemDetail> badRequest(String detail) {
        return of(HttpStatus.BAD_REQUEST, FIELD_TITLE, detail);
    }

    public static ResponseEntity<ProblemDetail> fieldErrors(List<FieldError> errors) {
        return fieldErrors(FIELD_TITLE, null, errors);
    }

    public static ResponseEntity<ProblemDetail> fieldErrors(String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = detail(HttpStatus.BAD_REQUEST, title, detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** For a problem that carries more than these: a property, a fixed instance, a header. */
    public static ProblemDetail detail(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
