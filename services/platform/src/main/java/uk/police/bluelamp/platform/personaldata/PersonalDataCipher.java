package uk.police.bluelamp.platform.personaldata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * AES-GCM with the subject id as associated data, so a value moved to another subject's event
 * does not decrypt. The sealed bytes are the IV followed by the ciphertext and its tag.
 */
final class PersonalDataCipher {

    /**
     * How events stored before docs/adr/0017 hold a value: {@code pii:v1:<subject>:<base64>}. Read
     * only where personal data sits, and only if it really is our ciphertext.
     */
    static final String LEGACY_PREFIX = "pii:v1:";

    private static final int GCM_TAG_BYTES = SubjectKeys.GCM_TAG_BITS / 8;

    /** A value in the legacy string form, taken apart. */
    record Legacy(String subjectId, byte[] sealed) {}

    private PersonalDataCipher() {}

    static byte[] encrypt(SecretKey key, SecureRandom random, String subjectId, String plaintext) {
        return seal(key, random, subjectId, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    /** Throws if the value was not sealed under this key for this subject. */
    static String decrypt(SecretKey key, String subjectId, byte[] sealed) {
        return new String(open(key, subjectId, sealed), StandardCharsets.UTF_8);
    }

    /** Empty unless the text has the legacy form's prefix, a subject, and base64 long enough to be a ciphertext. */
    static Optional<Legacy> legacy(String value) {
        if (value == null || !value.startsWith(LEGACY_PREFIX)) {
            return Optional.empty();
        }
        int separator = value.lastIndexOf(':');
        if (separator <= LEGACY_PREFIX.length()) {
            return Optional.empty();
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(value.substring(separator + 1));
            return sealed.length < SubjectKeys.IV_BYTES + GCM_TAG_BYTES
                    ? Optional.empty()
                    : Optional.of(new Legacy(value.substring(LEGACY_PREFIX.length(), separator), sealed));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    static byte[] seal(SecretKey key, SecureRandom random, String subjectId, byte[] plaintext) {
        try {
            byte[] iv = new byte[SubjectKeys.IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = SubjectKeys.gcm();
            cipher.init(Cipher.ENCRYPT_MODE, key, SubjectKeys.iv(iv));
            cipher.updateAAD(subjectId.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(iv.length + ciphertext.length)
                    .put(iv)
                    .put(ciphertext)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt personal data", e);
        }
    }

    static byte[] open(SecretKey key, String subjectId, byte[] sealed) {
        try {
            if (sealed.length < SubjectKeys.IV_BYTES + GCM_TAG_BYTES) {
                throw new GeneralSecurityException("Too short to be a ciphertext");
            }
            Cipher cipher = SubjectKeys.gcm();
            cipher.init(Cipher.DECRYPT_MODE, key, SubjectKeys.iv(Arrays.copyOf(sealed, SubjectKeys.IV_BYTES)));
            cipher.updateAAD(subjectId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, SubjectKeys.IV_BYTES, sealed.length - SubjectKeys.IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt personal data of subject " + subjectId, e);
        }
    }
}
