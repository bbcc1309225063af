package uk.police.bluelamp.platform.personaldata;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Aggregate snapshots, sealed as events are: the aggregate's fields as JSON, with every
 * {@link uk.police.bluelamp.messages.privacy.PersonalData} position encrypted under the key of
 * the subject its identifier belongs to, so an erasure leaves a snapshot reading "[erased]" just
 * as it leaves the events (docs/adr/0047-snapshots-sealed-like-events.md).
 * <p>
 * A snapshot's revision is a fingerprint of the state's shape (field names and types, ours
 * followed into), so a snapshot written before the aggregate changed is passed over by
 * {@link #isCurrent} and the aggregate loads from its events.
 */
public final class PersonalStateSerializer extends PersonalDataSerializer {

    private static final ClassValue<String> FINGERPRINTS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            StringBuilder shape = new StringBuilder();
            describe(type, shape, new HashSet<>());
            Revision revision = type.getAnnotation(Revision.class);
            if (revision != null) {
                shape.append("@revision ").append(revision.value());
            }
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256")
                        .digest(shape.toString().getBytes(StandardCharsets.UTF_8));
                return "state-" + HexFormat.of().formatHex(hash, 0, 8);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    private static final ClassValue<Field> IDENTIFIERS = new ClassValue<>() {
        @Override
        protected Field computeValue(Class<?> type) {
            for (Class<?> at = type; at != null; at = at.getSuperclass()) {
                for (Field field : at.getDeclaredFields()) {
                    if (field.isAnnotationPresent(AggregateIdentifier.class)) {
                        field.setAccessible(true);
                        return field;
                    }
                }
            }
            return null;
        }
    };

    private final SubjectKeys keys;

    /**
     * Made where the storage engine is built, never a bean: Axon makes its general serializer
     * only while no other unqualified {@code Serializer} bean exists.
     */
    public static PersonalStateSerializer over(Serializer general, SubjectKeys keys) {
        if (!(general instanceof JacksonSerializer jackson)) {
            throw new IllegalStateException(
                    "Personal-data encryption needs Axon's Jackson serializer (axon.serializer.general: jackson)");
        }
        return new PersonalStateSerializer(jackson, keys);
    }

    private PersonalStateSerializer(JacksonSerializer general, SubjectKeys keys) {
        super(
                JacksonSerializer.builder()
                        .objectMapper(general.getObjectMapper()
                                .copy()
                                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY))
                        .build(),
                keys);
        this.keys = keys;
    }

    /** Whether a stored snapshot was written by this shape of its aggregate; an unknown one never was. */
    public boolean isCurrent(DomainEventData<?> snapshot) {
        SerializedType type = snapshot.getPayload().getType();
        try {
            return FINGERPRINTS
                    .get(Class.forName(type.getName(), false, getClass().getClassLoader()))
                    .equals(type.getRevision());
        } catch (ClassNotFoundException | LinkageError gone) {
            return false;
        }
    }

    @Override
    PersonalFields plan(Class<?> type) {
        return PersonalFields.ofState(type);
    }

    /** An aggregate's data subject is its stream's: a case's is that of the contact that opened it. */
    @Override
    String subjectOf(Object aggregate) {
        Field identifier = IDENTIFIERS.get(aggregate.getClass());
        Object id;
        try {
            id = identifier == null ? null : identifier.get(aggregate);
        } catch (IllegalAccessException e) {
            id = null;
        }
        if (id == null) {
            throw new SerializationException("No data subject for the personal data in "
                    + aggregate.getClass().getName());
        }
        return keys.subjectForWriting(id.toString(), null);
    }

    @Override
    SerializedType javaType(SerializedType stored) {
        return stored;
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return new SimpleSerializedType(type.getName(), FINGERPRINTS.get(type));
    }

    private static void describe(Class<?> type, StringBuilder shape, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return;
        }
        shape.append(type.getName()).append('{');
        // By name: the JVM promises no order of declared fields, and every node must agree.
        List<Field> fields = Arrays.stream(type.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic())
                .sorted(Comparator.comparing(Field::getName))
                .toList();
        for (Field field : fields) {
            shape.append(field.getName())
                    .append(':')
                    .append(field.getGenericType().getTypeName())
                    .append(';');
        }
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                shape.append(((Enum<?>) constant).name()).append(',');
            }
        }
        shape.append('}');
        for (Field field : fields) {
            describeOurs(field.getGenericType(), shape, seen);
        }
    }

    /** Our own types inside a field's type, a collection's elements included. */
    private static void describeOurs(Type type, StringBuilder shape, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType parameterized) {
            describeOurs(parameterized.getRawType(), shape, seen);
            for (Type argument : parameterized.getActualTypeArguments()) {
                describeOurs(argument, shape, seen);
            }
        } else if (type instanceof Class<?> named && named.getName().startsWith("uk.police.bluelamp.")) {
            describe(named, shape, seen);
        }
    }
}
