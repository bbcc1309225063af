package uk.police.bluelamp.app.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;

class IdempotencyTest extends IntegrationTest {

    @Test
    void aRetryWithTheSameKeyReturnsTheSameCaseAndCode() {
        String key = UUID.randomUUID().toString();
        ObjectNode report = Api.validReport();

        Api.Response first = api().report(report, key);
        Api.Response retry = api().report(report, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("reference")).isEqualTo(first.text("reference"));
        assertThat(retry.text("trackingCode")).isEqualTo(first.text("trackingCode"));
        assertThat(casesOpenedFor(first.text("reference"))).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentReportIsRefusedAndRecordsNothing() {
        String key = UUID.randomUUID().toString();
        api().report(Api.validReport(), key);
        long eventsBefore = eventCount();

        Api.Response other = api().report(Api.validReport(), key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void racingRequestsWithOneKeyOpenExactlyOneCase() throws Exception {
        String key = UUID.randomUUID().toString();
        ObjectNode report = Api.validReport();
        int racers = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Api.Response>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return api().report(report, key);
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> result : results) {
                responses.add(result.get());
            }

            assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
            assertThat(responses.stream().map(r -> r.text("reference")).distinct())
                    .hasSize(1);
            assertThat(responses.stream().map(r -> r.text("trackingCode")).distinct())
                    .hasSize(1);
            assertThat(casesOpenedFor(responses.get(0).text("reference"))).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from report_idempotency where idempotency_key = :key")
                            .param("key", key)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMalformedKeyIsABadRequest() {
        Api.Response response = api().report(Api.validReport(), "x".repeat(101));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
    }

    private long casesOpenedFor(String reference) {
        return jdbc.sql("""
                        select count(*) from domain_event_entry
                        where aggregate_identifier = :reference and payload_type like '%CaseOpened'
                        """).param("reference", reference).query(Long.class).single();
    }
}
