package uk.police.bluelamp.app;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The modules and, inside each, its feature slices, with the dependencies the code has between them. */
final class ModuleGraph {

    private static final String ROOT = "uk.police.bluelamp.";

    private final Map<String, Set<String>> modules = new TreeMap<>();
    private final Map<String, Map<String, Set<String>>> slices = new TreeMap<>();

    private ModuleGraph() {}

    static ModuleGraph of(JavaClasses classes) {
        ModuleGraph graph = new ModuleGraph();
        for (JavaClass origin : classes) {
            String from = module(origin);
            if (from == null) {
                continue;
            }
            graph.modules.computeIfAbsent(from, m -> new TreeSet<>());
            graph.slices
                    .computeIfAbsent(from, m -> new TreeMap<>())
                    .computeIfAbsent(slice(origin), s -> new TreeSet<>());
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                String to = module(target);
                if (to == null) {
                    continue;
                }
                if (!to.equals(from)) {
                    graph.modules.get(from).add(to);
                } else if (!slice(target).equals(slice(origin))) {
                    graph.slices.get(from).get(slice(origin)).add(slice(target));
                }
            }
        }
        return graph;
    }

    String markdown() {
        StringBuilder md = new StringBuilder("""
                # Modules

                Drawn from the compiled code by `ArchitectureTest` (services/app/src/test): when a dependency
                changes, that test redraws this file and fails until it is committed. An arrow is "uses".

                ```mermaid
                flowchart LR
                """);
        modules.forEach((from, tos) -> tos.forEach(
                to -> md.append("  ").append(from).append(" --> ").append(to).append('\n')));
        md.append("```\n");
        slices.forEach((module, graph) -> {
            md.append("\n## ").append(module).append("\n\n```mermaid\nflowchart LR\n");
            graph.forEach((from, tos) -> {
                md.append("  ").append(node(module, from)).append('\n');
                tos.forEach(to -> md.append("  ")
                        .append(node(module, from))
                        .append(" --> ")
                        .append(node(module, to))
                        .append('\n'));
            });
            md.append("```\n");
        });
        return md.toString();
    }

    private static String node(String module, String slice) {
        return module + "_" + slice + "[" + slice + "]";
    }

    private static String module(JavaClass c) {
        String name = c.getPackageName();
        if (!name.startsWith(ROOT)) {
            return null;
        }
        String rest = name.substring(ROOT.length());
        return rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
    }

    /** The package under the module's own, or "module" for classes directly in it. */
    private static String slice(JavaClass c) {
        String rest = c.getPackageName().substring(ROOT.length());
        String[] parts = rest.split("\\.");
        return parts.length > 1 ? parts[1] : "module";
    }
}
