package uk.police.bluelamp.contact.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.contact.contact.ContactAlreadyTaken;
import uk.police.bluelamp.contact.contact.ContactRefused;
import uk.police.bluelamp.contact.live.Destinations;
import uk.police.bluelamp.contact.live.LivePush;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.command.AssignContact;
import uk.police.bluelamp.platform.command.Commands;

/**
 * Offers waiting contacts to available handlers with spare capacity, on the channels where
 * that is switched on; a contact needing a skill only to handlers who have it. The Contact aggregate decides who really gets one, so two nodes
 * routing at once can at worst offer the same handler one contact too many, never one
 * contact to two handlers.
 */
@Component
class Router {

    private static final Logger log = LoggerFactory.getLogger(Router.class);
    /** The queue read model trails an offer by a moment: don't offer the same contact again meanwhile. */
    static final Duration RECENT = Duration.ofSeconds(10);

    private final QueueReads reads;
    private final QueueSettings settings;
    private final JdbcClient jdbc;
    private final Commands commands;
    private final LivePush push;
    private final Clock clock;
    private final Map<String, Offer> recentlyOffered = new ConcurrentHashMap<>();

    /** An offer this node made, remembered until the read model has surely caught up with it. */
    record Offer(String handler, Instant at) {}

    Router(QueueReads reads, QueueSettings settings, JdbcClient jdbc, Commands commands, LivePush push, Clock clock) {
        this.reads = reads;
        this.settings = settings;
        this.jdbc = jdbc;
        this.commands = commands;
        this.push = push;
        this.clock = clock;
    }

    record Capacity(String handler, int spare, Set<String> skills) {}

    @Scheduled(fixedDelayString = "${bluelamp.queues.offer-interval:500ms}")
    void offer() {
        Instant now = clock.instant();
        recentlyOffered.values().removeIf(offer -> offer.at().isBefore(now.minus(RECENT)));
        for (Channel channel : Channel.values()) {
            if (settings.of(channel).isAutoOffer()) {
                offer(channel, now);
            }
        }
    }

    private void offer(Channel channel, Instant now) {
        List<QueueItem> waiting = new ArrayList<>(reads.waiting(channel).stream()
                .filter(item -> !recentlyOffered.containsKey(item.contactId()))
                .filter(item -> !item.queuedAt().isAfter(now))
                .toList());
        if (waiting.isEmpty()) {
            return;
        }
        for (Capacity handler : available(channel)) {
            for (int given = 0; given < handler.spare(); given++) {
                Optional<QueueItem> suited = waiting.stream()
                        .filter(waitingItem -> waitingItem.suits(handler.skills()))
                        .findFirst();
                if (suited.isEmpty()) {
                    break;
                }
                QueueItem item = suited.get();
                waiting.remove(item);
                recentlyOffered.put(item.contactId(), new Offer(handler.handler(), now));
                try {
                    commands.send(
                            new AssignContact(item.contactId(), handler.handler(), Assignment.OFFERED, now),
                            "router",
                            channel);
                    push.toUser(handler.handler(), Destinations.OFFERS, item);
                } catch (ContactAlreadyTaken | ContactRefused gone) {
                    log.debug("Contact {} was no longer waiting when offered", item.contactId());
                }
            }
        }
    }

    /**
     * Available handlers and how many more contacts of this channel each can take. The read
     * model trails this node's own recent offers, so those count against capacity too.
     */
    private List<Capacity> available(Channel channel) {
        int capacity = settings.of(channel).getCapacity();
        Map<String, Set<String>> working = new LinkedHashMap<>();
        Map<String, Set<String>> skills = new HashMap<>();
        jdbc.sql("""
                        select a.handler, q.contact_id,
                               (select string_agg(s.skill, ',') from handler_skill s where s.handler = a.handler) skills
                        from handler_availability a
                        left join queue_item q on q.handler = a.handler and q.state = 'ASSIGNED' and q.channel = :channel
                        where a.status = 'AVAILABLE'
                        order by a.since
                        """)
                .param("channel", channel.name())
                .query((rs, n) -> {
                    String handler = rs.getString("handler");
                    Set<String> contacts = working.computeIfAbsent(handler, h -> new LinkedHashSet<>());
                    if (rs.getString("contact_id") != null) {
                        contacts.add(rs.getString("contact_id"));
                    }
                    String codes = rs.getString("skills");
                    skills.putIfAbsent(handler, codes == null ? Set.of() : Set.of(codes.split(",")));
                    return null;
                })
                .list();
        recentlyOffered.forEach((contactId, offer) -> {
            if (working.containsKey(offer.handler())) {
                working.get(offer.handler()).add(contactId);
            }
        });
        return working.entrySet().stream()
                .map(entry ->
                        new Capacity(entry.getKey(), capacity - entry.getValue().size(), skills.get(entry.getKey())))
                .filter(handler -> handler.spare() > 0)
                // Among equals, those with fewer skills choose first, leaving skilled handlers free
                // for the contacts only they may be offered.
                .sorted(Comparator.comparingInt(Capacity::spare)
                        .reversed()
                        .thenComparingInt(handler -> handler.skills().size()))
                .toList();
    }
}
