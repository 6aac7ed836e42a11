package dev.parbench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.strategy.Strategy;
import dev.parbench.strategy.StrategyKind;
import dev.parbench.strategy.TaskRecorder;
import dev.parbench.strategy.TaskTrace;
import dev.parbench.workload.Kernel;
import dev.parbench.workload.Workload;
import dev.parbench.workload.WorkloadKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Worker JVMs' own moments, put on the master's clock: the ping estimate is within its stated uncertainty of the
 * true offset, and aligned moments fall between the master's send and receive (within that uncertainty).
 */
@Timeout(120)
class TraceAlignmentTest {

    /** A worker whose clock reads 5 s ahead (as another machine's would): the estimate finds it within ± u. */
    @Test
    void pingEstimateIsWithinItsUncertaintyOfASkewedClock() throws Exception {
        long skew = 5_000_000_000L;
        byte[] token = Tokens.generate();
        Worker worker = new Worker(new WireLimits(WireLimits.DEFAULT_MAX_FRAME_BYTES), token,
                new PrintStream(new ByteArrayOutputStream()), Worker.Settings.fromSystemProperties())
                .withClockSkew(skew);
        try (WorkerListener l = worker.start(new InetSocketAddress("127.0.0.1", 0))) {
            SocketChannel c = SocketChannel.open(l.address());
            try (WorkerLink link = new WorkerLink("skewed", c, c, c, token,
                    new WireLimits(WireLimits.DEFAULT_MAX_FRAME_BYTES), () -> "")) {
                link.awaitReady(Duration.ofSeconds(30));
                WorkerLink.ClockOffset off = link.ping(8, Duration.ofSeconds(30));
                assertEquals(8, off.pings());
                assertTrue(Math.abs(off.offsetNanos() - skew) <= off.uncertaintyNanos() + 1,
                        "offset " + off.offsetNanos() + " vs true " + skew + " ± " + off.uncertaintyNanos());

                // a traced request: its worker moments, aligned, lie between our send and our receipt
                CompletableFuture<Frame.Trace> trace = new CompletableFuture<>();
                CompletableFuture<Long> returned = new CompletableFuture<>();
                link.traceTo(new WorkerLink.TraceSink() {
                    @Override
                    public void worker(Frame.Trace t) {
                        trace.complete(t);
                    }

                    @Override
                    public void returned(long requestId, long nanos) {
                        returned.complete(nanos);
                    }
                });
                @SuppressWarnings("unchecked")
                Workload<Object> w = (Workload<Object>) WorkloadKind.SUM.create(Kernel.SCALAR);
                Object input = w.prepare(8 * 4096, 3);
                RemoteTask task = RemoteTask.of(w, input, 0, w.blocks(input));
                long sent = System.nanoTime();
                Frame.Result r = link.send(1, new Frame.Run(1, task, task.slice(input))).get(30, TimeUnit.SECONDS);
                assertEquals(w.oracle(input), r.partial());
                Frame.Trace t = trace.get(30, TimeUnit.SECONDS);
                long u = off.uncertaintyNanos();
                long received = off.toMaster(t.received());
                long computed = off.toMaster(t.computed());
                assertTrue(sent - u <= received, "received " + (received - sent) + " ns after sending, ± " + u);
                assertTrue(off.toMaster(t.received()) <= off.toMaster(t.decoded()) && t.decoded() <= t.computed());
                assertTrue(computed <= returned.get(30, TimeUnit.SECONDS) + u, "computed before it came back");
            }
        }
    }

    /** Real worker JVMs (process-pool): one record per task, the worker moments aligned within the uncertainty. */
    @Test
    void processPoolTraceIsAlignedAndOrdered() {
        @SuppressWarnings("unchecked")
        Workload<Object> w = (Workload<Object>) WorkloadKind.SUM.create(Kernel.SCALAR);
        Object input = w.prepare(16 * 4096, 5);
        TaskRecorder recorder = new TaskRecorder();
        try (Strategy s = Models.create(StrategyKind.PROCESS_POOL, 2)) {
            assertTrue(s.traceWith(recorder));
            for (int op = 0; op < 2; op++) {
                recorder.begin();
                assertEquals(w.oracle(input), s.execute(w, input));
                List<TaskTrace> tasks = recorder.finish();
                assertEquals(2, tasks.size());
                for (TaskTrace t : tasks) {
                    long u = t.uncertaintyNanos();
                    assertTrue(u > 0, "worker moments carry an uncertainty");
                    assertTrue(t.where().contains("pid "), t.where());
                    assertTrue(t.created() <= t.ready(), t.toString());
                    assertTrue(t.ready() <= t.started() + u, "arrived after it was sent, within ± u: " + t);
                    assertTrue(t.started() <= t.gotData() && t.gotData() <= t.computed(), t.toString());
                    assertTrue(t.computed() <= t.returned() + u, "computed before it came back, within ± u: " + t);
                    assertTrue(t.returned() <= t.joined(), t.toString());
                }
            }
        }
    }
}
