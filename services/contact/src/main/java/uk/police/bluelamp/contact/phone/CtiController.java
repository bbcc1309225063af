package uk.police.bluelamp.contact.phone;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.contact.live.Destinations;
import uk.police.bluelamp.contact.live.LivePush;
import uk.police.bluelamp.messages.contact.CallDetails;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.HangupCause;
import uk.police.bluelamp.messages.contact.command.AnswerCall;
import uk.police.bluelamp.messages.contact.command.HangUpCall;
import uk.police.bluelamp.messages.contact.command.RingCall;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.InvalidRequest;

/**
 * The telephony platform's webhook. Each callId is one phone contact; its events are
 * idempotent and may arrive late, twice or out of order, and none of that is an error.
 */
@RestController
class CtiController {

    static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,56}");
    static final String TELEPHONY = "telephony";

    private final CtiSettings settings;
    private final Commands commands;
    private final ScreenPops screenPops;
    private final LivePush push;
    private final HandlerDirectory handlers;
    private final Clock clock;

    CtiController(
            CtiSettings settings,
            Commands commands,
            ScreenPops screenPops,
            LivePush push,
            HandlerDirectory handlers,
            Clock clock) {
        this.settings = settings;
        this.commands = commands;
        this.screenPops = screenPops;
        this.push = push;
        this.handlers = handlers;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/cti/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> form(@PathVariable String token, @RequestParam MultiValueMap<String, String> form) {
        return receive(
                token,
                new CtiEvent(
                        form.getFirst("event"),
                        form.getFirst("callId"),
                        form.getFirst("from"),
                        form.getFirst("to"),
                        form.getFirst("direction"),
                        users(form.get("user")),
                        form.getFirst("queue"),
                        form.getFirst("answeringNumber"),
                        form.getFirst("cause")));
    }

    @PostMapping(path = "/api/v1/cti/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> json(@PathVariable String token, @RequestBody Map<String, Object> body) {
        Object user = body.get("user");
        List<String> users = user instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : user == null ? List.of() : List.of(String.valueOf(user));
        return receive(
                token,
                new CtiEvent(
                        text(body, "event"),
                        text(body, "callId"),
                        text(body, "from"),
                        text(body, "to"),
                        text(body, "direction"),
                        users,
                        text(body, "queue"),
                        text(body, "answeringNumber"),
                        text(body, "cause")));
    }

    private ResponseEntity<?> receive(String token, CtiEvent event) {
        if (!tokenMatches(token)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        validate(event);
        String contactId = "call-" + event.callId();
        CallDetails call = new CallDetails(
                event.callId(),
                event.from(),
                event.to(),
                event.direction() == null ? "in" : event.direction(),
                event.queue(),
                settings.languageOf(event.queue()));
        Instant at = clock.instant();
        // Two deliveries of a call's first event can race to create it: the command gateway runs
        // the loser again on the call the winner created (app/axon/ClashRetries).
        switch (event.event()) {
            case "newCall" -> commands.send(new RingCall(contactId, call, at), TELEPHONY, Channel.PHONE);
            case "answer" -> answer(contactId, call, event, at);
            case "hangup" ->
                commands.send(new HangUpCall(contactId, call, cause(event.cause()), at), TELEPHONY, Channel.PHONE);
            default -> throw InvalidRequest.of("event", "event must be newCall, answer or hangup");
        }
        return ResponseEntity.ok(Map.of("callId", event.callId(), "event", event.event()));
    }

    private void answer(String contactId, CallDetails call, CtiEvent event, Instant at) {
        Optional<String> handler = handlers.find(event.user(), event.answeringNumber(), settings.getHandlerPhones());
        commands.send(
                new AnswerCall(contactId, call, handler.orElse(null), event.answeringNumber(), at),
                TELEPHONY,
                Channel.PHONE);
        handler.ifPresent(h -> push.toUser(h, Destinations.SCREEN_POP, screenPops.shownTo(h, contactId, call)));
    }

    private boolean tokenMatches(String token) {
        String expected = settings.getToken();
        return expected != null
                && !expected.isBlank()
                && token != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private static void validate(CtiEvent event) {
        List<FieldError> errors = new ArrayList<>();
        if (event.event() == null) {
            errors.add(new FieldError("event", "event is required"));
        }
        if (event.callId() == null || !CALL_ID.matcher(event.callId()).matches()) {
            errors.add(new FieldError("callId", "callId must be 1 to 56 letters, digits or ._:@-"));
        }
        for (String[] field : new String[][] {
            {"from", event.from()},
            {"to", event.to()},
            {"queue", event.queue()},
            {"answeringNumber", event.answeringNumber()},
            {"direction", event.direction()}
        }) {
            if (field[1] != null && field[1].length() > 40) {
                errors.add(new FieldError(field[0], field[0] + " must be 40 characters or fewer"));
            }
        }
        if (event.direction() != null
                && !event.direction().equals("in")
                && !event.direction().equals("out")) {
            errors.add(new FieldError("direction", "direction must be in or out"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }

    static HangupCause cause(String cause) {
        if (cause == null || cause.isBlank()) {
            return HangupCause.NORMAL_CLEARING;
        }
        String snake = cause.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        try {
            return HangupCause.valueOf(snake);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of(
                    "cause", "cause must be normalClearing, busy, cancel, noAnswer, congestion, notFound or forwarded");
        }
    }

    private static List<String> users(List<String> users) {
        return users == null ? List.of() : users;
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        return value == null ? null : String.valueOf(value);
    }
}
