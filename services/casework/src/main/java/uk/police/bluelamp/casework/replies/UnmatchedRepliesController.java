package uk.police.bluelamp.casework.replies;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.casefile.CaseReferenceFormat;
import uk.police.bluelamp.messages.casefile.MessageAuthor;
import uk.police.bluelamp.messages.casefile.command.PostCaseMessage;
import uk.police.bluelamp.messages.reply.ReplyChannel;
import uk.police.bluelamp.messages.reply.command.AttachReply;
import uk.police.bluelamp.messages.reply.command.CloseReply;
import uk.police.bluelamp.messages.reply.event.ReplyReceived;
import uk.police.bluelamp.messages.text.MultiLine;
import uk.police.bluelamp.platform.access.AccessLog;
import uk.police.bluelamp.platform.access.AsksReason;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.web.InvalidRequest;
import uk.police.bluelamp.platform.web.Problems;

/**
 * The unmatched replies: a handler reads each (every reply listed is in the access log) and puts
 * it on the case it belongs to, where it becomes the citizen's secure message, or closes it.
 */
@RestController
class UnmatchedRepliesController {

    static final int MOST = 100;
    private static final Pattern REFERENCE = Pattern.compile(CaseReferenceFormat.PATTERN);

    @Schema(name = "UnmatchedReply")
    record Row(
            @Schema(requiredMode = REQUIRED) String replyId,

            @Schema(requiredMode = REQUIRED, implementation = ReplyChannel.class)
            String channel,

            @Schema(requiredMode = REQUIRED, description = "\"Text message\" or \"Email\"")
            String channelLabel,

            @Schema(requiredMode = REQUIRED, description = "The number or address it came from")
            String sender,

            String subject,
            @Schema(requiredMode = REQUIRED) String text,
            @Schema(requiredMode = REQUIRED) Instant receivedAt,

            @Schema(requiredMode = REQUIRED, description = "Case references the reply names, to check first")
            List<String> mentions) {}

    @Schema(name = "AttachReplyRequest")
    record AttachRequest(
            @Schema(requiredMode = REQUIRED, pattern = CaseReferenceFormat.PATTERN)
            String reference) {}

    @Schema(name = "CloseReplyRequest")
    record CloseRequest(
            @Schema(
                    requiredMode = REQUIRED,
                    maxLength = Reply.MAX_NOTE,
                    description = "Why it belongs to no case; never the person's details")
            @MultiLine
            String note) {}

    private final JdbcClient jdbc;
    private final AccessLog accessLog;
    private final Commands commands;
    private final TransactionTemplate transactions;
    private final Clock clock;

    UnmatchedRepliesController(
            JdbcClient jdbc, AccessLog accessLog, Commands commands, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
        this.commands = commands;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Oldest first: the longest wait is dealt with first. */
    @GetMapping("/api/v1/staff/replies")
    @AsksReason
    List<Row> waiting() {
        List<Row> rows = jdbc.sql("select * from unmatched_reply order by received_at, reply_id limit :most")
                .param("most", MOST)
                .query((rs, n) -> {
                    ReplyChannel channel = ReplyChannel.valueOf(rs.getString("channel"));
                    String subject = rs.getString("subject");
                    String text = rs.getString("text");
                    return new Row(
                            rs.getString("reply_id"),
                            channel.name(),
                            channel == ReplyChannel.SMS ? "Text message" : "Email",
                            rs.getString("sender"),
                            subject,
                            text,
                            rs.getTimestamp("received_at").toInstant(),
                            ReplyMatcher.mentioned(subject, text));
                })
                .list();
        // Each reply is a person's words and number or address: listed, so logged like a look at it.
        accessLog.rowsListed(
                "unmatched replies", List.of(), rows.stream().map(Row::replyId).toList());
        return rows;
    }

    @PostMapping("/api/v1/staff/replies/{id}/attach")
    @ApiResponse(responseCode = "204", description = "On the case, as the citizen's message", content = @Content)
    ResponseEntity<?> attach(
            @PathVariable("id") String replyId, @RequestBody AttachRequest request, Authentication staff) {
        String reference =
                request.reference() == null ? "" : request.reference().strip().toUpperCase(Locale.ROOT);
        if (!REFERENCE.matcher(reference).matches()) {
            throw InvalidRequest.of("reference", "Enter a case reference, like BL-2026-000123");
        }
        Instant at = clock.instant();
        try {
            transactions.executeWithoutResult(status -> {
                ReplyReceived reply =
                        commands.sendAsStaff(new AttachReply(replyId, reference, staff.getName(), at), staff.getName());
                commands.sendAsStaff(
                        new PostCaseMessage(
                                reference,
                                replyId,
                                MessageAuthor.CITIZEN,
                                InboundReplies.author(reply.channel()),
                                reply.text(),
                                reply.receivedAt()),
                        staff.getName());
            });
        } catch (AggregateNotFoundException missing) {
            return missing.getAggregateIdentifier().equals(replyId)
                    ? noSuchReply()
                    : Problems.of(HttpStatus.NOT_FOUND, "Not found", "There is no case " + reference);
        }
        return ResponseEntity.noContent().build();
    }

    /** A reply closed unmatched is a citizen's words set aside: the handler says why, for the record. */
    @PostMapping("/api/v1/staff/replies/{id}/close")
    @ApiResponse(responseCode = "204", description = "Closed", content = @Content)
    ResponseEntity<?> close(
            @PathVariable("id") String replyId,
            @RequestBody(required = false) CloseRequest request,
            Authentication staff) {
        String note = request == null ? null : request.note();
        if (note == null || note.isBlank()) {
            throw InvalidRequest.of("note", "Enter why the reply belongs to no case");
        }
        if (note.strip().length() > Reply.MAX_NOTE) {
            throw InvalidRequest.of("note", "The note must be " + Reply.MAX_NOTE + " characters or fewer");
        }
        try {
            commands.sendAsStaff(new CloseReply(replyId, note, staff.getName(), clock.instant()), staff.getName());
        } catch (AggregateNotFoundException missing) {
            return noSuchReply();
        }
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ProblemDetail> noSuchReply() {
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", "There is no reply with that id");
    }
}
