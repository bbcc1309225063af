package uk.police.bluelamp.app.audit;

import java.util.List;
import java.util.UUID;

/** A person whose every detail is a string found nowhere else. */
record Person(String name, String email, String phone, String description, String location) {

    static Person distinctive() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int digits = (int) (Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 1_000_000);
        return new Person(
                "Quintrell Zebedee" + tag,
                "zq" + tag + "@example.org",
                "07700" + String.format("%06d", digits),
                "Bike " + tag + " taken from the shed",
                "Number " + tag + " Mill Lane");
    }

    List<String> all() {
        return List.of(name, email, phone, description, location);
    }
}
