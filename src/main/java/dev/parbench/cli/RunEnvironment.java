package dev.parbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The machine a run was made on: CPU, cores, caches, memory, OS, JDK, JVM flags, JMH settings, git commit, date.
 * docs/METHOD.md: a result without its machine is not a result. Written next to results.json as env.json.
 */
public final class RunEnvironment {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunEnvironment() {
    }

    /** What this JVM can see of the machine, plus {@code run} (settings of the run; may be empty). */
    public static Map<String, Object> collect(Map<String, Object> run) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        env.put("host", hostName());
        env.put("git", git());
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("model", cpuInfo("model name"));
        cpu.put("cores", Runtime.getRuntime().availableProcessors());
        cpu.put("caches", caches());
        cpu.put("flags", simdFlags());
        env.put("cpu", cpu);
        env.put("memoryBytes", totalMemory());
        Map<String, Object> os = new LinkedHashMap<>();
        os.put("name", System.getProperty("os.name"));
        os.put("version", System.getProperty("os.version"));
        os.put("arch", System.getProperty("os.arch"));
        env.put("os", os);
        Map<String, Object> jdk = new LinkedHashMap<>();
        jdk.put("vendor", System.getProperty("java.vendor"));
        jdk.put("version", System.getProperty("java.runtime.version"));
        jdk.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        jdk.put("home", System.getProperty("java.home"));
        env.put("jdk", jdk);
        env.put("jmhVersion", org.openjdk.jmh.util.Version.getPlainVersion());
        env.put("workers", workers(run));
        // the engine models' cluster: embedded, or the real one named by the forks' -Dparbench.hazelcast.members
        env.put("hazelcast", dev.parbench.engine.ClusterDescription.forRun(run != null
                && run.get("forkJvmArgs") instanceof List<?> args ? args : List.of()));
        if (!run.isEmpty()) {
            env.put("run", run);
        }
        return env;
    }

    private static final String WORKERS_FLAG = "-Dparbench.workers=";

    /**
     * Where the out-of-process models' workers ran. Process models always start worker JVMs on this machine; the
     * socket models do too, unless {@code -Dparbench.workers=host:port,...} (this JVM's property, or in the run's
     * fork flags) names remote workers. Their machines are then not described: the protocol does not report them,
     * so only their addresses are recorded.
     */
    static Map<String, Object> workers(Map<String, Object> run) {
        List<String> addresses = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        String own = System.getProperty("parbench.workers");
        if (own != null) {
            sources.add(WORKERS_FLAG + own);
        }
        for (String key : List.of("forkJvmArgs", "extraJmhArgs")) {
            if (run.get(key) instanceof Iterable<?> args) {
                for (Object a : args) {
                    sources.add(String.valueOf(a));
                }
            }
        }
        for (String s : sources) {
            for (String token : s.trim().split("\\s+")) {
                String t = token.replace("\"", "").replace("'", "");
                if (t.startsWith(WORKERS_FLAG)) {
                    for (String hp : t.substring(WORKERS_FLAG.length()).split(",")) {
                        if (!hp.isBlank() && !addresses.contains(hp.trim())) {
                            addresses.add(hp.trim());
                        }
                    }
                }
            }
        }
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("pipes", dev.parbench.remote.PipeSize.describe());
        if (addresses.isEmpty()) {
            w.put("where", "this machine");
            w.put("note", "worker JVMs started here, with the fork's flags (GC, -Xmx, modules, -jvmArgsAppend; "
                    + "not -Xms, JMH's or agent flags)");
        } else {
            w.put("where", "remote (socket models); process models on this machine");
            w.put("addresses", addresses);
            w.put("described", false);
            w.put("note", "the worker machines are not described here (the protocol does not report them): "
                    + "run 'parbench env' on each and keep its output with this run");
        }
        return w;
    }

    public static String toJson(Map<String, Object> env) throws IOException {
        return JSON.writeValueAsString(env) + System.lineSeparator();
    }

    public static void write(Path file, Map<String, Object> env) throws IOException {
        AtomicFiles.writeString(file, toJson(env));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuInfo(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getenv().getOrDefault("PROCESSOR_IDENTIFIER", "unknown");
    }

    private static List<String> simdFlags() {
        String flags = cpuInfo("flags");
        List<String> out = new ArrayList<>();
        for (String f : List.of("sse4_2", "avx", "avx2", "avx512f", "asimd", "sve")) {
            if ((" " + flags + " ").contains(" " + f + " ")) {
                out.add(f);
            }
        }
        return out;
    }

    private static Map<String, String> caches() {
        Map<String, String> out = new LinkedHashMap<>();
        Path base = Path.of("/sys/devices/system/cpu/cpu0/cache");
        for (int i = 0; i < 8; i++) {
            Path idx = base.resolve("index" + i);
            try {
                String level = Files.readString(idx.resolve("level")).trim();
                String type = Files.readString(idx.resolve("type")).trim();
                String size = Files.readString(idx.resolve("size")).trim();
                String name = "L" + level + (type.equals("Data") ? "d" : type.equals("Instruction") ? "i" : "");
                out.put(name, size);
            } catch (IOException | RuntimeException e) {
                break;
            }
        }
        return out;
    }

    private static long totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    /**
     * The commit of the code that ran: git is asked in the folder of the jar on the class path (target/ of the work
     * tree that built it), not in the current folder, which may be another checkout; a jar outside any work tree
     * (copied elsewhere) records "unknown" rather than a commit it may not be. With a class path of several entries
     * (tests, an IDE) the current folder is asked.
     */
    private static Map<String, Object> git() {
        Map<String, Object> git = new LinkedHashMap<>();
        String cp = System.getProperty("java.class.path", "");
        java.io.File jar = new java.io.File(cp);
        String dir = !cp.contains(java.io.File.pathSeparator) && jar.isFile() && jar.getAbsoluteFile().getParentFile()
                != null ? jar.getAbsoluteFile().getParent() : ".";
        String commit = runGit("-C", dir, "rev-parse", "HEAD");
        git.put("commit", commit == null ? "unknown" : commit);
        if (commit != null) {
            String status = runGit("-C", dir, "status", "--porcelain", "--untracked-files=no");
            git.put("dirty", status != null && !status.isEmpty());
        }
        return git;
    }

    private static String runGit(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
