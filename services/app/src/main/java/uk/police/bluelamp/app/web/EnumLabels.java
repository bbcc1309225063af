package uk.police.bluelamp.app.web;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.triage.Grade;

/**
 * The words for the values the server names, written once in Java and carried to the browser
 * by the contract: {@code x-labels} in the document, by enum, a list of value and label in the
 * enum's order (a list, since the document's maps are written sorted by key).
 * The frontend's build writes them to src/api/labels.json (scripts/api-limits.mjs), so the
 * forms and tags show the server's words instead of a copy.
 */
@Component
class EnumLabels implements GlobalOpenApiCustomizer {

    static final String EXTENSION = "x-labels";

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, List<Label>> labels = new LinkedHashMap<>();
        labels.put("CaseStatus", of(CaseStatus.values(), CaseStatus::label));
        labels.put("Grade", of(Grade.values(), Grade::label));
        labels.put("ReportCategory", of(ReportCategory.values(), ReportCategory::label));
        openApi.addExtension(EXTENSION, labels);
    }

    record Label(String value, String label) {}

    private static <E extends Enum<E>> List<Label> of(E[] values, Function<E, String> label) {
        return Arrays.stream(values)
                .map(value -> new Label(value.name(), label.apply(value)))
                .toList();
    }
}
