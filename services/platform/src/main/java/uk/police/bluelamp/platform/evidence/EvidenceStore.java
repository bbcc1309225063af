package uk.police.bluelamp.platform.evidence;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import uk.police.bluelamp.platform.personaldata.FileKeys;

/**
 * Evidence files as they arrive: streamed, never whole in memory, through the type check, the
 * virus scanner, SHA-256 and AES-GCM at once. Until the scanner has answered, the file exists only
 * as ciphertext in a temporary file, under a key held in memory; once it is clean, one transaction
 * stores its chunks, wraps its key with the data subject's, and runs the caller's command that
 * records it (EvidenceAttached). An infected file, one too large or of a type not allowed, or a
 * refused command, leaves nothing behind. docs/adr/0043.
 */
@Component
public class EvidenceStore {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceStore.class);

    static final int CHUNK = 64 * 1024;
    static final int LONGEST_NAME = 200;

    /** What was stored: for the command that records it. */
    public record Received(String evidenceId, String fileName, String mediaType, long sizeBytes, String sha256) {}

    /** A stored file as its row says; the name is read apart, being personal data. */
    public record StoredFile(
            String evidenceId,
            String streamId,
            String subjectId,
            String mediaType,
            long sizeBytes,
            String sha256,
            int chunks,
            byte[] sealedName,
            byte[] wrappedKey) {

        public boolean erased() {
            return wrappedKey == null;
        }

        public boolean previewable() {
            return !erased() && FileTypes.previewable(mediaType);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final FileKeys keys;
    private final VirusScanner scanner;
    private final long maxBytes;

    EvidenceStore(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            FileKeys keys,
            VirusScanner scanner,
            @Value("${bluelamp.evidence.max-file-size:20MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.keys = keys;
        this.scanner = scanner;
        this.maxBytes = maxSize.toBytes();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Takes a file for a contact's or a case's stream, and calls {@code record} in the transaction
     * that stores it.
     *
     * @param declaredLength the request's Content-Length, or -1: a file declared too large is
     *     refused unread
     */
    public Received receive(
            String stream, String givenName, long declaredLength, InputStream body, Consumer<Received> record) {
        String fileName = fileName(givenName);
        if (declaredLength > maxBytes) {
            throw EvidenceRefused.tooLarge(maxBytes);
        }
        String evidenceId = UUID.randomUUID().toString();
        SecretKey fileKey = keys.newFileKey();
        byte[] head = new byte[CHUNK];
        int headLength = readFully(body, head);
        if (headLength == 0) {
            throw EvidenceRefused.empty();
        }
        Optional<FileTypes.FileType> type = FileTypes.of(head, Math.min(headLength, FileTypes.HEAD));
        Path sealed = type.isPresent() ? temporaryFile() : null;
        try {
            // A file of a type not taken is still scanned to its end: a virus is named as one.
            Sealed file = sealAndScan(evidenceId, fileKey, head, headLength, body, sealed);
            FileTypes.FileType taken = type.orElseThrow(EvidenceRefused::wrongType);
            Received received = new Received(evidenceId, fileName, taken.mediaType(), file.size(), file.sha256());
            transactions.executeWithoutResult(status -> {
                store(stream, received, file.chunks(), fileKey, sealed);
                record.accept(received);
            });
            return received;
        } finally {
            if (sealed != null) {
                delete(sealed);
            }
        }
    }

    private record Sealed(long size, String sha256, int chunks) {}

    /** @param to where the sealed chunks go, or null when the file will be refused whatever the scan says */
    private Sealed sealAndScan(
            String evidenceId, SecretKey fileKey, byte[] buffer, int first, InputStream body, Path to) {
        MessageDigest sha256 = sha256();
        long size = 0;
        int chunks = 0;
        try (VirusScanner.Scan scan = scanner.start();
                DataOutputStream out = new DataOutputStream(
                        to == null ? OutputStream.nullOutputStream() : Files.newOutputStream(to))) {
            int length = first;
            while (length > 0) {
                size += length;
                if (size > maxBytes) {
                    throw EvidenceRefused.tooLarge(maxBytes);
                }
                sha256.update(buffer, 0, length);
                scan.write(buffer, 0, length);
                if (to != null) {
                    byte[] chunk = ChunkCipher.seal(fileKey, aad(evidenceId, chunks), buffer, length);
                    out.writeInt(chunk.length);
                    out.write(chunk);
                }
                chunks++;
                length = readFully(body, buffer);
            }
            String infection = scan.infection();
            if (infection != null) {
                LOG.warn("Refused file {} of {} bytes: the scanner found {}", evidenceId, size, infection);
                throw EvidenceRefused.infected();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The file could not be read to the end", e);
        }
        return new Sealed(size, HexFormat.of().formatHex(sha256.digest()), chunks);
    }

    private void store(String stream, Received received, int chunks, SecretKey fileKey, Path sealed) {
        String subject = keys.subjectForWriting(stream);
        byte[] wrapped = keys.wrap(subject, fileKey).orElseThrow(EvidenceRefused::erased);
        jdbc.sql("""
                        insert into evidence_file (evidence_id, stream_id, subject_id, media_type, size_bytes, sha256,
                            chunks, sealed_name, wrapped_key)
                        values (:id, :stream, :subject, :type, :size, :sha256, :chunks, :name, :key)""")
                .param("id", UUID.fromString(received.evidenceId()))
                .param("stream", stream)
                .param("subject", subject)
                .param("type", received.mediaType())
                .param("size", received.sizeBytes())
                .param("sha256", received.sha256())
                .param("chunks", chunks)
                .param(
                        "name",
                        ChunkCipher.seal(
                                fileKey,
                                nameAad(received.evidenceId()),
                                received.fileName().getBytes(StandardCharsets.UTF_8),
                                -1))
                .param("key", wrapped)
                .update();
        try (DataInputStream in = new DataInputStream(Files.newInputStream(sealed))) {
            for (int n = 0; n < chunks; n++) {
                byte[] chunk = new byte[in.readInt()];
                in.readFully(chunk);
                jdbc.sql("insert into evidence_chunk (evidence_id, n, sealed) values (:id, :n, :sealed)")
                        .param("id", UUID.fromString(received.evidenceId()))
                        .param("n", n)
                        .param("sealed", chunk)
                        .update();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<StoredFile> find(String evidenceId) {
        UUID id;
        try {
            id = UUID.fromString(evidenceId);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select evidence_id, stream_id, subject_id, media_type, size_bytes, sha256, chunks, sealed_name,
                            wrapped_key from evidence_file where evidence_id = :id""")
                .param("id", id)
                .query((row, n) -> new StoredFile(
                        row.getString("evidence_id"),
                        row.getString("stream_id"),
                        row.getString("subject_id"),
                        row.getString("media_type"),
                        row.getLong("size_bytes"),
                        row.getString("sha256"),
                        row.getInt("chunks"),
                        row.getBytes("sealed_name"),
                        row.getBytes("wrapped_key")))
                .optional();
    }

    /** The name it was sent with. */
    public String name(StoredFile file) {
        byte[] name = ChunkCipher.open(fileKey(file), nameAad(file.evidenceId()), file.sealedName());
        return new String(name, StandardCharsets.UTF_8);
    }

    /** The file exactly as it was received, one chunk in memory at a time. */
    public void copyTo(StoredFile file, OutputStream out) throws IOException {
        try (InputStream in = open(file)) {
            in.transferTo(out);
        }
    }

    /** A small PNG of an image, drawn from the original as it is read (the original never changes). */
    public void previewTo(StoredFile file, OutputStream out) throws IOException {
        if (!file.previewable()) {
            throw new IllegalArgumentException("There is no preview of this file");
        }
        try (InputStream in = open(file)) {
            Previews.draw(in, out);
        }
    }

    /**
     * In the erasure's transaction: the chunks and the wrapped keys of the subject's files go with
     * the subject's key. Type, size and SHA-256 stay, as in their events.
     */
    public void erase(String subjectId) {
        jdbc.sql("""
                        delete from evidence_chunk where evidence_id in
                            (select evidence_id from evidence_file where subject_id = :subject)""").param("subject", subjectId).update();
        jdbc.sql("""
                        update evidence_file set wrapped_key = null, sealed_name = null, erased_at = now()
                        where subject_id = :subject and erased_at is null""").param("subject", subjectId).update();
    }

    private InputStream open(StoredFile file) {
        SecretKey key = fileKey(file);
        return new InputStream() {
            private int next;
            private byte[] plain = new byte[0];
            private int at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                while (at == plain.length) {
                    if (next == file.chunks()) {
                        return -1;
                    }
                    plain = ChunkCipher.open(key, aad(file.evidenceId(), next), chunk(file.evidenceId(), next));
                    at = 0;
                    next++;
                }
                int n = Math.min(length, plain.length - at);
                System.arraycopy(plain, at, into, offset, n);
                at += n;
                return n;
            }
        };
    }

    private byte[] chunk(String evidenceId, int n) throws IOException {
        return jdbc.sql("select sealed from evidence_chunk where evidence_id = :id and n = :n")
                .param("id", UUID.fromString(evidenceId))
                .param("n", n)
                .query(byte[].class)
                .optional()
                .orElseThrow(() -> new EOFException("Evidence " + evidenceId + " lacks chunk " + n));
    }

    private SecretKey fileKey(StoredFile file) {
        if (file.erased()) {
            throw EvidenceRefused.erased();
        }
        return keys.unwrap(file.subjectId(), file.wrappedKey()).orElseThrow(EvidenceRefused::erased);
    }

    /** Only the last part of a path a browser may send, within the longest name kept. */
    static String fileName(String given) {
        if (given == null) {
            throw EvidenceRefused.noName();
        }
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1)
                .strip();
        if (name.isEmpty()) {
            throw EvidenceRefused.noName();
        }
        if (name.length() > LONGEST_NAME) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, LONGEST_NAME - extension.length()) + extension;
        }
        return name;
    }

    private static byte[] aad(String evidenceId, int n) {
        return (evidenceId + ":" + n).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] nameAad(String evidenceId) {
        return (evidenceId + ":name").getBytes(StandardCharsets.US_ASCII);
    }

    private static int readFully(InputStream in, byte[] buffer) {
        try {
            int total = 0;
            int read;
            while (total < buffer.length && (read = in.read(buffer, total, buffer.length - total)) != -1) {
                total += read;
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException("The file could not be read to the end", e);
        }
    }

    private static Path temporaryFile() {
        try {
            return Files.createTempFile("bluelamp-evidence-", ".sealed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
