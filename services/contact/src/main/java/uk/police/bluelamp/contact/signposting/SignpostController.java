package uk.police.bluelamp.contact.signposting;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static uk.police.bluelamp.platform.wording.CitizenText.say;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.MetadataKeys;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.signposting.SignpostReason;
import uk.police.bluelamp.messages.signposting.event.CitizenSignposted;
import uk.police.bluelamp.platform.citizen.CitizenRoutes;
import uk.police.bluelamp.platform.web.InvalidRequest;

/**
 * The force's other routes for the citizen pages (relay, BSL, where lost property goes, the
 * victim support service), and the record that a citizen was pointed elsewhere before any case
 * was opened: counted, never about anyone (docs/adr/0046-signposting-and-referral.md).
 */
@RestController
class SignpostController {

    private final CitizenRoutes routes;
    private final EventGateway events;
    private final Clock clock;

    SignpostController(CitizenRoutes routes, EventGateway events, Clock clock) {
        this.routes = routes;
        this.events = events;
        this.clock = clock;
    }

    @Schema(description = "A service the pages name and link to; absent when the force offers none")
    record Route(
            @Schema(requiredMode = REQUIRED) String name,
            @Schema(requiredMode = REQUIRED) String url) {}

    record ContactRoutes(
            @Schema(requiredMode = REQUIRED, description = "Relay UK's prefix and the force's non-emergency number")
            String relayUkNumber,

            Route bsl,
            Route lostProperty,

            @Schema(
                    requiredMode = REQUIRED,
                    description = "The victim support service victims are offered a referral to")
            Route victimSupport,

            @Schema(requiredMode = REQUIRED) boolean victimSupportReferrals) {}

    record SignpostRequest(
            @Schema(requiredMode = REQUIRED, implementation = SignpostReason.class)
            String reason,

            @Schema(implementation = Channel.class, description = "Where the citizen was; WEB when not given")
            String channel) {}

    @Operation(summary = "The force's other ways in and the services it points people to, for the citizen pages")
    @GetMapping("/api/v1/public/contact-routes")
    ContactRoutes contactRoutes() {
        CitizenRoutes.VictimSupport support = routes.victimSupport();
        return new ContactRoutes(
                routes.relayUkNumber(),
                route(routes.bsl()),
                route(routes.lostProperty()),
                new Route(support.name(), support.website()),
                support.offered());
    }

    @Operation(summary = "Count that a citizen was pointed to another service before a case was opened")
    @ApiResponse(responseCode = "204", description = "Counted")
    @ApiResponse(responseCode = "400", description = "An unknown reason or channel; nothing was counted")
    @PostMapping("/api/v1/signposts")
    ResponseEntity<Void> signposted(@RequestBody SignpostRequest request) {
        SignpostReason reason =
                parse(SignpostReason.class, request.reason(), "reason", say("signpost.reason.fromList"));
        Channel channel = request.channel() == null || request.channel().isBlank()
                ? Channel.WEB
                : parse(Channel.class, request.channel(), "channel", say("signpost.channel.fromList"));
        CitizenSignposted event = new CitizenSignposted(UUID.randomUUID().toString(), reason, channel, clock.instant());
        events.publish(GenericEventMessage.asEventMessage(event)
                .andMetaData(
                        MetaData.from(Map.of(MetadataKeys.ACTOR, "citizen", MetadataKeys.CHANNEL, channel.name()))));
        return ResponseEntity.noContent().build();
    }

    private static Route route(CitizenRoutes.Service service) {
        return service != null && service.offered() ? new Route(service.name(), service.url()) : null;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String message) {
        try {
            return Enum.valueOf(type, String.valueOf(value).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of(field, message);
        }
    }
}
