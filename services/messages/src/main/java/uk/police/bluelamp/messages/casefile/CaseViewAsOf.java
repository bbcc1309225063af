package uk.police.bluelamp.messages.casefile;

import java.util.Map;
import uk.police.bluelamp.messages.casefile.query.FindCaseAsOf;

/** The answer to {@link FindCaseAsOf}: the view's JSON-ready fields, empty if the case did not exist yet. */
public record CaseViewAsOf(Map<String, Object> view) {}
