package uk.police.bluelamp.messages.contact;

import java.util.List;

/**
 * What a contact gave that could match another case: any part may be null.
 *
 * @param ownCase the case the contact is already part of
 * @param earlierContactsFromThePhone contacts from the same number that joined a case
 * @param casesCalledAbout the cases those contacts joined, which casework cannot find by number
 *     (a case opened on a call holds no number of its own)
 */
public record ContactDetailsToMatch(
        String phone,
        String email,
        String postcode,
        String ownCase,
        List<String> earlierContactsFromThePhone,
        List<String> casesCalledAbout) {

    public ContactDetailsToMatch {
        earlierContactsFromThePhone = List.copyOf(earlierContactsFromThePhone);
        casesCalledAbout = List.copyOf(casesCalledAbout);
    }
}
