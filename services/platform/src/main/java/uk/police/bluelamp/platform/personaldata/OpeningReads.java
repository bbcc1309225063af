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
import java.util.function.Function;

/**
 * Sealed values opened as a payload is bound, instead of reading the payload as a tree and
 * binding the tree (docs/adr/0055). Only the sealed object itself becomes a tree.
 */
final class OpeningReads {

    private OpeningReads() {}

    /**
     * A copy of the mapper whose text fields take a sealed value as what {@code open} makes of
     * it. Only our serializer writes an object where text is bound (a String always serialises as
     * a JSON string), so an object there is ours or has been tampered with, and {@code open}
     * refuses what it cannot open. Legacy strings are not opened here: they open by position only.
     */
    static ObjectMapper mapper(ObjectMapper mapper, Function<JsonNode, String> open) {
        return mapper.copy()
                .registerModule(
                        new SimpleModule("sealed-values-opened").addDeserializer(String.class, new Opened(open)));
    }

    private static final class Opened extends StdScalarDeserializer<String> {

        private final transient Function<JsonNode, String> open;

        Opened(Function<JsonNode, String> open) {
            super(String.class);
            this.open = open;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                return StringDeserializer.instance.deserialize(parser, context);
            }
            return open.apply(context.readTree(parser));
        }
    }
}
