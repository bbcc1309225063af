package uk.police.bluelamp.contact.phone;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shared secret in the telephony platform's webhook URL, and which phone number each
 * handler answers on (for events that name the number rather than the login).
 */
@ConfigurationProperties("bluelamp.cti")
public class CtiSettings {

    private String token = "";
    private Map<String, String> handlerPhones = new HashMap<>();

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
