package uk.police.bluelamp.contact.phone;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.contact.queue.PhoneNumbers;

/** Matches a telephony event to a handler: by login first, then by the number that answered. */
@Component
class HandlerDirectory {

    private final Optional<UserDetailsService> staff;

    HandlerDirectory(Optional<UserDetailsService> staff) {
        this.staff = staff;
    }

    Optional<String> find(List<String> logins, String answeringNumber, Map<String, String> phones) {
        for (String login : logins) {
            if (isStaff(login)) {
                return Optional.of(login);
            }
        }
        String number = PhoneNumbers.normalise(answeringNumber);
        if (number == null) {
            return Optional.empty();
        }
        return phones.entrySet().stream()
                .filter(entry -> number.equals(PhoneNumbers.normalise(entry.getValue())))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private boolean isStaff(String login) {
        if (login == null || login.isBlank() || staff.isEmpty()) {
            return false;
        }
        try {
            return staff.get().loadUserByUsername(login) != null;
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }
}
