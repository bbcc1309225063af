package uk.police.bluelamp.audit.history;

import static uk.police.bluelamp.audit.history.EventSentences.blank;
import static uk.police.bluelamp.audit.history.EventSentences.caseRef;
import static uk.police.bluelamp.audit.history.EventSentences.clock;
import static uk.police.bluelamp.audit.history.EventSentences.contact;
import static uk.police.bluelamp.audit.history.EventSentences.date;
import static uk.police.bluelamp.audit.history.EventSentences.fileFacts;
import static uk.police.bluelamp.audit.history.EventSentences.isPerson;
import static uk.police.bluelamp.audit.history.EventSentences.label;
import static uk.police.bluelamp.audit.history.EventSentences.orElse;
import static uk.police.bluelamp.audit.history.EventSentences.subject;
import static uk.police.bluelamp.audit.history.EventSentences.time;

import java.time.Instant;
import java.util.Locale;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.CallDetails;
import uk.police.bluelamp.messages.contact.CallbackOutcome;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.HangupCause;
import uk.police.bluelamp.messages.contact.Reporter;
import uk.police.bluelamp.messages.contact.event.CallAnswered;
import uk.police.bluelamp.messages.contact.event.CallEnded;
import uk.police.bluelamp.messages.contact.event.CallRang;
import uk.police.bluelamp.messages.contact.event.CallbackAttempted;
import uk.police.bluelamp.messages.contact.event.CallbackRequested;
import uk.police.bluelamp.messages.contact.event.ChatEnded;
import uk.police.bluelamp.messages.contact.event.ChatIdleWarned;
import uk.police.bluelamp.messages.contact.event.ChatMessagePosted;
import uk.police.bluelamp.messages.contact.event.ChatStarted;
import uk.police.bluelamp.messages.contact.event.ChatTranscriptRequested;
import uk.police.bluelamp.messages.contact.event.ChatTranscriptSent;
import uk.police.bluelamp.messages.contact.event.ContactAbandoned;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactClosed;
import uk.police.bluelamp.messages.contact.event.ContactDisposed;
import uk.police.bluelamp.messages.contact.event.ContactLinkedToCase;
import uk.police.bluelamp.messages.contact.event.ContactReceived;
import uk.police.bluelamp.messages.contact.event.ContactRetentionExtended;
import uk.police.bluelamp.messages.contact.event.ContactTransferred;
import uk.police.bluelamp.messages.contact.event.ContactTriaged;
import uk.police.bluelamp.messages.contact.event.EvidenceAttached;
import uk.police.bluelamp.messages.triage.Triage;

/** Sentences for everything that can happen to a contact (the sealed {@code ContactEvent}). */
final class ContactSentences {

    private ContactSentences() {}

    static void register(EventSentences.Registry on) {
        on.on(ContactReceived.class, ContactSentences::received);
        on.on(ChatStarted.class, ContactSentences::chatStarted);
        on.on(ChatMessagePosted.class, ContactSentences::chatMessage);
        on.on(EvidenceAttached.class, ContactSentences::chatFile);
        on.on(ChatEnded.class, ContactSentences::chatEnded);
        on.on(ChatIdleWarned.class, ContactSentences::chatIdleWarned);
        on.on(ChatTranscriptRequested.class, ContactSentences::transcriptRequested);
        on.on(ChatTranscriptSent.class, ContactSentences::transcriptSent);
        on.on(CallbackRequested.class, ContactSentences::callbackRequested);
        on.on(CallbackAttempted.class, ContactSentences::callbackAttempted);
        on.on(CallRang.class, ContactSentences::callRang);
        on.on(CallAnswered.class, ContactSentences::callAnswered);
        on.on(CallEnded.class, ContactSentences::callEnded);
        on.on(ContactAssigned.class, ContactSentences::assigned);
        on.on(ContactTransferred.class, ContactSentences::transferred);
        on.on(ContactAbandoned.class, ContactSentences::abandoned);
        on.on(ContactClosed.class, ContactSentences::closed);
        on.on(ContactTriaged.class, ContactSentences::triaged);
        on.on(ContactLinkedToCase.class, ContactSentences::linkedToCase);
        on.on(ContactRetentionExtended.class, ContactSentences::retentionExtended);
        on.on(ContactDisposed.class, ContactSentences::disposed);
    }

    // ---- Every channel ------------------------------------------------------------------

    private static String received(ContactReceived e, String actor) {
        Reporter reporter = e.reporter();
        boolean anonymous = reporter == null || reporter.isAnonymous();
        String category = e.details() == null || e.details().category() == null
                ? ""
                : " in the category \"" + label(e.details().category()) + "\"";
        String refs = contact(e.contactId()) + (blank(e.caseReference()) ? "" : ", " + caseRef(e.caseReference()));
        String updates = e.requestedUpdates() == null ? "" : " and asked for " + updates(e.requestedUpdates());
        String verb = isPerson(actor) ? " recorded " : " made ";
        return subject(actor, null, "The citizen") + verb + report(e.channel(), anonymous) + category + " (" + refs
                + ")" + updates;
    }

    private static String assigned(ContactAssigned e, String actor) {
        String what = contactOn(e.contactId(), e.channel());
        Assignment how = e.how();
        if (how == Assignment.OFFERED) {
            return subject(actor, null, "The automatic router") + " offered " + what + " to "
                    + orElse(e.handler(), "a handler");
        }
        if (how == Assignment.TAKEN) {
            return subject(actor, e.handler(), "A handler") + " took " + what + " from the queue";
        }
        String handler = orElse(e.handler(), "A handler");
        if (how == Assignment.ANSWERED) {
            return handler + " was given " + what + " by answering the call";
        }
        if (how == Assignment.TRANSFERRED) {
            return handler + " was given " + what + " by a transfer";
        }
        return handler + " was given " + what;
    }

    private static String transferred(ContactTransferred e, String actor) {
        String who = subject(actor, e.fromHandler(), "A handler");
        String what = contactOn(e.contactId(), e.channel());
        String to = blank(e.toHandler())
                ? " back to the queue"
                : " to " + e.toHandler().strip();
        String from = !blank(e.fromHandler()) && !e.fromHandler().strip().equals(who)
                ? " from " + e.fromHandler().strip()
                : "";
        String skill = blank(e.neededSkill())
                ? ""
                : ", asking for the skill "
                        + e.neededSkill().strip().replace('_', ' ').toLowerCase(Locale.UK);
        return who + " passed " + what + from + to + ", with a note" + skill;
    }

    private static String abandoned(ContactAbandoned e, String actor) {
        return capitalised(contactOn(e.contactId(), e.channel())) + " was abandoned before a handler took it";
    }

    private static String closed(ContactClosed e, String actor) {
        String outcome = blank(e.outcome()) ? "" : " and recorded its outcome";
        return subject(actor, e.handler(), "A handler") + " closed " + contactOn(e.contactId(), e.channel()) + outcome;
    }

    private static String triaged(ContactTriaged e, String actor) {
        return subject(actor, e.by(), "A handler") + " made a THRIVE assessment of "
                + contactOn(e.contactId(), e.channel()) + grade(e.triage());
    }

    private static String linkedToCase(ContactLinkedToCase e, String actor) {
        String category = e.category() == null ? "" : ", in the category \"" + label(e.category()) + "\"";
        return subject(actor, e.by(), "A handler") + " linked " + contactOn(e.contactId(), e.channel()) + " to "
                + caseRef(e.reference()) + category;
    }

    // ---- Live chat ----------------------------------------------------------------------

    private static String chatStarted(ChatStarted e, String actor) {
        return subject(actor, null, "The citizen") + " started a live chat as " + contact(e.contactId());
    }

    private static String chatMessage(ChatMessagePosted e, String actor) {
        boolean handler = e.author() == ChatAuthor.HANDLER;
        String who = handler ? subject(actor, e.authorName(), "A handler") : subject(actor, null, "The citizen");
        String seq = e.seq() > 0 ? " (seq " + e.seq() + ")" : "";
        return who + " sent a chat message" + seq + " on " + contact(e.contactId());
    }

    /** The file's name is the sender's words: the sentence gives what identifies the file instead. */
    private static String chatFile(EvidenceAttached e, String actor) {
        boolean handler = e.author() == ChatAuthor.HANDLER;
        String who = handler ? subject(actor, e.authorName(), "A handler") : subject(actor, null, "The citizen");
        String seq = e.seq() > 0 ? " (seq " + e.seq() + ")" : "";
        return who + " sent a file in the chat" + seq + fileFacts(e.mediaType(), e.sizeBytes(), e.sha256()) + " on "
                + contact(e.contactId());
    }

    private static String chatEnded(ChatEnded e, String actor) {
        String who = e.endedBy() == ChatAuthor.CITIZEN
                ? subject(actor, null, "The citizen")
                : subject(actor, e.actor(), e.endedBy() == ChatAuthor.HANDLER ? "A handler" : "The system");
        String why = switch (e.why()) {
            case ASKED -> "";
            case CITIZEN_LEFT -> ": the citizen had left and not come back";
            case IDLE -> ": nobody wrote after the warning that it would close";
        };
        return who + " ended the live chat on " + contact(e.contactId()) + why;
    }

    private static String chatIdleWarned(ChatIdleWarned e, String actor) {
        return "The system warned both sides of the live chat on " + contact(e.contactId())
                + " that nobody had written for a while";
    }

    private static String transcriptRequested(ChatTranscriptRequested e, String actor) {
        return subject(actor, null, "The citizen") + " asked for a copy of the live chat on " + contact(e.contactId())
                + " by email, up to message " + e.upToSeq();
    }

    private static String transcriptSent(ChatTranscriptSent e, String actor) {
        return "A copy of the live chat on " + contact(e.contactId()) + " was sent to the citizen by email";
    }

    // ---- Call-backs ---------------------------------------------------------------------

    private static String callbackRequested(CallbackRequested e, String actor) {
        String number = blank(e.phone()) ? "" : " on " + e.phone().strip();
        return subject(actor, null, "The citizen") + " asked to be called back" + number
                + window(e.windowStart(), e.windowEnd()) + " (" + contact(e.contactId()) + ")";
    }

    private static String callbackAttempted(CallbackAttempted e, String actor) {
        String who = subject(actor, e.handler(), "A handler");
        String on = " (" + contact(e.contactId()) + ")";
        if (e.outcome() == CallbackOutcome.REACHED) {
            return who + " called the citizen back and reached them" + on;
        }
        if (e.outcome() == CallbackOutcome.NO_ANSWER) {
            String retry =
                    e.retryAt() == null ? ", with no retry planned" : "; the next try is due " + time(e.retryAt());
            return who + " tried to call the citizen back but got no answer" + on + retry;
        }
        return who + " tried to call the citizen back" + on;
    }

    // ---- Phone calls --------------------------------------------------------------------

    private static String callRang(CallRang e, String actor) {
        CallDetails call = e.call();
        String queue = call == null || blank(call.queue())
                ? ""
                : " in the " + call.queue().strip() + " queue";
        return capitalised(call(call)) + " rang on the phone line" + queue + " (" + contact(e.contactId()) + ")";
    }

    private static String callAnswered(CallAnswered e, String actor) {
        String late = e.afterHangup() ? ", after the caller had already hung up" : "";
        String on = " (" + contact(e.contactId()) + ")";
        if (blank(e.handler()) && !isPerson(actor)) {
            String number = blank(e.answeringNumber())
                    ? ""
                    : " on " + e.answeringNumber().strip();
            return capitalised(theCall(e.call())) + " was answered" + number + " but no handler matched that phone"
                    + late + on;
        }
        return subject(actor, e.handler(), "A handler") + " answered " + theCall(e.call()) + late + on;
    }

    private static String callEnded(CallEnded e, String actor) {
        String answered = e.answered() ? " after it was answered" : " without being answered";
        String cause = e.cause() == null ? "" : ": " + cause(e.cause());
        return capitalised(theCall(e.call())) + " ended" + answered + cause + " (" + contact(e.contactId()) + ")";
    }

    private static String cause(HangupCause cause) {
        return switch (cause) {
            case NORMAL_CLEARING -> "hung up normally";
            case BUSY -> "the line was busy";
            case CANCEL -> "the caller hung up first";
            case NO_ANSWER -> "nobody answered";
            case CONGESTION -> "the network was congested";
            case NOT_FOUND -> "the number was not found";
            case FORWARDED -> "it was forwarded";
            default -> label(cause).toLowerCase(Locale.UK);
        };
    }

    /** "a call from +44 7700 900123", "an outgoing call to …", "a call from a withheld number". */
    private static String call(CallDetails call) {
        if (call == null) {
            return "a call";
        }
        if (outgoing(call)) {
            return blank(call.to())
                    ? "an outgoing call"
                    : "an outgoing call to " + call.to().strip();
        }
        return call.withheld()
                ? "a call from a withheld number"
                : "a call from " + call.from().strip();
    }

    private static String theCall(CallDetails call) {
        String words = call(call);
        return words.startsWith("an ") ? "the " + words.substring(3) : "the " + words.substring(2);
    }

    private static boolean outgoing(CallDetails call) {
        String direction = call.direction();
        return direction != null && (direction.equalsIgnoreCase("out") || direction.equalsIgnoreCase("outbound"));
    }

    // ---- Retention of a contact that is part of no case ------------------------------

    private static String retentionExtended(ContactRetentionExtended e, String actor) {
        String next = e.nextReviewDueAt() == null ? "" : " until its next review on " + time(e.nextReviewDueAt());
        return subject(actor, e.by(), "A data-protection reviewer") + " kept " + contact(e.contactId()) + next
                + EventSentences.reason(e.reason());
    }

    private static String disposed(ContactDisposed e, String actor) {
        return subject(actor, e.by(), "A data-protection reviewer") + " disposed of " + contact(e.contactId())
                + " at its retention review, erasing its personal data" + EventSentences.reason(e.reason());
    }

    // ---- Wording ------------------------------------------------------------------------

    /** "contact 7f3c1a2b (phone call)". */
    static String contactOn(String contactId, Channel channel) {
        return channel == null ? contact(contactId) : contact(contactId) + " (" + channel(channel) + ")";
    }

    static String channel(Channel channel) {
        return switch (channel) {
            case WEB -> "web report";
            case CHAT -> "live chat";
            case PHONE -> "phone call";
            case CALLBACK -> "call-back request";
            default -> label(channel).toLowerCase(Locale.UK);
        };
    }

    private static String report(Channel channel, boolean anonymous) {
        String report = anonymous ? "an anonymous report" : "a report";
        if (channel == null) {
            return report;
        }
        return switch (channel) {
            case WEB -> anonymous ? "an anonymous online report" : "an online report";
            case CHAT -> report + " by live chat";
            case PHONE -> report + " by phone";
            case CALLBACK -> report + " through a call-back request";
            default -> report + " by " + channel(channel);
        };
    }

    /** "weekly updates by email", "updates at key decisions by text message". */
    static String updates(UpdatePreference preference) {
        String often = preference.frequency() == null
                ? "updates"
                : switch (preference.frequency()) {
                    case WEEKLY -> "weekly updates";
                    case FORTNIGHTLY -> "fortnightly updates";
                    case MONTHLY -> "monthly updates";
                    case KEY_DECISIONS -> "updates at key decisions";
                    default -> "updates";
                };
        return often + CaseSentences.by(preference.channel());
    }

    static String grade(Triage triage) {
        return triage == null || triage.grade() == null ? "" : " and graded it " + label(triage.grade());
    }

    /** " between 10:00 and 12:00 on 26 Nov 2026", or with both dates when the window spans days. */
    private static String window(Instant start, Instant end) {
        if (start == null && end == null) {
            return "";
        }
        if (start == null) {
            return " by " + time(end);
        }
        if (end == null) {
            return " from " + time(start);
        }
        if (date(start).equals(date(end))) {
            return " between " + clock(start) + " and " + clock(end) + " on " + date(start);
        }
        return " between " + time(start) + " and " + time(end);
    }

    private static String capitalised(String text) {
        return EventSentences.capitalise(text);
    }
}
