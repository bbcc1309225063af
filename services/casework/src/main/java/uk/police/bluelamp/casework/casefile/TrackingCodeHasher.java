package uk.police.bluelamp.casework.casefile;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.TrackingCodeFormat;

/**
 * Only a keyed hash of a tracking code is ever stored. The key (pepper) lives outside the
 * database, so a leaked table alone cannot be brute-forced; the reference is mixed in so the
 * same code on two cases hashes differently.
 */
@Component
public class TrackingCodeHasher {

    private final SecretKeySpec key;

    public TrackingCodeHasher(@Value("${bluelamp.secrets.tracking-code-pepper}") String pepper) {
        if (pepper == null || pepper.length() < 16) {
            throw new IllegalStateException("bluelamp.secrets.tracking-code-pepper must be at least 16 characters");
        }
        this.key = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String hash(String reference, String trackingCode) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String input = reference.toUpperCase(Locale.ROOT) + ":" + TrackingCodeFormat.normalise(trackingCode);
            return HexFormat.of().formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Constant-time, so response timing does not reveal how much of a guess was right. */
    public boolean matches(String reference, String trackingCode, String storedHash) {
        byte[] candidate = hash(reference, trackingCode).getBytes(StandardCharsets.US_ASCII);
        byte[] stored = storedHash.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(candidate, stored);
    }
}
