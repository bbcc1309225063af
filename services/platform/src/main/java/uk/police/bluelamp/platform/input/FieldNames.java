package uk.police.bluelamp.platform.input;

import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * The name a refusal gives a field. Names come from the request (JSON keys, parameter and
 * header names), so one that is itself unacceptable, or absurdly long, is replaced by where it was.
 */
final class FieldNames {

    static final int LONGEST = 100;

    private FieldNames() {}

    /** The JSON path of the value: description, reporter.name, user[0]. */
    static String of(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : mapping.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return shown(path.toString(), "body");
    }

    /** A header's name as it is written in the docs (X-Access-Reason): Tomcat gives every name in lower case. */
    static String header(String name) {
        StringBuilder canonical = new StringBuilder(name.length());
        boolean start = true;
        for (char c : name.toCharArray()) {
            canonical.append(start ? Character.toUpperCase(c) : c);
            start = c == '-';
        }
        return canonical.toString();
    }

    static String shown(String name, String instead) {
        return name == null || name.isEmpty() || name.length() > LONGEST || InputPolicy.problemIn(name, false) != null
                ? instead
                : name;
    }
}
