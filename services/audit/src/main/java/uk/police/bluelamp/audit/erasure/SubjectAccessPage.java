package uk.police.bluelamp.audit.erasure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * The subject access export as a page a person can read (DPA 2018 s.45 asks for the data in an
 * intelligible form): who they are to us, what they and staff recorded, who viewed their
 * records and why, and every other row held. One self-contained document, no script and no
 * styles to load, every value escaped: it is the person's own text, shown as text.
 */
final class SubjectAccessPage {

    private final ObjectMapper json;
    private final StringBuilder html = new StringBuilder();

    private SubjectAccessPage(ObjectMapper json) {
        this.json = json;
    }

    static String of(SubjectAccessExport export, ObjectMapper json) {
        return new SubjectAccessPage(json).render(export);
    }

    private String render(SubjectAccessExport export) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Subject access: what the police hold about you</title></head><body>")
                .append("<h1>What the police hold about you</h1>");
        if (export.scrubPending() != null) {
            paragraph("Note: " + export.scrubPending());
        }
        if (export.erased()) {
            paragraph("Your personal data has been erased. Where it was, these records say [erased].");
        }
        heading("Your contacts and cases");
        list(export.contactsAndCases());
        heading("What was recorded, in order");
        table(
                List.of("When", "Record", "What happened", "Details"),
                export.events().stream()
                        .map(e -> List.<Object>of(e.occurredAt(), e.stream(), e.type(), text(e.payload())))
                        .toList());
        heading("Who looked at your records, and why");
        table(
                List.of("When", "Who", "What they opened", "Record", "Reason"),
                export.viewedBy().stream()
                        .map(v -> List.<Object>of(
                                v.viewedAt(),
                                v.viewer(),
                                v.view(),
                                v.subjectId(),
                                v.reason() == null ? "" : v.reason()))
                        .toList());
        heading("Everything else held about you");
        export.records().forEach((table, rows) -> {
            html.append("<h3>").append(escape(table)).append("</h3>");
            list(rows.stream().map(this::text).toList());
        });
        if (!export.erasures().isEmpty()) {
            heading("Erasures");
            table(
                    List.of("When", "Legal basis", "Approved by"),
                    export.erasures().stream()
                            .map(e -> List.<Object>of(e.erasedAt(), e.legalBasis(), e.approvedBy()))
                            .toList());
        }
        return html.append("</body></html>\n").toString();
    }

    private void heading(String text) {
        html.append("<h2>").append(escape(text)).append("</h2>");
    }

    private void paragraph(String text) {
        html.append("<p>").append(escape(text)).append("</p>");
    }

    private void list(Collection<?> items) {
        if (items == null || items.isEmpty()) {
            paragraph("None.");
            return;
        }
        html.append("<ul>");
        items.forEach(item -> html.append("<li>").append(escape(item)).append("</li>"));
        html.append("</ul>");
    }

    private void table(List<String> headers, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            paragraph("None.");
            return;
        }
        html.append("<table><thead><tr>");
        headers.forEach(h -> html.append("<th scope=\"col\">").append(escape(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (List<Object> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    private String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escape(Object value) {
        return HtmlUtils.htmlEscape(String.valueOf(value), "UTF-8");
    }
}
