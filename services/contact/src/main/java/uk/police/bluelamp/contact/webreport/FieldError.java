package uk.police.bluelamp.contact.webreport;

/** A problem with one field, worded for the citizen who has to fix it. */
record FieldError(String field, String message) {
}
