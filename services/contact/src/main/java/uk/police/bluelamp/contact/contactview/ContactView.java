package uk.police.bluelamp.contact.contactview;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.Language;

/**
 * A contact as the handler's workspace shows it, from the read models of three projections
 * (queue, web report, channel details and chat, triage). A part whose row does not exist is
 * left out of the JSON entirely, as before this was a record; the parts present carry their
 * nulls.
 */
@Schema(name = "ContactView")
record ContactView(
        @Schema(requiredMode = REQUIRED) String contactId,

        @Schema(
                requiredMode = REQUIRED,
                implementation = Channel.class,
                description = "The web report's channel, else the queue's")
        String channel,

        @Schema(description = "The web report's reference, else the queue's")
        String reference,

        @Schema(description = "The case this contact is part of, if any: a summary joins it")
        String caseReference,

        @JsonUnwrapped Queued queued,
        @JsonUnwrapped Report report,
        @JsonUnwrapped ChannelDetail channelDetail,
        @JsonInclude(JsonInclude.Include.NON_NULL) Chat chat,
        @Schema(requiredMode = REQUIRED) List<Triage> triage,
        @Schema(requiredMode = REQUIRED) List<Transfer> transfers) {

    /** From queue_item; language is the citizen's choice (ENGLISH, WELSH), so the handler answers in it. */
    record Queued(
            String state,
            String handler,
            String summary,
            String from,
            Instant queuedAt,
            String grade,
            @Schema(implementation = Language.class) String language) {}

    /** From contact_detail: the web report. */
    @Schema(name = "ContactReport")
    record Report(
            String category,
            String categoryLabel,
            String description,
            String location,
            String occurredOn,
            String occurredTime,
            String name,
            String email,
            String phone,
            boolean anonymous,
            String updateChannel,
            String updateFrequency,
            Instant receivedAt) {}

    /** From contact_channel_detail: the call, the call-back asked for, and the outcome. */
    record ChannelDetail(Call call, Callback callback, String linkedReference, String outcome) {}

    /** Empty text, never null, where the call left no value. */
    @Schema(name = "ContactCall")
    record Call(
            @Schema(requiredMode = REQUIRED) String callId,
            @Schema(requiredMode = REQUIRED) String to,
            @Schema(requiredMode = REQUIRED) String hangupCause) {}

    @Schema(name = "ContactCallback")
    record Callback(
            String phone,
            String name,
            Instant windowStart,
            Instant windowEnd,
            String lastAttempt,
            String lastAttemptNote) {}

    /** citizenName is empty text when the citizen gave none. */
    @Schema(name = "ContactChat")
    record Chat(String citizenName, String topic) {}

    /** One transfer, oldest first; toHandler is empty when it went back to its queue. */
    @Schema(name = "ContactTransfer")
    record Transfer(@Schema(requiredMode = REQUIRED) Instant at, String fromHandler, String toHandler, String note) {}

    /** One THRIVE assessment, oldest first. */
    @Schema(name = "ContactTriage")
    record Triage(
            @Schema(requiredMode = REQUIRED) Instant at,
            @Schema(requiredMode = REQUIRED) String by,
            @Schema(requiredMode = REQUIRED) String grade,
            String threat,
            String harm,
            String risk,
            String investigation,
            String vulnerability,
            String engagement,
            String rationale) {}
}
