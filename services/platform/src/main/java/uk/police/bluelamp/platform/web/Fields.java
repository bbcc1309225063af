package uk.police.bluelamp.platform.web;

import java.util.List;
import uk.police.bluelamp.platform.wording.CitizenText;

/** Checks on free text typed by the public or staff, collected into field errors in the request's language. */
public final class Fields {

    private Fields() {}

    public static String required(String value, String field, String missing, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, missing));
            return null;
        }
        return optional(value, field, max, errors);
    }

    public static String optional(String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            errors.add(new FieldError(field, CitizenText.say("field.tooLong", max)));
        }
        return trimmed;
    }

    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }
}
