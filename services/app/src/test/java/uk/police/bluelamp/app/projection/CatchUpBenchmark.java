package uk.police.bluelamp.app.projection;

import static uk.police.bluelamp.app.ProcessorTokens.awaitEveryProcessorAt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.process.AppProcess;

/**
 * What the savepoints of the dead-letter queue cost (docs/adr/0016): the live processors
 * catching up with a backlog of reports (a case opened and its contact received, each projected by
 * two read models), each run on a fresh database: with no savepoints at all (the baseline, before
 * and after the others), with one around every handler call, and as configured (a savepoint only
 * for an event that failed before).
 * Run with: ./mvnw -Pbenchmark verify -Dit.test=CatchUpBenchmark (-Dbluelamp.benchmark.reports=N).
 */
class CatchUpBenchmark {

    static final int REPORTS = Integer.getInteger("bluelamp.benchmark.reports", 20_000);

    @Test
    void catchUpWithAndWithoutSavepoints() throws Exception {
        double never = catchUp("never");
        double onFailure = catchUp("on-failure");
        double always = catchUp("always");
        double neverAgain = catchUp("never");
        double baseline = (never + neverAgain) / 2;
        System.out.println();
        System.out.printf(
                "Live catch-up of %,d reports (%,d events, 4 projections each handling half of them), %d cores%n",
                REPORTS, 2 * REPORTS, Runtime.getRuntime().availableProcessors());
        System.out.printf(
                "  no savepoints                 %,10.0f events/s (then %,.0f on a second run)%n", never, neverAgain);
        System.out.printf(
                "  savepoint on failure (chosen) %,10.0f events/s, %.2f of the baseline%n",
                onFailure, onFailure / baseline);
        System.out.printf(
                "  savepoint on every call       %,10.0f events/s, %.2f of the baseline%n", always, always / baseline);
    }

    private static double catchUp(String savepoints) throws Exception {
        Path dataDir = AppProcess.testDir("catch-up-benchmark-data");
        try (AppProcess app = AppProcess.start(
                        dataDir,
                        dataDir.resolve("app.log"),
                        List.of("--bluelamp.dead-letters.savepoints=" + savepoints))
                .awaitReady(Duration.ofSeconds(180))) {
            String postgresPort = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                    .get(3)
                    .trim();
            try (Connection jdbc = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + postgresPort + "/postgres", "postgres", "")) {
                awaitEveryProcessorAt(jdbc, head(jdbc));
                long seeded = seed(jdbc);
                long started = System.nanoTime();
                awaitEveryProcessorAt(jdbc, seeded);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("savepoints=%s: %,d events in %.1f s%n", savepoints, 2 * REPORTS, seconds);
                return 2 * REPORTS / seconds;
            }
        }
    }

    /** Server-side: for each report a CaseOpened and its ContactReceived, as the report form stores them. */
    private static long seed(Connection jdbc) throws Exception {
        try (Statement sql = jdbc.createStatement()) {
            sql.execute("""
                    insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                        meta_data, payload, payload_revision, payload_type, time_stamp, occurred_at, actor, channel)
                    select aggregate, 0, kind, gen_random_uuid()::text,
                        convert_to(json_build_object('actor', 'citizen', 'channel', 'WEB')::text, 'UTF8'),
                        convert_to(case when kind = 'Case'
                            then json_build_object('reference', reference, 'contactId', contact, 'channel', 'WEB',
                                'category', 'THEFT', 'trackingCodeHash', md5(reference) || md5(contact),
                                'updatePreference', json_build_object('channel', 'EMAIL', 'frequency', 'WEEKLY'),
                                'citizen', json_build_object('name', 'Sam Smith', 'email', 'sam@example.org', 'phone', null),
                                'postcode', null, 'openedAt', at, 'nextUpdateDue', at)
                            else json_build_object('contactId', contact, 'channel', 'WEB', 'caseReference', reference,
                                'details', json_build_object('category', 'THEFT', 'description', 'Bike taken ' || i,
                                    'location', 'High Street', 'occurredOn', '2026-01-01', 'occurredTime', 'about 3pm'),
                                'reporter', json_build_object('name', 'Sam Smith', 'email', 'sam@example.org', 'phone', null),
                                'requestedUpdates', json_build_object('channel', 'EMAIL', 'frequency', 'WEEKLY'),
                                'receivedAt', at) end::text, 'UTF8'),
                        null,
                        case when kind = 'Case' then 'uk.police.bluelamp.messages.casefile.CaseOpened'
                             else 'uk.police.bluelamp.messages.contact.ContactReceived' end,
                        at, at::timestamptz, 'citizen', 'WEB'
                    from (select i, k.kind, case when k.kind = 'Case' then reference else contact end as aggregate,
                                 reference, contact, at
                          from (select i, 'BL-2026-' || lpad(i::text, 6, '0') as reference, gen_random_uuid()::text as contact,
                                       to_char(timestamp '2026-01-01' + i * interval '13 seconds', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at
                                from generate_series(1, :reports) i) r
                          cross join (values ('Contact'), ('Case')) k(kind)
                          order by i, k.kind desc) g
                    """.replace(":reports", String.valueOf(REPORTS)));
        }
        return head(jdbc);
    }

    private static long head(Connection jdbc) throws Exception {
        try (Statement sql = jdbc.createStatement();
                ResultSet max = sql.executeQuery("select coalesce(max(global_index), -1) from domain_event_entry")) {
            max.next();
            return max.getLong(1);
        }
    }
}
