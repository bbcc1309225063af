package uk.police.bluelamp.platform.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import uk.police.bluelamp.messages.privacy.PersonalData;

/**
 * Where a message's {@link PersonalData} sits in its JSON: worked out once per class, so a
 * message without any costs one lookup.
 */
public final class PersonalFields {

    /** A String property to encrypt, or a nested record to look into. */
    private record Field(String name, boolean text, PersonalFields nested) {}

    private static final ClassValue<PersonalFields> PLANS = new ClassValue<>() {
        @Override
        protected PersonalFields computeValue(Class<?> type) {
            return plan(type, false);
        }
    };

    /** Aggregate state, as a snapshot holds it: the class's own fields rather than record components. */
    private static final ClassValue<PersonalFields> STATE_PLANS = new ClassValue<>() {
        @Override
        protected PersonalFields computeValue(Class<?> type) {
            return planState(type);
        }
    };

    private final List<Field> fields;

    private PersonalFields(List<Field> fields) {
        this.fields = fields;
    }

    public static PersonalFields of(Class<?> type) {
        return PLANS.get(type);
    }

    /**
     * Where an aggregate's state holds personal data: a {@link PersonalData} String field, a
     * field of a record with personal components, or a field of one of our own classes that has
     * either. The same annotation that seals an event's field seals the state it leaves behind.
     */
    public static PersonalFields ofState(Class<?> type) {
        return type.isRecord() ? of(type) : STATE_PLANS.get(type);
    }

    public boolean any() {
        return !fields.isEmpty();
    }

    /**
     * Replaces each personal value in the message's JSON with what {@code change} makes of it:
     * the text as written, or its sealed form as stored. Only these positions are ever touched,
     * so whatever sits anywhere else is left exactly as it is, however it looks.
     */
    void rewrite(JsonNode message, UnaryOperator<JsonNode> change) {
        if (!(message instanceof ObjectNode object)) {
            return;
        }
        for (Field field : fields) {
            JsonNode value = object.get(field.name());
            if (field.text()) {
                if (value != null && !value.isNull()) {
                    object.set(field.name(), change.apply(value));
                }
            } else {
                field.nested().rewrite(value, change);
            }
        }
    }

    private static PersonalFields plan(Class<?> type, boolean allText) {
        List<Field> fields = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                boolean personal = allText || component.isAnnotationPresent(PersonalData.class);
                Class<?> componentType = component.getType();
                if (componentType == String.class && personal) {
                    fields.add(new Field(component.getName(), true, null));
                } else if (componentType.isRecord() && componentType != type) {
                    PersonalFields nested = plan(componentType, personal);
                    if (nested.any()) {
                        fields.add(new Field(component.getName(), false, nested));
                    }
                }
            }
        }
        return new PersonalFields(List.copyOf(fields));
    }

    private static PersonalFields planState(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (java.lang.reflect.Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
                continue;
            }
            Class<?> fieldType = field.getType();
            boolean personal = field.isAnnotationPresent(PersonalData.class);
            if (fieldType == String.class && personal) {
                fields.add(new Field(field.getName(), true, null));
            } else if (fieldType.isRecord()) {
                PersonalFields nested = plan(fieldType, personal);
                if (nested.any()) {
                    fields.add(new Field(field.getName(), false, nested));
                }
            } else if (fieldType != type && fieldType.getName().startsWith(OURS) && !fieldType.isEnum()) {
                PersonalFields nested = ofState(fieldType);
                if (nested.any()) {
                    fields.add(new Field(field.getName(), false, nested));
                }
            } else if (personal || holdsPersonalData(field.getGenericType())) {
                // Never stored unsealed: the snapshot fails (and is logged) and the aggregate loads from its events.
                throw new IllegalStateException("Personal data in " + type.getName() + "." + field.getName()
                        + " cannot be sealed in a snapshot: hold it in a String or record field");
            }
        }
        return new PersonalFields(List.copyOf(fields));
    }

    private static final String OURS = "uk.police.bluelamp.";

    /** A collection or map of records with personal data: positions the plan cannot name. */
    private static boolean holdsPersonalData(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                if (holdsPersonalData(argument)) {
                    return true;
                }
            }
            return false;
        }
        return type instanceof Class<?> named && named.isRecord() && of(named).any();
    }
}
