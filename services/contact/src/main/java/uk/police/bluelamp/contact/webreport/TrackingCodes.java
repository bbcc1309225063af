package uk.police.bluelamp.contact.webreport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.TrackingCodeFormat;

/**
 * Secret tracking codes, like 7KQ4-M2XP-9HTD (TrackingCodeFormat). A code is never stored; only the case's keyed hash of it is.
 * When the client sent an Idempotency-Key the code is derived from that key and the reference,
 * so a retried request can be answered with the same code without keeping it anywhere.
 */
@Component
public class TrackingCodes {

    static final String ALPHABET = TrackingCodeFormat.ALPHABET;
    static final int LENGTH = TrackingCodeFormat.LENGTH;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    TrackingCodes(@Value("${bluelamp.secrets.tracking-code-pepper}") String pepper) {
        this.key = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String random() {
        byte[] bytes = new byte[LENGTH];
        random.nextBytes(bytes);
        return format(bytes);
    }

    String derive(String idempotencyKey, String reference) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String input = "idempotent-tracking-code|" + idempotencyKey + "|" + reference;
            return format(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static String format(byte[] bytes) {
        StringBuilder code = new StringBuilder(LENGTH + 2);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt((bytes[i] & 0xff) % ALPHABET.length()));
        }
        return code.toString();
    }
}
