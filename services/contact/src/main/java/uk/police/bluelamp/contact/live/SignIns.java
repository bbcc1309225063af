package uk.police.bluelamp.contact.live;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * Where staff sign-ins are kept, shared by every node: a socket opened on one node from a
 * sign-in made on another acts for it, and loses it when it ends on any node.
 */
public interface SignIns {

    /**
     * Who is signed in on that HTTP session now, as recently as the implementation promises;
     * empty once it has been signed out or has expired, on whichever node.
     */
    Optional<Authentication> current(String httpSessionId);

    /** This node has just ended that sign-in: no answer it gives from memory may outlive it. */
    void ended(String httpSessionId);
}
