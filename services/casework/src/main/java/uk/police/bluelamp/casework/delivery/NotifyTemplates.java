package uk.police.bluelamp.casework.delivery;

/**
 * GOV.UK Notify's templates in one language: the English ones are bluelamp.notify's own
 * (NotifySettings extends this), the Welsh ones the same names under bluelamp.notify.cy.
 * Update templates get ((reference)) and ((link)); the code templates ((reference)), ((code))
 * and ((link)); the chat copy ((date)) and ((transcript)).
 */
public class NotifyTemplates {
    private String emailTemplateId = "";
    private String smsTemplateId = "";
    private String codeEmailTemplateId = "";
    private String codeSmsTemplateId = "";
    private String transcriptEmailTemplateId = "";
    /** The question after a case is resolved: ((reference)) and ((link)) to answer it once. */
    private String satisfactionEmailTemplateId = "";

    private String satisfactionSmsTemplateId = "";

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

    String of(NotifySettings.Template template) {
        return switch (template) {
            case UPDATE_EMAIL -> emailTemplateId;
            case UPDATE_SMS -> smsTemplateId;
            case CODE_EMAIL -> codeEmailTemplateId;
            case CODE_SMS -> codeSmsTemplateId;
            case TRANSCRIPT_EMAIL -> transcriptEmailTemplateId;
            case SATISFACTION_EMAIL -> satisfactionEmailTemplateId;
            case SATISFACTION_SMS -> satisfactionSmsTemplateId;
        };
    }
}
