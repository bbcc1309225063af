package uk.police.bluelamp.casework.casefile;

import java.util.ArrayList;
import java.util.List;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.InvalidRequest;

/**
 * Longest text a handler may put on a case, checked before the command is sent so that the
 * answer names every field that is too long. The aggregate keeps its own ceiling as well.
 */
final class TextLimits {

    static final int TEXT = Case.MAX_TEXT;
    static final int NAME = 200;
    static final int CRIME_NUMBER = 50;

    private final List<FieldError> errors = new ArrayList<>();

    static TextLimits check() {
        return new TextLimits();
    }

    TextLimits field(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            errors.add(new FieldError(field, field + " must be " + max + " characters or fewer"));
        }
        return this;
    }

    void orThrow() {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }
}
