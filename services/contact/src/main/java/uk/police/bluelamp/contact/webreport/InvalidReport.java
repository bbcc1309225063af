package uk.police.bluelamp.contact.webreport;

import java.util.List;

/** Thrown before anything is recorded: an invalid report changes nothing. */
class InvalidReport extends RuntimeException {

    private final transient List<FieldError> errors;

    InvalidReport(List<FieldError> errors) {
        super("Invalid report: " + errors.stream().map(FieldError::field).toList());
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
