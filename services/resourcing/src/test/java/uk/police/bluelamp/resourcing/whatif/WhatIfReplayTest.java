package uk.police.bluelamp.resourcing.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.CallDetails;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.event.CallRang;
import uk.police.bluelamp.messages.contact.event.ChatStarted;
import uk.police.bluelamp.messages.contact.event.ContactAbandoned;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactClosed;
import uk.police.bluelamp.messages.handler.Availability;
import uk.police.bluelamp.messages.handler.event.HandlerAvailabilityChanged;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.InvalidRequest;
import uk.police.bluelamp.resourcing.ResourcingIntegrationTest;
import uk.police.bluelamp.resourcing.whatif.WhatIfApi.ChannelPlan;
import uk.police.bluelamp.resourcing.whatif.WhatIfApi.ChannelResult;
import uk.police.bluelamp.resourcing.whatif.WhatIfApi.Request;
import uk.police.bluelamp.resourcing.whatif.WhatIfApi.Result;

/**
 * A day made by a known queue (first come first served, four handlers on shifts, each caller
 * with a patience), fed as the events it would have stored; the what-if replays it from the
 * facts. With the day's own handlers it must give back the day's figures; with more handlers
 * no longer waits, with fewer more callers lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhatIfReplayTest extends ResourcingIntegrationTest {

    /** The stated tolerance: speed of answer within 2% (at least 1 s), abandonment within 1 point. */
    static final double ASA_TOLERANCE = 0.02;

    static final double ABANDONED_POINTS = 1.0;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private WhatIfController whatIf;

    private final Random random = new Random(15);
    private final List<GenericDomainEventMessage<?>> events = new ArrayList<>();
    private LocalDate day;

    @BeforeAll
    void aDayOfCallsAndChats() {
        // A past day of its own, far from other tests' contacts.
        day = LocalDate.of(2003, 1, 6).plusDays(new Random().nextInt(2000));
        List<Shift> shifts = List.of(
                shift(7, 0, 15, 0, -1), shift(8, 0, 16, 30, 12), shift(11, 0, 19, 0, 15), shift(13, 0, 21, 0, -1));
        shifts.forEach(this::signInAndOut);
        int phone = day(Channel.PHONE, shifts, 20, 300_000, 200_000);
        int chat = day(Channel.CHAT, shifts, 12, 420_000, 360_000);
        transactions.executeWithoutResult(tx -> eventStore.publish(events));
        int contacts = phone + chat;
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("""
                                select count(*) from contact_fact
                                where offered_at >= :from and offered_at < :to and (closed_at is not null or abandoned_at is not null)
                                """)
                                .param("from", java.sql.Timestamp.from(at(LocalTime.MIDNIGHT)))
                                .param(
                                        "to",
                                        java.sql.Timestamp.from(
                                                at(LocalTime.MIDNIGHT).plus(Duration.ofDays(1))))
                                .query(Long.class)
                                .single()
                        == contacts);
        List<String> names = shifts.stream().map(Shift::handler).toList();
        await().until(() -> jdbc.sql("select count(*) from handler_span where handler in (:h) and to_at is null")
                        .param("h", names)
                        .query(Long.class)
                        .single()
                == names.size());
    }

    @Test
    void replayingTheDayWithItsOwnHandlersGivesBackItsSpeedOfAnswerAndAbandonment() {
        Result result = whatIf.replay(new Request(day.toString(), null));
        for (Channel channel : List.of(Channel.PHONE, Channel.CHAT)) {
            ChannelResult c = of(result, channel);
            System.out.printf(
                    "what-if %s %s: actual ASA %.1f s, abandoned %.1f%% (%d of %d); replay ASA %.1f s, abandoned %.1f%%%n",
                    day,
                    channel,
                    c.actual().averageSpeedOfAnswerSeconds(),
                    c.actual().abandonedPercent(),
                    c.actual().abandoned(),
                    c.actual().offered(),
                    c.scenario().averageSpeedOfAnswerSeconds(),
                    c.scenario().abandonedPercent());
            assertThat(c.actual().offered()).isGreaterThan(100);
            assertThat(c.actual().abandoned()).as("a day with callers lost").isPositive();
            assertThat(c.actual().averageSpeedOfAnswerSeconds()).isGreaterThan(10);
            double asa = c.actual().averageSpeedOfAnswerSeconds();
            assertThat(c.asStaffed().averageSpeedOfAnswerSeconds())
                    .isCloseTo(asa, within(Math.max(1, asa * ASA_TOLERANCE)));
            assertThat(c.asStaffed().abandonedPercent())
                    .isCloseTo(c.actual().abandonedPercent(), within(ABANDONED_POINTS));
            assertThat(c.scenario()).as("no plan is the day as staffed").isEqualTo(c.asStaffed());
            assertThat(c.handlerSecondsInScenario()).isEqualTo(c.handlerSecondsOnTheDay());
        }
        assertThat(result.hours())
                .isNotEmpty()
                .allSatisfy(h ->
                        assertThat(h.actual().offered()).isEqualTo(h.scenario().offered()));
    }

    @Test
    void moreHandlersNeverLengthenWaitsAndFewerLoseMoreCallers() {
        List<ChannelResult> phone = new ArrayList<>();
        for (int change = -2; change <= 3; change++) {
            Result result = whatIf.replay(
                    new Request(day.toString(), List.of(new ChannelPlan("PHONE", null, change, null, 60, null))));
            phone.add(of(result, Channel.PHONE));
            var f = phone.get(phone.size() - 1).scenario();
            System.out.printf(
                    "what-if %s PHONE handlers %+d: ASA %.1f s, mean wait %.1f s, within 60 s %.1f%%, longest %d s, abandoned %d (%.1f%%)%n",
                    day,
                    change,
                    f.averageSpeedOfAnswerSeconds(),
                    f.averageWaitSeconds(),
                    f.answeredWithinTargetPercent(),
                    f.longestWaitSeconds(),
                    f.abandoned(),
                    f.abandonedPercent());
        }
        for (int i = 1; i < phone.size(); i++) {
            ChannelResult fewer = phone.get(i - 1);
            ChannelResult more = phone.get(i);
            assertThat(more.scenario().averageWaitSeconds())
                    .isLessThanOrEqualTo(fewer.scenario().averageWaitSeconds());
            if (more.scenario().abandoned() == fewer.scenario().abandoned()) {
                // Speed of answer counts only those answered: with more handlers it can rise, when
                // callers who would have given up are now answered after a long wait (seen once on
                // CI: 2.6 s to 3.0 s). The longest wait likewise: a caller answered who would have
                // hung up keeps a handler busy, and someone behind waits longer (seen in a fresh
                // clone: +1 handler 223 s, +2 handlers 243 s, while abandonment halved, 36 to 18).
                // With the same callers answered, no one waits longer.
                assertThat(more.scenario().averageSpeedOfAnswerSeconds())
                        .isLessThanOrEqualTo(fewer.scenario().averageSpeedOfAnswerSeconds());
                assertThat(more.scenario().longestWaitSeconds())
                        .isLessThanOrEqualTo(fewer.scenario().longestWaitSeconds());
            }
            assertThat(more.scenario().abandoned())
                    .isLessThanOrEqualTo(fewer.scenario().abandoned());
            assertThat(more.scenario().answeredWithinTargetPercent())
                    .isGreaterThanOrEqualTo(fewer.scenario().answeredWithinTargetPercent());
            assertThat(more.handlerSecondsInScenario()).isGreaterThan(fewer.handlerSecondsInScenario());
        }
        ChannelResult oneFewer = phone.get(1);
        ChannelResult asOnTheDay = phone.get(2);
        assertThat(oneFewer.scenario().abandoned())
                .isGreaterThan(asOnTheDay.actual().abandoned());
        assertThat(oneFewer.scenario().averageSpeedOfAnswerSeconds())
                .isGreaterThan(asOnTheDay.actual().averageSpeedOfAnswerSeconds());
        // The same plan twice is the same answer: the draws are seeded by the day.
        assertThat(whatIf.replay(new Request(
                                day.toString(), List.of(new ChannelPlan("PHONE", null, -1, null, 60, null))))
                        .channels())
                .isEqualTo(whatIf.replay(new Request(
                                day.toString(), List.of(new ChannelPlan("PHONE", null, -1, null, 60, null))))
                        .channels());
        // Shifts by hour: nobody on the phones from 12:00 to 14:00 loses callers then.
        List<Integer> lunch = new ArrayList<>(java.util.Collections.nCopies(24, (Integer) null));
        lunch.set(12, 0);
        lunch.set(13, 0);
        Result noLunchCover = whatIf.replay(
                new Request(day.toString(), List.of(new ChannelPlan("PHONE", null, null, null, 60, lunch))));
        var noon = noLunchCover.hours().stream()
                .filter(h -> h.channel().equals("PHONE") && h.hour() == 12)
                .findFirst()
                .orElseThrow();
        assertThat(noon.scenario().abandoned()).isGreaterThan(noon.actual().abandoned());
    }

    @Test
    void aBadPlanIsRefusedFieldByField() {
        assertThat(errors(new Request("", null))).containsExactly("date");
        assertThat(errors(new Request("2003-02-30", null))).containsExactly("date");
        assertThat(errors(new Request(LocalDate.now().plusDays(2).toString(), null)))
                .containsExactly("date");
        assertThat(errors(new Request("x".repeat(10_000) + "\u0000", null))).containsExactly("date");
        assertThat(errors(new Request(
                        day.toString(),
                        List.of(
                                new ChannelPlan("PHONE", 3, 1, 0, 0, null),
                                new ChannelPlan("CHAT", 501, null, null, null, java.util.Collections.nCopies(3, 1)),
                                new ChannelPlan("FAX", null, null, null, null, null)))))
                .containsExactly(
                        "PHONE.capacity",
                        "PHONE.targetSeconds",
                        "PHONE.handlerChange",
                        "CHAT.handlers",
                        "CHAT.handlersByHour",
                        "channels");
    }

    @Test
    void aDayOfMoreThanTwentyThousandContactsIsRefused() {
        LocalDate busy = LocalDate.of(2012, 1, 2).plusDays(new Random().nextInt(2000));
        jdbc.sql("""
                        insert into contact_fact (contact_id, channel, offered_at)
                        select gen_random_uuid()::text, 'WEB', cast(:day as timestamptz) + n * interval '4 seconds'
                        from generate_series(1, 20001) n
                        """)
                .param(
                        "day",
                        java.sql.Timestamp.from(busy.atTime(0, 0)
                                .atZone(WhatIfReplays.FORCE_ZONE)
                                .toInstant()))
                .update();
        assertThatThrownBy(() -> whatIf.replay(new Request(busy.toString(), null)))
                .isInstanceOfSatisfying(
                        InvalidRequest.class,
                        e -> assertThat(e.errors())
                                .singleElement()
                                .satisfies(error -> assertThat(error.message()).contains("at most 20,000")));
    }

    private List<String> errors(Request request) {
        try {
            whatIf.replay(request);
            return List.of();
        } catch (InvalidRequest e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }

    private static ChannelResult of(Result result, Channel channel) {
        return result.channels().stream()
                .filter(c -> c.channel().equals(channel.name()))
                .findFirst()
                .orElseThrow();
    }

    /**
     * One channel's day by the known discipline: each contact, in order of arrival, goes to the
     * handler who can start it soonest (free and on shift; among equals the one idle longest),
     * and leaves if that is later than its patience. Independent of the replay's event loop.
     */
    private int day(Channel channel, List<Shift> shifts, int perHour, long meanHandle, long meanPatience) {
        long[] free = new long[shifts.size()];
        int contacts = 0;
        long t = at(LocalTime.of(7, 0)).toEpochMilli();
        long last = at(LocalTime.of(21, 0)).toEpochMilli();
        while (true) {
            t += Math.round(-Math.log(1 - random.nextDouble()) * 3_600_000 / perHour);
            if (t >= last) {
                return contacts;
            }
            long handle = 30_000 + Math.round(-Math.log(1 - random.nextDouble()) * meanHandle);
            long patience = Math.round(-Math.log(1 - random.nextDouble()) * meanPatience);
            int best = -1;
            long bestStart = Long.MAX_VALUE;
            long bestIdle = Long.MAX_VALUE;
            for (int j = 0; j < shifts.size(); j++) {
                long ready = Math.max(t, free[j]);
                for (long[] span : shifts.get(j).spans()) {
                    if (span[1] > ready) {
                        long start = Math.max(ready, span[0]);
                        long idle = Math.max(free[j], span[0]);
                        if (start < bestStart || (start == bestStart && idle < bestIdle)) {
                            best = j;
                            bestStart = start;
                            bestIdle = idle;
                        }
                        break;
                    }
                }
            }
            String id = UUID.randomUUID().toString();
            Instant offered = Instant.ofEpochMilli(t);
            events.add(contact(
                    id,
                    0,
                    channel == Channel.PHONE
                            ? new CallRang(id, new CallDetails("c-" + id, null, "101", "inbound", "main"), offered)
                            : new ChatStarted(id, "Test Caller", "Noise", "hash", offered)));
            if (best < 0 || bestStart - t > patience) {
                events.add(contact(id, 1, new ContactAbandoned(id, channel, Instant.ofEpochMilli(t + patience))));
            } else {
                free[best] = bestStart + handle;
                String handler = shifts.get(best).handler();
                events.add(contact(
                        id,
                        1,
                        new ContactAssigned(id, channel, handler, Assignment.TAKEN, Instant.ofEpochMilli(bestStart))));
                events.add(contact(
                        id,
                        2,
                        new ContactClosed(id, channel, handler, "Advice given", Instant.ofEpochMilli(free[best]))));
            }
            contacts++;
        }
    }

    private Instant at(LocalTime time) {
        return day.atTime(time).atZone(WhatIfReplays.FORCE_ZONE).toInstant();
    }

    /** A handler on from one hour to another, away for half an hour at {@code breakAt} (or never, -1). */
    private Shift shift(int fromHour, int fromMinute, int toHour, int toMinute, int breakAt) {
        long on = at(LocalTime.of(fromHour, fromMinute)).toEpochMilli();
        long off = at(LocalTime.of(toHour, toMinute)).toEpochMilli();
        List<long[]> spans = new ArrayList<>();
        if (breakAt < 0) {
            spans.add(new long[] {on, off});
        } else {
            long away = at(LocalTime.of(breakAt, 0)).toEpochMilli();
            spans.add(new long[] {on, away});
            spans.add(new long[] {away + 1_800_000, off});
        }
        return new Shift("h-" + UUID.randomUUID(), spans);
    }

    private record Shift(String handler, List<long[]> spans) {}

    /** Available for a first span, busy (still counted on duty) for a second, away between, offline after. */
    private void signInAndOut(Shift shift) {
        long seq = 0;
        Availability previous = Availability.OFFLINE;
        for (int s = 0; s < shift.spans().size(); s++) {
            long[] span = shift.spans().get(s);
            Availability on = s == 0 ? Availability.AVAILABLE : Availability.BUSY;
            Availability off = s == shift.spans().size() - 1 ? Availability.OFFLINE : Availability.AWAY;
            events.add(availability(shift.handler(), seq++, on, previous, span[0]));
            events.add(availability(shift.handler(), seq++, off, on, span[1]));
            previous = off;
        }
    }

    private static GenericDomainEventMessage<?> availability(
            String handler, long seq, Availability status, Availability previous, long at) {
        return new GenericDomainEventMessage<>(
                "Handler",
                handler,
                seq,
                new HandlerAvailabilityChanged(handler, status, previous, Instant.ofEpochMilli(at)));
    }

    private static GenericDomainEventMessage<?> contact(String id, long seq, Object payload) {
        return new GenericDomainEventMessage<>("Contact", id, seq, payload);
    }
}
