package dev.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.analysis.Analysis;
import dev.parbench.analysis.Estimate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The out-of-process models' transfer sentences: moving models against their probe, resident ones say what moves. */
class TransferProseTest {
    private static final int SIZE = 1 << 25;

    private static Estimate e(double v) {
        return new Estimate(v, v * 0.9, v * 1.1, 4);
    }

    private static Analysis.Point point(String strategy, int p, double gbps) {
        return new Analysis.Point(strategy, p, SIZE, e(0.1), e(1), 0.5, 0.1, e(gbps), Double.NaN, false);
    }

    private static List<String> prose(Estimate loopback) {
        return prose(loopback, List.of(point("socket", 1, 0.2), point("socket", 2, 0.3), point("hazelcast", 2, 0.2),
                point("hazelcast-resident", 2, 4.0), point("socket-resident", 2, 5.0)));
    }

    private static List<String> prose(Estimate loopback, List<Analysis.Point> points) {
        List<String> strategies = List.of("socket", "hazelcast", "hazelcast-resident", "socket-resident");
        Analysis.WorkloadResult w = new Analysis.WorkloadResult("sum", "", 8, List.of(SIZE), strategies,
                List.of(1, 2), Map.of(SIZE, e(0.05)), Map.of(), Map.of(), points,
                Map.of(), Map.of(), Map.of(), List.of(), List.of(), Map.of(), Set.of(), 2);
        Analysis.Probe probe = new Analysis.Probe(Map.of(), Map.of(), SIZE, loopback, null, null);
        return WorkloadProse.of(w, probe, Machine.of(Map.of()));
    }

    private static String about(List<String> prose, String strategy) {
        List<String> s = prose.stream().filter(x -> x.startsWith(strategy + " at ")).toList();
        assertEquals(1, s.size(), strategy + ": " + prose);
        return s.get(0);
    }

    @Test
    void oneConnectionIsReadAgainstTheOneConnectionProbeAndManyAreNot() {
        List<String> prose = prose(e(0.8));
        assertEquals("socket at 32M moves 0.20 GB/s of sum data over one connection (p=1) = 25% of the loopback probe "
                + "(one connection, memory to memory: 0.80 GB/s). Over 2 connections at once (p=2) it moves 0.30 GB/s "
                + "in all (0.15 GB/s per connection, the cores shared by every connection), which a one-connection "
                + "probe does not bound.", about(prose, "socket"));
        String hz = about(prose, "hazelcast");
        assertTrue(hz.startsWith("hazelcast at 32M was not measured over one connection (p=1), the only case the "
                + "loopback probe (one connection, memory to memory: 0.80 GB/s), the ceiling of its members, which "
                + "talk TCP over loopback reads against: no percentage."), hz);
        assertTrue(hz.contains("Over 2 connections at once (p=2) it moves 0.20 GB/s in all"), hz);
        assertFalse(hz.contains("%"), hz);
    }

    @Test
    void aModelFasterThanTheProbeGetsNoPercentage() {
        List<String> prose = prose(e(0.1));
        String socket = about(prose, "socket");
        assertTrue(socket.startsWith("socket at 32M moves 0.20 GB/s of sum data over one connection (p=1), above the "
                + "loopback probe (one connection, memory to memory: 0.10 GB/s): the probe understates"), socket);
        assertFalse(socket.contains("%"), socket);
    }

    @Test
    void aProcessModelIsReadAgainstThePipeProbe() {
        Analysis.WorkloadResult w = new Analysis.WorkloadResult("sum", "", 8, List.of(SIZE), List.of("process-pool"),
                List.of(1), Map.of(SIZE, e(0.05)), Map.of(), Map.of(), List.of(point("process-pool", 1, 1.0)),
                Map.of(), Map.of(), Map.of(), List.of(), List.of(), Map.of(), Set.of(), 2);
        Analysis.Probe probe = new Analysis.Probe(Map.of(), Map.of(), SIZE, e(3.0), e(1.6), null);
        assertEquals("process-pool at 32M moves 1.00 GB/s of sum data over one pipe (p=1) = 63% of the pipe probe "
                + "(one pipe, memory to memory: 1.60 GB/s).", about(WorkloadProse.of(w, probe,
                        Machine.of(Map.of())), "process-pool"));
    }

    @Test
    void residentModelsSayWhatTheyMoveAndAreNotReadAgainstAProbe() {
        for (Estimate loopback : new Estimate[] {e(0.8), null}) {
            List<String> prose = prose(loopback);
            String hz = about(prose, "hazelcast-resident");
            assertTrue(hz.contains("moves no input per operation"), hz);
            assertTrue(hz.contains("members' partitioned IMap"), hz);
            assertTrue(hz.contains("only the request, the partial result and any output slices travel"), hz);
            assertTrue(hz.contains("not read against the loopback probe"), hz);
            assertFalse(hz.contains("%"), hz);
            String sock = about(prose, "socket-resident");
            assertTrue(sock.contains("held by the worker JVMs") && !sock.contains("%"), sock);
        }
    }

    @Test
    void noProbeNoPercentage() {
        List<String> prose = prose(null);
        assertTrue(prose.stream().noneMatch(s -> s.startsWith("socket at ") || s.startsWith("hazelcast at ")), ""
                + prose);
    }

    @Test
    void sharedMemoryVectorAddIsReadAgainstItsOwnCeilingOfSixtyPerCentOfTheProbe() {
        Analysis.ProbeLevel level = new Analysis.ProbeLevel(dev.parbench.workload.Ceiling.ADD, true, SIZE, e(22),
                e(20));
        // 7.2 GB/s of vector-add bytes = 36% of the 20 GB/s probe = 60% of shared-memory's own 12 GB/s ceiling
        Analysis.Point p = new Analysis.Point("shared-memory", 2, SIZE, e(0.1), e(1), 0.5, 0.1, e(7.2), 36, false,
                level);
        Analysis.WorkloadResult w = new Analysis.WorkloadResult("vector-add", "simd", 24, List.of(SIZE),
                List.of("shared-memory"), List.of(2), Map.of(SIZE, e(0.05)), Map.of(), Map.of(), List.of(p),
                Map.of(), Map.of(), Map.of(), List.of(), List.of(), Map.of(), Set.of(), 2);
        Analysis.Probe probe = new Analysis.Probe(Map.of(), Map.of(), SIZE, e(3.0), e(1.6), null);
        List<String> prose = WorkloadProse.of(w, probe, Machine.of(Map.of()));
        String own = prose.stream().filter(x -> x.startsWith("shared-memory's own ceiling")).findFirst()
                .orElseThrow(() -> new AssertionError(prose.toString()));
        assertEquals("shared-memory's own ceiling is 60% of the probe: its workers write the output into the mapping "
                + "and the master copies it into the caller's array, so it moves 40 bytes per element where the "
                + "kernel moves 24; at p=2 it reaches 60% of that ceiling.", own);
    }

    @Test
    void sumOnSharedMemoryAndVectorAddInOneJvmHaveTheProbeAsTheirCeiling() {
        var traffic = dev.parbench.workload.WorkloadKind.VECTOR_ADD.traffic();
        assertEquals(0.6, dev.parbench.analysis.OwnCeiling.fractionOfProbe(
                dev.parbench.strategy.StrategyKind.SHARED_MEMORY, traffic), 1e-12);
        assertEquals(1.0, dev.parbench.analysis.OwnCeiling.fractionOfProbe(
                dev.parbench.strategy.StrategyKind.EXECUTOR, traffic), 1e-12);
        assertEquals(1.0, dev.parbench.analysis.OwnCeiling.fractionOfProbe(
                dev.parbench.strategy.StrategyKind.SHARED_MEMORY, dev.parbench.workload.WorkloadKind.SUM.traffic()),
                1e-12);
    }
}
