package dev.parbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Member JVMs run with the fork's GC and heap ceiling, as the socket workers do (no GC or heap of their own). */
class MemberJvmTest {

    @Test
    void aMemberGetsTheForksGcAndHeapCeilingButNotItsInitialHeapJmhOrAgentFlags() {
        List<String> fork = List.of("--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC", "-Xms4g", "-Xmx4g",
                "-Djmh.blackhole.mode=COMPILER", "-javaagent:/x/agent.jar", "-XX:StartFlightRecording=filename=a.jfr",
                "-Dmy.flag=1");
        List<String> flags = MemberProcesses.jvmFlags(fork);
        for (String kept : List.of("-XX:+UseParallelGC", "-Xmx4g", "-Dmy.flag=1",
                "--add-opens=java.base/java.lang=ALL-UNNAMED")) {
            assertTrue(flags.contains(kept), kept + " missing from " + flags);
        }
        for (String dropped : List.of("-Xms4g", "-Djmh.blackhole.mode=COMPILER", "-javaagent:/x/agent.jar",
                "-XX:StartFlightRecording=filename=a.jfr", "-XX:+UseSerialGC")) {
            assertFalse(flags.contains(dropped), dropped + " in " + flags);
        }
        assertEquals(1, flags.stream().filter(f -> f.contains("jdk.incubator.vector")).count(), flags.toString());
        assertTrue(MemberProcesses.jvmFlags(List.of()).contains("--add-modules=jdk.incubator.vector"),
                "the vector module is added when the fork lacks it");
        assertFalse(MemberProcesses.jvmFlags(List.of()).stream().anyMatch(f -> f.endsWith("GC")),
                "a fork without a GC flag: the member takes the same default");
    }
}
