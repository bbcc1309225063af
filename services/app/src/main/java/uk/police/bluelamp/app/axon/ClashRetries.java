package uk.police.bluelamp.app.axon;

import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * A command that lost a race for its aggregate to another node runs again, at once, on the
 * aggregate as the winner left it. On one node Axon's aggregate lock makes the second command
 * wait and then run on that state; across nodes the clash only shows when the second append
 * meets the first one's (aggregate, sequence) key. Running it again gives the answer one node
 * gives: "already taken", "no longer waiting", or for an idempotent command the same success
 * (docs/adr/0023-nodes-share-work-and-erasures.md). A few clashes in a row still end as the
 * clash, which the web layer answers with 409.
 */
class ClashRetries implements RetryScheduler {

    static final int RETRIES = 3;

    @Override
    public boolean scheduleRetry(
            CommandMessage commandMessage,
            RuntimeException lastFailure,
            List<Class<? extends Throwable>[]> failures,
            Runnable commandDispatch) {
        if (!isClash(lastFailure) || failures.size() > RETRIES) {
            return false;
        }
        // The failed attempt's unit of work has ended: this runs as a fresh command.
        commandDispatch.run();
        return true;
    }

    static boolean isClash(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }
}
