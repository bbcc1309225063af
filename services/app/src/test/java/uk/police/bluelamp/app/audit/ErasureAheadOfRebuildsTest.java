package uk.police.bluelamp.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.UserDetailsManager;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.ProcessorTokens;
import uk.police.bluelamp.app.StaffSession;

/**
 * An auditor's rebuild never holds an erasure back: the erasure stops it and its scrub goes
 * first. A rebuild can be stopped by whoever started it, or an admin, and by nobody else.
 */
class ErasureAheadOfRebuildsTest extends AuditSupport {

    private static final Duration SCRUB_WAIT = Duration.ofSeconds(90);

    @Autowired
    private UserDetailsService staff;

    @Test
    void anErasureStopsASlowRebuildAndItsScrubFinishesWhileTheRebuildWouldStillRun() {
        StaffSession auditor = auditor();
        reportedCase(handler());
        JsonNode slow = startSlow(auditor, "case-view");

        Person person = Person.distinctive();
        String reference = report(person);
        await().atMost(WAIT)
                .until(() -> EveryTable.holding(jdbc, person.email()).contains("public.case_view"));
        StaffSession admin = admin();
        HttpResponse<String> erased = admin.post(
                "/api/v1/admin/erasures",
                Map.of(
                        "reference",
                        reference,
                        "legalBasis",
                        "UK_GDPR_ARTICLE_17",
                        "reason",
                        "Erasure decision ERA-2026-0102"));
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(201);

        // Every scrub finishes, the one for the read model the auditor was rebuilding too.
        assertThat(json(erased).path("rebuilds").has("case-view")).isTrue();
        json(erased).path("rebuilds").forEach(scrub -> {
            await().atMost(SCRUB_WAIT)
                    .until(() -> !List.of("QUEUED", "RUNNING").contains(state(admin, scrub.asText())));
            assertThat(state(admin, scrub.asText())).as(scrub.asText()).isEqualTo("COMPLETED");
        });
        JsonNode stopped = run(auditor, slow.path("id").asText());
        assertThat(stopped.path("state").asText()).isEqualTo("CANCELLED");
        assertThat(stopped.path("error").asText()).contains("erasure");
        assertThat(EveryTable.holding(jdbc, person.email())).isEmpty();
    }

    @Test
    void aRebuildIsStoppedByWhoeverStartedItOrAnAdminAndTheLiveReadModelCarriesOn() {
        UserDetailsManager accounts = (UserDetailsManager) staff;
        if (!accounts.userExists("second-auditor")) {
            accounts.createUser(User.withUsername("second-auditor")
                    .password("{noop}second-auditor-password")
                    .roles("AUDITOR")
                    .build());
        }
        StaffSession auditor = auditor();
        StaffSession another = StaffSession.signedIn(port, "second-auditor", "second-auditor-password");
        String mine = startSlow(auditor, "contact-view").path("id").asText();
        String cancel = "/api/v1/audit/replays/" + mine + "/cancel";

        assertThat(another.post(cancel, null).statusCode())
                .as("another auditor's")
                .isEqualTo(403);
        assertThat(handler().post(cancel, null).statusCode()).isEqualTo(403);
        assertThat(auditor.post("/api/v1/audit/replays/" + UUID.randomUUID() + "/cancel", null)
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> cancelled = auditor.post(cancel, null);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled).path("state").asText()).isEqualTo("CANCELLED");
        assertThat(auditor.post(cancel, null).statusCode())
                .as("already stopped")
                .isEqualTo(409);
        // Its shadow tables go, and the live processor, never held, goes on projecting.
        await().atMost(WAIT)
                .until(() ->
                        jdbc.sql("select count(*) from information_schema.schemata " + "where schema_name like :run")
                                        .param("run", "%" + mine.replace("-", "") + "%")
                                        .query(Long.class)
                                        .single()
                                == 0);
        long contacts = contactDetails();
        assertThat(api().report(Api.validReport()).status()).isEqualTo(201);
        await().atMost(WAIT).until(() -> contactDetails() > contacts);

        String byAuditor = startSlow(auditor, "contact-view").path("id").asText();
        HttpResponse<String> byAdmin = admin().post("/api/v1/audit/replays/" + byAuditor + "/cancel", null);
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(200);
        assertThat(json(byAdmin).path("error").asText()).isEqualTo("Cancelled by admin");
    }

    private long contactDetails() {
        return jdbc.sql("select count(*) from contact_detail").query(Long.class).single();
    }

    private StaffSession admin() {
        return StaffSession.signedIn(port, "admin", "blue-lamp-admin");
    }

    /** At one event a second, over a log of at least a minute's worth of that read model's events. */
    private JsonNode startSlow(StaffSession auditor, String readModel) {
        while (jdbc.sql("select count(*) from domain_event_entry where payload_type like '%.ContactReceived'")
                        .query(Long.class)
                        .single()
                < 60) {
            assertThat(api().report(Api.validReport()).status()).isEqualTo(201);
        }
        // Only what the live processor has done is rebuilt at the slow pace; the rest comes in the
        // last stretch at full speed, so a processor still behind the reports would let it finish.
        long head = jdbc.sql("select max(global_index) from domain_event_entry")
                .query(Long.class)
                .single();
        await().atMost(WAIT).until(() -> ProcessorTokens.lowestIndex(jdbc, readModel) >= head);
        // An erasure by a test before this one, in this JVM, may still be scrubbing the read model,
        // and a rebuild asked for meanwhile is refused as one already running.
        await().atMost(SCRUB_WAIT)
                .until(() -> jdbc.sql("select count(*) from replay_run where read_model = :readModel "
                                        + "and state in ('QUEUED', 'RUNNING')")
                                .param("readModel", readModel)
                                .query(Long.class)
                                .single()
                        == 0);
        HttpResponse<String> started =
                auditor.post("/api/v1/audit/replays", Map.of("readModel", readModel, "eventsPerSecond", 1));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return json(started);
    }

    private static JsonNode run(StaffSession session, String id) {
        return json(session.get("/api/v1/audit/replays/" + id));
    }

    private static String state(StaffSession session, String id) {
        return run(session, id).path("state").asText();
    }
}
