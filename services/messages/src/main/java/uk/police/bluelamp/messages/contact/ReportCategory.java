package uk.police.bluelamp.messages.contact;

/** What a report is about, as the citizen chooses it on the form. */
public enum ReportCategory {
    ANTISOCIAL_BEHAVIOUR("Anti-social behaviour"),
    THEFT("Theft (not from a vehicle)"),
    VEHICLE_CRIME("Vehicle crime"),
    CRIMINAL_DAMAGE("Criminal damage or vandalism"),
    FRAUD("Fraud or scam"),
    LOST_PROPERTY("Lost or found property"),
    ROAD_TRAFFIC("Road traffic incident with no injuries"),
    HATE_INCIDENT("Hate incident"),
    OTHER("Something else");

    private final String label;

    ReportCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
