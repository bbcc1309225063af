package uk.police.bluelamp.casework.triage;

import java.time.Clock;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.casefile.command.TriageCase;
import uk.police.bluelamp.messages.triage.Triage;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.triage.TriageRequest;
import uk.police.bluelamp.platform.triage.TriageResult;

/** THRIVE and grade on a case: repeatable, each with its rationale. An unknown case is a 404 (CaseErrors). */
@RestController
class CaseTriageController {

    private final Commands commands;
    private final Clock clock;

    CaseTriageController(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/api/v1/staff/cases/{reference}/triage")
    TriageResult triage(@PathVariable String reference, @RequestBody TriageRequest request, Authentication staff) {
        Triage triage = request.valid();
        commands.sendAsStaff(
                new TriageCase(reference.toUpperCase(Locale.ROOT), triage, staff.getName(), clock.instant()),
                staff.getName());
        return TriageResult.of(triage.grade());
    }
}
