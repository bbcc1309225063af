package uk.police.bluelamp.casework.tracking;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static uk.police.bluelamp.platform.wording.CitizenText.say;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.casework.casefile.FeedbackTokens;
import uk.police.bluelamp.messages.casefile.Satisfaction;
import uk.police.bluelamp.messages.casefile.command.DeclineVictimSupportReferral;
import uk.police.bluelamp.messages.casefile.command.GiveSatisfaction;
import uk.police.bluelamp.messages.casefile.command.RequestVictimSupportReferral;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.SatisfactionGiven;
import uk.police.bluelamp.messages.casefile.event.SatisfactionRequested;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralDeclined;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralRequested;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralSent;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.text.MultiLine;
import uk.police.bluelamp.platform.citizen.CitizenRoutes;
import uk.police.bluelamp.platform.citizen.ContactDetailRules;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.Fields;
import uk.police.bluelamp.platform.web.Problems;

/**
 * What a case offers its citizen beyond updates, read from its own events (the offer must be
 * right the moment after the report): the victim support referral (Victims' Code Right 4) and
 * the satisfaction question once the case is resolved. And the citizen's answers to both.
 */
@Component
class OfferRequests {

    static final int MAX_NAME = 200;
    static final int MAX_COMMENT = 1200;

    private final EventStore eventStore;
    private final CitizenRoutes routes;
    private final Commands commands;
    private final Clock clock;

    OfferRequests(EventStore eventStore, CitizenRoutes routes, Commands commands, Clock clock) {
        this.eventStore = eventStore;
        this.routes = routes;
        this.commands = commands;
        this.clock = clock;
    }

    @Schema(name = "TrackingOffers")
    record Offers(
            @Schema(
                    requiredMode = REQUIRED,
                    allowableValues = {"NOT_OFFERED", "OFFERED", "DECLINED", "REQUESTED", "SENT"},
                    description = "NOT_OFFERED: no service configured, or lost property")
            String victimSupport,

            @Schema(requiredMode = REQUIRED) String victimSupportService,
            @Schema(requiredMode = REQUIRED) String victimSupportWebsite,

            @Schema(description = "Present while the citizen has been asked how satisfied they were and not answered")
            String satisfactionRequestId) {}

    record VictimSupportRequest(
            @Schema(
                    requiredMode = REQUIRED,
                    allowableValues = {"YES", "NO"})
            String consent,

            @Schema(maxLength = MAX_NAME) String name,

            @Schema(format = "email", maxLength = ContactDetailRules.MAX_EMAIL)
            String email,

            @Schema(description = "A UK number; a phone number or an email address is needed with YES")
            String phone) {}

    record SatisfactionRequest(
            @Schema(requiredMode = REQUIRED, implementation = Satisfaction.class)
            String satisfaction,

            @Schema(maxLength = MAX_COMMENT) @MultiLine String comment) {}

    Offers of(String reference) {
        State state = fold(reference);
        CitizenRoutes.VictimSupport service = routes.victimSupport();
        String victimSupport;
        if (state.referralSent) {
            victimSupport = "SENT";
        } else if (state.referralId != null) {
            victimSupport = "REQUESTED";
        } else if (!service.offered() || state.category == ReportCategory.LOST_PROPERTY) {
            victimSupport = "NOT_OFFERED";
        } else {
            victimSupport = state.declined ? "DECLINED" : "OFFERED";
        }
        return new Offers(
                victimSupport,
                service.name(),
                service.website(),
                state.satisfactionGiven
                        ? null
                        : Optional.ofNullable(state.asked)
                                .map(SatisfactionRequested::requestId)
                                .orElse(null));
    }

    ResponseEntity<?> victimSupport(String reference, VictimSupportRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String consent =
                request.consent() == null ? "" : request.consent().strip().toUpperCase(Locale.ROOT);
        if (!consent.equals("YES") && !consent.equals("NO")) {
            errors.add(new FieldError("consent", say("victimSupport.consent.required", service())));
            return Problems.fieldErrors(errors);
        }
        if (consent.equals("NO")) {
            commands.send(new DeclineVictimSupportReferral(reference, service(), clock.instant()), "citizen", "WEB");
            return ResponseEntity.noContent().build();
        }
        if (!routes.victimSupport().offered()) {
            errors.add(new FieldError("consent", say("victimSupport.unavailable")));
        }
        String name = Fields.optional(request.name(), "name", MAX_NAME, errors);
        String email = Fields.optional(request.email(), "email", ContactDetailRules.MAX_EMAIL, errors);
        String phone = request.phone() == null || request.phone().isBlank()
                ? null
                : request.phone().strip();
        if (email != null && !ContactDetailRules.looksLikeAnEmail(email)) {
            errors.add(new FieldError("email", say("email.format")));
        }
        if (phone != null && !ContactDetailRules.isUkPhone(ContactDetailRules.phoneDigits(phone))) {
            errors.add(new FieldError("phone", say("phone.format")));
        }
        if (email == null && phone == null) {
            errors.add(new FieldError("phone", say("victimSupport.contact.required", service())));
        }
        if (!errors.isEmpty()) {
            return Problems.fieldErrors(errors);
        }
        commands.send(
                new RequestVictimSupportReferral(
                        reference, UUID.randomUUID().toString(), service(), name, email, phone, clock.instant()),
                "citizen",
                "WEB");
        return ResponseEntity.noContent().build();
    }

    /** The request the one-time token from the link answers, if it is this case's. */
    Optional<String> requestIdForToken(String reference, String token) {
        SatisfactionRequested asked = fold(reference).asked;
        return asked != null && FeedbackTokens.matches(token, asked.tokenHash())
                ? Optional.of(asked.requestId())
                : Optional.empty();
    }

    /** The question asked of a citizen holding the tracking code: the one the case put, if any. */
    Optional<String> askedRequestId(String reference) {
        return Optional.ofNullable(fold(reference).asked).map(SatisfactionRequested::requestId);
    }

    ResponseEntity<?> satisfaction(String reference, String requestId, SatisfactionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Satisfaction satisfaction = null;
        try {
            satisfaction = Satisfaction.valueOf(
                    String.valueOf(request.satisfaction()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("satisfaction", say("satisfaction.required")));
        }
        String comment = Fields.optional(request.comment(), "comment", MAX_COMMENT, errors);
        if (!errors.isEmpty()) {
            return Problems.fieldErrors(errors);
        }
        commands.send(
                new GiveSatisfaction(reference, requestId, satisfaction, comment, clock.instant()), "citizen", "WEB");
        return ResponseEntity.noContent().build();
    }

    private String service() {
        return routes.victimSupport().name();
    }

    private static final class State {
        ReportCategory category;
        String referralId;
        boolean referralSent;
        boolean declined;
        SatisfactionRequested asked;
        boolean satisfactionGiven;
    }

    private State fold(String reference) {
        State state = new State();
        eventStore
                .readEvents(reference, 0)
                .asStream()
                .map(DomainEventMessage::getPayload)
                .forEach(event -> {
                    if (event instanceof CaseOpened opened) {
                        state.category = opened.category();
                    } else if (event instanceof VictimSupportReferralRequested requested) {
                        state.referralId = requested.referralId();
                    } else if (event instanceof VictimSupportReferralSent) {
                        state.referralSent = true;
                    } else if (event instanceof VictimSupportReferralDeclined) {
                        state.declined = true;
                    } else if (event instanceof SatisfactionRequested requested) {
                        state.asked = requested;
                    } else if (event instanceof SatisfactionGiven) {
                        state.satisfactionGiven = true;
                    }
                });
        return state;
    }
}
