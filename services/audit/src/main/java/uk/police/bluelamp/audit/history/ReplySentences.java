package uk.police.bluelamp.audit.history;

import static uk.police.bluelamp.audit.history.EventSentences.blank;
import static uk.police.bluelamp.audit.history.EventSentences.caseRef;
import static uk.police.bluelamp.audit.history.EventSentences.subject;

import uk.police.bluelamp.messages.reply.ReplyChannel;
import uk.police.bluelamp.messages.reply.event.ReplyClosed;
import uk.police.bluelamp.messages.reply.event.ReplyMatched;
import uk.police.bluelamp.messages.reply.event.ReplyReceived;

/** Sentences for a citizen's reply by text or email (the sealed {@code ReplyEvent}); the words are named, never repeated. */
final class ReplySentences {

    private ReplySentences() {}

    static void register(EventSentences.Registry on) {
        on.on(ReplyReceived.class, ReplySentences::received);
        on.on(ReplyMatched.class, ReplySentences::matched);
        on.on(ReplyClosed.class, ReplySentences::closed);
    }

    private static String received(ReplyReceived e, String actor) {
        String by = e.channel() == ReplyChannel.EMAIL ? " by email" : e.channel() == null ? "" : " by text message";
        return subject(actor, null, "A citizen") + " sent " + reply(e.replyId()) + by;
    }

    private static String matched(ReplyMatched e, String actor) {
        String onCase =
                " put " + reply(e.replyId()) + " on " + caseRef(e.reference()) + " as a message from the citizen";
        if (e.matchedBy() == null) {
            return subject(actor, e.by(), "Someone") + onCase;
        }
        return switch (e.matchedBy()) {
            case REFERENCE ->
                "The system" + onCase + ": it names the case and came from its verified number or address";
            case SENDER -> "The system" + onCase + ": it came from the verified number or address of that case alone";
            case HANDLER -> subject(actor, e.by(), "A handler") + onCase;
        };
    }

    private static String closed(ReplyClosed e, String actor) {
        return subject(actor, e.by(), "A handler") + " closed " + reply(e.replyId()) + " as belonging to no case"
                + (blank(e.note()) ? "" : ", with a note");
    }

    private static String reply(String replyId) {
        return blank(replyId) ? "a reply" : "reply " + replyId.strip();
    }
}
