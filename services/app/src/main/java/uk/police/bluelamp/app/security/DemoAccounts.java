package uk.police.bluelamp.app.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Staff accounts for trying Blue Lamp out. They exist only in the demo profile (the default
 * when no profile is set) and are listed in the README; a real force signs staff in its own way.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoAccounts {

    @Bean
    UserDetailsService demoStaff() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(
                account(encoder, "handler", "HANDLER"),
                account(encoder, "supervisor", "SUPERVISOR"),
                account(encoder, "auditor", "AUDITOR"),
                account(encoder, "admin", "ADMIN"),
                account(encoder, "dpo", "DATA_PROTECTION"));
    }

    private static UserDetails account(PasswordEncoder encoder, String username, String role) {
        return User.withUsername(username)
                .password(encoder.encode("blue-lamp-" + username))
                .roles(role)
                .build();
    }
}
