package uk.police.bluelamp.platform.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import uk.police.bluelamp.platform.refusals.Refusals;

/**
 * Where the input policy is applied, once per edge: the JSON bodies Spring MVC reads, and the
 * rest of every HTTP request (StompInputPolicy does the same for STOMP frames). The shared
 * ObjectMapper is left alone: Axon's event serializer uses it, and an event already stored
 * must always read back, whatever it holds.
 */
@Configuration(proxyBeanMethods = false)
class InputPolicyConfiguration {

    /** After the rate limit and the body size limit (app.limits), before Spring Security. */
    static final int FILTER_ORDER = SecurityProperties.DEFAULT_FILTER_ORDER - 5;

    @Bean
    FilterRegistrationBean<EdgeFilter> inputPolicyFilter(Refusals refusals) {
        FilterRegistrationBean<EdgeFilter> registration = new FilterRegistrationBean<>(new EdgeFilter(refusals));
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    /** Replaces Spring Boot's converter of the same type (it backs off when one exists). */
    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper shared) {
        return new MappingJackson2HttpMessageConverter(policed(shared));
    }

    static ObjectMapper policed(ObjectMapper shared) {
        return shared.copy().registerModule(PolicedStrings.module());
    }
}
