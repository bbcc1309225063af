package uk.police.bluelamp.contact.handler;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.contact.query.FindStaffMember;
import uk.police.bluelamp.messages.handler.command.SetDisplayName;
import uk.police.bluelamp.messages.handler.command.SetHandlerSkills;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.readmodel.ReadModelWait;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.Fields;
import uk.police.bluelamp.platform.web.InvalidRequest;

/**
 * The name a handler shows citizens, set by the handler, and the skills a supervisor gives
 * handlers. Both are events on the Handler; what is read back comes from the database.
 */
@RestController
class HandlerProfileController {

    static final int MAX_DISPLAY_NAME = 60;
    static final int MAX_SKILLS = 20;
    /** How long a change waits to be shown before the answer goes anyway (it is stored either way). */
    static final Duration SHOWN_WAIT = Duration.ofSeconds(5);

    private final Commands commands;
    private final JdbcClient jdbc;
    private final Skills skills;
    private final StaffMembers staff;
    private final Clock clock;

    HandlerProfileController(Commands commands, JdbcClient jdbc, Skills skills, StaffMembers staff, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.skills = skills;
        this.staff = staff;
        this.clock = clock;
    }

    record Skill(
            @Schema(requiredMode = REQUIRED) String code,
            @Schema(requiredMode = REQUIRED) String label) {}

    record DisplayNameRequest(
            @Schema(requiredMode = REQUIRED, maxLength = MAX_DISPLAY_NAME, description = "Empty clears it")
            String displayName) {}

    record DisplayName(
            @Schema(description = "As the handler set it; absent when none is set")
            String displayName,

            @Schema(requiredMode = REQUIRED, description = "What citizens see: the display name, or a neutral title")
            String shownToCitizens) {}

    record SkillsRequest(
            @Schema(requiredMode = REQUIRED, description = "Codes from /api/v1/staff/skills")
            List<String> skills) {}

    @GetMapping("/api/v1/staff/skills")
    List<Skill> skills() {
        return skills.all().entrySet().stream()
                .map(e -> new Skill(e.getKey(), e.getValue()))
                .toList();
    }

    @GetMapping("/api/v1/staff/display-name")
    DisplayName displayName(Authentication me) {
        String name = jdbc.sql("select display_name from handler_profile where handler = :handler")
                .param("handler", me.getName())
                .query(String.class)
                .optional()
                .orElse(null);
        return view(name);
    }

    /** Answers with the name as stored, so the console need not wait for the read model. */
    @PutMapping("/api/v1/staff/display-name")
    DisplayName setDisplayName(@RequestBody DisplayNameRequest request, Authentication me) {
        List<FieldError> errors = new ArrayList<>();
        if (request.displayName() == null) {
            errors.add(new FieldError("displayName", "Enter the name citizens see, or leave it empty to clear it"));
        }
        String name = Fields.optional(request.displayName(), "displayName", MAX_DISPLAY_NAME, errors);
        Fields.throwIfAny(errors);
        commands.sendAsStaff(new SetDisplayName(me.getName(), name, clock.instant()), me.getName());
        String shown = name == null || name.isBlank() ? null : name.strip();
        ReadModelWait.await(
                () -> Optional.of(true).filter(ok -> Objects.equals(nameShown(me.getName()), shown)), SHOWN_WAIT);
        return view(name);
    }

    @PutMapping("/api/v1/staff/supervisor/handlers/{handler}/skills")
    ResponseEntity<Void> setSkills(
            @PathVariable String handler, @RequestBody SkillsRequest request, Authentication supervisor) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> chosen = new LinkedHashSet<>();
        if (request.skills() == null) {
            errors.add(new FieldError("skills", "Give the handler's skills, or none"));
        } else if (request.skills().size() > MAX_SKILLS) {
            errors.add(new FieldError("skills", "Choose at most " + MAX_SKILLS + " skills"));
        } else {
            for (String code : request.skills()) {
                if (!skills.known(code)) {
                    errors.add(new FieldError("skills", "Choose skills from the list"));
                    break;
                }
                chosen.add(code);
            }
        }
        Fields.throwIfAny(errors);
        String who = staff.handle(new FindStaffMember(handler))
                .orElseThrow(() -> InvalidRequest.of("handler", "There is no such handler"));
        commands.sendAsStaff(
                new SetHandlerSkills(who, Set.copyOf(chosen), supervisor.getName(), clock.instant()),
                supervisor.getName());
        // The board the supervisor reloads reads the read model: answer once it shows the change.
        ReadModelWait.await(
                () -> Optional.of(true).filter(shown -> skillsShown(who).equals(chosen)), SHOWN_WAIT);
        return ResponseEntity.noContent().build();
    }

    private Set<String> skillsShown(String handler) {
        return Set.copyOf(jdbc.sql("select skill from handler_skill where handler = :handler")
                .param("handler", handler)
                .query(String.class)
                .list());
    }

    private String nameShown(String handler) {
        return jdbc.sql("select display_name from handler_profile where handler = :handler")
                .param("handler", handler)
                .query(String.class)
                .optional()
                .filter(name -> !name.isBlank())
                .orElse(null);
    }

    private static DisplayName view(String name) {
        return new DisplayName(name, name == null || name.isBlank() ? HandlerProfiles.NEUTRAL : name);
    }
}
