package uk.police.bluelamp.audit.erasure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    static String of(Map<String, Object> export, ObjectMapper json) {
        return new SubjectAccessPage(json).render(export);
    }

    private String render(Map<String, Object> export) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Subject access: what the police hold about you</title></head><body>")
                .append("<h1>What the police hold about you</h1>");
        if (export.containsKey("scrubPending")) {
            paragraph("Note: " + export.get("scrubPending"));
        }
        if (Boolean.TRUE.equals(export.get("erased"))) {
            paragraph("Your personal data has been erased. Where it was, these records say [erased].");
        }
        heading("Your contacts and cases");
        list((Collection<?>) export.get("contactsAndCases"));
        heading("What was recorded, in order");
        table(
                List.of("When", "Record", "What happened", "Details"),
                ((List<?>) export.get("events"))
                        .stream()
                                .map(e -> (Map<?, ?>) e)
                                .map(e -> List.of(
                                        e.get("occurredAt"), e.get("stream"), e.get("type"), text(e.get("payload"))))
                                .toList());
        heading("Who looked at your records, and why");
        table(
                List.of("When", "Who", "What they opened", "Record", "Reason"),
                ((List<?>) export.get("viewedBy"))
                        .stream()
                                .map(v -> (Map<?, ?>) v)
                                .map(v -> List.of(
                                        v.get("viewed_at"),
                                        v.get("viewer"),
                                        v.get("view"),
                                        v.get("subject_id"),
                                        v.get("reason") == null ? "" : v.get("reason")))
                                .toList());
        heading("Everything else held about you");
        ((Map<?, ?>) export.get("records")).forEach((table, rows) -> {
            html.append("<h3>").append(escape(table)).append("</h3>");
            list(((Collection<?>) rows).stream().map(this::text).toList());
        });
        List<?> erasures = (List<?>) export.get("erasures");
        if (erasures != null && !erasures.isEmpty()) {
            heading("Erasures");
            table(
                    List.of("When", "Legal basis", "Approved by"),
                    erasures.stream()
                            .map(e -> (Map<?, ?>) e)
                            .map(e -> List.of(e.get("erased_at"), e.get("legal_basis"), e.get("approved_by")))
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
