package uk.police.bluelamp.contact.live;

import java.util.Set;

/** What a subscription was granted on, and so what must still hold for each frame it receives. */
sealed interface StreamRight {

    Set<String> STAFF = Set.of("ROLE_HANDLER", "ROLE_SUPERVISOR");

    /** A staff topic or a staff member's own queue: their sign-in, with one of these roles. */
    record StaffRole(Set<String> roles) implements StreamRight {}

    /** A chat, for the one handler it is assigned to. */
    record HandlerOfChat(String contactId) implements StreamRight {}

    /** A chat, for the citizen holding its token: nothing takes it away, and the chat's end ends it. */
    record CitizenOfChat(String contactId) implements StreamRight {}
}
