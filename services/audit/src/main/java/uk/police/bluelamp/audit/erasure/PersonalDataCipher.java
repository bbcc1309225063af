package uk.police.bluelamp.audit.erasure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * AES-GCM with the subject id as associated data, so a value moved to another subject's event
 * does not decrypt. A stored value reads {@code pii:v1:<subject>:<base64 of iv and ciphertext>}.
 */
final class PersonalDataCipher {

    static final String PREFIX = "pii:v1:";

    private PersonalDataCipher() {
    }

    static String encrypt(SecretKey key, SecureRandom random, String subjectId, String plaintext) {
        byte[] sealed = seal(key, random, subjectId, plaintext.getBytes(StandardCharsets.UTF_8));
        return PREFIX + subjectId + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    static boolean isEncrypted(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    static String subjectOf(String value) {
        return value.substring(PREFIX.length(), value.lastIndexOf(':'));
    }

    static String decrypt(SecretKey key, String value) {
        String subjectId = subjectOf(value);
        byte[] sealed = Base64.getDecoder().decode(value.substring(value.lastIndexOf(':') + 1));
        return new String(open(key, subjectId, sealed), StandardCharsets.UTF_8);
    }

    static byte[] seal(SecretKey key, SecureRandom random, String subjectId, byte[] plaintext) {
        try {
            byte[] iv = new byte[SubjectKeys.IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = SubjectKeys.gcm();
            cipher.init(Cipher.ENCRYPT_MODE, key, SubjectKeys.iv(iv));
            cipher.updateAAD(subjectId.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(iv.length + ciphertext.length).put(iv).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt personal data", e);
        }
    }

    static byte[] open(SecretKey key, String subjectId, byte[] sealed) {
        try {
            Cipher cipher = SubjectKeys.gcm();
            cipher.init(Cipher.DECRYPT_MODE, key, SubjectKeys.iv(java.util.Arrays.copyOf(sealed, SubjectKeys.IV_BYTES)));
            cipher.updateAAD(subjectId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, SubjectKeys.IV_BYTES, sealed.length - SubjectKeys.IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt personal data of subject " + subjectId, e);
        }
    }
}
