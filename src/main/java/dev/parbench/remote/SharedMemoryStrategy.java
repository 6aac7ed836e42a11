package dev.parbench.remote;

import dev.parbench.strategy.CostCounters;
import dev.parbench.strategy.StrategyKind;
import dev.parbench.workload.ArraySlice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code shared-memory}: the process pool ({@code parallelism} worker JVMs started once per trial, requests over their
 * pipes), but the input never travels. The first operation on an input (in warm-up) writes each of its arrays into a
 * shared-memory file of its own ({@link SharedFiles}: under {@code /dev/shm} where it exists, owner-only) and sends
 * each worker a {@link Frame.MapStore} naming the files; the worker maps its range of each and touches every page
 * ({@link MappedDataset}). A timed operation then moves only the request and the partial result over the pipe: each
 * worker reads its range from the mapping and writes any output (vector-add's {@code c}) into the output array's file,
 * from which the master copies it into the caller's array (the contract every model keeps: the output is where the
 * in-JVM models write it); that copy is inside the timed operation, one task's range per link reader thread as its
 * RESULT arrives, so the copies run in parallel. Generated workloads (random, mandelbrot) have no arrays: only their
 * seed is stored, as in {@code process-pool-resident}.
 *
 * <p>Files: created fresh with {@code rw-------}, removed when the dataset is replaced (a new input, or a replaced
 * worker), when the model closes (end of trial), and by a shutdown hook; a worker's crash leaves them to the master,
 * which removes them the same way (and replaces the worker as the process pool does, mapping the input afresh).
 *
 * <p>Memory consistency: the master writes the input into the mapping before it writes the MAP_STORE frames to the
 * pipes, and a worker maps and reads it after it has read its frame; a worker writes its output into the mapping before
 * it writes its RESULT, and the master's reader thread copies the output after it has read that RESULT, then hands it
 * to the caller through {@code CompletableFuture.complete}/{@code get}. Between processes the Java memory model says
 * nothing; the order comes from the pipe: a write(2) and the read(2) that returns its bytes are ordered by the kernel,
 * whose system calls are full memory barriers on the platforms parbench runs on, and both processes see one set of
 * physical pages. Within the master, the caller thread writes the input files (before the frames go out), and each
 * link's reader thread copies its own task's output range into the caller's array (before it completes the future).
 */
public final class SharedMemoryStrategy extends ProcessPoolStrategy {
    /** The current dataset's files and the master's mappings of them (null: none, or a generated workload). */
    private Shared shared;

    public SharedMemoryStrategy(int parallelism) {
        super(StrategyKind.SHARED_MEMORY, parallelism, true);
        Leftovers.sweep(); // a trial starts: the files of masters killed earlier go first
    }

    /** The input arrays' files, then the output arrays' files, each mapped whole in the master. */
    private record Shared(List<Path> files, List<SharedArray> inputs, List<SharedArray> outputs) {
        List<String> names() {
            return files.stream().map(p -> p.getFileName().toString()).toList();
        }
    }

    @Override
    void prepareDataset(Object input, List<RemoteTask> tasks) {
        release();
        RemoteTask whole = wholeInput(tasks);
        List<ArraySlice> in = whole.inputSlices(input);
        List<ArraySlice> out = whole.outputSlices(input);
        if (in.isEmpty() && out.isEmpty()) {
            return; // generated: the seed is the whole input
        }
        List<Path> files = new ArrayList<>();
        try {
            List<SharedArray> inputs = new ArrayList<>();
            List<SharedArray> outputs = new ArrayList<>();
            for (int i = 0; i < in.size() + out.size(); i++) {
                boolean isInput = i < in.size();
                ArraySlice s = isInput ? in.get(i) : out.get(i - in.size());
                Path f = SharedFiles.create((isInput ? "in" : "out") + (isInput ? i : i - in.size()));
                files.add(f);
                SharedArray a = SharedArray.map(f, s.offset(), s.offset() + (long) s.length());
                if (isInput) {
                    long t0 = System.nanoTime();
                    a.put(s.offset(), s.array(), s.offset(), s.length()); // also faults the pages in
                    CostCounters.moved(8L * s.length(), System.nanoTime() - t0);
                    inputs.add(a);
                } else {
                    a.touch(true);
                    outputs.add(a);
                }
            }
            shared = new Shared(files, inputs, outputs);
        } catch (IOException | RuntimeException e) {
            files.forEach(SharedFiles::delete);
            throw e instanceof IOException io ? new UncheckedIOException(kind() + ": could not create its shared "
                    + "memory in " + SharedFiles.directory() + ": " + io.getMessage(), io) : (RuntimeException) e;
        }
    }

    /** One task spanning every block of the tasks' input (they cover it, in order). */
    private static RemoteTask wholeInput(List<RemoteTask> tasks) {
        RemoteTask first = tasks.get(0);
        RemoteTask last = tasks.get(tasks.size() - 1);
        return new RemoteTask(first.workload(), first.kernel(), first.size(), first.seed(), first.fromBlock(),
                last.toBlock());
    }

    @Override
    Frame storeFrame(long requestId, long dataset, RemoteTask task, Object input) {
        return shared == null ? super.storeFrame(requestId, dataset, task, input)
                : new Frame.MapStore(requestId, dataset, task, shared.names());
    }

    @Override
    Frame.Data outputDestination(RemoteTask task, Object input) {
        return shared == null ? super.outputDestination(task, input) : Frame.Data.NONE;
    }

    /**
     * Copies a task's output range from the output files into the caller's arrays on the link's reader thread as
     * its RESULT arrives, so the tasks' copies run in parallel, as their computations did.
     */
    @Override
    CompletableFuture<Frame.Result> received(RemoteTask task, Object input, CompletableFuture<Frame.Result> reply) {
        Shared now = shared;
        if (now == null || now.outputs().isEmpty()) {
            return reply;
        }
        return reply.thenApply(r -> {
            List<ArraySlice> dest = task.outputSlices(input);
            for (int j = 0; j < dest.size(); j++) {
                ArraySlice s = dest.get(j);
                long t0 = System.nanoTime();
                now.outputs().get(j).get(s.offset(), s.array(), s.offset(), s.length());
                CostCounters.moved(8L * s.length(), System.nanoTime() - t0);
            }
            return r;
        });
    }

    @Override
    void applyOutput(RemoteTask task, Object input, Frame.Result reply, Frame.Data destination) {
        if (shared == null) {
            super.applyOutput(task, input, reply, destination);
        } // else copied in received()
    }

    /** Deletes the current dataset's files (the master's mappings go with this object). */
    private void release() {
        if (shared != null) {
            shared.files().forEach(SharedFiles::delete);
            shared = null;
        }
    }

    @Override
    public void close() {
        super.close();
        release();
    }
}
