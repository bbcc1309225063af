package uk.police.bluelamp.platform.personaldata;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Keys for files that hold personal data (evidence uploads): each file has a random key of its own,
 * kept only wrapped by the key of the data subject whose contact or case it belongs to. Erasing the
 * subject destroys their key, and with it every file key it wraps.
 */
@Component
public class FileKeys {

    private final SubjectKeys keys;
    private final SecureRandom random = new SecureRandom();

    FileKeys(SubjectKeys keys) {
        this.keys = keys;
    }

    /** A fresh AES-256 key for one file, held in memory only until it is wrapped. */
    public SecretKey newFileKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No AES-256 here", e);
        }
    }

    /** The subject a contact's or case's files belong to, made on first sight as for its events. */
    public String subjectForWriting(String stream) {
        return keys.subjectForWriting(stream, null);
    }

    /**
     * The file key wrapped by the subject's key, which stays locked against erasure until the caller's
     * transaction ends: the file is then stored before an erasure, and so erased by it, or not at all.
     * Empty when the subject is erased.
     */
    public Optional<byte[]> wrap(String subjectId, SecretKey fileKey) {
        return keys.keyForWriting(subjectId)
                .map(subjectKey -> PersonalDataCipher.seal(subjectKey, random, subjectId, fileKey.getEncoded()));
    }

    /** Empty once the subject is erased. */
    public Optional<SecretKey> unwrap(String subjectId, byte[] wrapped) {
        return keys.keyForReading(subjectId)
                .map(subjectKey -> new SecretKeySpec(PersonalDataCipher.open(subjectKey, subjectId, wrapped), "AES"));
    }
}
