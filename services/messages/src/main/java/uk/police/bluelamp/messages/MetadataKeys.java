package uk.police.bluelamp.messages;

/** Metadata every command carries and every resulting event inherits. */
public final class MetadataKeys {

    public static final String CHANNEL = "channel";
    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    private MetadataKeys() {}
}
