package uk.police.bluelamp.messages.contact;

/** What a report is about. Its words are in platform.wording, outside the published language. */
public enum ReportCategory {
    ANTISOCIAL_BEHAVIOUR,
    THEFT,
    VEHICLE_CRIME,
    CRIMINAL_DAMAGE,
    FRAUD,
    LOST_PROPERTY,
    ROAD_TRAFFIC,
    HATE_INCIDENT,
    OTHER
}
