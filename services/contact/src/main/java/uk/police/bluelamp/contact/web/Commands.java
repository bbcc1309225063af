package uk.police.bluelamp.contact.web;

import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.audit.correlation.Correlation;
import uk.police.bluelamp.messages.MetadataKeys;
import uk.police.bluelamp.messages.contact.Channel;

/**
 * Sends a command with who did it, through which channel, and the correlation id of the request
 * or message it answers (Correlation; a fresh one outside any), and
 * rethrows what the aggregate refused as itself rather than wrapped.
 */
@Component
public class Commands {

    private final CommandGateway gateway;

    Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command, String actor, Channel channel) {
        return send(command, actor, channel, Correlation.current());
    }

    /** For several commands that are one action: they share the correlation id an auditor follows. */
    public <R> R send(Object command, String actor, Channel channel, String correlationId) {
        Map<String, String> metadata = Map.of(
                MetadataKeys.ACTOR, actor,
                MetadataKeys.CHANNEL, channel == null ? "STAFF" : channel.name(),
                MetadataKeys.CORRELATION_ID, correlationId);
        try {
            return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    public static String staff(String username) {
        return "staff:" + username;
    }
}
