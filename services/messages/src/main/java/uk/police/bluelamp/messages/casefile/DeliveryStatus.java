package uk.police.bluelamp.messages.casefile;

/** What became of a public update on its way to the citizen. */
public enum DeliveryStatus {
    SENT,
    FAILED,
    CALL_TASK,
    ONLINE
}
