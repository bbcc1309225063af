package uk.police.bluelamp.app.limits;

import java.util.Arrays;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.police.bluelamp.app.hostile.ProductionLimits;

/**
 * What a shared rate limit costs a request: one take (an upsert on rate_limit_buckets, on the
 * embedded PostgreSQL over loopback) for a new client, for a client seen before, and for one
 * already refused, against a bare "select 1" round trip on the same pool. Not part of the build;
 * run with ./mvnw -o verify -pl services/app -am -Dtest=RateLimitBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=NONE -Dfailsafe.failIfNoSpecifiedTests=false -Dfrontend.skipTests=true
 */
class RateLimitBenchmark extends ProductionLimits {

    static final int ROUNDS = Integer.getInteger("bluelamp.benchmark.takes", 2_000);

    @Autowired
    RateLimits limits;

    @Test
    void takes() {
        for (int warm = 0; warm < 2; warm++) {
            String run = "bench-" + warm + "-";
            print(
                    "baseline: select 1",
                    i -> jdbc.sql("select 1").query(Integer.class).single());
            print("take, new client (insert)", i -> limits.take(new PublicEndpoint("cti", null), run + "new-" + i));
            // 1200 a minute for the platform's address: every one of these is allowed.
            print(
                    "take, known client (update)",
                    i -> limits.take(new PublicEndpoint("cti", null), run + "known-" + (i % 100)));
            print(
                    "take, refused (10 per 10 min)",
                    i -> limits.take(new PublicEndpoint("report", null), run + "refused"));
        }
    }

    private static void print(String what, IntConsumer request) {
        long[] nanos = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            request.accept(i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "%-32s n=%d p50 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                what, ROUNDS, nanos[ROUNDS / 2] / 1e6, nanos[ROUNDS * 99 / 100] / 1e6, nanos[ROUNDS - 1] / 1e6);
    }
}
