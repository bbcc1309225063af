package uk.police.bluelamp.messages.casefile.query;

import java.util.List;

/** Asks casework how the given cases stand, for a screen-pop or a contact view. */
public record FindCaseSummaries(List<String> references) {}
