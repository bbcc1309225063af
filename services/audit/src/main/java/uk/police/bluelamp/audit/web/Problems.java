package uk.police.bluelamp.audit.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A refusal the staff pages show as it is: its detail is also its title. */
public final class Problems {

    private Problems() {
    }

    public static ResponseEntity<ProblemDetail> titled(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(detail);
        return ResponseEntity.status(status).body(problem);
    }
}
