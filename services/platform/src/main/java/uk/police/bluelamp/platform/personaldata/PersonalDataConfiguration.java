package uk.police.bluelamp.platform.personaldata;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every stored event and every aggregate snapshot goes through the personal-data encryption;
 * tokens and sagas hold none.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(@Qualifier("serializer") Serializer general, SubjectKeys keys) {
        if (!(general instanceof JacksonSerializer jackson)) {
            throw new IllegalStateException(
                    "Personal-data encryption needs Axon's Jackson serializer (axon.serializer.general: jackson)");
        }
        return new PersonalDataSerializer(jackson, keys);
    }
}
