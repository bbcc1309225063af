package uk.police.bluelamp.messages.casefile;

/** What a case reference looks like (BL-2026-000123), for every context that checks one. */
public interface CaseReferenceFormat {

    /** Matched once the reference is in capitals. */
    String PATTERN = "BL-\\d{4}-\\d{6,}";
}
