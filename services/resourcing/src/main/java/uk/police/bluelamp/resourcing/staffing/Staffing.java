package uk.police.bluelamp.resourcing.staffing;

import uk.police.bluelamp.messages.contact.Channel;

/**
 * Handlers one channel needs on duty in one quarter hour. Calls and call-backs wait until
 * answered (Erlang C); chats are left by people who stop waiting (Erlang A), and a handler holds
 * several at once, so chat needs handlers × concurrency servers, each chat's handle time already
 * being its time with a handler who has others open. Online forms are not answered live: they
 * need the hours of work they bring, spread over the interval.
 */
final class Staffing {

    enum Model {
        ERLANG_C,
        ERLANG_A,
        WORKLOAD
    }

    private Staffing() {}

    static Model model(Channel channel) {
        return switch (channel) {
            case PHONE, CALLBACK -> Model.ERLANG_C;
            case CHAT -> Model.ERLANG_A;
            case WEB -> Model.WORKLOAD;
        };
    }

    /**
     * @param contacts contacts expected in the interval (a forecast need not be whole)
     * @param intervalSeconds the interval's length
     */
    static int needed(
            Channel channel,
            double contacts,
            double intervalSeconds,
            double handleSeconds,
            double patienceSeconds,
            StaffingSettings.Target target,
            int chatConcurrency) {
        if (contacts <= 0) {
            return 0;
        }
        double traffic = contacts / intervalSeconds * handleSeconds;
        double within = target.answerWithin().toSeconds();
        return switch (model(channel)) {
            case ERLANG_C -> Erlang.agentsC(traffic, handleSeconds, within, target.serviceLevel());
            case ERLANG_A -> {
                int servers = Erlang.agentsA(traffic, handleSeconds, patienceSeconds, within, target.serviceLevel());
                yield (servers + chatConcurrency - 1) / chatConcurrency;
            }
            case WORKLOAD -> (int) Math.ceil(traffic - 1e-9);
        };
    }

    /** Handlers to put on the rota so that, after shrinkage, this many are on duty. */
    static int withShrinkage(int onDuty, double shrinkage) {
        return (int) Math.ceil(onDuty / (1 - shrinkage) - 1e-9);
    }
}
