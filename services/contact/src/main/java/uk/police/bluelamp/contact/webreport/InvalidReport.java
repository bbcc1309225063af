package uk.police.bluelamp.contact.webreport;

import java.util.List;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.InvalidRequest;

/** Thrown before anything is recorded: an invalid report changes nothing. */
class InvalidReport extends InvalidRequest {

    /** The report form's heading over its list of errors, which the public page shows. */
    static final String TITLE = "There is a problem with the report";

    InvalidReport(List<FieldError> errors) {
        super(TITLE, null, errors);
    }
}
