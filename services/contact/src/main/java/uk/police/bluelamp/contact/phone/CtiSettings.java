package uk.police.bluelamp.contact.phone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.police.bluelamp.messages.contact.Language;

/**
 * The shared secret in the telephony platform's webhook URL, and which phone number each
 * handler answers on (for events that name the number rather than the login).
 */
@ConfigurationProperties("bluelamp.cti")
public class CtiSettings {

    private String token = "";
    private Map<String, String> handlerPhones = new HashMap<>();
    /** The queues the telephony menu puts callers who chose Welsh in ("Pwyswch 1 am Gymraeg"). */
    private List<String> welshQueues = new ArrayList<>(List.of("welsh", "cymraeg"));

    public List<String> getWelshQueues() {
        return welshQueues;
    }

    public void setWelshQueues(List<String> welshQueues) {
        this.welshQueues = welshQueues;
    }

    /** Callers in a Welsh queue chose Welsh; everyone else, English. */
    Language languageOf(String queue) {
        return queue != null && welshQueues.stream().anyMatch(welsh -> welsh.equalsIgnoreCase(queue.strip()))
                ? Language.WELSH
                : Language.ENGLISH;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public Map<String, String> getHandlerPhones() {
        return handlerPhones;
    }

    public void setHandlerPhones(Map<String, String> handlerPhones) {
        this.handlerPhones = handlerPhones;
    }
}
