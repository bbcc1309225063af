package uk.police.bluelamp.app.axon;

import java.sql.SQLException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two nodes appending to one aggregate at once: the second append is known as the clash it is,
 * and its command runs again on the fresh aggregate ({@link ClashRetries}).
 */
@Configuration(proxyBeanMethods = false)
class ClashConfiguration {

    static final String UNIQUE_VIOLATION = "23505";

    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ClashRetries())
                .build();
    }

    /**
     * Axon's own resolver matches vendor error codes, and PostgreSQL's driver reports a batch
     * insert's unique violation with code 0 inside a BatchUpdateException: the clash became an
     * EventStoreException, a 500. The SQL state says it in every case.
     */
    @Bean
    PersistenceExceptionResolver duplicateKeys() {
        return ClashConfiguration::isUniqueViolation;
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException each = sql; each != null; each = each.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(each.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
