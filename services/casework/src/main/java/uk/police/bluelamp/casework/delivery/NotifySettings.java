package uk.police.bluelamp.casework.delivery;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.gov.service.notify.NotificationClient;
import uk.police.bluelamp.messages.contact.Language;

/**
 * GOV.UK Notify: the API key comes from the environment (BLUELAMP_NOTIFY_APIKEY), the
 * templates are the force's own. Templates get only ((reference)) and ((link)): an email or
 * text never carries case details, which anyone glancing at a phone could read.
 * The templates here are the English ones; the Welsh ones are under {@code bluelamp.notify.cy}
 * (the same names), and a citizen who chose Welsh gets those. A Welsh one not configured is
 * sent in English, with a warning in the log, rather than not at all.
 */
@ConfigurationProperties("bluelamp.notify")
public class NotifySettings extends NotifyTemplates {

    private static final Logger log = LoggerFactory.getLogger(NotifySettings.class);

    /** What a template is for; each has an English and a Welsh id. */
    enum Template {
        UPDATE_EMAIL,
        UPDATE_SMS,
        CODE_EMAIL,
        CODE_SMS,
        TRANSCRIPT_EMAIL,
        SATISFACTION_EMAIL,
        SATISFACTION_SMS
    }

    private NotifyTemplates cy = new NotifyTemplates();

    private String apiKey = "";
    private String baseUrl = "https://api.notifications.service.gov.uk";
    private String feedbackLink = "http://localhost:8080/feedback";

    private String trackingLink = "http://localhost:8080/track";
    private int maxAttempts = 5;
    /** The pause before the first retry; each further retry waits twice as long. */
    private Duration firstRetry = Duration.ofSeconds(30);

    public Duration getFirstRetry() {
        return firstRetry;
    }

    public void setFirstRetry(Duration firstRetry) {
        this.firstRetry = firstRetry;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public NotifyTemplates getCy() {
        return cy;
    }

    public void setCy(NotifyTemplates cy) {
        this.cy = cy;
    }

    /** The template for the citizen's language: the Welsh one if configured, else the English one. */
    String templateId(Template template, Language language) {
        String english = of(template);
        if (language != Language.WELSH) {
            return english;
        }
        String welsh = cy.of(template);
        if (welsh == null || welsh.isBlank()) {
            log.warn("No Welsh GOV.UK Notify template for {} (bluelamp.notify.cy.*): sent in English", template);
            return english;
        }
        return welsh;
    }

    /** The tracking page's address, opening in the citizen's language. */
    String trackingLink(Language language) {
        return inLanguage(trackingLink, language);
    }

    /** The satisfaction page's address, opening in the citizen's language. */
    String feedbackLink(Language language) {
        return inLanguage(feedbackLink, language);
    }

    private static String inLanguage(String link, Language language) {
        if (language != Language.WELSH) {
            return link;
        }
        return link + (link.contains("?") ? "&" : "?") + "lang=" + language.code();
    }

    /** A client for the configured Notify account; refused while no API key is set. */
    NotificationClient client() {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalStateException("GOV.UK Notify is not configured (BLUELAMP_NOTIFY_APIKEY)");
        }
        return new NotificationClient(apiKey, baseUrl);
    }

    public String getFeedbackLink() {
        return feedbackLink;
    }

    public void setFeedbackLink(String feedbackLink) {
        this.feedbackLink = feedbackLink;
    }

    public String getTrackingLink() {
        return trackingLink;
    }

    public void setTrackingLink(String trackingLink) {
        this.trackingLink = trackingLink;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }
}
