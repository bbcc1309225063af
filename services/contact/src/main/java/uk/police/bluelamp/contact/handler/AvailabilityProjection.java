package uk.police.bluelamp.contact.handler;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.handler.event.HandlerAvailabilityChanged;
import uk.police.bluelamp.messages.handler.event.HandlerDisplayNameSet;
import uk.police.bluelamp.messages.handler.event.HandlerSkillsSet;
import uk.police.bluelamp.platform.readmodel.BatchedWrites;
import uk.police.bluelamp.platform.readmodel.ReadModel;

/**
 * Each handler's availability, name and skills: every event replaces what it sets, so a batch
 * keeps only each handler's last of each and writes them at commit ({@link BatchedWrites},
 * HandlerChanges), a career of availability changes rebuilding in a few statements per batch.
 */
@Component
@ProcessingGroup("handler-availability")
@ReadModel(tables = {"handler_availability", "handler_profile", "handler_skill"})
class AvailabilityProjection {

    private final JdbcTemplate jdbc;
    private final BatchedWrites<HandlerChanges> writes;

    AvailabilityProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites<>(jdbc, AvailabilityProjection.class, HandlerChanges::new);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from handler_availability");
        jdbc.update("delete from handler_profile");
        jdbc.update("delete from handler_skill");
    }

    @EventHandler
    void on(HandlerAvailabilityChanged event, @MessageIdentifier String id) {
        String status = event.status().name();
        Instant since = Objects.requireNonNull(event.at());
        writes.write(id, changes -> changes.availability(event.handler(), status, since));
    }

    @EventHandler
    void on(HandlerDisplayNameSet event, @MessageIdentifier String id) {
        writes.write(id, changes -> changes.displayName(event.handler(), event.displayName()));
    }

    /** The event holds the whole set, so a redelivery leaves the same rows. */
    @EventHandler
    void on(HandlerSkillsSet event, @MessageIdentifier String id) {
        List<String> skills = List.copyOf(event.skills());
        writes.write(id, changes -> changes.skills(event.handler(), skills));
    }
}
