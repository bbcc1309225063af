package uk.police.bluelamp.resourcing.whatif;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How a set of contacts fared: the figures a planner compares. Answered within target is a share
 * of all contacts offered, so a plan cannot look better by losing callers.
 */
@Schema(name = "WhatIfFigures")
record Figures(
        @Schema(requiredMode = REQUIRED) long offered,
        @Schema(requiredMode = REQUIRED) long answered,
        @Schema(requiredMode = REQUIRED) long abandoned,

        @Schema(requiredMode = REQUIRED, description = "Neither answered nor abandoned by the end of the replay")
        long stillWaiting,

        @Schema(
                requiredMode = REQUIRED,
                description = "Of answered contacts only: it can fall when fewer handlers lose the longest waiters")
        double averageSpeedOfAnswerSeconds,

        @Schema(
                requiredMode = REQUIRED,
                description = "Of all contacts: time in the queue until answered, abandoned or the end")
        double averageWaitSeconds,

        @Schema(requiredMode = REQUIRED, description = "Of all contacts offered, the percentage answered within target")
        double answeredWithinTargetPercent,

        @Schema(requiredMode = REQUIRED) double abandonedPercent,

        @Schema(requiredMode = REQUIRED, description = "The longest any contact waited, answered or not")
        long longestWaitSeconds) {

    /** Adds up contacts one by one. */
    static final class Tally {
        private final long targetMillis;
        private long offered;
        private long answered;
        private long abandoned;
        private long waiting;
        private long withinTarget;
        private double answerMillis;
        private long longest;
        private double waitedMillis;

        Tally(long targetMillis) {
            this.targetMillis = targetMillis;
        }

        /** @param waitedMillis until answered, abandoned or the end of the replay */
        void add(boolean wasAnswered, boolean wasAbandoned, long waitedMillis) {
            offered++;
            longest = Math.max(longest, waitedMillis);
            this.waitedMillis += waitedMillis;
            if (wasAnswered) {
                answered++;
                answerMillis += waitedMillis;
                withinTarget += waitedMillis <= targetMillis ? 1 : 0;
            } else if (wasAbandoned) {
                abandoned++;
            } else {
                waiting++;
            }
        }

        Figures figures() {
            return new Figures(
                    offered,
                    answered,
                    abandoned,
                    waiting,
                    answered == 0 ? 0 : round(answerMillis / answered / 1000),
                    offered == 0 ? 0 : round(waitedMillis / offered / 1000),
                    percent(withinTarget),
                    percent(abandoned),
                    Math.round(longest / 1000.0));
        }

        private double percent(long part) {
            return offered == 0 ? 0 : round(100.0 * part / offered);
        }

        private static double round(double value) {
            return Math.round(value * 10) / 10.0;
        }
    }
}
