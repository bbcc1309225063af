package uk.police.bluelamp.resourcing.whatif;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.Fields;
import uk.police.bluelamp.resourcing.facts.ChannelTargets;
import uk.police.bluelamp.resourcing.whatif.WhatIfApi.ChannelPlan;
import uk.police.bluelamp.resourcing.whatif.WhatIfApi.Request;
import uk.police.bluelamp.resourcing.whatif.WhatIfApi.Result;
import uk.police.bluelamp.resourcing.whatif.WhatIfReplays.Plan;

/**
 * A supervisor's what-if: a past day's real contacts replayed with another plan. A POST because
 * the plan is a body, though nothing is stored; the answer carries no personal data.
 */
@RestController
class WhatIfController {

    private final WhatIfReplays replays;
    private final ChannelTargets queues;
    private final Clock clock;

    WhatIfController(WhatIfReplays replays, ChannelTargets queues, Clock clock) {
        this.replays = replays;
        this.queues = queues;
        this.clock = clock;
    }

    @PostMapping("/api/v1/staff/supervisor/what-if")
    Result replay(@RequestBody Request request) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = date(request.date(), errors);
        Map<Channel, Plan> plans = new EnumMap<>(Channel.class);
        for (ChannelPlan plan : request.channels() == null ? List.<ChannelPlan>of() : request.channels()) {
            Channel channel = plan == null ? null : channel(plan.channel());
            if (channel == null) {
                errors.add(new FieldError("channels", "Choose a channel for each plan: web, chat, phone or call-back"));
            } else if (plans.containsKey(channel)) {
                errors.add(new FieldError("channels", "Give one plan for each channel"));
            } else {
                plans.put(channel, plan(channel, plan, errors));
            }
        }
        Fields.throwIfAny(errors);
        for (Channel channel : Channel.values()) {
            plans.computeIfAbsent(channel, c -> new Plan(null, null, null, capacity(c), queues.of(c)));
        }
        return replays.replay(date, plans);
    }

    private LocalDate date(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("date", "Enter the day to replay"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.isAfter(LocalDate.now(clock.withZone(WhatIfReplays.FORCE_ZONE)))) {
                errors.add(new FieldError("date", "The day to replay must be today or in the past"));
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("date", "The day to replay must be a real date"));
            return null;
        }
    }

    private Plan plan(Channel channel, ChannelPlan plan, List<FieldError> errors) {
        check(channel, "handlers", plan.handlers(), 0, 500, "Handlers all day must be a number from 0 to 500", errors);
        check(
                channel,
                "handlerChange",
                plan.handlerChange(),
                -500,
                500,
                "Handlers more or fewer must be a number from -500 to 500",
                errors);
        check(channel, "capacity", plan.capacity(), 1, 20, "Contacts at once must be a number from 1 to 20", errors);
        check(
                channel,
                "targetSeconds",
                plan.targetSeconds(),
                1,
                86_400,
                "The wait target must be from 1 to 86,400 seconds",
                errors);
        if (plan.handlers() != null && plan.handlerChange() != null) {
            errors.add(new FieldError(
                    WhatIfApi.field(channel, "handlerChange"),
                    "Give handlers all day or handlers more or fewer, not both"));
        }
        Integer[] byHour = null;
        if (plan.handlersByHour() != null) {
            if (plan.handlersByHour().size() != 24) {
                errors.add(new FieldError(WhatIfApi.field(channel, "handlersByHour"), "Give 24 hours, from midnight"));
            } else {
                byHour = plan.handlersByHour().toArray(Integer[]::new);
                for (int hour = 0; hour < 24; hour++) {
                    check(
                            channel,
                            "handlersByHour." + hour,
                            byHour[hour],
                            0,
                            500,
                            "Handlers from %02d:00 must be a number from 0 to 500".formatted(hour),
                            errors);
                }
            }
        }
        return new Plan(
                plan.handlers(),
                plan.handlerChange(),
                byHour == null || Arrays.stream(byHour).allMatch(n -> n == null) ? null : byHour,
                plan.capacity() == null ? capacity(channel) : plan.capacity(),
                plan.targetSeconds() == null ? queues.of(channel) : Duration.ofSeconds(plan.targetSeconds()));
    }

    private static void check(
            Channel channel, String setting, Integer value, int min, int max, String message, List<FieldError> errors) {
        if (value != null && (value < min || value > max)) {
            errors.add(new FieldError(WhatIfApi.field(channel, setting), message));
        }
    }

    private static Channel channel(String name) {
        return Arrays.stream(Channel.values())
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** The force's own queue settings (bluelamp.queues in the contact context), read as configuration. */
    private int capacity(Channel channel) {
        return Math.max(1, Math.min(20, queues.capacity(channel)));
    }
}
