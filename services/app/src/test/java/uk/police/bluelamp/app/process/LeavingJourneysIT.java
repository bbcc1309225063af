package uk.police.bluelamp.app.process;

import org.junit.jupiter.api.Test;

/**
 * Chats end when the citizen has gone, and not before: leaving.mjs closes a tab, reloads one,
 * uses quick exit, cuts a connection silently and leaves a chat idle. Its app waits seconds where
 * production waits minutes, and no other journey shares it: theirs would end under them.
 */
@BrowserJourneys.AppSettings({
    "--bluelamp.chat.citizen-grace=PT8S",
    "--bluelamp.chat.idle-warning=PT12S",
    "--bluelamp.chat.idle-close=PT10S",
    "--bluelamp.chat.unattended-check-interval=PT2S"
})
class LeavingJourneysIT extends BrowserJourneys {

    @Test
    void chatsEndWhenTheCitizenHasGoneButSurviveAReload() throws Exception {
        runJourney("leaving.mjs");
    }
}
