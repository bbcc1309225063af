package uk.police.bluelamp.platform.personaldata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Collection;
import java.util.Set;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;

/**
 * The personal-data serializer for a reader that never looks at personal values, or at those of
 * only some types: everything as the serializer does it, but a stored payload of any other type
 * is read with its sealed values left closed.
 */
final class ClosedReads implements Serializer, OpensSealedValues {

    private final PersonalDataSerializer serializer;
    /** Stored type names still opened: none for a read model that holds nothing personal. */
    private final Set<String> opened;

    ClosedReads(PersonalDataSerializer serializer, Set<String> opened) {
        this.serializer = serializer;
        this.opened = Set.copyOf(opened);
    }

    /**
     * A copy of the mapper whose text fields take a sealed value as {@link
     * PersonalDataSerializer#NOT_OPENED}. Sealed values sit only where text was (PersonalFields),
     * so every personal position reads; an object in any other shape fails as it always did.
     */
    static ObjectMapper mapper(ObjectMapper mapper) {
        return mapper.copy()
                .registerModule(
                        new SimpleModule("sealed-values-closed").addDeserializer(String.class, new SealedLeftClosed()));
    }

    private static final class SealedLeftClosed extends StdScalarDeserializer<String> {

        SealedLeftClosed() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                return StringDeserializer.instance.deserialize(parser, context);
            }
            JsonNode value = context.readTree(parser);
            if (value.path("pii").asInt() != PersonalDataSerializer.SEALED_VERSION) {
                return context.reportInputMismatch(
                        String.class, "A personal value in a stored event is in no form we know");
            }
            return PersonalDataSerializer.NOT_OPENED;
        }
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        return opened.contains(serializedObject.getType().getName())
                ? serializer.deserialize(serializedObject)
                : serializer.deserializeClosed(serializedObject);
    }

    @Override
    public void warmKeysFor(Collection<String> streamIds) {
        if (!opened.isEmpty()) {
            serializer.warmKeysFor(streamIds);
        }
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return serializer.serialize(object, expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return serializer.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return serializer.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return serializer.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return serializer.getConverter();
    }
}
