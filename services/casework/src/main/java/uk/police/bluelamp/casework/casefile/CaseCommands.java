package uk.police.bluelamp.casework.casefile;

import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.audit.correlation.Correlation;
import uk.police.bluelamp.messages.MetadataKeys;

/** Sends a case command with who did it and a fresh correlation id; refusals come back unwrapped. */
@Component
public class CaseCommands {

    private final CommandGateway gateway;

    CaseCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command, String actor, String channel) {
        try {
            return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                    MetadataKeys.ACTOR, actor, MetadataKeys.CHANNEL, channel,
                    MetadataKeys.CORRELATION_ID, Correlation.current())));
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
