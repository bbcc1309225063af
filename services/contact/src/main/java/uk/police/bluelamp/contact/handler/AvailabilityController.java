package uk.police.bluelamp.contact.handler;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.handler.Availability;
import uk.police.bluelamp.messages.handler.command.ChangeAvailability;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.web.InvalidRequest;

@RestController
class AvailabilityController {

    private final Commands commands;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Skills skills;

    AvailabilityController(Commands commands, JdbcClient jdbc, Clock clock, Skills skills) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
        this.skills = skills;
    }

    record StatusRequest(
            @Schema(requiredMode = REQUIRED, implementation = Availability.class)
            String status) {}

    record HandlerStatus(
            @Schema(requiredMode = REQUIRED) String handler,
            @Schema(requiredMode = REQUIRED) String status,
            @Schema(requiredMode = REQUIRED) Instant since,
            @Schema(requiredMode = REQUIRED) int activeContacts,

            @Schema(description = "The name citizens see; absent when the handler has set none")
            String displayName,

            @Schema(requiredMode = REQUIRED) List<HandlerProfileController.Skill> skills) {}

    @PutMapping("/api/v1/staff/availability")
    ResponseEntity<Void> change(@RequestBody StatusRequest request, Authentication staff) {
        Availability status;
        try {
            status = Availability.valueOf(String.valueOf(request.status()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("status", "Choose available, busy, away or offline");
        }
        commands.sendAsStaff(new ChangeAvailability(staff.getName(), status, clock.instant()), staff.getName());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/staff/availability")
    List<HandlerStatus> everyone() {
        return jdbc.sql("""
                        select a.handler, a.status, a.since, p.display_name,
                               (select count(*) from queue_item q where q.state = 'ASSIGNED' and q.handler = a.handler) active,
                               (select string_agg(s.skill, ',' order by s.skill) from handler_skill s
                                where s.handler = a.handler) skills
                        from handler_availability a left join handler_profile p on p.handler = a.handler
                        order by a.handler
                        """)
                .query((rs, n) -> new HandlerStatus(
                        rs.getString("handler"),
                        rs.getString("status"),
                        rs.getTimestamp("since").toInstant(),
                        rs.getInt("active"),
                        rs.getString("display_name"),
                        skillsOf(rs.getString("skills"))))
                .list();
    }

    private List<HandlerProfileController.Skill> skillsOf(String codes) {
        return codes == null
                ? List.of()
                : Arrays.stream(codes.split(","))
                        .map(code -> new HandlerProfileController.Skill(code, skills.label(code)))
                        .toList();
    }
}
