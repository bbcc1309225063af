package uk.police.bluelamp.platform.personaldata;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import uk.police.bluelamp.messages.StoredNames;
import uk.police.bluelamp.messages.casefile.event.CaseEvent;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.contact.event.ContactEvent;
import uk.police.bluelamp.messages.privacy.PersonalData;
import uk.police.bluelamp.messages.reply.event.ReplyEvent;

/**
 * Axon's Jackson event serializer with {@link PersonalData} encrypted under the data subject's
 * key as events are stored, and decrypted as they are read — or read as "[erased]" once the key
 * is gone. Stored bytes never change afterwards, so the audit hash chain still verifies.
 * <p>
 * A sealed value is a JSON object, {@code {"pii":2,"subject":…,"sealed":…}}, where the text was:
 * a String always serialises as a JSON string, so nothing anyone types can take that shape, and
 * values are opened only where the stored type has personal data (docs/adr/0017).
 */
public class PersonalDataSerializer implements Serializer, OpensSealedValues {

    static final int SEALED_VERSION = 2;
    private static final String META_DATA = MetaData.class.getName();
    /** A sealed value's key: the byte scan that lets a read with nothing sealed skip the tree. */
    private static final byte[] SEALED_MARKER = "\"pii\":".getBytes(StandardCharsets.UTF_8);

    private static final byte[] LEGACY_MARKER =
            ("\"" + PersonalDataCipher.LEGACY_PREFIX).getBytes(StandardCharsets.UTF_8);

    private final JacksonSerializer delegate;
    private final SubjectKeys keys;
    // Exact decimals: an Instant written as seconds.nanos must come back to the nanosecond.
    private final ObjectMapper trees;
    private final SecureRandom random = new SecureRandom();
    /** By stored type name: where that type carries personal data (a class lookup costs more than the read). */
    private final Map<String, PersonalFields> personalTypes = new ConcurrentHashMap<>();
    /** By stored type name: its class (Jackson looks a class up by name on every call). */
    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    /** The delegate's mapper, reading stored moments without the general ISO parser (StoredInstants). */
    private final ObjectMapper reading;

    private final BoundReads plainReads;
    /** Every sealed value read as NOT_OPENED. */
    private final BoundReads closedReads;
    /** Every sealed value opened as it is bound (docs/adr/0055). */
    private final BoundReads openingReads;

    PersonalDataSerializer(JacksonSerializer delegate, SubjectKeys keys) {
        this.delegate = delegate;
        this.reading = delegate.getObjectMapper().copy().registerModule(StoredInstants.module());
        this.plainReads = new BoundReads(reading);
        this.closedReads = new BoundReads(ClosedReads.mapper(reading));
        this.openingReads = new BoundReads(
                OpeningReads.mapper(reading, value -> opened(value).asText()));
        this.keys = keys;
        this.trees = delegate.getObjectMapper()
                .copy()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null) {
            return delegate.serialize(null, expectedRepresentation);
        }
        PersonalFields plan = plan(object.getClass());
        if (!plan.any()) {
            SerializedObject<T> plain = delegate.serialize(object, expectedRepresentation);
            return new SimpleSerializedObject<>(
                    plain.getData(), plain.getContentType(), typeForClass(object.getClass()));
        }
        String subject = subjectOf(object);
        Optional<SecretKey> key = keys.keyForWriting(subject);
        byte[] plain = delegate.serialize(object, byte[].class).getData();
        JsonNode tree = read(plain);
        plan.rewrite(
                tree,
                value -> !value.isTextual()
                        ? value
                        : key.map(k -> sealed(k, subject, value.asText()))
                                .orElse(TextNode.valueOf(PersonalData.ERASED)));
        SerializedObject<byte[]> sealed =
                new SimpleSerializedObject<>(write(tree), byte[].class, typeForClass(object.getClass()));
        return delegate.getConverter().convert(sealed, expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> stored) {
        SerializedObject<S> serializedObject =
                new SimpleSerializedObject<>(stored.getData(), stored.getContentType(), javaType(stored.getType()));
        PersonalFields personal = personalFields(serializedObject.getType());
        if (!personal.any()) {
            return readPlain(stored, serializedObject);
        }
        byte[] data = serializedObject.getData() instanceof byte[] bytes
                ? bytes
                : delegate.getConverter()
                        .convert(serializedObject, byte[].class)
                        .getData();
        if (!mayHoldSealedValues(data)) {
            return readPlain(stored, serializedObject);
        }
        if (!contains(data, LEGACY_MARKER)) {
            return openingReads.read(stored, () -> readOpenedTree(data, personal, stored.getType()));
        }
        return readOpenedTree(data, personal, stored.getType());
    }

    /**
     * The payload read as a tree, its personal positions opened, then bound: the one way that
     * opens legacy strings, which must be opened by position only (docs/adr/0017).
     */
    private <T> T readOpenedTree(byte[] data, PersonalFields personal, SerializedType storedType) {
        JsonNode tree = read(data);
        personal.rewrite(tree, this::opened);
        try {
            // A type with personal fields is on the class path, so it has a reader.
            return plainReads.reader(storedType).orElseThrow().readValue(tree);
        } catch (IOException e) {
            throw new SerializationException(
                    "Could not read a stored " + javaType(storedType).getName(), e);
        }
    }

    /** A stored object with nothing sealed in it, bound straight from its bytes (BoundReads). */
    private <S, T> T readPlain(SerializedObject<S> stored, SerializedObject<S> asJava) {
        return plainReads.read(stored, () -> delegate.deserialize(asJava));
    }

    /** As {@link #deserialize}, but with sealed values left closed: every stored type binds straight from its JSON. */
    <S, T> T deserializeClosed(SerializedObject<S> stored) {
        return closedReads.read(stored, () -> deserialize(stored));
    }

    /**
     * Stored objects bound straight from their bytes through a reader made once per stored type:
     * Axon's serializer looks the class and a reader up for every event. Every handled event's
     * metadata is read too (its correlation id goes to the log's context), and Axon's reader of it
     * looks its map reader up again each time (JFR: most of the cost), so it has one reader here.
     */
    private final class BoundReads {

        private final ObjectMapper mapper;
        private final ObjectReader metaData;
        private final Map<String, Optional<ObjectReader>> byType = new ConcurrentHashMap<>();

        BoundReads(ObjectMapper mapper) {
            this.mapper = mapper;
            this.metaData = mapper.readerFor(new TypeReference<Map<String, Object>>() {});
        }

        /** Read by {@code otherwise} when not stored as bytes of a type on the class path. */
        @SuppressWarnings("unchecked")
        <T> T read(SerializedObject<?> stored, Supplier<T> otherwise) {
            if (!(stored.getData() instanceof byte[] bytes)
                    || SerializedType.emptyType().equals(stored.getType())) {
                return otherwise.get();
            }
            String name = stored.getType().getName();
            try {
                if (META_DATA.equals(name)) {
                    return (T) MetaData.from(metaData.<Map<String, Object>>readValue(bytes));
                }
                Optional<ObjectReader> reader = reader(stored.getType());
                return reader.isEmpty() ? otherwise.get() : reader.get().readValue(bytes);
            } catch (IOException e) {
                if (e.getCause() instanceof SerializationException refused) {
                    // A sealed value that would not open says why, as the tree's opening does.
                    throw refused;
                }
                throw new SerializationException("Could not read a stored " + name, e);
            }
        }

        /** The reader of a stored type, made once; empty for a type not on the class path. */
        Optional<ObjectReader> reader(SerializedType stored) {
            return byType.computeIfAbsent(stored.getName(), name -> {
                Class<?> type = classForType(stored);
                return type == UnknownSerializedType.class ? Optional.empty() : Optional.of(mapper.readerFor(type));
            });
        }
    }

    /**
     * A stored payload of the given stored type as people may read it: decrypted, or "[erased]"
     * where the key is gone. Only the type's personal positions are opened.
     */
    public byte[] reveal(byte[] stored, SerializedType type) {
        if (stored == null) {
            return null;
        }
        PersonalFields personal = personalFields(type);
        if (!personal.any() || !mayHoldSealedValues(stored)) {
            return stored;
        }
        JsonNode tree = read(stored);
        personal.rewrite(tree, this::opened);
        return write(tree);
    }

    private PersonalFields personalFields(SerializedType type) {
        return personalTypes.computeIfAbsent(type.getName(), name -> plan(classForType(type)));
    }

    /** Where values of this class hold personal data. */
    PersonalFields plan(Class<?> type) {
        return PersonalFields.of(type);
    }

    private static boolean mayHoldSealedValues(byte[] data) {
        return contains(data, SEALED_MARKER) || contains(data, LEGACY_MARKER);
    }

    private JsonNode sealed(SecretKey key, String subject, String plaintext) {
        ObjectNode node = trees.getNodeFactory().objectNode();
        node.put("pii", SEALED_VERSION);
        node.put("subject", subject);
        node.put(
                "sealed",
                Base64.getEncoder().encodeToString(PersonalDataCipher.encrypt(key, random, subject, plaintext)));
        return node;
    }

    /**
     * What is stored at a personal position, as text. Our sealed object opens (a value that is
     * ours yet does not open has been tampered with, and says so). A string is what events
     * stored before the sealed object hold: our legacy ciphertext opens; anything else, such as
     * plaintext stored before encryption began, is the text it is.
     */
    private JsonNode opened(JsonNode stored) {
        if (stored instanceof ObjectNode object) {
            JsonNode subject = object.get("subject");
            JsonNode sealed = object.get("sealed");
            if (object.path("pii").asInt() != SEALED_VERSION
                    || subject == null
                    || !subject.isTextual()
                    || sealed == null
                    || !sealed.isTextual()) {
                throw new SerializationException("A personal value in a stored event is in no form we know");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(sealed.asText());
            } catch (IllegalArgumentException notBase64) {
                throw new SerializationException("A sealed personal value in a stored event is not base64");
            }
            try {
                return TextNode.valueOf(keys.keyForReading(subject.asText())
                        .map(key -> PersonalDataCipher.decrypt(key, subject.asText(), bytes))
                        .orElse(PersonalData.ERASED));
            } catch (IllegalStateException tampered) {
                throw new SerializationException("A sealed personal value does not open under its subject's key");
            }
        }
        if (!stored.isTextual()) {
            return stored;
        }
        return PersonalDataCipher.legacy(stored.asText())
                .map(legacy -> {
                    Optional<SecretKey> key = keys.keyForReading(legacy.subjectId());
                    if (key.isEmpty()) {
                        return TextNode.valueOf(PersonalData.ERASED);
                    }
                    try {
                        return TextNode.valueOf(
                                PersonalDataCipher.decrypt(key.get(), legacy.subjectId(), legacy.sealed()));
                    } catch (IllegalStateException notOurCiphertext) {
                        return stored;
                    }
                })
                .orElse(stored);
    }

    /** The data subject whose key seals what this object holds. */
    String subjectOf(Object event) {
        if (event instanceof CaseOpened opened) {
            return keys.subjectForWriting(opened.reference(), opened.contactId());
        }
        if (event instanceof CaseEvent caseEvent) {
            return keys.subjectForWriting(caseEvent.reference(), null);
        }
        if (event instanceof ContactEvent contactEvent) {
            return keys.subjectForWriting(contactEvent.contactId(), null);
        }
        if (event instanceof ReplyEvent replyEvent) {
            // Its own subject, unless it was put on a case's subject before its first event.
            return keys.subjectForWriting(replyEvent.replyId(), null);
        }
        throw new SerializationException(
                "No data subject for the personal data in " + event.getClass().getName());
    }

    private JsonNode read(byte[] json) {
        try {
            return trees.readTree(json);
        } catch (IOException e) {
            throw new SerializationException("Unreadable JSON in a stored event", e);
        }
    }

    private byte[] write(JsonNode tree) {
        try {
            return trees.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new SerializationException("Could not write an event's JSON", e);
        }
    }

    static boolean contains(byte[] data, byte[] marker) {
        outer:
        for (int i = 0; i <= data.length - marker.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (data[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * This serializer for a reader that keeps nothing personal (a read model that declares it
     * holds no personal data): sealed values are read as {@link #NOT_OPENED} without a key or a
     * decryption, and stored types bind straight from their JSON. A year's rebuild of such a
     * read model then reads as fast as plain JSON (docs/adr/0017).
     */
    public Serializer closed() {
        return closed;
    }

    /**
     * As this serializer, but opening the sealed values of these types only: every other type
     * reads as {@link #closed()} does (docs/adr/0053).
     */
    public Serializer openingOnly(Collection<Class<?>> types) {
        return new ClosedReads(
                this, types.stream().map(type -> typeForClass(type).getName()).collect(Collectors.toSet()));
    }

    @Override
    public void warmKeysFor(Collection<String> streamIds) {
        keys.warmForReading(streamIds);
    }

    /** What a sealed value reads as where it is not opened. */
    public static final String NOT_OPENED = "[not opened]";

    private final Serializer closed = new ClosedReads(this, Set.of());

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return classes.computeIfAbsent(type.getName(), name -> delegate.classForType(javaType(type)));
    }

    /** Stored types go by {@link StoredNames}; the Jackson delegate knows Java class names. */
    SerializedType javaType(SerializedType stored) {
        return new SimpleSerializedType(StoredNames.className(stored.getName()), stored.getRevision());
    }

    @Override
    public SerializedType typeForClass(Class type) {
        SerializedType asJava = delegate.typeForClass(type);
        return new SimpleSerializedType(StoredNames.of(asJava.getName()), asJava.getRevision());
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
