package uk.police.bluelamp.contact.web;

import java.util.List;

/** Field errors found before anything was sent to an aggregate: nothing has changed. */
public class InvalidRequest extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final transient List<FieldError> errors;

    public InvalidRequest(List<FieldError> errors) {
        super("Invalid request: " + errors.stream().map(FieldError::field).toList());
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequest of(String field, String message) {
        return new InvalidRequest(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
