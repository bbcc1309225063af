package uk.police.bluelamp.app.demo;

import static uk.police.bluelamp.app.demo.DemandPattern.FORCE_ZONE;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.police.bluelamp.app.demo.DemoSimulation.Caller;
import uk.police.bluelamp.app.demo.DemoSimulation.Life;
import uk.police.bluelamp.app.demo.DemoSimulation.Step;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.CallDetails;
import uk.police.bluelamp.messages.contact.CallbackOutcome;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.ChatEndReason;
import uk.police.bluelamp.messages.contact.HangupCause;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.contact.ReportDetails;
import uk.police.bluelamp.messages.contact.Reporter;
import uk.police.bluelamp.messages.contact.command.AnswerCall;
import uk.police.bluelamp.messages.contact.command.AssignContact;
import uk.police.bluelamp.messages.contact.command.CloseContact;
import uk.police.bluelamp.messages.contact.command.EndChat;
import uk.police.bluelamp.messages.contact.command.HangUpCall;
import uk.police.bluelamp.messages.contact.command.ReceiveContact;
import uk.police.bluelamp.messages.contact.command.RecordCallbackAttempt;
import uk.police.bluelamp.messages.contact.command.RequestCallback;
import uk.police.bluelamp.messages.contact.command.RingCall;
import uk.police.bluelamp.messages.contact.command.StartChat;
import uk.police.bluelamp.platform.command.Commands;

/**
 * The commands of one simulated contact's life, as the channel's own controllers send them. All
 * of it is plainly synthetic: "Demo:" topics and outcomes, anonymous reporters, withheld numbers,
 * call-back numbers from Ofcom's range for drama (07700 900xxx). An online report names a case
 * reference as every report does, but a DEMO- one that no case has: no case is opened, so no
 * deadline falls due and no citizen is ever sent an update, a tracking code or a copy of a chat.
 */
final class DemoLives {

    private static final String CITIZEN = "citizen";
    private static final String TELEPHONY = "telephony";
    private static final String FORCE_NUMBER = "101";

    private static final String[] TOPICS = {
        "Demo: noise from a neighbour",
        "Demo: lost property enquiry",
        "Demo: suspicious vehicle",
        "Demo: follow-up on an earlier report",
        "Demo: advice about a scam",
        "Demo: road traffic question"
    };
    private static final String[] OUTCOMES = {
        "Demo: advice given",
        "Demo: passed to the neighbourhood team",
        "Demo: report recorded",
        "Demo: signposted to another service"
    };
    /** Online-only: what there is to say shows on a tracking page and nothing is sent. */
    private static final UpdatePreference NOTHING_SENT =
            new UpdatePreference(UpdateChannel.ONLINE, UpdateFrequency.KEY_DECISIONS);

    private DemoLives() {}

    /** The life of a contact that was answered and closed, or given up, by {@code end}. */
    static Life of(Caller caller, Instant end) {
        String id = caller.id;
        String topic = TOPICS[(int) Math.floorMod(caller.pick, TOPICS.length)];
        List<Step> steps = new ArrayList<>();
        CallDetails call = new CallDetails("demo-call-" + caller.number, "withheld", FORCE_NUMBER, "inbound", null);
        switch (caller.channel) {
            case PHONE -> steps.add(citizen(new RingCall(id, call, caller.arrived), TELEPHONY, Channel.PHONE));
            case CHAT ->
                steps.add(citizen(new StartChat(id, null, topic, "demo-" + id, caller.arrived), CITIZEN, Channel.CHAT));
            case WEB ->
                steps.add(citizen(
                        new ReceiveContact(
                                id,
                                Channel.WEB,
                                "DEMO-" + caller.number,
                                report(caller),
                                Reporter.anonymous(),
                                NOTHING_SENT,
                                caller.arrived),
                        CITIZEN,
                        Channel.WEB));
            case CALLBACK ->
                steps.add(citizen(
                        new RequestCallback(
                                id,
                                null,
                                "07700900" + String.format("%03d", Math.floorMod(caller.pick, 1000)),
                                topic,
                                caller.queued,
                                caller.queued.plus(Duration.ofHours(2)),
                                caller.arrived,
                                null),
                        CITIZEN,
                        Channel.CALLBACK));
        }
        if (caller.answered == null) {
            steps.add(
                    switch (caller.channel) {
                        case PHONE ->
                            citizen(new HangUpCall(id, call, HangupCause.CANCEL, end), TELEPHONY, Channel.PHONE);
                        case CHAT ->
                            citizen(
                                    new EndChat(id, ChatAuthor.CITIZEN, null, end, ChatEndReason.ASKED),
                                    CITIZEN,
                                    Channel.CHAT);
                        case WEB, CALLBACK -> throw new IllegalStateException("Only calls and chats are given up");
                    });
            return new Life(end, id, caller.channel, caller.arrived, true, steps);
        }
        String handler = caller.agent.rota.handler();
        Instant answered = caller.answered;
        Instant finished = answered.plus(caller.handle);
        switch (caller.channel) {
            case PHONE -> {
                steps.add(citizen(new AnswerCall(id, call, handler, null, answered), TELEPHONY, Channel.PHONE));
                steps.add(citizen(
                        new HangUpCall(id, call, HangupCause.NORMAL_CLEARING, finished), TELEPHONY, Channel.PHONE));
            }
            case CHAT -> {
                steps.add(staff(new AssignContact(id, handler, Assignment.TAKEN, answered), handler));
                steps.add(staff(new EndChat(id, ChatAuthor.HANDLER, handler, finished, ChatEndReason.ASKED), handler));
            }
            case WEB -> steps.add(staff(new AssignContact(id, handler, Assignment.TAKEN, answered), handler));
            case CALLBACK -> {
                steps.add(staff(new AssignContact(id, handler, Assignment.TAKEN, answered), handler));
                steps.add(staff(
                        new RecordCallbackAttempt(id, handler, CallbackOutcome.REACHED, null, null, finished),
                        handler));
            }
        }
        String outcome = OUTCOMES[(int) Math.floorMod(caller.pick >>> 8, OUTCOMES.length)];
        steps.add(staff(new CloseContact(id, handler, outcome, end), handler));
        return new Life(answered, id, caller.channel, caller.arrived, false, steps);
    }

    private static ReportDetails report(Caller caller) {
        ReportCategory[] categories = ReportCategory.values();
        return new ReportDetails(
                categories[(int) Math.floorMod(caller.pick >>> 16, categories.length)],
                "Demo: a made-up online report for the demo history. No real person or place.",
                "Demo: no real place",
                caller.arrived.atZone(FORCE_ZONE).toLocalDate(),
                null);
    }

    private static Step citizen(Object command, String actor, Channel channel) {
        return new Step(command, actor, channel);
    }

    private static Step staff(Object command, String handler) {
        return new Step(command, Commands.staff(handler), null);
    }
}
