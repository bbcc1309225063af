package uk.police.bluelamp.casework.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.gov.service.notify.NotificationClient;

/**
 * GOV.UK Notify: the API key comes from the environment (BLUELAMP_NOTIFY_APIKEY), the
 * templates are the force's own. Templates get only ((reference)) and ((link)): an email or
 * text never carries case details, which anyone glancing at a phone could read.
 */
@ConfigurationProperties("bluelamp.notify")
public class NotifySettings {

    private String apiKey = "";
    private String baseUrl = "https://api.notifications.service.gov.uk";
    private String emailTemplateId = "";
    private String smsTemplateId = "";
    /** Templates for sending a citizen their reference and tracking code: ((reference)), ((code)) and ((link)). */
    private String codeEmailTemplateId = "";

    private String codeSmsTemplateId = "";
    /** The template for a copy of a live chat the citizen asked for: ((date)) and ((transcript)). */
    private String transcriptEmailTemplateId = "";

    /** The question after a case is resolved (issue 16): ((reference)) and ((link)) to answer it once. */
    private String satisfactionEmailTemplateId = "";

    private String satisfactionSmsTemplateId = "";
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

    public String getEmailTemplateId() {
        return emailTemplateId;
    }

    public void setEmailTemplateId(String emailTemplateId) {
        this.emailTemplateId = emailTemplateId;
    }

    public String getSmsTemplateId() {
        return smsTemplateId;
    }

    public void setSmsTemplateId(String smsTemplateId) {
        this.smsTemplateId = smsTemplateId;
    }

    public String getCodeEmailTemplateId() {
        return codeEmailTemplateId;
    }

    public void setCodeEmailTemplateId(String codeEmailTemplateId) {
        this.codeEmailTemplateId = codeEmailTemplateId;
    }

    public String getCodeSmsTemplateId() {
        return codeSmsTemplateId;
    }

    public void setCodeSmsTemplateId(String codeSmsTemplateId) {
        this.codeSmsTemplateId = codeSmsTemplateId;
    }

    public String getTranscriptEmailTemplateId() {
        return transcriptEmailTemplateId;
    }

    public void setTranscriptEmailTemplateId(String transcriptEmailTemplateId) {
        this.transcriptEmailTemplateId = transcriptEmailTemplateId;
    }

    /** A client for the configured Notify account; refused while no API key is set. */
    NotificationClient client() {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalStateException("GOV.UK Notify is not configured (BLUELAMP_NOTIFY_APIKEY)");
        }
        return new NotificationClient(apiKey, baseUrl);
    }

    public String getSatisfactionEmailTemplateId() {
        return satisfactionEmailTemplateId;
    }

    public void setSatisfactionEmailTemplateId(String satisfactionEmailTemplateId) {
        this.satisfactionEmailTemplateId = satisfactionEmailTemplateId;
    }

    public String getSatisfactionSmsTemplateId() {
        return satisfactionSmsTemplateId;
    }

    public void setSatisfactionSmsTemplateId(String satisfactionSmsTemplateId) {
        this.satisfactionSmsTemplateId = satisfactionSmsTemplateId;
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
