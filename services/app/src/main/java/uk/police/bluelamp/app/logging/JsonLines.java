package uk.police.bluelamp.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

/**
 * One JSON object per line, for the production profile (logback-spring.xml): time, level,
 * thread, logger, message, the MDC (the correlation id among it) and any stack trace. The
 * message and the exceptions' messages are made safe as on a text line (SafeText: credentials
 * redacted, line breaks and other controls escaped), and then JSON-escaped, with every
 * character outside ASCII written as an escape, so no value can end the line or forge one.
 */
public class JsonLines implements StructuredLogFormatter<ILoggingEvent> {

    private static final JsonFactory JSON =
            JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final EscapedThrowableConverter stackTraces = new EscapedThrowableConverter();

    public JsonLines() {
        stackTraces.start();
    }

    @Override
    public String format(ILoggingEvent event) {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField(
                    "@timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            json.writeStringField("level", event.getLevel().toString());
            json.writeStringField("thread", SafeText.of(event.getThreadName()));
            json.writeStringField("logger", event.getLoggerName());
            json.writeStringField("message", SafeText.of(event.getFormattedMessage()));
            Map<String, String> context = event.getMDCPropertyMap();
            if (context != null) {
                for (Map.Entry<String, String> entry : new TreeMap<>(context).entrySet()) {
                    json.writeStringField(SafeText.of(entry.getKey()), SafeText.of(entry.getValue()));
                }
            }
            if (event.getThrowableProxy() != null) {
                json.writeStringField("stack_trace", stackTraces.convert(event).strip());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.append('\n').toString();
    }
}
