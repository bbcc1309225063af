package uk.police.bluelamp.platform.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import uk.police.bluelamp.platform.cluster.ClusterNodes;

/**
 * One AES-256 key per data subject, wrapped by the key-encryption key from the environment and
 * kept in {@code personal_data_key}. Keys are cached (a replay reads a million events), but only
 * once the transaction that read or made them commits: a rolled-back key must never encrypt.
 * A cached key lives {@code bluelamp.personal-data.key-cache-ttl} (30 s) at most, and is used only
 * while this node's heartbeat is current: each beat drops the keys of subjects erased anywhere,
 * and an erasure answers once every live node has beaten since it committed, or once a silent
 * node's last beat is too old for it to use its cache (docs/adr/0023-nodes-share-work-and-erasures.md).
 * Keys for writing are never taken from the cache: they are read, and held, in the transaction
 * that stores the event, so an erasure either waits for that event (and covers it) or goes first
 * (and the event stores "[erased]").
 */
@Component
public class SubjectKeys {

    static final int GCM_TAG_BITS = 128;
    static final int IV_BYTES = 12;
    private static final int CACHED = 50_000;

    private final JdbcTemplate jdbc;
    private final SecretKey keyEncryptionKey;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, CachedKey> keys = lru();
    private final Map<String, String> subjects = lru();
    private final Set<String> erased = ConcurrentHashMap.newKeySet();
    /**
     * Subjects whose key a reader found gone. A value is sealed only under a key its transaction
     * made or held, and a key once destroyed is never made again, so a key found gone stays gone:
     * a rebuild over people erased long ago (retention disposes of thousands) then asks once each.
     */
    private final Map<String, Boolean> keyless = lru();

    private final long keyTtlNanos;
    private final ClusterNodes nodes;

    @Autowired
    SubjectKeys(
            JdbcTemplate jdbc,
            @Value("${bluelamp.secrets.personal-data-kek}") String keyEncryptionKey,
            @Value("${bluelamp.personal-data.key-cache-ttl:PT30S}") Duration keyTtl,
            ClusterNodes nodes) {
        this(nodes, jdbc, keyEncryptionKey, keyTtl);
        nodes.onEachBeat(this::forgetErasedSubjects);
    }

    /** A node without a heartbeat: a cached key is used for {@code keyTtl} (zero caches nothing). */
    SubjectKeys(JdbcTemplate jdbc, String keyEncryptionKey, Duration keyTtl) {
        this(null, jdbc, keyEncryptionKey, keyTtl);
    }

    private SubjectKeys(ClusterNodes nodes, JdbcTemplate jdbc, String keyEncryptionKey, Duration keyTtl) {
        this.nodes = nodes;
        this.jdbc = jdbc;
        this.keyTtlNanos = keyTtl.toNanos();
        // Its strength (128 bits, so `openssl rand -base64 16` will do) is checked before start
        // outside the demo (RequiredSecrets); this only stops an obviously broken value.
        if (keyEncryptionKey == null || keyEncryptionKey.length() < 16) {
            throw new IllegalStateException("bluelamp.secrets.personal-data-kek must be at least 16 characters");
        }
        this.keyEncryptionKey = new SecretKeySpec(sha256(keyEncryptionKey), "AES");
    }

    /**
     * The subject whose personal data a stream holds, made on first sight. A contact is its own
     * subject; a case belongs to the subject of the contact that opened it ({@code openedBy}).
     */
    String subjectForWriting(String streamId, String openedBy) {
        Written written = written();
        String known = written == null ? null : written.subjects.get(streamId);
        if (known != null) {
            return known;
        }
        known = subjectOf(streamId).orElse(null);
        if (known == null) {
            String subject = openedBy == null ? streamId : subjectForWriting(openedBy, null);
            int made = jdbc.update(
                    "insert into personal_data_stream (stream_id, subject_id) values (?, ?) on conflict do nothing",
                    streamId,
                    subject);
            if (made == 1) {
                known = subject;
                afterCommit(() -> subjects.put(streamId, subject));
                if (written != null && openedBy == null) {
                    written.newSubjects.add(subject);
                }
            } else {
                known = subjectOf(streamId).orElseThrow();
            }
        }
        if (written != null) {
            written.subjects.put(streamId, known);
        }
        return known;
    }

    /**
     * A new contact made for an existing person (a call task to give a citizen their update)
     * holds that person's data: it joins their subject, so erasing them erases it too.
     */
    public void sameSubject(String newStreamId, String existingStreamId) {
        subjectForWriting(newStreamId, existingStreamId);
    }

    /** Empty when no personal data was ever stored for that stream. */
    public Optional<String> subjectOf(String streamId) {
        String cached = subjects.get(streamId);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<String> found = jdbc.queryForList(
                "select subject_id from personal_data_stream where stream_id = ?", String.class, streamId);
        found.stream().findFirst().ifPresent(subject -> afterCommit(() -> subjects.put(streamId, subject)));
        return found.stream().findFirst();
    }

    /** Every contact and case whose personal data belongs to the subject. */
    public List<String> streamsOf(String subjectId) {
        return jdbc.queryForList(
                "select stream_id from personal_data_stream where subject_id = ? order by stream_id",
                String.class,
                subjectId);
    }

    /** Empty once the subject is erased: what would be written is then written as erased. */
    Optional<SecretKey> keyForWriting(String subjectId) {
        Written written = written();
        if (written != null && written.keys.containsKey(subjectId)) {
            return written.keys.get(subjectId);
        }
        Optional<SecretKey> key = written != null && written.newSubjects.contains(subjectId)
                ? makeKey(subjectId)
                : existingOrNewKey(subjectId);
        if (written != null) {
            written.keys.put(subjectId, key);
        }
        return key;
    }

    private Optional<SecretKey> existingOrNewKey(String subjectId) {
        Optional<SecretKey> existing = heldKey(subjectId);
        if (existing.isPresent() || isErased(subjectId)) {
            return existing;
        }
        return makeKey(subjectId);
    }

    /**
     * A subject first seen in this transaction has no key yet: one statement makes it, unless the
     * subject was erased; the row made is held by this transaction as a read key would be.
     */
    private Optional<SecretKey> makeKey(String subjectId) {
        if (erased.contains(subjectId)) {
            return Optional.empty();
        }
        SecretKey key = newKey();
        int made = jdbc.update(
                "insert into personal_data_key (subject_id, wrapped_key) select ?, ? where not exists "
                        + "(select 1 from personal_data_erasure where subject_id = ?) on conflict do nothing",
                subjectId,
                wrap(subjectId, key),
                subjectId);
        return made == 1 ? Optional.of(key) : heldKey(subjectId);
    }

    /** What the caller's transaction has made or holds, so its next event asks nothing again. */
    private Written written() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Written written = (Written) TransactionSynchronizationManager.getResource(this);
        if (written == null) {
            written = new Written();
            TransactionSynchronizationManager.bindResource(this, written);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SubjectKeys.this);
                }
            });
        }
        return written;
    }

    private static final class Written {
        private final Map<String, String> subjects = new HashMap<>();
        private final Map<String, Optional<SecretKey>> keys = new HashMap<>();
        /** Subjects whose first stream this transaction made: they cannot have a key yet. */
        private final Set<String> newSubjects = new HashSet<>();
    }

    /**
     * The key as the table has it now, locked against deletion until the caller's transaction
     * ends: a cached key may belong to a subject another node has just erased.
     */
    private Optional<SecretKey> heldKey(String subjectId) {
        List<byte[]> found = jdbc.queryForList(
                "select wrapped_key from personal_data_key where subject_id = ? for key share",
                byte[].class,
                subjectId);
        return found.stream().findFirst().map(wrapped -> unwrap(subjectId, wrapped));
    }

    /** Empty when the key was destroyed. */
    Optional<SecretKey> keyForReading(String subjectId) {
        CachedKey cached = keys.get(subjectId);
        if (cached != null && System.nanoTime() - cached.loadedAt() < keyTtlNanos && heartbeatCurrent()) {
            return Optional.of(cached.key());
        }
        if (erased.contains(subjectId) || keyless.containsKey(subjectId)) {
            return Optional.empty();
        }
        List<byte[]> found = jdbc.queryForList(
                "select wrapped_key from personal_data_key where subject_id = ?", byte[].class, subjectId);
        if (found.isEmpty()) {
            afterCommit(() -> keyless.put(subjectId, Boolean.TRUE));
            return Optional.empty();
        }
        SecretKey key = unwrap(subjectId, found.get(0));
        // A reader that fetched the key just before an erasure committed must not cache it after.
        afterCommit(() -> {
            synchronized (keys) {
                if (!erased.contains(subjectId)) {
                    keys.put(subjectId, new CachedKey(key, System.nanoTime()));
                }
            }
        });
        return Optional.of(key);
    }

    /**
     * Caches, in one query, the subjects of these streams and their keys for reading, as
     * {@link #keyForReading} would one at a time: a rebuild reads a window of thousands of events
     * of thousands of people, and a round trip per person was most of its reading.
     */
    public void warmForReading(Collection<String> streamIds) {
        if (streamIds.isEmpty()) {
            return;
        }
        jdbc.query(
                "select s.stream_id, s.subject_id, k.wrapped_key from personal_data_stream s "
                        + "left join personal_data_key k on k.subject_id = s.subject_id "
                        + "where s.stream_id = any(?)",
                row -> {
                    String streamId = row.getString(1);
                    String subjectId = row.getString(2);
                    byte[] wrapped = row.getBytes(3);
                    SecretKey key = wrapped == null ? null : unwrap(subjectId, wrapped);
                    afterCommit(() -> {
                        subjects.put(streamId, subjectId);
                        if (key == null) {
                            // A person's key is made with their first stream, so one missing here
                            // was destroyed, and a destroyed key is never made again.
                            keyless.put(subjectId, Boolean.TRUE);
                            return;
                        }
                        synchronized (keys) {
                            if (!erased.contains(subjectId)) {
                                keys.put(subjectId, new CachedKey(key, System.nanoTime()));
                            }
                        }
                    });
                },
                (Object) streamIds.toArray(String[]::new));
    }

    public boolean isErased(String subjectId) {
        if (erased.contains(subjectId)) {
            return true;
        }
        Integer count = jdbc.queryForObject(
                "select count(*) from personal_data_erasure where subject_id = ?", Integer.class, subjectId);
        if (count != null && count > 0) {
            afterCommit(() -> erased.add(subjectId));
            return true;
        }
        return false;
    }

    /**
     * Deletes the key in the caller's transaction. The cache drops it now, and the subject counts
     * as erased once that commits (a rolled-back erasure leaves the person readable).
     */
    public void destroy(String subjectId) {
        jdbc.update("delete from personal_data_key where subject_id = ?", subjectId);
        keys.remove(subjectId);
        afterCommit(() -> forget(subjectId));
    }

    /**
     * A node whose beats stopped reaching the database may have missed an erasure: its cache is
     * not to be trusted past the time an erasure waits for it.
     */
    private boolean heartbeatCurrent() {
        return nodes == null || nodes.beatWithin(nodes.nodeTimeout());
    }

    /** In each heartbeat, before it says this node has seen every erasure committed so far. */
    private void forgetErasedSubjects(JdbcTemplate beat) {
        beat.queryForList(
                        "select subject_id from personal_data_erasure where erased_at > now() - interval '1 day'",
                        String.class)
                .forEach(this::forget);
    }

    private void forget(String subjectId) {
        synchronized (keys) {
            erased.add(subjectId);
            keys.remove(subjectId);
        }
    }

    private record CachedKey(SecretKey key, long loadedAt) {}

    private SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No AES-256 here", e);
        }
    }

    private byte[] wrap(String subjectId, SecretKey key) {
        return PersonalDataCipher.seal(keyEncryptionKey, random, subjectId, key.getEncoded());
    }

    private SecretKey unwrap(String subjectId, byte[] wrapped) {
        return new SecretKeySpec(PersonalDataCipher.open(keyEncryptionKey, subjectId, wrapped), "AES");
    }

    /** Within a transaction, only what it commits may be remembered. */
    private static void afterCommit(Runnable remember) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remember.run();
                }
            });
        } else {
            remember.run();
        }
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <V> Map<String, V> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > CACHED;
            }
        });
    }

    /** Looking a cipher up costs more than decrypting a name with it: one per thread, reused. */
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No AES-GCM here", e);
        }
    });

    static Cipher gcm() {
        return GCM.get();
    }

    static GCMParameterSpec iv(byte[] iv) {
        return new GCMParameterSpec(GCM_TAG_BITS, iv);
    }
}
