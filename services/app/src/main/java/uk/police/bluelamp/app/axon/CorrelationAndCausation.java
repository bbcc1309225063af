package uk.police.bluelamp.app.axon;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import uk.police.bluelamp.messages.MetadataKeys;

/**
 * Every message carries the id of the whole conversation it belongs to (correlationId, the
 * same for a report's contact and its case) and the id of the message that directly caused it
 * (causationId). Axon's MessageOriginProvider uses "correlationId" for the direct cause, which
 * would mislead an auditor reading our events.
 */
class CorrelationAndCausation implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        data.put(
                MetadataKeys.CORRELATION_ID,
                message.getMetaData().getOrDefault(MetadataKeys.CORRELATION_ID, message.getIdentifier()));
        data.put(MetadataKeys.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
