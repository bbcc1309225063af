package uk.police.bluelamp.resourcing.whatif;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.platform.web.InvalidRequest;

/** The what-if replay's request and answer, as the contract publishes them. */
final class WhatIfApi {

    private WhatIfApi() {}

    @Schema(name = "WhatIfRequest")
    record Request(
            @Schema(
                    requiredMode = REQUIRED,
                    format = "date",
                    maxLength = 10,
                    description = "The past day to replay, YYYY-MM-DD in the force's time zone",
                    example = "2026-12-01")
            String date,

            @Schema(description = "A plan per channel; a channel left out is replayed as it was staffed on the day")
            List<ChannelPlan> channels) {}

    @Schema(name = "WhatIfChannelPlan")
    record ChannelPlan(
            @Schema(requiredMode = REQUIRED, implementation = Channel.class)
            String channel,

            @Schema(
                    description = "Handlers on duty all day (0 to 500), instead of those on the day",
                    minimum = "0",
                    maximum = "500")
            Integer handlers,

            @Schema(
                    description = "Handlers more (or, negative, fewer) than on duty on the day, at every moment",
                    minimum = "-500",
                    maximum = "500")
            Integer handlerChange,

            @Schema(
                    description =
                            "Contacts of this channel one handler works at once (1 to 20); the force's setting if absent",
                    minimum = "1",
                    maximum = "20")
            Integer capacity,

            @Schema(
                    description = "The wait target in seconds (1 to 86400); the force's setting if absent",
                    minimum = "1",
                    maximum = "86400")
            Integer targetSeconds,

            @ArraySchema(
                    arraySchema =
                            @Schema(
                                    description =
                                            "24 entries, midnight first: handlers on duty in that hour, or null for as otherwise planned"),
                    schema = @Schema(nullable = true, minimum = "0", maximum = "500"))
            List<Integer> handlersByHour) {}

    @Schema(name = "WhatIfResult")
    record Result(
            @Schema(requiredMode = REQUIRED) String date,
            @Schema(requiredMode = REQUIRED) List<ChannelResult> channels,

            @Schema(
                    requiredMode = REQUIRED,
                    description = "Hours (in the force's time zone) in which the channel was offered contacts")
            List<HourResult> hours) {}

    @Schema(name = "WhatIfChannelResult")
    record ChannelResult(
            @Schema(requiredMode = REQUIRED, implementation = Channel.class)
            String channel,

            @Schema(requiredMode = REQUIRED) int capacity,
            @Schema(requiredMode = REQUIRED) long targetSeconds,

            @Schema(requiredMode = REQUIRED, description = "Handlers' time on duty within the day, added up")
            long handlerSecondsOnTheDay,

            @Schema(requiredMode = REQUIRED) long handlerSecondsInScenario,

            @Schema(requiredMode = REQUIRED, description = "What happened")
            Figures actual,

            @Schema(
                    requiredMode = REQUIRED,
                    description = "The replay with the day's own handlers: how close the model comes")
            Figures asStaffed,

            @Schema(requiredMode = REQUIRED, description = "The replay with the plan")
            Figures scenario) {}

    @Schema(name = "WhatIfHourResult")
    record HourResult(
            @Schema(requiredMode = REQUIRED) int hour,

            @Schema(requiredMode = REQUIRED, implementation = Channel.class)
            String channel,

            @Schema(requiredMode = REQUIRED) Figures actual,
            @Schema(requiredMode = REQUIRED) Figures scenario) {}

    /** The field a channel's setting is reported under, e.g. {@code PHONE.handlers}. */
    static String field(Channel channel, String setting) {
        return channel.name() + "." + setting;
    }

    static InvalidRequest refused(String field, String message) {
        return InvalidRequest.of(field, message);
    }
}
