package uk.police.bluelamp.platform.eventstore;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many events a catching-up stream hands to Axon under one token (docs/adr/0052). Axon's
 * pooled coordinator queues up to 1,024 entries for each work package; with runs, an entry is a
 * run, so a node's queued events grow with the run. Runs are as long as keeps the node's queued
 * events at what fifteen processors queued one event an entry: one processor catching up alone
 * gets runs of 16, fifteen side by side runs of one (they share two cores then, and a longer run
 * would only fill the heap).
 */
final class CatchUpRuns {

    /** Axon's {@code WorkPackage.BUFFER_SIZE}: entries a work package queues before its coordinator waits. */
    static final int ENTRIES = 1_024;

    static final int LONGEST = 16;
    static final int QUEUED_EVENTS = ENTRIES * LONGEST;

    private final AtomicInteger catchingUp = new AtomicInteger();

    void started() {
        catchingUp.incrementAndGet();
    }

    void ended() {
        catchingUp.decrementAndGet();
    }

    int length() {
        return Math.max(1, Math.min(LONGEST, QUEUED_EVENTS / (ENTRIES * Math.max(1, catchingUp.get()))));
    }
}
