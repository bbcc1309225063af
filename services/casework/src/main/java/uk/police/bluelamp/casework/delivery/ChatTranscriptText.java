package uk.police.bluelamp.casework.delivery;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.event.ChatMessagePosted;

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
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private ChatTranscriptText() {}

    /** @param shownName the name citizens see for a handler's username (their display name) */
    static String of(List<Object> history, long upToSeq, UnaryOperator<String> shownName) {
        StringBuilder text = new StringBuilder();
        String day = null;
        for (Object event : history) {
            if (!(event instanceof ChatMessagePosted posted) || posted.seq() > upToSeq) {
                continue;
            }
            String today = DATE.format(posted.at().atZone(LONDON));
            StringBuilder entry = new StringBuilder();
            if (day != null && !day.equals(today)) {
                entry.append(today).append("\n\n");
            }
            day = today;
            entry.append(shownAuthor(posted, shownName))
                    .append(" (")
                    .append(TIME.format(posted.at().atZone(LONDON)))
                    .append("):\n")
                    .append(posted.text())
                    .append("\n\n");
            if (text.length() + entry.length() > MOST_CHARACTERS) {
                return text.append("The rest of this conversation was too long to send by email.")
                        .toString();
            }
            text.append(entry);
        }
        return text.toString().strip();
    }

    /** "You" for the citizen's own messages; a handler by the name the citizen saw in the chat. */
    static String shownAuthor(ChatMessagePosted posted, UnaryOperator<String> shownName) {
        return posted.author() == ChatAuthor.CITIZEN ? "You" : shownName.apply(posted.authorName());
    }
}
