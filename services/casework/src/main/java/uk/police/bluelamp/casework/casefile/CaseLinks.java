package uk.police.bluelamp.casework.casefile;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.police.bluelamp.messages.casefile.command.LinkCase;
import uk.police.bluelamp.platform.command.Commands;

/** Both cases record the link, or neither: an unknown reference rolls back the other side. */
@Service
class CaseLinks {

    private final Commands commands;
    private final Clock clock;

    CaseLinks(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Transactional
    void link(String reference, String other, String handler) {
        Instant at = clock.instant();
        commands.sendAsStaff(new LinkCase(reference, other, handler, at), handler);
        commands.sendAsStaff(new LinkCase(other, reference, handler, at), handler);
    }
}
