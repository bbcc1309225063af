package uk.police.bluelamp.app.reporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of a JVM's threads by what they do, read from /proc: which part of the app a report's
 * CPU goes to, whatever the machine's load. Linux keeps 15 characters of a thread's name.
 */
final class JvmThreads {

    private JvmThreads() {}

    /** utime + stime in 10 ms clock ticks of the threads alive now, summed by kind. */
    static Map<String, Long> ticksByKind(long pid) throws IOException {
        Map<String, Long> ticks = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(kind(name), Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException ended) {
                    // the thread ended while being read: its time is lost to both readings alike
                }
            }
        }
        return ticks;
    }

    /** Each kind's CPU between two readings, per request, where it comes to 0.01 ms or more. */
    static void print(Map<String, Long> before, Map<String, Long> after, int requests) {
        after.forEach((kind, ticks) -> {
            double ms = (ticks - before.getOrDefault(kind, 0L)) * 10.0 / requests;
            if (ms >= 0.01) {
                System.out.printf("  %-40s %6.2f ms%n", kind, ms);
            }
        });
    }

    private static String kind(String name) {
        if (name.startsWith("http-nio")) {
            return "requests (Tomcat's threads)";
        }
        if (name.startsWith("WorkPackage[") || name.startsWith("Coordinator[")) {
            return "event processors (projections, sagas)";
        }
        if (name.contains("CompilerThre")) {
            return "JIT compilers";
        }
        if (name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
            return "garbage collection and VM";
        }
        if (name.startsWith("chain-sealer")) {
            return "chain sealer";
        }
        return name.replaceAll("[-#\\d]+$", "");
    }
}
