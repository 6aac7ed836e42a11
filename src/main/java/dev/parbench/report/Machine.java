package dev.parbench.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the report says about the machine, from env.json (or a "machine unknown" line when there is none). */
record Machine(List<String> lines, String oneLine, String coresText, String title, Optional<String> profile) {

    /** "2" (or "the") for "with all 2 cores". */
    String cores() {
        return coresText.endsWith("-core") ? coresText.substring(0, coresText.length() - 5) : "the";
    }

    @SuppressWarnings("unchecked")
    static Machine of(Map<String, Map<String, Object>> envs) {
        if (envs.isEmpty()) {
            return new Machine(List.of("No env.json next to the results: the machine is unknown."),
                    "machine unknown", "measured", "JMH benchmark report", Optional.empty());
        }
        Set<String> lines = new LinkedHashSet<>();
        String one = null;
        String cores = null;
        String profile = null;
        for (Map.Entry<String, Map<String, Object>> e : envs.entrySet()) {
            Map<String, Object> env = e.getValue();
            Map<String, Object> cpu = (Map<String, Object>) env.getOrDefault("cpu", Map.of());
            Map<String, Object> os = (Map<String, Object>) env.getOrDefault("os", Map.of());
            Map<String, Object> jdk = (Map<String, Object>) env.getOrDefault("jdk", Map.of());
            Map<String, Object> git = (Map<String, Object>) env.getOrDefault("git", Map.of());
            Map<String, Object> run = (Map<String, Object>) env.getOrDefault("run", Map.of());
            Object mem = env.get("memoryBytes");
            String memText = mem instanceof Number n ? Formats.fmt(n.doubleValue() / (1L << 30), 1) + " GiB"
                    : "? GiB";
            String c = String.valueOf(cpu.getOrDefault("cores", "?"));
            String line = String.format(Locale.ROOT, "%s, %s cores, %s, %s %s, JDK %s (%s); date %s; commit %s; "
                    + "profile %s, %s fork(s)", cpu.getOrDefault("model", "unknown CPU"), c, memText,
                    os.getOrDefault("name", "?"), os.getOrDefault("version", ""), jdk.getOrDefault("version", "?"),
                    jdk.getOrDefault("vendor", "?"), env.getOrDefault("date", "?"),
                    abbreviate(String.valueOf(git.getOrDefault("commit", "unknown"))),
                    run.getOrDefault("profile", "?"), run.getOrDefault("forks", "?"));
            lines.add(line);
            if (one == null) {
                one = String.format(Locale.ROOT, "%s, %s cores, JDK %s", cpu.getOrDefault("model", "unknown CPU"),
                        c, jdk.getOrDefault("version", "?"));
                cores = c + "-core";
                profile = run.containsKey("profile") ? String.valueOf(run.get("profile")) : null;
            }
        }
        return new Machine(List.copyOf(lines), one, cores, "parbench report: " + one, Optional.ofNullable(profile));
    }

    private static String abbreviate(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
