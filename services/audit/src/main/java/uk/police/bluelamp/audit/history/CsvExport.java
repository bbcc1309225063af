package uk.police.bluelamp.audit.history;

import static uk.police.bluelamp.platform.web.CsvLines.line;

import java.util.List;
import java.util.Objects;

/**
 * The audit trail as CSV. Every cell is quoted, and text that a spreadsheet would run as a
 * formula is prefixed with an apostrophe: a citizen's words must stay words when opened.
 */
final class CsvExport {

    private static final List<String> HEADER = List.of(
            "global_index",
            "chain_position",
            "occurred_at",
            "type",
            "actor",
            "channel",
            "aggregate_id",
            "sequence_number",
            "event_id",
            "correlation_id",
            "causation_id",
            "sentence",
            "payload",
            "meta_data");

    private CsvExport() {}

    static String of(List<EventLog.Entry> entries) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (EventLog.Entry e : entries) {
            line(
                    csv,
                    List.of(
                            String.valueOf(e.globalIndex()),
                            Objects.toString(e.chainPosition(), ""),
                            String.valueOf(e.occurredAt()),
                            e.type(),
                            Objects.toString(e.actor(), ""),
                            Objects.toString(e.channel(), ""),
                            e.aggregateId(),
                            String.valueOf(e.sequenceNumber()),
                            e.eventId(),
                            Objects.toString(e.correlationId(), ""),
                            Objects.toString(e.causationId(), ""),
                            e.sentence(),
                            Objects.toString(e.payload(), ""),
                            Objects.toString(e.metaData(), "")));
        }
        return csv.toString();
    }
}
