package uk.police.bluelamp.casework.victimsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.command.RecordVictimSupportReferralAttempt;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralRequested;
import uk.police.bluelamp.messages.privacy.PersonalData;
import uk.police.bluelamp.platform.citizen.CitizenRoutes;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.wording.Wording;

/**
 * Sends each referral the victim consented to (Victims' Code Right 4) to the configured service
 * as JSON over HTTPS (docs/api.md, "Victim support referrals"), once when asked for (never on a
 * replay), and again until the service accepts it. The service de-duplicates by referralId: two
 * nodes, or a retry crossing a slow answer, may send one referral twice.
 */
@Component
@ProcessingGroup("citizen-updates")
class VictimSupportReferrals {

    private static final Logger log = LoggerFactory.getLogger(VictimSupportReferrals.class);

    private final CitizenRoutes routes;
    private final ReferralSettings settings;
    private final EventStore eventStore;
    private final Commands commands;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;

    VictimSupportReferrals(
            CitizenRoutes routes,
            ReferralSettings settings,
            EventStore eventStore,
            Commands commands,
            JdbcClient jdbc,
            Clock clock) {
        this.routes = routes;
        this.settings = settings;
        this.eventStore = eventStore;
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @EventHandler
    @DisallowReplay
    void on(VictimSupportReferralRequested event) {
        send(event, 1);
    }

    /** Claims what is due on this node for a while, so another node does not send the same retry. */
    @Scheduled(fixedDelayString = "${bluelamp.victim-support-referrals.retry-interval:15s}")
    void retry() {
        Instant now = clock.instant();
        jdbc
                .sql("""
                        select referral_id, reference, attempts, last_attempt_at from victim_support_referral
                        where status in ('PENDING', 'FAILED') and (claimed_until is null or claimed_until < :now)
                        order by last_attempt_at limit 50
                        """)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Due(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getTimestamp(4).toInstant()))
                .list()
                .stream()
                .filter(due -> !due.lastAttemptAt()
                        .plus(settings.pauseAfter(due.attempts()))
                        .isAfter(now))
                .filter(due -> claim(due, now))
                .forEach(due -> requested(due).ifPresent(event -> send(event, due.attempts() + 1)));
    }

    private record Due(String referralId, String reference, int attempts, Instant lastAttemptAt) {}

    private boolean claim(Due due, Instant now) {
        return jdbc.sql("""
                        update victim_support_referral set claimed_until = :until
                        where referral_id = :id and (claimed_until is null or claimed_until < :now)
                        """)
                        .param(
                                "until",
                                Timestamp.from(now.plus(settings.timeout().multipliedBy(3))))
                        .param("id", due.referralId())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** The details are read again from the case's own events: decrypted, or erased since. */
    private Optional<VictimSupportReferralRequested> requested(Due due) {
        return eventStore
                .readEvents(due.reference(), 0)
                .asStream()
                .map(DomainEventMessage::getPayload)
                .filter(VictimSupportReferralRequested.class::isInstance)
                .map(VictimSupportReferralRequested.class::cast)
                .filter(event -> event.referralId().equals(due.referralId()))
                .findFirst();
    }

    void send(VictimSupportReferralRequested event, int attempt) {
        if (erased(event)) {
            // Nothing left to send: the person was erased. Stop retrying rather than send a shell.
            jdbc.sql("update victim_support_referral set status = 'ERASED' where referral_id = :id")
                    .param("id", event.referralId())
                    .update();
            return;
        }
        CitizenRoutes.VictimSupport service = routes.victimSupport();
        Instant now = clock.instant();
        try {
            if (!service.offered()) {
                throw new IllegalStateException("No victim support endpoint is configured");
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.endpoint()))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", event.referralId())
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body(event))));
            if (service.apiKey() != null && !service.apiKey().isBlank()) {
                request.header("Authorization", "Bearer " + service.apiKey());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                record(event, true, serviceReference(response.body()), attempt, null, now);
            } else {
                record(event, false, null, attempt, "The service answered " + response.statusCode(), now);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            record(event, false, null, attempt, "Interrupted", now);
        } catch (Exception e) {
            log.warn(
                    "Referral {} of case {} not sent (attempt {}): {}",
                    event.referralId(),
                    event.reference(),
                    attempt,
                    e.getMessage());
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            record(event, false, null, attempt, error.length() > 500 ? error.substring(0, 500) : error, now);
        }
    }

    /** The shape documented in docs/api.md; the offence in the force's words as well as its code. */
    static Map<String, Object> body(VictimSupportReferralRequested event) {
        Map<String, Object> victim = new LinkedHashMap<>();
        victim.put("name", event.name());
        victim.put("email", event.email());
        victim.put("phone", event.phone());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("referralId", event.referralId());
        body.put("policeReference", event.reference());
        body.put("offence", Map.of("code", event.category().name(), "description", Wording.of(event.category())));
        body.put("consentGivenAt", event.at().toString());
        body.put("victim", victim);
        return body;
    }

    private String serviceReference(String body) {
        try {
            JsonNode answer = json.readTree(body == null || body.isBlank() ? "{}" : body);
            String id = answer.path("id").asText(null);
            return id == null || id.length() > 100 ? null : id;
        } catch (Exception notJson) {
            return null;
        }
    }

    private static boolean erased(VictimSupportReferralRequested event) {
        return PersonalData.ERASED.equals(event.email()) || PersonalData.ERASED.equals(event.phone());
    }

    private void record(
            VictimSupportReferralRequested event,
            boolean accepted,
            String serviceReference,
            int attempt,
            String error,
            Instant at) {
        commands.send(
                new RecordVictimSupportReferralAttempt(
                        event.reference(), event.referralId(), accepted, serviceReference, attempt, error, at),
                "victim-support-referrals",
                "WEB");
    }
}
