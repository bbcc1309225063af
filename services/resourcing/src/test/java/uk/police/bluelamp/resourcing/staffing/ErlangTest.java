package uk.police.bluelamp.resourcing.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErlangTest {

    /**
     * The worked example in M. Tanner, "The Erlang-C formula" (mitan.co.uk, the Erlang C page of
     * Mitan Ltd's call centre calculators), also used by many online calculators: 360 calls per
     * half hour, 4-minute calls, 55 agents, 15 s target. Published: traffic 48 erlangs, occupancy
     * 87.3%, probability of waiting 24% (E_C = 0.2387), average speed of answer 8.2 s, service
     * level 84.6%.
     */
    @Test
    void tannersWorkedExample() {
        double a = 360.0 / 1800 * 240;
        assertThat(a).isCloseTo(48, within(1e-9));
        assertThat(Erlang.erlangC(55, a)).isCloseTo(0.2387, within(0.0005));
        assertThat(Erlang.averageSpeedOfAnswerC(55, a, 240)).isCloseTo(8.2, within(0.05));
        assertThat(Erlang.serviceLevelC(55, a, 240, 15)).isCloseTo(0.846, within(0.002));
    }

    /**
     * Call Centre Helper, "Erlang C formula – made simple with an easy worked example": 100 calls
     * in 30 minutes, average handle time 180 s, 80% in 20 s. Published: 10 erlangs; with 11
     * agents the chance of waiting is 68.2%, and about 39% are answered in 20 s; 14 agents reach
     * the target (with 30% shrinkage the rota needs 20).
     */
    @Test
    void callCentreHelpersWorkedExample() {
        double a = 100.0 / 1800 * 180;
        assertThat(Erlang.erlangC(11, a)).isCloseTo(0.682, within(0.001));
        assertThat(Erlang.serviceLevelC(11, a, 180, 20)).isCloseTo(0.39, within(0.005));
        assertThat(Erlang.serviceLevelC(13, a, 180, 20)).isLessThan(0.8);
        assertThat(Erlang.serviceLevelC(14, a, 180, 20)).isGreaterThanOrEqualTo(0.8);
        assertThat(Erlang.agentsC(a, 180, 20, 0.8)).isEqualTo(14);
        assertThat(Staffing.withShrinkage(14, 0.3)).isEqualTo(20);
    }

    @Test
    void erlangBMatchesItsTable() {
        // Erlang B tables: 10 erlangs on 10 circuits block 21.5%; 1 erlang on 1 circuit 50%.
        assertThat(Erlang.erlangB(1, 1)).isCloseTo(0.5, within(1e-12));
        assertThat(Erlang.erlangB(10, 10)).isCloseTo(0.2146, within(0.0001));
    }

    @Test
    void largeTrafficNeitherOverflowsNorLosesItsWay() {
        // 2,000 erlangs: factorials would have overflowed at 171.
        int n = Erlang.agentsC(2000, 300, 20, 0.8);
        assertThat(n).isBetween(2001, 2100);
        assertThat(Erlang.serviceLevelC(n, 2000, 300, 20)).isGreaterThanOrEqualTo(0.8);
        assertThat(Erlang.serviceLevelC(n - 1, 2000, 300, 20)).isLessThan(0.8);
        assertThat(Erlang.erlangA(n, 2000, 300, 120, 20).serviceLevel()).isBetween(0.8, 1.0);
    }

    @Test
    void erlangAWithEndlessPatienceIsErlangC() {
        for (int n = 4; n <= 12; n++) {
            ErlangA.Result result = Erlang.erlangA(n, 3.5, 300, Double.POSITIVE_INFINITY, 30);
            assertThat(result.waiting()).isCloseTo(Erlang.erlangC(n, 3.5), within(1e-9));
            assertThat(result.serviceLevel()).isCloseTo(Erlang.serviceLevelC(n, 3.5, 300, 30), within(1e-9));
            assertThat(result.averageSpeedOfAnswer())
                    .isCloseTo(Erlang.averageSpeedOfAnswerC(n, 3.5, 300), within(1e-6));
            assertThat(result.abandoning()).isZero();
            // Very patient people come close to it too.
            assertThat(Erlang.erlangA(n, 3.5, 300, 1e9, 30).serviceLevel())
                    .isCloseTo(result.serviceLevel(), within(1e-4));
        }
    }

    /**
     * Mandelbaum and Zeltyn's identity for M/M/n+M: the share abandoning is θ times the mean
     * wait (P(Ab) = θ·E[W]), and with one agent the queue is a birth–death chain small enough to
     * sum by hand.
     */
    @Test
    void erlangAAgreesWithItsIdentitiesAndWithOneAgentByHand() {
        ErlangA.Result r = Erlang.erlangA(5, 6, 300, 120, 20);
        assertThat(r.abandoning()).isCloseTo(r.averageSpeedOfAnswer() / 120, within(1e-12));
        // One agent, λ = μ = θ = 1 per 100 s: π_k ∝ 1/k! beyond π_1 (rates out 1, 2, 3, … from k = 1).
        ErlangA.Result one = Erlang.erlangA(1, 1, 100, 100, 0);
        double e = Math.E;
        assertThat(one.waiting()).as("P(k ≥ 1) = 1 − 1/e").isCloseTo(1 - 1 / e, within(1e-9));
        assertThat(one.serviceLevel()).as("no wait at all within 0 s").isCloseTo(1 / e, within(1e-9));
    }

    @Test
    void moreAgentsNeverServeWorseAndMorePatienceNeedsNoFewer() {
        double previous = -1;
        for (int n = 1; n <= 20; n++) {
            double level = Erlang.erlangA(n, 8, 400, 90, 60).serviceLevel();
            assertThat(level).isGreaterThanOrEqualTo(previous);
            previous = level;
        }
        int impatient = Erlang.agentsA(8, 400, 30, 60, 0.8);
        int patient = Erlang.agentsA(8, 400, 600, 60, 0.8);
        assertThat(impatient).isLessThanOrEqualTo(patient);
        assertThat(patient).isLessThanOrEqualTo(Erlang.agentsC(8, 400, 60, 0.8));
        assertThat(Erlang.agentsA(0, 400, 60, 60, 0.8)).isZero();
    }
}
