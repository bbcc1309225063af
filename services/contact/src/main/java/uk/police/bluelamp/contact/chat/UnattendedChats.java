package uk.police.bluelamp.contact.chat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.contact.live.CitizenPresence;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.ChatEndReason;
import uk.police.bluelamp.messages.contact.command.EndChat;
import uk.police.bluelamp.messages.contact.command.WarnIdleChat;
import uk.police.bluelamp.platform.command.Commands;

/**
 * Ends the chats nobody can answer: a citizen gone for longer than the grace period (a waiting
 * chat is then abandoned and leaves the queue), and an active chat where nobody has written since
 * the idle warning. Every node runs the same check against the shared tables; the chat itself
 * decides, so two nodes ending one chat end it once, and a message written after the warning
 * keeps the chat open however late the check runs. See docs/adr/0036.
 */
@Component
class UnattendedChats {

    private static final Logger LOG = LoggerFactory.getLogger(UnattendedChats.class);
    static final String ACTOR = "system";

    private final CitizenPresence presence;
    private final JdbcClient jdbc;
    private final Commands commands;
    private final Clock clock;
    private final Duration citizenGrace;
    private final Duration idleWarning;
    private final Duration idleClose;

    UnattendedChats(
            CitizenPresence presence,
            JdbcClient jdbc,
            Commands commands,
            Clock clock,
            @Value("${bluelamp.chat.citizen-grace:PT3M}") Duration citizenGrace,
            @Value("${bluelamp.chat.idle-warning:PT10M}") Duration idleWarning,
            @Value("${bluelamp.chat.idle-close:PT5M}") Duration idleClose) {
        this.presence = presence;
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
        this.citizenGrace = citizenGrace;
        this.idleWarning = idleWarning;
        this.idleClose = idleClose;
    }

    @Scheduled(
            fixedDelayString = "${bluelamp.chat.unattended-check-interval:PT5S}",
            initialDelayString = "${bluelamp.chat.unattended-check-interval:PT5S}")
    void check() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            presence.tidy();
            presence.reconcileOwnSockets();
            presence.goneSince(Timestamp.from(now.minus(citizenGrace)))
                    .forEach(
                            chat -> send(new EndChat(chat, ChatAuthor.SYSTEM, ACTOR, now, ChatEndReason.CITIZEN_LEFT)));
            quietSince(now.minus(idleWarning)).forEach(chat -> send(new WarnIdleChat(chat, now.plus(idleClose), now)));
            warnedAndStillQuiet(now.minus(idleClose))
                    .forEach(chat -> send(new EndChat(chat, ChatAuthor.SYSTEM, ACTOR, now, ChatEndReason.IDLE)));
        } catch (RuntimeException e) {
            LOG.warn("Could not check for unattended chats: {}", e.toString());
        }
    }

    /** Active chats where nobody has written since the cutoff, and that were not warned since. */
    private List<String> quietSince(Instant cutoff) {
        return jdbc.sql("""
                        select contact_id from chat_session
                        where state = 'ACTIVE' and last_activity_at < :cutoff
                          and (idle_warned_at is null or idle_warned_at < last_activity_at)""")
                .param("cutoff", Timestamp.from(cutoff))
                .query(String.class)
                .list();
    }

    private List<String> warnedAndStillQuiet(Instant cutoff) {
        return jdbc.sql("""
                        select contact_id from chat_session
                        where state = 'ACTIVE' and idle_warned_at < :cutoff and last_activity_at <= idle_warned_at""")
                .param("cutoff", Timestamp.from(cutoff))
                .query(String.class)
                .list();
    }

    private void send(Object command) {
        try {
            commands.send(command, ACTOR, Channel.CHAT);
        } catch (RuntimeException e) {
            // Another node may have ended it a moment ago; the next check sees the outcome.
            LOG.debug("Unattended chat check: {} not applied: {}", command, e.toString());
        }
    }
}
