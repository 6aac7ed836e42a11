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

    private static Analysis.Point point(String strategy, double gbps) {
        return new Analysis.Point(strategy, 2, SIZE, e(0.1), e(1), 0.5, 0.1, e(gbps), Double.NaN, false);
    }

    private static List<String> prose(Estimate loopback) {
        List<String> strategies = List.of("socket", "hazelcast", "hazelcast-resident", "socket-resident");
        Analysis.WorkloadResult w = new Analysis.WorkloadResult("sum", "", 8, List.of(SIZE), strategies, List.of(2),
                Map.of(SIZE, e(0.05)), Map.of(), Map.of(),
                List.of(point("socket", 0.3), point("hazelcast", 0.2), point("hazelcast-resident", 4.0),
                        point("socket-resident", 5.0)),
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
    void hazelcastIsReadAgainstTheLoopbackProbe() {
        List<String> prose = prose(e(0.8));
        // p = 2 connections at once, the probe one: read per connection
        assertEquals("socket at 32M moves 0.3 GB/s of sum data over 2 connections (p=2): 0.15 GB/s per connection = "
                + "19% of the loopback probe (one connection: 0.80 GB/s).", about(prose, "socket"));
        assertEquals("hazelcast at 32M moves 0.2 GB/s of sum data over 2 connections (p=2): 0.10 GB/s per connection "
                + "= 13% of the loopback probe (one connection: 0.80 GB/s), the ceiling of its members, which talk TCP "
                + "over loopback.", about(prose, "hazelcast"));
    }

    @Test
    void aModelFasterPerConnectionThanTheProbeGetsNoPercentage() {
        List<String> prose = prose(e(0.1));
        String socket = about(prose, "socket");
        assertTrue(socket.contains("0.15 GB/s per connection, above the loopback probe (one connection: 0.10 GB/s)"),
                socket);
        assertFalse(socket.contains("%"), socket);
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
}
