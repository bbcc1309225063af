package uk.police.bluelamp.app.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %m}: the formatted message, escaped onto its one line and with credentials redacted (SafeText). */
public class EscapedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return SafeText.of(event.getFormattedMessage());
    }
}
