package dev.parbench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worker JVMs run with the starting JVM's flags (minus what must not be copied), over pipes that leave nothing. */
class WorkerJvmTest {

    @Test
    void aWorkerGetsTheForksGcHeapCeilingModulesAndUserFlagsButNotJmhOrAgentFlags() {
        List<String> fork = List.of("--add-modules=jdk.incubator.vector", "-XX:+UseG1GC", "-Xms4g", "-Xmx4g",
                "-XX:+HeapDumpOnOutOfMemoryError", "-Dparbench.workers=h:1", "-XX:CompileCommandFile=/tmp/jmh1",
                "-Djmh.blackhole.mode=COMPILER", "-DcompilerBlackholesEnabled=true", "-javaagent:/x/agent.jar",
                "-agentlib:jdwp=transport=dt_socket",
                "-XX:StartFlightRecording=filename=a.jfr", "-Xlog:gc:file=gc.log", "-Dmy.flag=1");
        List<String> flags = WorkerProcesses.jvmFlags(fork);
        for (String kept : List.of("--add-modules=jdk.incubator.vector", "-XX:+UseG1GC", "-Xmx4g",
                "-XX:+HeapDumpOnOutOfMemoryError", "-Dmy.flag=1")) {
            assertTrue(flags.contains(kept), kept + " missing from " + flags);
        }
        for (String dropped : List.of("-Xms4g", "-XX:CompileCommandFile=/tmp/jmh1", "-Djmh.blackhole.mode=COMPILER",
                "-DcompilerBlackholesEnabled=true",
                "-javaagent:/x/agent.jar", "-agentlib:jdwp=transport=dt_socket",
                "-XX:StartFlightRecording=filename=a.jfr", "-Xlog:gc:file=gc.log")) {
            assertFalse(flags.contains(dropped), dropped + " copied into " + flags);
        }
        assertFalse(flags.contains("-XX:+UseSerialGC"), "no fixed GC of its own: " + flags);
        assertEquals(1, flags.stream().filter(f -> f.startsWith("--add-modules")).count(), flags.toString());
        assertTrue(WorkerProcesses.jvmFlags(List.of("-XX:+UseParallelGC")).contains(
                "--add-modules=jdk.incubator.vector"), "the vector module is added when the fork lacks it");
    }

    @Test
    void aStartedWorkersCommandLineCarriesThisJvmsFlags() throws Exception {
        List<String> mine = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(WorkerProcesses::copied).toList();
        Pipes.Piped w = WorkerProcesses.startPiped(List.of("--stdio"));
        try (WorkerLink link = ProcessPoolStrategy.pipeLink(w)) {
            link.awaitReady(Duration.ofSeconds(60));
            List<String> args = List.of(w.process().info().arguments().orElse(new String[0]));
            if (!args.isEmpty()) { // the OS may hide another process's arguments
                for (String f : mine) {
                    assertTrue(args.contains(f), f + " missing from the worker's " + args);
                }
                assertTrue(args.stream().anyMatch(a -> a.startsWith("--add-modules")
                        && a.contains("jdk.incubator.vector")), args.toString());
                assertFalse(args.stream().anyMatch(a -> a.startsWith("-Xms")), args.toString());
            }
        } finally {
            WorkerProcesses.stop(w.process(), Duration.ofSeconds(5));
        }
        assertFalse(w.process().isAlive());
        assertEquals(0, Pipes.liveDirectories(), "no FIFO directory outlives a start");
    }

    @Test
    void thePipeSinkCountsRoundsAndLeavesNoProcess() throws Exception {
        try (PipeSink sink = new PipeSink(3L << 20)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(3L << 20, sink.round());
            }
            assertEquals(1, sinks().size(), "one sink child while open");
        }
        assertEquals(List.of(), sinks(), "no sink child left after close");
        assertEquals(0, Pipes.liveDirectories());
    }

    private static List<String> sinks() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(h -> h.pid() + " " + h.info().commandLine().orElse(""))
                .filter(c -> c.contains(PipeSink.class.getName())).toList();
    }

    @Test
    void fifoDirectoriesOfADeadJvmAreRemovedByTheNext() throws Exception {
        java.nio.file.Path tmp = Pipes.directory();
        java.nio.file.Path orphan = java.nio.file.Files.createTempDirectory(tmp, "parbench-pipes-00000000deadbeef-");
        java.nio.file.Path mine = java.nio.file.Files.createTempDirectory(tmp, "parbench-pipes-" + Owners.id(tmp)
                + "-");
        try {
            Process mk = new ProcessBuilder("mkfifo", orphan.resolve("stdin").toString()).start();
            assertTrue(mk.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && mk.exitValue() == 0);
            Pipes.removeOrphans();
            assertFalse(java.nio.file.Files.exists(orphan), "a dead JVM's FIFO directory is removed");
            assertTrue(java.nio.file.Files.exists(mine), "a live JVM's is kept");
        } finally {
            java.nio.file.Files.deleteIfExists(orphan.resolve("stdin"));
            java.nio.file.Files.deleteIfExists(orphan);
            java.nio.file.Files.deleteIfExists(mine);
        }
    }
}
