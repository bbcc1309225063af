package uk.police.bluelamp.platform.input;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Tomcat skips a parameter it cannot decode and says only that one failed; this finds which,
 * so that the refusal can name it.
 */
final class QueryStrings {

    static final String UNREADABLE = "Could not be read: parameters must be percent-encoded UTF-8";

    private QueryStrings() {}

    /** The name of the first parameter of the query that is not percent-encoded UTF-8 ("query" if its name is not). */
    static Optional<String> firstUndecodable(String query) {
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            Optional<String> name = decoded(equals < 0 ? pair : pair.substring(0, equals));
            if (name.isEmpty()) {
                return Optional.of("query");
            }
            if (equals >= 0 && decoded(pair.substring(equals + 1)).isEmpty()) {
                return Optional.of(FieldNames.shown(name.get(), "query"));
            }
        }
        return Optional.empty();
    }

    static Optional<String> decoded(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x7F) {
                return Optional.empty();
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException malformed) {
            return Optional.empty();
        }
    }
}
