package uk.police.bluelamp.contact.chat;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.command.AttachEvidence;
import uk.police.bluelamp.messages.contact.event.EvidenceAttached;
import uk.police.bluelamp.platform.access.AccessLog;
import uk.police.bluelamp.platform.access.AsksReason;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.evidence.EvidenceDownloads;
import uk.police.bluelamp.platform.evidence.EvidenceLook;
import uk.police.bluelamp.platform.evidence.EvidenceStore;
import uk.police.bluelamp.platform.web.Problems;

/**
 * Files sent in a live chat, both ways: photos, video, audio and documents, streamed through the
 * virus scanner into encrypted storage (platform.evidence), then numbered in the chat like a message.
 * The citizen reaches them with the chat's token; staff through the access log.
 */
@RestController
class ChatEvidenceController {

    private final EvidenceStore store;
    private final EvidenceDownloads downloads;
    private final Commands commands;
    private final ChatAccess access;
    private final ChatService chats;
    private final EventStore eventStore;
    private final AccessLog accessLog;
    private final Clock clock;

    ChatEvidenceController(
            EvidenceStore store,
            EvidenceDownloads downloads,
            Commands commands,
            ChatAccess access,
            ChatService chats,
            EventStore eventStore,
            AccessLog accessLog,
            Clock clock) {
        this.store = store;
        this.downloads = downloads;
        this.commands = commands;
        this.access = access;
        this.chats = chats;
        this.eventStore = eventStore;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            description = "The file's bytes as they are; its type is judged by its content",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(
            responseCode = "201",
            description = "Scanned, stored and sent to the handler",
            content = @Content(schema = @Schema(implementation = ChatMessageView.class)))
    @ApiResponse(responseCode = "413", description = "Larger than the force allows")
    @ApiResponse(responseCode = "415", description = "Not a type of file taken")
    @ApiResponse(responseCode = "422", description = "It contains a virus: nothing was kept")
    @ApiResponse(responseCode = "503", description = "The virus scanner did not answer: nothing was kept")
    @PostMapping("/api/v1/chats/{contactId}/evidence")
    ResponseEntity<?> citizenSend(
            @PathVariable String contactId,
            @Parameter(description = "The file's name") @RequestParam(required = false) String name,
            @RequestHeader(name = ChatController.TOKEN_HEADER, required = false) String token,
            HttpServletRequest request)
            throws IOException {
        if (!access.citizenMayUse(contactId, token)) {
            return notFound();
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(send(contactId, ChatAuthor.CITIZEN, chats.citizenName(contactId), "citizen", name, request));
    }

    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(
            responseCode = "201",
            description = "Scanned, stored and sent to the citizen",
            content = @Content(schema = @Schema(implementation = ChatMessageView.class)))
    @PostMapping("/api/v1/staff/contacts/{contactId}/chat/evidence")
    ResponseEntity<?> handlerSend(
            @PathVariable String contactId,
            @RequestParam(required = false) String name,
            Authentication staff,
            HttpServletRequest request)
            throws IOException {
        if (!access.handlerMayUse(contactId, staff.getName())) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(send(
                        contactId,
                        ChatAuthor.HANDLER,
                        staff.getName(),
                        Commands.staff(staff.getName()),
                        name,
                        request));
    }

    private ChatMessageView send(
            String contactId,
            ChatAuthor author,
            String authorName,
            String actor,
            String name,
            HttpServletRequest request)
            throws IOException {
        EvidenceStore.Received received = store.receive(
                contactId,
                name,
                request.getContentLengthLong(),
                request.getInputStream(),
                file -> commands.send(
                        new AttachEvidence(
                                contactId,
                                file.evidenceId(),
                                author,
                                authorName,
                                file.fileName(),
                                file.mediaType(),
                                file.sizeBytes(),
                                file.sha256(),
                                clock.instant().truncatedTo(ChronoUnit.MICROS)),
                        actor,
                        Channel.CHAT));
        return chats.pushed(attached(contactId, received.evidenceId()).orElseThrow());
    }

    @ApiResponse(
            responseCode = "200",
            description = "The file as it was sent",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/api/v1/chats/{contactId}/evidence/{evidenceId}")
    ResponseEntity<?> citizenDownload(
            @PathVariable String contactId,
            @PathVariable String evidenceId,
            @RequestHeader(name = ChatController.TOKEN_HEADER, required = false) String token,
            HttpServletResponse response)
            throws IOException {
        Optional<EvidenceStore.StoredFile> file =
                store.find(evidenceId).filter(f -> f.streamId().equals(contactId));
        if (file.isEmpty() || !access.citizenMayUse(contactId, token)) {
            return notFound();
        }
        downloads.original(file.get(), response);
        return null;
    }

    @ApiResponse(
            responseCode = "200",
            description = "The file as it was sent; the look is in the access log",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/api/v1/staff/contacts/{contactId}/evidence/{evidenceId}")
    @AsksReason
    ResponseEntity<?> staffDownload(
            @PathVariable String contactId,
            @PathVariable String evidenceId,
            Authentication staff,
            HttpServletResponse response)
            throws IOException {
        return downloads.original(staffLook(contactId, evidenceId, staff, "chat file"), response);
    }

    @ApiResponse(
            responseCode = "200",
            description = "A small PNG of an image; the look is in the access log",
            content = @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/api/v1/staff/contacts/{contactId}/evidence/{evidenceId}/preview")
    @AsksReason
    ResponseEntity<?> staffPreview(
            @PathVariable String contactId,
            @PathVariable String evidenceId,
            Authentication staff,
            HttpServletResponse response)
            throws IOException {
        return downloads.preview(staffLook(contactId, evidenceId, staff, "chat file preview"), response);
    }

    /**
     * As for the transcript: a live chat is its handler's (and their supervisor's) alone; once it
     * has ended it is part of the record, opened with a reason when it is not the viewer's.
     */
    private EvidenceLook staffLook(String contactId, String evidenceId, Authentication staff, String view) {
        boolean supervisor =
                staff.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_SUPERVISOR"));
        Optional<Map<String, Object>> session = chats.session(contactId);
        boolean live = session.map(s -> "ACTIVE".equals(s.get("state")) || "WAITING".equals(s.get("state")))
                .orElse(true);
        if (!supervisor && live && !access.handlerMayUse(contactId, staff.getName())) {
            return EvidenceLook.refused(
                    ResponseEntity.status(HttpStatus.FORBIDDEN).build());
        }
        Optional<EvidenceStore.StoredFile> file =
                store.find(evidenceId).filter(f -> f.streamId().equals(contactId));
        if (file.isEmpty()) {
            return EvidenceLook.refused(notFound());
        }
        accessLog.contactOpened(
                contactId, view, session.map(s -> (String) s.get("handler")).orElse(null));
        return EvidenceLook.allowed(file.get());
    }

    private Optional<EvidenceAttached> attached(String contactId, String evidenceId) {
        return eventStore
                .readEvents(contactId, 0)
                .asStream()
                .map(DomainEventMessage::getPayload)
                .filter(EvidenceAttached.class::isInstance)
                .map(EvidenceAttached.class::cast)
                .filter(file -> file.evidenceId().equals(evidenceId))
                .findFirst();
    }

    private static ResponseEntity<ProblemDetail> notFound() {
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", "There is no such file in this chat.");
    }
}
