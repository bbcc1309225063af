package uk.police.bluelamp.casework.delivery;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.Language;
import uk.police.bluelamp.messages.contact.event.ChatMessagePosted;
import uk.police.bluelamp.platform.wording.CitizenText;

/**
 * A chat as its citizen saw it, as plain text for an email: the messages posted in it (the
 * only thing in a chat the citizen sees; triage, transfer notes and case notes are other
 * events, never read here), up to the last one when they asked.
 */
final class ChatTranscriptText {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Far below what Notify takes in one email; a longer chat is cut, and says so. */
    static final int MOST_CHARACTERS = 100_000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm", Locale.UK);

    private ChatTranscriptText() {}

    /** 5 December 2026, or 5 Rhagfyr 2026. */
    static DateTimeFormatter date(Language language) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", language == Language.WELSH ? language.locale() : Locale.UK);
    }

    static String of(List<Object> history, long upToSeq, UnaryOperator<String> shownName) {
        return of(history, upToSeq, shownName, Language.ENGLISH);
    }

    /** @param shownName the name citizens see for a handler's username (their display name) */
    static String of(List<Object> history, long upToSeq, UnaryOperator<String> shownName, Language language) {
        DateTimeFormatter dates = date(language);
        StringBuilder text = new StringBuilder();
        String day = null;
        for (Object event : history) {
            if (!(event instanceof ChatMessagePosted posted) || posted.seq() > upToSeq) {
                continue;
            }
            String today = dates.format(posted.at().atZone(LONDON));
            StringBuilder entry = new StringBuilder();
            if (day != null && !day.equals(today)) {
                entry.append(today).append("\n\n");
            }
            day = today;
            entry.append(shownAuthor(posted, shownName, language))
                    .append(" (")
                    .append(TIME.format(posted.at().atZone(LONDON)))
                    .append("):\n")
                    .append(posted.text())
                    .append("\n\n");
            if (text.length() + entry.length() > MOST_CHARACTERS) {
                return text.append(CitizenText.say(language, "transcript.tooLong"))
                        .toString();
            }
            text.append(entry);
        }
        return text.toString().strip();
    }

    /** "You" for the citizen's own messages; a handler by the name the citizen saw in the chat. */
    static String shownAuthor(ChatMessagePosted posted, UnaryOperator<String> shownName, Language language) {
        return posted.author() == ChatAuthor.CITIZEN
                ? CitizenText.say(language, "transcript.you")
                : shownName.apply(posted.authorName());
    }
}
