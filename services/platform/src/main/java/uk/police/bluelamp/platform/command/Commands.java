package uk.police.bluelamp.platform.command;

import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.MetadataKeys;
import uk.police.bluelamp.platform.correlation.Correlation;

/**
 * The one way every context sends a command: with who did it (the actor), the channel it came
 * through, and the correlation id of the request or message it answers (a fresh one outside
 * any), so the auditors' history and the logs can follow it. What the aggregate refused is
 * rethrown as itself rather than wrapped, so each context's advice can answer it.
 */
@Component
public class Commands {

    /** The channel of work done by staff in the app, as opposed to a citizen's channel. */
    public static final String STAFF = "STAFF";

    private final CommandGateway gateway;

    Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** The actor recorded for a member of staff: the audit history and its searches read this form. */
    public static String staff(String username) {
        return "staff:" + username;
    }

    /** Work a signed-in member of staff did in the app. */
    public <R> R sendAsStaff(Object command, String username) {
        return send(command, staff(username), STAFF);
    }

    public <R> R send(Object command, String actor, String channel) {
        return send(command, actor, channel, Correlation.current());
    }

    /** A citizen's channel (WEB, CHAT, ...) by its enum; none means staff work. */
    public <R> R send(Object command, String actor, Enum<?> channel) {
        return send(command, actor, channel == null ? STAFF : channel.name(), Correlation.current());
    }

    /** For several commands that are one action: they share the correlation id an auditor follows. */
    public <R> R send(Object command, String actor, Enum<?> channel, String correlationId) {
        return send(command, actor, channel == null ? STAFF : channel.name(), correlationId);
    }

    public <R> R send(Object command, String actor, String channel, String correlationId) {
        Map<String, String> metadata = Map.of(
                MetadataKeys.ACTOR, actor,
                MetadataKeys.CHANNEL, channel,
                MetadataKeys.CORRELATION_ID, correlationId);
        try {
            return gateway.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
