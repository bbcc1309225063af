package uk.police.bluelamp.contact.queue;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.contact.contact.ContactAlreadyTaken;
import uk.police.bluelamp.contact.contact.ContactRefused;
import uk.police.bluelamp.contact.handler.HandlerProfiles;
import uk.police.bluelamp.contact.handler.Skills;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.command.AssignContact;
import uk.police.bluelamp.messages.contact.command.CloseContact;
import uk.police.bluelamp.messages.contact.command.TakeNextContact;
import uk.police.bluelamp.messages.contact.command.TransferContact;
import uk.police.bluelamp.messages.contact.command.TriageContact;
import uk.police.bluelamp.messages.text.MultiLine;
import uk.police.bluelamp.messages.triage.Triage;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.triage.TriageRequest;
import uk.police.bluelamp.platform.triage.TriageResult;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.Fields;
import uk.police.bluelamp.platform.web.InvalidRequest;

/** The call handler's work on the queues: take, take next, transfer, triage, close. */
@RestController
class QueueController {

    static final int MAX_NOTE = 2000;
    static final int MAX_HANDLER = 100;
    /** Longer than any skill code: the code must also be one of the configured skills. */
    static final int MAX_SKILL = 40;
    /** How many contacts "take next" tries when others are taking from the same queue. */
    static final int NEXT_ATTEMPTS = 5;

    private final QueueReads reads;
    private final QueueSettings settings;
    private final Commands commands;
    private final Clock clock;
    private final HandlerProfiles handlers;
    private final Skills skills;

    QueueController(
            QueueReads reads,
            QueueSettings settings,
            Commands commands,
            Clock clock,
            HandlerProfiles handlers,
            Skills skills) {
        this.reads = reads;
        this.settings = settings;
        this.commands = commands;
        this.clock = clock;
        this.handlers = handlers;
        this.skills = skills;
    }

    record Queue(
            @Schema(requiredMode = REQUIRED) Channel channel,
            @Schema(requiredMode = REQUIRED) long targetSeconds,
            @Schema(requiredMode = REQUIRED) List<QueueItem> items) {}

    @Schema(description = "Give a handler, or the contact's own channel to put it back in its queue")
    record TransferRequest(
            @Schema(maxLength = MAX_HANDLER) String toHandler,
            @Schema(implementation = Channel.class) String toChannel,

            @Schema(requiredMode = REQUIRED, maxLength = MAX_NOTE) @MultiLine
            String note,

            @Schema(
                    maxLength = MAX_SKILL,
                    description =
                            "Back to the queue only: a skill code (from /api/v1/staff/skills) whoever answers next needs")
            String neededSkill) {}

    record CloseRequest(
            @Schema(requiredMode = REQUIRED, maxLength = MAX_NOTE)
            String outcome) {}

    @GetMapping("/api/v1/staff/queues")
    List<Queue> queues() {
        return Arrays.stream(Channel.values())
                .map(channel ->
                        new Queue(channel, settings.of(channel).getTarget().toSeconds(), reads.waiting(channel)))
                .toList();
    }

    @GetMapping("/api/v1/staff/my-contacts")
    List<QueueItem> mine(Authentication staff) {
        return reads.assignedTo(staff.getName());
    }

    /**
     * A contact needing a skill the handler lacks may still be taken by hand: the handler may know
     * better (a Welsh speaker not yet given the skill, a caller who switched to English). Only the
     * automatic ways, offers and "take next", hold to the skill.
     */
    @PostMapping("/api/v1/staff/contacts/{contactId}/take")
    QueueItem take(@PathVariable String contactId, Authentication staff) {
        QueueItem item =
                reads.item(contactId).orElseThrow(() -> InvalidRequest.of("contactId", "There is no such contact"));
        assign(contactId, staff.getName(), Channel.valueOf(item.channel()));
        return reads.item(contactId).map(i -> assignedView(i, staff.getName())).orElseThrow();
    }

    /**
     * The contact at the front of the queue; if another handler takes it first, the next one. A
     * handler who lost every contact they went for hears that someone was quicker (409), as for a
     * take; one who found the queue empty hears that (404). The queue read model may still show a
     * contact just taken, so a contact once lost is not tried again. Contacts needing a skill the
     * handler lacks are passed over: they wait for someone who has it.
     */
    @PostMapping("/api/v1/staff/queues/{channel}/next")
    ResponseEntity<QueueItem> next(@PathVariable String channel, Authentication staff) {
        Channel queue = channel(channel);
        Set<String> mySkills = handlers.skillsOf(staff.getName());
        Set<String> tried = new HashSet<>();
        String lost = null;
        for (int attempt = 0; attempt < NEXT_ATTEMPTS; attempt++) {
            Optional<QueueItem> front = reads.waiting(queue).stream()
                    .filter(item -> !tried.contains(item.contactId()))
                    .filter(item -> item.suits(mySkills))
                    .findFirst();
            if (front.isEmpty()) {
                break;
            }
            try {
                commands.send(
                        new TakeNextContact(front.get().contactId(), staff.getName(), clock.instant()),
                        Commands.staff(staff.getName()),
                        queue);
                return ResponseEntity.ok(assignedView(front.get(), staff.getName()));
            } catch (ContactAlreadyTaken | ConcurrencyException taken) {
                lost = front.get().contactId();
            } catch (ContactRefused gone) {
                // ended or closed since the read model looked: not there to take
            }
            tried.add(front.get().contactId());
        }
        if (lost != null) {
            throw new ContactAlreadyTaken(lost);
        }
        return ResponseEntity.notFound().build();
    }

    @PostMapping("/api/v1/staff/contacts/{contactId}/transfer")
    ResponseEntity<Void> transfer(
            @PathVariable String contactId, @RequestBody TransferRequest request, Authentication staff) {
        List<FieldError> errors = new ArrayList<>();
        String note =
                Fields.required(request.note(), "note", "Enter a note for whoever picks this up", MAX_NOTE, errors);
        String toHandler = Fields.optional(request.toHandler(), "toHandler", MAX_HANDLER, errors);
        if (toHandler == null && request.toChannel() == null) {
            errors.add(new FieldError("toHandler", "Choose a handler or a queue to transfer to"));
        }
        String neededSkill =
                request.neededSkill() == null || request.neededSkill().isBlank()
                        ? null
                        : request.neededSkill().strip();
        if (neededSkill != null && !skills.known(neededSkill)) {
            errors.add(new FieldError("neededSkill", "Choose a skill from the list"));
        } else if (neededSkill != null && toHandler != null) {
            errors.add(new FieldError("neededSkill", "Ask for a skill only when the contact goes back to the queue"));
        }
        Fields.throwIfAny(errors);
        QueueItem item =
                reads.item(contactId).orElseThrow(() -> InvalidRequest.of("contactId", "There is no such contact"));
        if (toHandler == null && channel(request.toChannel()) != Channel.valueOf(item.channel())) {
            throw InvalidRequest.of("toChannel", "A contact can go back only to its own channel's queue");
        }
        commands.send(
                new TransferContact(contactId, staff.getName(), toHandler, note, neededSkill, clock.instant()),
                Commands.staff(staff.getName()),
                Channel.valueOf(item.channel()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/staff/contacts/{contactId}/close")
    ResponseEntity<Void> close(
            @PathVariable String contactId, @RequestBody CloseRequest request, Authentication staff) {
        List<FieldError> errors = new ArrayList<>();
        String outcome = Fields.required(request.outcome(), "outcome", "Enter the outcome", MAX_NOTE, errors);
        Fields.throwIfAny(errors);
        commands.sendAsStaff(new CloseContact(contactId, staff.getName(), outcome, clock.instant()), staff.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/staff/contacts/{contactId}/triage")
    TriageResult triage(@PathVariable String contactId, @RequestBody TriageRequest request, Authentication staff) {
        Triage triage = request.valid();
        commands.sendAsStaff(new TriageContact(contactId, triage, staff.getName(), clock.instant()), staff.getName());
        return TriageResult.of(triage.grade());
    }

    private void assign(String contactId, String handler, Channel channel) {
        commands.send(
                new AssignContact(contactId, handler, Assignment.TAKEN, clock.instant()),
                Commands.staff(handler),
                channel);
    }

    /** The read model may trail the command by a moment; the handler sees the contact as theirs at once. */
    private static QueueItem assignedView(QueueItem item, String handler) {
        return new QueueItem(
                item.contactId(),
                item.channel(),
                "ASSIGNED",
                item.priority(),
                item.grade(),
                item.queuedAt(),
                item.category(),
                item.categoryLabel(),
                item.reference(),
                handler,
                false,
                item.unanswered(),
                item.waitingSince(),
                item.neededSkill(),
                item.neededSkillLabel(),
                item.language());
    }

    static Channel channel(String name) {
        try {
            return Channel.valueOf(name == null ? "" : name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("channel", "Choose one of " + Arrays.toString(Channel.values()));
        }
    }
}
