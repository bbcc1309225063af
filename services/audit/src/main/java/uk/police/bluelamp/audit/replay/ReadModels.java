package uk.police.bluelamp.audit.replay;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.StoredNames;
import uk.police.bluelamp.platform.readmodel.ReadModel;

/**
 * The read models an auditor can rebuild: each is one projection (the only bean of its
 * processing group) that declares itself a {@link ReadModel} with the tables it keeps. A
 * projection qualifies only if it needs nothing but database access, so a fresh copy can be
 * pointed at other tables with no side effects.
 */
@Component
class ReadModels {

    record Rebuildable(
            String name,
            Class<?> projection,
            List<String> tables,
            boolean deferUniqueIndexes,
            List<String> uniqueIndexesAfterLoad,
            List<String> indexesForWriting,
            boolean holdsPersonalData,
            List<Class<?>> opens) {

        Object newProjection(DataSource tables) {
            try {
                Constructor<?> constructor = projection.getDeclaredConstructors()[0];
                constructor.setAccessible(true);
                Class<?>[] types = constructor.getParameterTypes();
                Object[] arguments = new Object[types.length];
                for (int i = 0; i < types.length; i++) {
                    arguments[i] = databaseAccess(types[i], tables);
                }
                return constructor.newInstance(arguments);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot make a fresh " + projection.getSimpleName(), e);
            }
        }

        /** The stored type names of the events this projection handles, to read only those. */
        Set<String> eventTypes() {
            Set<String> types = new LinkedHashSet<>();
            for (Method method : projection.getDeclaredMethods()) {
                if (method.isAnnotationPresent(EventHandler.class) && method.getParameterCount() > 0) {
                    types.add(StoredNames.of(method.getParameterTypes()[0]));
                }
            }
            return types;
        }

        private static boolean isDatabaseAccess(Class<?> type) {
            return type == JdbcClient.class
                    || type == JdbcTemplate.class
                    || type == NamedParameterJdbcTemplate.class
                    || type == DataSource.class;
        }

        private static Object databaseAccess(Class<?> type, DataSource tables) {
            if (type == JdbcClient.class) {
                return JdbcClient.create(tables);
            }
            if (type == JdbcTemplate.class) {
                return new JdbcTemplate(tables);
            }
            if (type == NamedParameterJdbcTemplate.class) {
                return new NamedParameterJdbcTemplate(tables);
            }
            return tables;
        }
    }

    private final Map<String, Rebuildable> byName = new TreeMap<>();

    ReadModels(ApplicationContext context) {
        List<Class<?>> groups = context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .<Class<?>>map(AopUtils::getTargetClass)
                .toList();
        for (Object bean : context.getBeansWithAnnotation(ReadModel.class).values()) {
            Class<?> projection = AopUtils.getTargetClass(bean);
            ProcessingGroup group = projection.getAnnotation(ProcessingGroup.class);
            if (group == null) {
                throw new IllegalStateException(projection.getSimpleName() + " is a read model of no processing group");
            }
            String name = group.value();
            List<Class<?>> projections = groups.stream()
                    .filter(type ->
                            type.getAnnotation(ProcessingGroup.class).value().equals(name))
                    .toList();
            if (projections.size() != 1) {
                throw new IllegalStateException(
                        "Read model " + name + " needs exactly one projection, found " + projections);
            }
            for (Class<?> parameter : projection.getDeclaredConstructors()[0].getParameterTypes()) {
                if (!Rebuildable.isDatabaseAccess(parameter)) {
                    throw new IllegalStateException(projection.getSimpleName() + " needs a " + parameter.getSimpleName()
                            + ": only projections that need nothing but the database can be rebuilt");
                }
            }
            ReadModel declared = projection.getAnnotation(ReadModel.class);
            byName.put(
                    name,
                    new Rebuildable(
                            name,
                            projection,
                            List.of(declared.tables()),
                            declared.deferUniqueIndexes(),
                            List.of(declared.uniqueIndexesAfterLoad()),
                            List.of(declared.indexesForWriting()),
                            declared.holdsPersonalData(),
                            List.of(declared.opens())));
        }
    }

    List<Rebuildable> all() {
        return List.copyOf(byName.values());
    }

    Optional<Rebuildable> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
