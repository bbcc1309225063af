package uk.police.bluelamp.audit.erasure;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javax.crypto.SecretKey;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import uk.police.bluelamp.messages.casefile.CaseEvent;
import uk.police.bluelamp.messages.casefile.CaseOpened;
import uk.police.bluelamp.messages.contact.ContactEvent;
import uk.police.bluelamp.messages.privacy.PersonalData;

/**
 * Axon's Jackson event serializer with {@link PersonalData} encrypted under the data subject's
 * key as events are stored, and decrypted as they are read — or read as "[erased]" once the key
 * is gone. Stored bytes never change afterwards, so the audit hash chain still verifies.
 */
public class PersonalDataSerializer implements Serializer {

    private static final byte[] MARKER = ("\"" + PersonalDataCipher.PREFIX).getBytes(StandardCharsets.UTF_8);

    private final JacksonSerializer delegate;
    private final SubjectKeys keys;
    // Exact decimals: an Instant written as seconds.nanos must come back to the nanosecond.
    private final ObjectMapper trees;
    private final SecureRandom random = new SecureRandom();
    /** By stored type name: whether that type carries personal data (a class lookup costs more than the read). */
    private final Map<String, Boolean> personalTypes = new ConcurrentHashMap<>();

    PersonalDataSerializer(JacksonSerializer delegate, SubjectKeys keys) {
        this.delegate = delegate;
        this.keys = keys;
        this.trees = delegate.getObjectMapper().copy()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || !PersonalFields.of(object.getClass()).any()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        String subject = subjectOf(object);
        Optional<SecretKey> key = keys.keyForWriting(subject);
        byte[] plain = delegate.serialize(object, byte[].class).getData();
        JsonNode tree = read(plain);
        PersonalFields.of(object.getClass()).rewrite(tree, value -> key
                .map(k -> PersonalDataCipher.encrypt(k, random, subject, value))
                .orElse(PersonalData.ERASED));
        SerializedObject<byte[]> sealed = new SimpleSerializedObject<>(write(tree), byte[].class,
                delegate.typeForClass(object.getClass()));
        return delegate.getConverter().convert(sealed, expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (!personalTypes.computeIfAbsent(serializedObject.getType().getName(),
                name -> PersonalFields.of(delegate.classForType(serializedObject.getType())).any())) {
            return delegate.deserialize(serializedObject);
        }
        byte[] data = serializedObject.getData() instanceof byte[] bytes ? bytes
                : delegate.getConverter().convert(serializedObject, byte[].class).getData();
        if (!contains(data, MARKER)) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode tree = read(data);
        rewriteAll(tree, value -> PersonalDataCipher.isEncrypted(value) ? decrypt(value) : value);
        try {
            return delegate.getObjectMapper().readerFor(delegate.classForType(serializedObject.getType())).readValue(tree);
        } catch (IOException e) {
            throw new SerializationException("Could not read a stored " + serializedObject.getType().getName(), e);
        }
    }

    /** A stored payload as people may read it: decrypted, or "[erased]" where the key is gone. */
    public byte[] reveal(byte[] stored) {
        if (stored == null || !contains(stored, MARKER)) {
            return stored;
        }
        JsonNode tree = read(stored);
        rewriteAll(tree, value -> PersonalDataCipher.isEncrypted(value) ? decrypt(value) : value);
        return write(tree);
    }

    private String decrypt(String value) {
        return keys.keyForReading(PersonalDataCipher.subjectOf(value))
                .map(key -> PersonalDataCipher.decrypt(key, value))
                .orElse(PersonalData.ERASED);
    }

    private String subjectOf(Object event) {
        if (event instanceof CaseOpened opened) {
            return keys.subjectForWriting(opened.reference(), opened.contactId());
        }
        if (event instanceof CaseEvent caseEvent) {
            return keys.subjectForWriting(caseEvent.reference(), null);
        }
        if (event instanceof ContactEvent contactEvent) {
            return keys.subjectForWriting(contactEvent.contactId(), null);
        }
        throw new SerializationException("No data subject for the personal data in " + event.getClass().getName());
    }

    private static void rewriteAll(JsonNode node, UnaryOperator<String> change) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(change.apply(field.getValue().asText())));
                } else {
                    rewriteAll(field.getValue(), change);
                }
            }
        } else if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                if (element.isTextual()) {
                    ((ArrayNode) node).set(i, TextNode.valueOf(change.apply(element.asText())));
                } else {
                    rewriteAll(element, change);
                }
            }
        }
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

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
