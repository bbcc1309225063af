package uk.police.bluelamp.platform.web;

import java.util.List;

/**
 * Field errors found before anything was sent to an aggregate: nothing has changed. Answered by
 * CommonErrors as a 400 listing them; a form that words its heading differently (the public
 * report) gives its own title, and one that sums the errors up gives a detail.
 */
public class InvalidRequest extends RuntimeException {

    private final String title;
    private final String detail;
    private final transient List<FieldError> errors;

    public InvalidRequest(List<FieldError> errors) {
        this(Problems.FIELD_TITLE, null, errors);
    }

    public InvalidRequest(String title, String detail, List<FieldError> errors) {
        super("Invalid request: " + errors.stream().map(FieldError::field).toList());
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequest of(String field, String message) {
        return new InvalidRequest(List.of(new FieldError(field, message)));
    }

    public String title() {
        return title;
    }

    /** Null when the errors say it all. */
    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
