package dev.parbench.remote;

import dev.parbench.workload.Kernel;
import dev.parbench.workload.WireForm;
import dev.parbench.workload.Workload;
import dev.parbench.workload.WorkloadKind;
import java.util.List;

/**
 * One block range of one workload, as it travels: which workload and kernel, the whole input's size and seed, the
 * block range, and (beside it, in a frame's {@link Frame.Data}) whatever the workload's {@link WireForm} says must
 * travel with it.
 *
 * <p>A worker rebuilds a local input from what travelled and gets exactly the partial result the in-JVM models get:
 * this class knows no workload by name; each workload's wire form says what its slice is and how it comes back.
 */
public record RemoteTask(WorkloadKind workload, Kernel kernel, int size, long seed, int fromBlock, int toBlock) {

    public RemoteTask {
        if (size < 1 || fromBlock < 0 || toBlock < fromBlock) {
            throw new IllegalArgumentException("bad task: size " + size + ", blocks [" + fromBlock + ", " + toBlock
                    + ")");
        }
    }

    /** The task for blocks {@code [from, to)} of {@code input}. */
    public static <I> RemoteTask of(Workload<I> w, I input, int from, int to) {
        return new RemoteTask(w.kind(), w.kernel(), w.size(input), w.wire().seed(input), from, to);
    }

    int fromElement() {
        return Workload.elementStart(fromBlock, workload.blockSize(), size);
    }

    int toElement() {
        return Workload.elementStart(toBlock, workload.blockSize(), size);
    }

    @SuppressWarnings("unchecked")
    private WireForm<Object> wire() {
        return (WireForm<Object>) workload.create(kernel).wire();
    }

    /** Master side: the slices of {@code input}'s arrays this task reads (empty for generated workloads). */
    java.util.List<dev.parbench.workload.ArraySlice> inputSlices(Object input) {
        return wire().input(input, fromElement(), toElement());
    }

    /** Master side: the slices of {@code input}'s output arrays this task writes (empty if none). */
    java.util.List<dev.parbench.workload.ArraySlice> outputSlices(Object input) {
        return wire().outputDestination(input, fromElement(), toElement());
    }

    /** Master side: what must travel with this task (nothing for generated workloads). */
    public Frame.Data slice(Object input) {
        return Frame.Data.of(wire().input(input, fromElement(), toElement()));
    }

    /**
     * Worker side: the local input this task's data describes; {@code previousOutput} (possibly empty) are the output
     * arrays of the worker's previous reply, free to reuse.
     */
    public WireForm.Local<Object> localInput(Frame.Data data, List<Object> previousOutput) {
        return wire().receive(size, seed, fromBlock, toBlock, data.arrays(), previousOutput);
    }

    /** Worker side: computes the task on its local input and returns the partial result and any output. */
    @SuppressWarnings("unchecked")
    public Frame.Result compute(long requestId, WireForm.Local<Object> local) {
        Workload<Object> w = (Workload<Object>) workload.create(kernel);
        long partial = w.run(local.input(), local.fromBlock(), local.toBlock());
        return new Frame.Result(requestId, partial, Frame.Data.of(w.wire().output(local.input())));
    }

    /**
     * Master side: the slices of {@code input} where this task's output arrays belong, for the codec to decode a
     * RESULT straight into ({@link Frame.Data#NONE} if the output, if any, must go through {@link #applyOutput}).
     */
    public Frame.Data outputDestination(Object input) {
        return Frame.Data.of(wire().outputDestination(input, fromElement(), toElement()));
    }

    /** Master side: puts any output of a result (decoded into fresh arrays) where the in-JVM models write it. */
    public void applyOutput(Object input, Frame.Data out) {
        applyOutput(input, out, Frame.Data.NONE);
    }

    /**
     * Master side: puts any output of a result where the in-JVM models would have written it, unless it was decoded
     * there already ({@code out}'s slices are those of {@code destination}).
     */
    public void applyOutput(Object input, Frame.Data out, Frame.Data destination) {
        if (!destination.slices().isEmpty() && sameSlices(out, destination)) {
            return;
        }
        wire().applyOutput(input, fromElement(), toElement(), out.arrays());
    }

    private static boolean sameSlices(Frame.Data a, Frame.Data b) {
        if (a.slices().size() != b.slices().size()) {
            return false;
        }
        for (int i = 0; i < a.slices().size(); i++) {
            if (a.slices().get(i) != b.slices().get(i)) {
                return false;
            }
        }
        return true;
    }
}
