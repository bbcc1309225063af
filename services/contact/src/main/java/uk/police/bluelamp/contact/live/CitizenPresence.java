package uk.police.bluelamp.contact.live;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.platform.cluster.ClusterNodes;

/**
 * Where each chat's citizen is connected, in the database rather than one node's memory: a
 * citizen may reload onto another node, and a node may die with its sockets. A chat's citizen is
 * there while any of their sockets is open on a live node, and was last seen when the last one
 * closed (or its node was found dead), or when they last asked for the chat over HTTP.
 *
 * <p>A node that pauses past the node timeout (a long collection, a stalled disk) is taken for
 * dead, and another node removes its sockets' rows. Its sockets may still be open when it comes
 * back, so on every check each node makes its rows its open sockets again: otherwise their chats
 * would be ended a grace period later with their citizens still there.
 */
@Component
public class CitizenPresence {

    private static final Logger LOG = LoggerFactory.getLogger(CitizenPresence.class);

    private final JdbcClient jdbc;
    private final ClusterNodes nodes;
    private final Clock clock;
    /** This node's open citizen sockets and their chats. Lost with the node, as its sockets are. */
    private final Map<String, String> open = new ConcurrentHashMap<>();

    CitizenPresence(JdbcClient jdbc, ClusterNodes nodes, Clock clock) {
        this.jdbc = jdbc;
        this.nodes = nodes;
        this.clock = clock;
    }

    /** A citizen's socket subscribed to their chat. */
    void arrived(String socketId, String contactId) {
        open.putIfAbsent(socketId, contactId);
        // Taken after the socket is held, so a reconcile that missed it finds its row newer.
        Timestamp openedAt = now();
        quietly(() -> {
            jdbc.sql("""
                    insert into citizen_socket (node_id, socket_id, contact_id, opened_at)
                    values (:node, :socket, :contact, :now) on conflict do nothing""")
                    .param("node", nodes.nodeId())
                    .param("socket", socketId)
                    .param("contact", contactId)
                    .param("now", openedAt)
                    .update();
            seen(contactId);
        });
    }

    /** A socket closed, cleanly or not: if it was a citizen's, they were last seen now. */
    void left(String socketId) {
        if (open.remove(socketId) == null) {
            return; // never a citizen's on this node: nothing recorded
        }
        quietly(() -> jdbc.sql("""
                        with gone as (
                            delete from citizen_socket where node_id = :node and socket_id = :socket returning contact_id)
                        insert into citizen_seen (contact_id, seen_at) select contact_id, cast(:now as timestamptz) from gone
                        on conflict (contact_id) do update set seen_at = greatest(citizen_seen.seen_at, excluded.seen_at)""")
                .param("node", nodes.nodeId())
                .param("socket", socketId)
                .param("now", now())
                .update());
    }

    /** The citizen asked for their chat over HTTP. */
    public void seen(String contactId) {
        quietly(() ->
                jdbc.sql("""
                        insert into citizen_seen (contact_id, seen_at) values (:contact, :now)
                        on conflict (contact_id) do update set seen_at = greatest(citizen_seen.seen_at, excluded.seen_at)""").param("contact", contactId).param("now", now()).update());
    }

    /**
     * Makes this node's rows its open sockets again: puts back those another node removed, and
     * removes any it holds no more (one left by an earlier run under the same node id, or put
     * back just as its socket closed), as a close would. Arrivals since it began are left alone.
     */
    public void reconcileOwnSockets() {
        Timestamp asOf = now();
        List<Map.Entry<String, String>> held = List.copyOf(open.entrySet());
        jdbc.sql("""
                        with held as (
                            select * from unnest(cast(:sockets as text[]), cast(:contacts as text[])) as h(socket, contact)),
                        stale as (
                            delete from citizen_socket k
                            where k.node_id = :node and k.opened_at < :asOf
                              and not exists (select 1 from held where held.socket = k.socket_id)
                            returning contact_id),
                        last_seen as (
                            insert into citizen_seen (contact_id, seen_at) select distinct contact_id, cast(:asOf as timestamptz) from stale
                            on conflict (contact_id) do update set seen_at = greatest(citizen_seen.seen_at, excluded.seen_at))
                        insert into citizen_socket (node_id, socket_id, contact_id, opened_at)
                        select :node, socket, contact, :asOf from held
                        on conflict do nothing""")
                .param("node", nodes.nodeId())
                .param("sockets", held.stream().map(Map.Entry::getKey).toArray(String[]::new))
                .param("contacts", held.stream().map(Map.Entry::getValue).toArray(String[]::new))
                .param("asOf", asOf)
                .update();
    }

    /**
     * Sockets held by other nodes that stopped beating count as closed now; ended chats are
     * forgotten. This node's own are open until it closes them, however late its own beat.
     */
    public void tidy() {
        jdbc.sql("""
                with gone as (
                    delete from citizen_socket k where k.node_id <> :self and not exists (
                        select 1 from node_heartbeat h where h.node_id = k.node_id
                        and h.last_seen > now() - make_interval(secs => :timeout))
                    returning contact_id)
                insert into citizen_seen (contact_id, seen_at) select distinct contact_id, cast(:now as timestamptz) from gone
                on conflict (contact_id) do update set seen_at = greatest(citizen_seen.seen_at, excluded.seen_at)""")
                .param("self", nodes.nodeId())
                .param("timeout", nodes.nodeTimeout().toMillis() / 1000.0)
                .param("now", now())
                .update();
        // Once a chat is over, where its citizen was is of no use to anyone.
        jdbc.sql("""
                delete from citizen_seen s using chat_session c
                where c.contact_id = s.contact_id and c.state in ('ENDED', 'ABANDONED')""").update();
    }

    /** The open chats whose citizen has no open socket and was last seen before {@code cutoff}. */
    public List<String> goneSince(Timestamp cutoff) {
        return jdbc.sql("""
                select c.contact_id from chat_session c
                left join citizen_seen s on s.contact_id = c.contact_id
                where c.state in ('WAITING', 'ACTIVE')
                  and not exists (select 1 from citizen_socket k where k.contact_id = c.contact_id)
                  and coalesce(s.seen_at, c.started_at) < :cutoff
                order by c.started_at""").param("cutoff", cutoff).query(String.class).list();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static void quietly(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            // A busy database must not stop a socket opening or closing; the worst a lost sighting
            // costs is one chat ended as if its citizen had left, or ended a grace period late.
            LOG.warn("Could not record where a chat's citizen is: {}", e.toString());
        }
    }
}
