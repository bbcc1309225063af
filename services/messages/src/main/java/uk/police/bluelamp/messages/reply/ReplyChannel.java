package uk.police.bluelamp.messages.reply;

/** How a citizen's reply to an update reached the force. */
public enum ReplyChannel {
    /** A text to the service's inbound number, passed on by GOV.UK Notify. */
    SMS,
    /** An email to the reply-to address, passed on by the inbound email provider. */
    EMAIL
}
