package uk.police.bluelamp.platform.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.DefaultContentTypeResolver;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import uk.police.bluelamp.platform.web.FieldError;

/**
 * The payload of a STOMP SEND is read for its @MessageMapping by the same policed JSON as an
 * HTTP body. Runs after Spring Boot's converter configuration and puts this converter in the
 * place of its JSON one, so no unpoliced reader is left to fall back on.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.LOWEST_PRECEDENCE)
class StompJsonPolicy implements WebSocketMessageBrokerConfigurer {

    private final ObjectMapper shared;

    StompJsonPolicy(ObjectMapper shared) {
        this.shared = shared;
    }

    @Override
    public boolean configureMessageConverters(List<MessageConverter> converters) {
        PolicedJson policed = new PolicedJson(InputPolicyConfiguration.policed(shared));
        converters.removeIf(MappingJackson2MessageConverter.class::isInstance);
        converters.add(policed);
        return false;
    }

    /**
     * A refusal becomes a conversion failure whose message is for the sender (field and
     * problem) and which carries no copy of the frame: the chat tells the sender with it.
     */
    static final class PolicedJson extends MappingJackson2MessageConverter {

        PolicedJson(ObjectMapper mapper) {
            super(mapper);
            DefaultContentTypeResolver json = new DefaultContentTypeResolver();
            json.setDefaultMimeType(MimeTypeUtils.APPLICATION_JSON);
            setContentTypeResolver(json);
        }

        @Override
        protected Object convertFromInternal(Message<?> message, Class<?> targetClass, Object conversionHint) {
            try {
                return super.convertFromInternal(message, targetClass, conversionHint);
            } catch (MessageConversionException unreadable) {
                FieldError error = UnreadableBodies.errorFor(unreadable);
                throw new MessageConversionException(
                        "The message was not sent. " + error.field() + ": " + error.message(), unreadable.getCause());
            }
        }
    }
}
