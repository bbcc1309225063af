package uk.police.bluelamp.app.web;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.triage.Grade;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.triage.TriageWording;
import uk.police.bluelamp.platform.wording.Wording;

/**
 * The words for the values the server names, written once in Java and carried to the browser
 * by the contract: {@code x-labels} in the document, by enum, a list of value and label in the
 * enum's order (a list, since the document's maps are written sorted by key); ThrivePart lists
 * the fields of a TriageRequest the same way, in the order of the acronym.
 * The frontend's build writes them to src/api/labels.json (scripts/api-limits.mjs), so the
 * forms and tags show the server's words instead of a copy.
 */
@Component
class EnumLabels implements GlobalOpenApiCustomizer {

    static final String EXTENSION = "x-labels";

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, List<Label>> labels = new LinkedHashMap<>();
        labels.put("CaseStatus", of(CaseStatus.values(), Wording::of));
        labels.put("Grade", of(Grade.values(), Wording::of));
        labels.put("ReportCategory", of(ReportCategory.values(), Wording::of));
        labels.put("Channel", of(Channel.values(), EnumLabels::queueName));
        labels.put("UpdateChannel", of(UpdateChannel.values(), EnumLabels::choice));
        labels.put("UpdateFrequency", of(UpdateFrequency.values(), EnumLabels::choice));
        labels.put("EventChannel", eventChannels());
        labels.put(
                "ThrivePart",
                TriageWording.PARTS.stream()
                        .map(part -> new Label(part.field(), part.label()))
                        .toList());
        openApi.addExtension(EXTENSION, labels);
    }

    record Label(String value, String label) {}

    // Words the messages' enums do not carry (UI wording stays out of services/messages); a
    // switch, so a new constant does not compile until it has its words.

    static String queueName(Channel channel) {
        return switch (channel) {
            case WEB -> "Web reports";
            case CHAT -> "Live chat";
            case PHONE -> "Phone";
            case CALLBACK -> "Call-backs";
        };
    }

    static String choice(UpdateChannel channel) {
        return switch (channel) {
            case EMAIL -> "Email";
            case SMS -> "Text message (SMS)";
            case PHONE -> "Phone call";
            case ONLINE -> "Online only – on the tracking page";
        };
    }

    static String choice(UpdateFrequency frequency) {
        return switch (frequency) {
            case WEEKLY -> "Every week";
            case FORTNIGHTLY -> "Every 2 weeks";
            case MONTHLY -> "Every month";
            case KEY_DECISIONS -> "Only when there is a key decision";
        };
    }

    /**
     * The channels an event is stamped with (its metadata, Commands): the contact channels, staff,
     * and the routes of citizen updates; the event log filters by them.
     */
    static List<Label> eventChannels() {
        List<Label> channels = new ArrayList<>(of(Channel.values(), EnumLabels::stampedBy));
        channels.add(new Label(Commands.STAFF, "Staff"));
        Arrays.stream(UpdateChannel.values())
                .filter(route -> channels.stream().noneMatch(c -> c.value().equals(route.name())))
                .forEach(route -> channels.add(new Label(route.name(), stampedBy(route))));
        return List.copyOf(channels);
    }

    static String stampedBy(Channel channel) {
        return switch (channel) {
            case WEB -> "Web";
            case CHAT -> "Live chat";
            case PHONE -> "Phone";
            case CALLBACK -> "Call-back";
        };
    }

    static String stampedBy(UpdateChannel route) {
        return switch (route) {
            case EMAIL -> "Email";
            case SMS -> "Text message";
            case PHONE -> "Phone";
            case ONLINE -> "Online (tracking page)";
        };
    }

    private static <E extends Enum<E>> List<Label> of(E[] values, Function<E, String> label) {
        return Arrays.stream(values)
                .map(value -> new Label(value.name(), label.apply(value)))
                .toList();
    }
}
