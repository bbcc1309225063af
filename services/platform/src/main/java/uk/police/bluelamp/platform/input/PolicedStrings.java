package uk.police.bluelamp.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import uk.police.bluelamp.messages.text.MultiLine;

/**
 * Every String Jackson reads from a request passes the input policy: a refused one stops the
 * whole body (as a {@link Refused}, which Jackson gives the JSON path of the value), an
 * accepted one arrives in NFC. A property marked {@link MultiLine} may hold tabs and line
 * breaks. Jackson uses this deserializer for Strings inside untyped maps and lists as well.
 */
final class PolicedStrings extends StdScalarDeserializer<String> implements ContextualDeserializer {

    /** Only for the mappers that read requests: never for the event serializer, which must read what it stored. */
    static SimpleModule module() {
        return new SimpleModule("input-policy").addDeserializer(String.class, new PolicedStrings(false));
    }

    /** A text refused by the policy. Its message names the problem, never the text. */
    static final class Refused extends JsonMappingException {

        final transient InputPolicy.Problem problem;

        Refused(JsonParser parser, InputPolicy.Problem problem) {
            super(parser, "Text refused by the input policy: " + problem.name());
            this.problem = problem;
        }
    }

    private final boolean multiLine;

    private PolicedStrings(boolean multiLine) {
        super(String.class);
        this.multiLine = multiLine;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        boolean multi = property != null && property.getAnnotation(MultiLine.class) != null;
        return multi == multiLine ? this : new PolicedStrings(multi);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        if (text == null) {
            return null;
        }
        InputPolicy.Problem problem = InputPolicy.problemIn(text, multiLine);
        if (problem != null) {
            throw new Refused(parser, problem);
        }
        return InputPolicy.normalised(text);
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.Textual;
    }

    @Override
    public boolean isCachable() {
        return true;
    }

    @Override
    public Object getEmptyValue(DeserializationContext context) {
        return "";
    }
}
