package uk.police.bluelamp.app.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.contactcentre.Stomp;

/**
 * Issue 11's figures (docs/benchmarks.md): how much later a push caused on node A reaches a
 * console on node B than one on A (both measured on the same pushes), for a topic every console
 * shares (the queue) and for one user's destination (the screen-pop); and how long after a
 * SIGKILL the survivor owns every processor segment. A real cluster: PostgreSQL with fsync on,
 * RabbitMQ, two jars.
 */
class ClusterBenchmark {

    private static final int CALLS = 200;
    private static final int TAKEOVERS = 3;

    @Test
    void crossNodePushLatencyAndTakeoverTime() throws Exception {
        try (Cluster cluster = Cluster.start(true, List.of())) {
            pushLatency(cluster);
            takeover(cluster);
        }
    }

    private void pushLatency(Cluster cluster) throws Exception {
        Map<String, Long> rangAt = new ConcurrentHashMap<>();
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        List<Map<String, Long>> queue = List.of(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        List<Map<String, Long>> pops = List.of(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        List<Stomp> consoles = new ArrayList<>();
        try {
            for (int node = 0; node < 2; node++) {
                StaffSession handler = StaffSession.signedIn(cluster.nodePort(node), "handler", "blue-lamp-handler");
                Stomp console = Stomp.staff(cluster.nodePort(node), handler);
                consoles.add(console);
                int on = node;
                console.onEach("/topic/queues", item -> {
                    if (item.path("state").asText().equals("WAITING")
                            && item.path("contactId").asText().startsWith("call-")) {
                        record(rangAt, item.path("contactId").asText().substring("call-".length()), queue.get(on));
                    }
                });
                console.onEach(
                        "/user/queue/screen-pop",
                        pop -> record(answeredAt, pop.path("callId").asText(), pops.get(on)));
            }
            StaffSession telephony = new StaffSession(cluster.nodePort(0));
            for (int i = 0; i < CALLS; i++) {
                String call = "callId=bench-" + i + "-" + System.nanoTime() + "&from=0770090" + String.format("%04d", i)
                        + "&to=101&direction=in";
                String callId = call.substring("callId=".length(), call.indexOf('&'));
                rangAt.put(callId, System.nanoTime());
                cti(telephony, "event=newCall&" + call);
                answeredAt.put(callId, System.nanoTime());
                cti(telephony, "event=answer&" + call + "&user=handler");
                cti(telephony, "event=hangup&" + call + "&cause=normalClearing");
                Thread.sleep(ThreadLocalRandom.current().nextInt(20, 80));
            }
            Thread.sleep(2000); // the last pushes' time to arrive, not a condition to wait for
        } finally {
            consoles.forEach(Stomp::close);
        }
        report("newCall on A -> queue push, console on A", queue.get(0).values());
        report("newCall on A -> queue push, console on B", queue.get(1).values());
        report("answer on A -> screen-pop, console on A", pops.get(0).values());
        report("answer on A -> screen-pop, console on B", pops.get(1).values());
    }

    /** The first arrival per call and console: a later push of the same call is another state. */
    private static void record(Map<String, Long> sentAt, String callId, Map<String, Long> latencies) {
        Long sent = sentAt.get(callId);
        if (sent != null) {
            latencies.putIfAbsent(callId, System.nanoTime() - sent);
        }
    }

    private void takeover(Cluster cluster) throws Exception {
        ClusterData data = new ClusterData(cluster);
        List<Long> takeovers = new ArrayList<>();
        for (int round = 0; round < TAKEOVERS; round++) {
            int victim = data.nodeOwningMost();
            int survivor = 1 - victim;
            AtomicBoolean stop = new AtomicBoolean();
            Thread reporter = new Thread(() -> {
                Api api = new Api(cluster.nodePort(survivor));
                while (!stop.get()) {
                    api.report(Api.validReport());
                }
            });
            reporter.start();
            Thread.sleep(2000);
            cluster.node(victim).kill();
            long killedAt = System.nanoTime();
            String survivorOwner = Cluster.ownerPrefix(survivor);
            while (!data.owners().stream().allMatch(owner -> owner != null && owner.startsWith(survivorOwner))) {
                if (System.nanoTime() - killedAt > Duration.ofMinutes(2).toNanos()) {
                    throw new AssertionError("the survivor did not own every segment within 2 minutes");
                }
                Thread.sleep(50);
            }
            takeovers.add(System.nanoTime() - killedAt);
            stop.set(true);
            reporter.join();
            System.out.printf("takeover %d: %.1f s%n", round + 1, takeovers.get(round) / 1e9);
            if (round < TAKEOVERS - 1) {
                cluster.restart(victim);
            }
        }
        report("SIGKILL -> survivor owns every segment", takeovers);
    }

    private static void cti(StaffSession telephony, String form) {
        telephony.postForm("/api/v1/cti/" + Cluster.CTI_TOKEN, form);
    }

    private static void report(String what, Collection<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.printf("%-45s no samples%n", what);
            return;
        }
        System.out.printf(
                "%-45s n=%5d  p50=%9.1f ms  p99=%9.1f ms  max=%9.1f ms%n",
                what, sorted.size(), ms(sorted, 0.50), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
