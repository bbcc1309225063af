package uk.police.bluelamp.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;
import org.springframework.messaging.support.AbstractMessageChannel;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.StaffSession;
import uk.police.bluelamp.app.contactcentre.Stomp;
import uk.police.bluelamp.app.security.AccessMatrix.Row;
import uk.police.bluelamp.app.security.AccessMatrix.Who;
import uk.police.bluelamp.contact.live.Destinations;

/**
 * docs/access-matrix.md against the running application: every route it has (from its own
 * handler mappings, so a new endpoint without a rule fails here) and every cell, requested for
 * real as that person with real cases and chats.
 */
class AccessMatrixTest extends IntegrationTest {

    /** Served by Spring Security's filters rather than a controller, so in no handler mapping. */
    private static final List<String> FILTER_ROUTES = List.of(
            "POST /api/v1/staff/login",
            "POST /api/v1/staff/logout",
            "GET /oauth2/authorization/{registrationId}",
            "GET /login/oauth2/code/{registrationId}");

    private static final Set<Integer> REFUSED = Set.of(401, 403);
    private static final Duration STOMP_WAIT = Duration.ofSeconds(5);

    @Autowired
    private ApplicationContext context;

    @Autowired
    @Qualifier("clientInboundChannel")
    private AbstractMessageChannel stompInbound;

    private final StompRefusals refusals = new StompRefusals();

    @BeforeEach
    void hearStompRefusals() {
        stompInbound.addInterceptor(0, refusals);
    }

    @AfterEach
    void stopHearing() {
        stompInbound.removeInterceptor(refusals);
    }

    private record Case(String reference, String code) {}

    private record Chat(String id, String token) {}

    @Test
    void everyRouteOfTheRunningAppHasARowAndEveryRowARoute() {
        Set<String> app = appRoutes();
        Set<String> documented = new TreeSet<>(AccessMatrix.read().routes());
        assertThat(app)
                .as("the app's route list")
                .contains("POST /api/v1/reports", "SUBSCRIBE /topic/queues", "SEND /app/chat.{contactId}.send");
        assertThat(new TreeSet<>(app))
                .as("routes with no row in docs/access-matrix.md")
                .isSubsetOf(documented);
        assertThat(documented)
                .as("rows of docs/access-matrix.md that match no route")
                .isSubsetOf(app);
    }

    @Test
    void everyCellOfTheMatrixIsWhatTheRealRequestGets() throws Exception {
        Case own = report();
        Case another = report();
        Case anonymouslyTried = report();
        Chat handlersChat = startChat();
        Chat supervisorsChat = startChat();
        Map<Who, StaffSession> sessions = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            sessions.put(who, who.staff() ? signedIn(who) : new StaffSession(port));
        }
        take(sessions.get(Who.HANDLER), handlersChat);
        take(sessions.get(Who.SUPERVISOR), supervisorsChat);
        Walk walk = new Walk(sessions, own, another, anonymouslyTried, handlersChat, supervisorsChat);

        List<String> wrong = new ArrayList<>();
        List<Row> rows = new ArrayList<>(AccessMatrix.read().rows());
        // Reads before writes, and ending chats or sessions last, so that no cell changes another's ground.
        rows.sort(Comparator.comparingInt(AccessMatrixTest::order));
        for (Row row : rows) {
            for (String path : row.paths()) {
                for (Who who : Who.values()) {
                    String problem;
                    try {
                        problem = walk.check(row, path, who, row.cells().get(who));
                    } catch (Exception | AssertionError failure) {
                        problem = "no answer: " + failure;
                    }
                    if (problem != null) {
                        wrong.add(row.method() + " " + path + " as " + who + ": " + problem);
                    }
                }
            }
        }
        assertThat(wrong)
                .as("cells of docs/access-matrix.md the application does not keep")
                .isEmpty();
    }

    private static int order(Row row) {
        String path = row.paths().get(0);
        if (row.stomp()) {
            return 0;
        }
        if (!row.write()) {
            return 1;
        }
        return path.endsWith("/end") || path.endsWith("/logout") || path.endsWith("/login") ? 3 : 2;
    }

    /** The requests, with each person's own and someone else's ids. */
    private final class Walk {
        private final Map<Who, StaffSession> sessions;
        private final Case own;
        private final Case another;
        private final Case anonymouslyTried;
        private final Chat handlersChat;
        private final Chat supervisorsChat;

        Walk(
                Map<Who, StaffSession> sessions,
                Case own,
                Case another,
                Case anonymouslyTried,
                Chat handlersChat,
                Chat supervisorsChat) {
            this.sessions = sessions;
            this.own = own;
            this.another = another;
            this.anonymouslyTried = anonymouslyTried;
            this.handlersChat = handlersChat;
            this.supervisorsChat = supervisorsChat;
        }

        /** What is wrong with this cell, or null when the application keeps it. */
        String check(Row row, String path, Who who, String cell) throws Exception {
            String ownPath = concrete(path, who, true);
            boolean allowed = allowed(row, ownPath, who);
            String outcome = lastOutcome;
            switch (cell) {
                case "allow" -> {
                    return allowed ? null : "refused (" + outcome + ")";
                }
                case "reason" -> {
                    if (!allowed) {
                        return "refused with a reason (" + outcome + ")";
                    }
                    // Auditors and admins do no case work: every record they open needs a reason.
                    boolean reads = who == Who.AUDITOR || who == Who.ADMIN;
                    int unexplained = reads ? status(row.method(), ownPath, who, false) : 428;
                    return unexplained == 428 ? null : "opened without a reason (" + unexplained + ")";
                }
                case "deny", "ended only" -> {
                    return !allowed ? null : "let through (" + outcome + ")";
                }
                case "deny 404" -> {
                    return outcome.equals("404") ? null : "expected 404, got " + outcome;
                }
                case "own chat" -> {
                    if (!allowed) {
                        return "refused on their own chat (" + outcome + ")";
                    }
                    boolean elsewhere = allowed(row, concrete(path, who, false), who);
                    return elsewhere ? "let through on another's chat (" + lastOutcome + ")" : null;
                }
                default -> {
                    return "the cell '" + cell + "' means nothing to this test";
                }
            }
        }

        private String lastOutcome = "";

        private boolean allowed(Row row, String path, Who who) throws Exception {
            if (row.stomp()) {
                boolean taken = row.method().equals("SUBSCRIBE") ? subscribes(who, path) : sends(who, path);
                lastOutcome = taken ? "taken" : "refused";
                return taken;
            }
            int status = status(row.method(), path, who);
            lastOutcome = String.valueOf(status);
            return !REFUSED.contains(status);
        }

        private int status(String method, String path, Who who) {
            return status(method, path, who, true);
        }

        private int status(String method, String path, Who who, boolean giveReason) {
            if (method.equals("POST") && path.equals("/api/v1/staff/login")) {
                return new StaffSession(port).signIn(account(who), "blue-lamp-" + account(who));
            }
            StaffSession session = sessions.get(who);
            if (method.equals("POST") && path.equals("/api/v1/staff/logout")) {
                session = who.staff() ? signedIn(who) : new StaffSession(port);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(session.uri(path));
            if (method.equals("GET") || method.equals("ANY")) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString("{}"));
            }
            if (who == Who.CITIZEN_OWN || who == Who.CITIZEN_OTHER) {
                request.header("X-Tracking-Code", own.code()).header("X-Chat-Token", handlersChat.token());
            }
            if (who.staff() && giveReason) {
                request.header("X-Access-Reason", "Checking the access matrix");
            }
            return session.send(request.build()).statusCode();
        }

        private boolean subscribes(Who who, String destination) throws Exception {
            String receipt = UUID.randomUUID().toString();
            try (Stomp client = connect(who)) {
                CompletableFuture<Boolean> live = client.subscribeReceipted(destination, citizensToken(who), receipt)
                        .thenApply(confirmed -> true);
                CompletableFuture<Boolean> refused = refusals.of(receipt).thenApply(refusal -> false);
                return (Boolean)
                        CompletableFuture.anyOf(live, refused).get(STOMP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        /**
         * Taken when the chat's citizen sees the message (or, for a typing notice, which carries
         * nothing of the sender's, any typing notice); refused when the sender gets an ERROR frame.
         */
        private boolean sends(Who who, String destination) throws Exception {
            boolean typing = destination.endsWith(".typing");
            Chat target = destination.contains(handlersChat.id()) ? handlersChat : supervisorsChat;
            String marker = UUID.randomUUID().toString();
            try (Stomp observer = Stomp.citizen(port);
                    Stomp sender = connect(who)) {
                Stomp.Inbox seen = observer.subscribe(Destinations.chat(target.id()), target.token());
                CompletableFuture<Void> refused = refusals.of(marker);
                sender.send(
                        destination,
                        citizensToken(who),
                        Map.of("clientMessageId", marker, "text", "Matrix check"),
                        marker);
                long deadline = System.nanoTime() + STOMP_WAIT.toNanos();
                while (System.nanoTime() < deadline) {
                    if (refused.isDone()) {
                        return false;
                    }
                    JsonNode message = seen.poll(Duration.ofMillis(20));
                    if (message != null
                            && (typing
                                    ? message.path("type").asText().equals("typing")
                                    : marker.equals(message.path("message")
                                            .path("clientMessageId")
                                            .asText()))) {
                        return true;
                    }
                }
                throw new AssertionError("neither delivered nor refused: SEND " + destination + " as " + who);
            }
        }

        private Stomp connect(Who who) throws Exception {
            return who.staff() ? Stomp.staff(port, sessions.get(who)) : Stomp.citizen(port);
        }

        private String citizensToken(Who who) {
            return who == Who.CITIZEN_OWN || who == Who.CITIZEN_OTHER ? handlersChat.token() : null;
        }

        /** The path with real ids: the person's own (or, when not {@code own}, someone else's). */
        private String concrete(String pattern, Who who, boolean own) {
            Chat chat = switch (who) {
                case CITIZEN_OTHER -> supervisorsChat;
                case SUPERVISOR -> own ? supervisorsChat : handlersChat;
                case HANDLER -> own ? handlersChat : supervisorsChat;
                default -> handlersChat;
            };
            // The reads that need a parameter, so that a refusal is about access, not a missing field.
            String query = pattern.endsWith("/as-of")
                    ? "?at=" + Instant.now()
                    : pattern.endsWith("/subject-access") ? "?reference=" + Walk.this.own.reference() : "";
            return pattern.replace("{contactId}", chat.id())
                            .replace("{reference}", reference(pattern, who))
                            .replace("{channel}", "NO-SUCH-CHANNEL")
                            .replace("{token}", "not-the-webhook-token")
                            .replace("{id}", UUID.randomUUID().toString())
                            .replace("{evidenceId}", UUID.randomUUID().toString())
                            .replace("{handler}", "no-such-handler")
                            .replace("{registrationId}", "entra")
                            .replace("{requiredMetricName}", "bluelamp.dead.letters")
                            .replace("{*path}", "x")
                            .replace("**", "x")
                    + query;
        }

        /**
         * Misses on a reference are rate limited, so each person tries their own: the citizen their
         * case, the anonymous public a real case they do not hold, staff a reference of their own
         * (staff pages, where no code is asked, get a real case).
         */
        private String reference(String pattern, Who who) {
            if (pattern.startsWith("/api/v1/staff/") || pattern.startsWith("/api/v1/audit/")) {
                return own.reference();
            }
            // More routes take a code than a reference's free misses allow: the offers' routes miss on
            // the case the anonymous public tries, which sends no code and so is never counted.
            boolean offers = pattern.endsWith("/victim-support") || pattern.endsWith("/satisfaction");
            return switch (who) {
                case CITIZEN_OWN -> own.reference();
                case CITIZEN_OTHER -> offers ? anonymouslyTried.reference() : another.reference();
                case ANONYMOUS -> anonymouslyTried.reference();
                default -> "BL-1999-00000" + who.ordinal();
            };
        }
    }

    private Set<String> appRoutes() {
        Set<String> routes = new TreeSet<>(FILTER_ROUTES);
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    info.getPatternValues().stream()
                            .map(AccessMatrixTest::library)
                            .forEach(pattern -> {
                                if (methods.isEmpty()) {
                                    routes.add("ANY " + pattern);
                                }
                                methods.forEach(method -> routes.add(method + " " + pattern));
                            });
                }));
        context.getBeansOfType(AbstractUrlHandlerMapping.class)
                .values()
                .forEach(mapping ->
                        mapping.getHandlerMap().keySet().forEach(pattern -> routes.add("GET " + library(pattern))));
        context.getBeansOfType(SimpAnnotationMethodMessageHandler.class)
                .values()
                .forEach(handler -> handler.getHandlerMethods().keySet().forEach(info -> {
                    String command = info.getMessageTypeMessageCondition().getMessageType() == SimpMessageType.SUBSCRIBE
                            ? "SUBSCRIBE "
                            : "SEND ";
                    info.getDestinationConditions()
                            .getPatterns()
                            .forEach(pattern -> routes.add(command + "/app/" + pattern));
                }));
        routes.addAll(subscriptions());
        return routes;
    }

    /** The API browser's files, which move with each library version, as one route each. */
    private static String library(String pattern) {
        for (String files : List.of("/webjars/", "/swagger-ui/")) {
            if (pattern.startsWith(files)) {
                return files + "**";
            }
        }
        return pattern;
    }

    /** What the app publishes to: its broker destinations, each user's own under /user. */
    private static List<String> subscriptions() {
        List<String> destinations = new ArrayList<>();
        for (Field field : Destinations.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String destination = value(field);
                destination = destination.equals(Destinations.CHAT_PREFIX) ? destination + "{contactId}" : destination;
                destinations.add(
                        "SUBSCRIBE " + (destination.startsWith("/queue/") ? "/user" + destination : destination));
            }
        }
        return destinations;
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private Case report() {
        StaffSession citizen = new StaffSession(port);
        JsonNode created = StaffSession.json(citizen.post("/api/v1/reports", Api.validReport()));
        return new Case(
                created.path("reference").asText(), created.path("trackingCode").asText());
    }

    private Chat startChat() {
        JsonNode started = StaffSession.json(new StaffSession(port)
                .post(
                        "/api/v1/chats",
                        Map.of("name", "Alex", "topic", "A neighbour's dog barks all night", "anyoneInDanger", false)));
        return new Chat(
                started.path("contactId").asText(), started.path("chatToken").asText());
    }

    private static void take(StaffSession staff, Chat chat) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> staff.post("/api/v1/staff/contacts/" + chat.id() + "/take", null)
                                .statusCode()
                        == 200);
    }

    private StaffSession signedIn(Who who) {
        return StaffSession.signedIn(port, account(who), "blue-lamp-" + account(who));
    }

    private static String account(Who who) {
        if (who == Who.DATA_PROTECTION) {
            return "dpo";
        }
        return who.staff() ? who.name().toLowerCase(Locale.ROOT) : "handler";
    }
}
