package uk.police.bluelamp.audit.history;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import uk.police.bluelamp.messages.audit.event.CaseViewed;
import uk.police.bluelamp.messages.audit.event.ContactViewed;
import uk.police.bluelamp.messages.canned.event.CannedResponseAdded;
import uk.police.bluelamp.messages.canned.event.CannedResponseEdited;
import uk.police.bluelamp.messages.canned.event.CannedResponseRemoved;
import uk.police.bluelamp.messages.handler.event.HandlerAvailabilityChanged;
import uk.police.bluelamp.messages.handler.event.HandlerDisplayNameSet;
import uk.police.bluelamp.messages.handler.event.HandlerSkillsSet;
import uk.police.bluelamp.messages.privacy.event.PersonalDataErased;
import uk.police.bluelamp.messages.staffing.event.HandlersPlanned;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.wording.Wording;

/**
 * Turns an event payload into one plain English sentence an auditor can read, such as
 * "alice assigned case BL-2026-000012 to the CID team." The raw event is shown beside the
 * sentence, so long free text (chat messages, notes, updates) is named, never repeated.
 *
 * <p>The sentences for contacts and cases live in {@link ContactSentences} and
 * {@link CaseSentences}; handler and access events, the shared wording helpers and the
 * fallback for payloads nobody has described yet live here.
 */
final class EventSentences {

    static final ZoneId FORCE_ZONE = ZoneId.of("Europe/London");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Actors that are not people, as the services write them into the event metadata. */
    private static final Map<String, String> NON_PERSON_ACTORS = Map.of(
            "citizen", "The citizen",
            "telephony", "The telephony platform",
            "router", "The automatic router",
            "system", "The system");

    private static final String STAFF_PREFIX = Commands.staff("");
    private static final int QUOTE_LIMIT = 120;

    private static final Map<Class<?>, BiFunction<Object, String, String>> SENTENCES = new HashMap<>();

    static {
        ContactSentences.register(new Registry());
        CaseSentences.register(new Registry());
        ReplySentences.register(new Registry());
        RoutesSentences.register(new Registry());
        Registry registry = new Registry();
        registry.on(HandlerAvailabilityChanged.class, EventSentences::availabilityChanged);
        registry.on(HandlerDisplayNameSet.class, EventSentences::displayNameSet);
        registry.on(HandlerSkillsSet.class, EventSentences::skillsSet);
        registry.on(CannedResponseAdded.class, (e, actor) -> canned(actor, "added", e.title()));
        registry.on(CannedResponseEdited.class, (e, actor) -> canned(actor, "saved", e.title()));
        registry.on(CannedResponseRemoved.class, (e, actor) -> canned(actor, "removed", null));
        registry.on(HandlersPlanned.class, EventSentences::handlersPlanned);
        registry.on(CaseViewed.class, EventSentences::caseViewed);
        registry.on(ContactViewed.class, EventSentences::contactViewed);
        registry.on(PersonalDataErased.class, EventSentences::personalDataErased);
    }

    private EventSentences() {}

    /**
     * One sentence, ending in a full stop, for any payload.
     *
     * @param actor who did it, as written in the event's metadata ("staff:alice", "citizen",
     *              "telephony"...), or null when the event came from the system itself
     */
    static String describe(Object payload, String actor) {
        if (payload == null) {
            return "Something happened, but the event has no content.";
        }
        BiFunction<Object, String, String> sentence = SENTENCES.get(payload.getClass());
        if (sentence == null) {
            return fallback(payload, actor);
        }
        try {
            return sentence(sentence.apply(payload, actor));
        } catch (RuntimeException unexpected) {
            // An odd old event must never break the history page: the raw form is shown anyway.
            return fallback(payload, actor);
        }
    }

    /** Whether the payload's type has a sentence of its own rather than the fallback. */
    static boolean knows(Class<?> type) {
        return SENTENCES.containsKey(type);
    }

    /** "Something happened: Contact Received (by alice)." for a payload nobody has described. */
    static String fallback(Object payload, String actor) {
        String what = words(payload.getClass().getSimpleName());
        String by = blank(actor) ? "" : " (by " + lowerSubject(actor) + ")";
        return "Something happened: " + what + by + ".";
    }

    /** Lets each group of sentences register one typed method per event class. */
    static final class Registry {

        private Registry() {}

        <T> void on(Class<T> type, BiFunction<T, String, String> sentence) {
            SENTENCES.put(type, (payload, actor) -> sentence.apply(type.cast(payload), actor));
        }
    }

    // ---- Handler events -------------------------------------------------------------------

    private static String availabilityChanged(HandlerAvailabilityChanged e, String actor) {
        String to = e.status() == null ? "unknown" : label(e.status()).toLowerCase(Locale.UK);
        String from = e.previous() == null ? "" : " from " + label(e.previous()).toLowerCase(Locale.UK);
        String doer = actor(actor);
        if (doer == null) {
            return orElse(e.handler(), "A handler") + "'s availability changed" + from + " to " + to;
        }
        String whose = doer.equals(e.handler()) ? "their" : orElse(e.handler(), "a handler") + "'s";
        return doer + " changed " + whose + " availability" + from + " to " + to;
    }

    /** Staff data, not a citizen's: the name is repeated, as the handler chose it to be seen. */
    private static String displayNameSet(HandlerDisplayNameSet e, String actor) {
        String who = subject(actor, e.handler(), "A handler");
        return blank(e.displayName())
                ? who + " cleared the name shown to citizens"
                : who + " set the name shown to citizens to \""
                        + e.displayName().strip() + "\"";
    }

    private static String skillsSet(HandlerSkillsSet e, String actor) {
        String who = subject(actor, e.by(), "A supervisor");
        String skills = e.skills() == null || e.skills().isEmpty()
                ? "no skills"
                : "the skills "
                        + String.join(
                                ", ",
                                e.skills().stream()
                                        .map(code -> code.replace('_', ' ').toLowerCase(Locale.UK))
                                        .toList());
        return who + " gave " + orElse(e.handler(), "a handler") + " " + skills;
    }

    // ---- Canned chat responses (the force's wording: the title is shown, the text named) ----

    private static String canned(String actor, String done, String title) {
        return subject(actor, null, "A supervisor") + " " + done + " the canned chat response"
                + (blank(title) ? "" : " " + quote(title));
    }

    // ---- The staffing plan (numbers of handlers by weekday and hour) ----------------------

    private static String handlersPlanned(HandlersPlanned e, String actor) {
        String day = e.day() == null ? "a day" : e.day().getDisplayName(TextStyle.FULL, Locale.UK) + "s";
        return subject(actor, null, "A supervisor") + " planned " + e.handlers()
                + (e.handlers() == 1 ? " handler" : " handlers") + " on " + day + " from "
                + String.format(Locale.UK, "%02d:00 to %02d:00", e.fromHour(), e.toHour() % 24);
    }

    // ---- Access events --------------------------------------------------------------------

    private static String caseViewed(CaseViewed e, String actor) {
        return orElse(e.viewer(), subject(actor, null, "Someone")) + " viewed " + caseRef(e.reference())
                + view(e.view()) + reason(e.reason());
    }

    private static String personalDataErased(PersonalDataErased e, String actor) {
        String basis = e.legalBasis() == null
                ? ""
                : switch (e.legalBasis()) {
                    case DPA_2018_S47 -> " under the Data Protection Act 2018, s.47";
                    case UK_GDPR_ARTICLE_17 -> " under UK GDPR Article 17";
                };
        return orElse(e.approvedBy(), subject(actor, null, "Someone")) + " erased the personal data of data subject "
                + orElse(e.subjectId(), "unknown") + basis + reason(e.reason());
    }

    private static String contactViewed(ContactViewed e, String actor) {
        return orElse(e.viewer(), subject(actor, null, "Someone")) + " viewed " + contact(e.contactId())
                + view(e.view()) + reason(e.reason());
    }

    private static String view(String view) {
        return blank(view) ? "" : " (" + view.strip() + ")";
    }

    // ---- Wording shared by every group of sentences --------------------------------------

    /**
     * Who did it: a person named in the metadata first, then the person the event itself
     * names (its handler or "by"), then a system actor from the metadata ("The telephony
     * platform"), and otherwise the given default, which may be null.
     */
    static String subject(String actor, String named, String otherwise) {
        if (isPerson(actor)) {
            return actor(actor);
        }
        if (!blank(named)) {
            return named.strip();
        }
        return blank(actor) ? otherwise : actor(actor);
    }

    /** True when the metadata names a member of staff rather than the citizen or a system. */
    static boolean isPerson(String actor) {
        return !blank(actor) && !NON_PERSON_ACTORS.containsKey(actor.strip().toLowerCase(Locale.UK));
    }

    /** "staff:alice" → "alice", "telephony" → "The telephony platform", null stays null. */
    static String actor(String actor) {
        if (blank(actor)) {
            return null;
        }
        String name = actor.strip();
        String system = NON_PERSON_ACTORS.get(name.toLowerCase(Locale.UK));
        if (system != null) {
            return system;
        }
        return name.startsWith(STAFF_PREFIX) ? name.substring(STAFF_PREFIX.length()) : name;
    }

    private static String lowerSubject(String actor) {
        return isPerson(actor) ? actor(actor) : actor(actor).toLowerCase(Locale.UK);
    }

    /** "contact 7f3c1a2b": a UUID is cut to its first 8 characters, other ids are kept whole. */
    static String contact(String contactId) {
        if (blank(contactId)) {
            return "a contact with no id";
        }
        String id = contactId.strip();
        return "contact " + (UUID.matcher(id).matches() ? id.substring(0, 8) : id);
    }

    /** What identifies a stored file in a sentence (never its name, which is the sender's words). */
    static String fileFacts(String mediaType, long sizeBytes, String sha256) {
        List<String> facts = new ArrayList<>();
        if (mediaType != null) {
            facts.add(mediaType);
        }
        if (sizeBytes > 0) {
            facts.add(sizeBytes + " bytes");
        }
        if (sha256 != null) {
            facts.add("SHA-256 " + sha256);
        }
        return facts.isEmpty() ? "" : " (" + String.join(", ", facts) + ")";
    }

    static String caseRef(String reference) {
        return blank(reference) ? "a case with no reference" : "case " + reference.strip();
    }

    /** The value's words (platform.wording: "Anti-social behaviour"), else its name in words. */
    static String label(Enum<?> value) {
        String worded = Wording.ofAny(value);
        if (worded != null) {
            return worded;
        }
        String words = value.name().replace('_', ' ').toLowerCase(Locale.UK);
        return capitalise(words);
    }

    /** "26 Nov 2026 10:00", in the force's own time zone. */
    static String time(Instant instant) {
        return instant == null ? "an unknown time" : TIME.format(ZonedDateTime.ofInstant(instant, FORCE_ZONE));
    }

    /** "26 Nov 2026", in the force's own time zone. */
    static String date(Instant instant) {
        return DATE.format(ZonedDateTime.ofInstant(instant, FORCE_ZONE));
    }

    /** "10:00", in the force's own time zone. */
    static String clock(Instant instant) {
        return CLOCK.format(ZonedDateTime.ofInstant(instant, FORCE_ZONE));
    }

    /** Short text given as a reason, quoted, on one line and cut if long. */
    static String quote(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() > QUOTE_LIMIT) {
            flat = flat.substring(0, QUOTE_LIMIT).strip() + "…";
        }
        while (flat.endsWith(".")) {
            flat = flat.substring(0, flat.length() - 1);
        }
        return "\"" + flat + "\"";
    }

    /** ", giving the reason "…"" or nothing when no reason was given. */
    static String reason(String reason) {
        return blank(reason) ? "" : ", giving the reason " + quote(reason);
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static String orElse(String text, String otherwise) {
        return blank(text) ? otherwise : text.strip();
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "ContactReceived" → "Contact Received". */
    static String words(String camelCase) {
        return camelCase.replaceAll("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ");
    }

    private static String sentence(String text) {
        String stripped = text.strip();
        return stripped.endsWith(".") ? stripped : stripped + ".";
    }
}
