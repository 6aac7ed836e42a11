package dev.parbench.remote;

import dev.parbench.workload.ArraySlice;
import dev.parbench.workload.WireForm;
import dev.parbench.workload.Workload;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Worker side of the {@code shared-memory} model: one task's input mapped from its master's shared-memory files
 * ({@link Frame.MapStore}), computed in place on every {@link Frame.RunStored}. Nothing of the input travels: the
 * task's element range of each input array is mapped (and every page touched once, here, so no page fault falls
 * inside a timed operation), and each output array's range is mapped read-write, so the output (vector-add's
 * {@code c}) is written into the shared file for the master to read.
 *
 * <p>A workload with an in-place loop ({@link WireForm#runInPlace}: sum) runs it straight on buffers over the
 * mapping: each element is read from the shared memory once, as the in-JVM kernel does with its array, but with the
 * scalar loop (a buffer has no SIMD loop before JDK 22's memory segments; parbench compiles for 21). Vector-add has
 * none: its scalar loop over three buffers ran at half the speed of the chunks below (measured at 32M, p = 2, with
 * the machine loaded). Any other workload, or a range mapped in more than one window (over 1 GiB per array), is
 * processed in chunks
 * of {@link #CHUNK_BLOCKS} blocks (256 KiB per array, so a chunk's arrays stay in a core's L2), each copied by a
 * bulk get from the mapping into scratch arrays reused from chunk to chunk, rebuilt into a local input by
 * {@link WireForm#receive} (block-aligned, so the partial results combine exactly as the in-JVM models' do), run by
 * the workload's own kernel, and its output arrays put back into the mapping. (The copies cost: a first version
 * that copied every workload reached about half the in-JVM bandwidth on sum.)
 */
final class MappedDataset {
    /** Blocks per chunk: 8 blocks of 4096 elements = 256 KiB per array. */
    static final int CHUNK_BLOCKS = 8;

    private final RemoteTask task;
    private final Workload<Object> workload;
    private final WireForm<Object> wire;
    private final List<SharedArray> inputs = new ArrayList<>();
    private final List<SharedArray> outputs = new ArrayList<>();
    /** Input kinds (long[] or double[] of length 0): the scratch arrays to build. */
    private final List<Object> inputKinds;
    /** Scratch per chunk length: the input arrays, and the output arrays of the last chunk of that length. */
    private final Map<Integer, List<Object>> scratchIn = new HashMap<>();
    private final Map<Integer, List<Object>> scratchOut = new HashMap<>();
    /** Buffers over the whole mapped range, for workloads with an in-place loop (null: copy chunks). */
    private List<java.nio.Buffer> inPlaceInputs;
    private List<java.nio.Buffer> inPlaceOutputs;

    @SuppressWarnings("unchecked")
    private MappedDataset(RemoteTask task, List<String> files) throws IOException {
        this.task = task;
        this.workload = (Workload<Object>) task.workload().create(task.kernel());
        this.wire = workload.wire();
        Object sample = workload.prepare(1, task.seed());
        inputKinds = wire.input(sample, 0, 1).stream().map(s -> emptyLike(s.array())).toList();
        int outputCount = wire.outputDestination(sample, 0, 1).size();
        if (files.size() != inputKinds.size() + outputCount) {
            throw new IllegalArgumentException(task.workload() + " maps " + inputKinds.size() + " input and "
                    + outputCount + " output arrays, got " + files.size() + " files");
        }
        long from = task.fromElement();
        long to = task.toElement();
        for (int i = 0; i < files.size(); i++) {
            SharedArray a = SharedArray.map(SharedFiles.resolve(files.get(i)), from, to);
            (i < inputKinds.size() ? inputs : outputs).add(a);
        }
        List<Object> outputKinds = wire.outputDestination(sample, 0, 1).stream().map(s -> emptyLike(s.array()))
                .toList();
        List<java.nio.Buffer> in = new ArrayList<>();
        List<java.nio.Buffer> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            in.add(inputs.get(i).buffer(inputKinds.get(i)));
        }
        for (int j = 0; j < outputs.size(); j++) {
            out.add(outputs.get(j).buffer(outputKinds.get(j)));
        }
        boolean oneWindow = !in.contains(null) && !out.contains(null);
        inPlaceInputs = oneWindow ? in : null;
        inPlaceOutputs = oneWindow ? out : null;
        long sink = 0;
        for (SharedArray a : inputs) {
            sink += a.touch(false);
        }
        for (SharedArray a : outputs) {
            a.touch(true);
        }
        if (sink == 42) {
            Thread.onSpinWait(); // keeps the touching reads from being optimized away
        }
    }

    /** Maps a task's files (names in {@link SharedFiles#directory()}) and touches every page of its range. */
    static MappedDataset map(RemoteTask task, List<String> files) throws IOException {
        return new MappedDataset(task, files);
    }

    /** Computes the task on the mapped input; output arrays go into the mapping, the RESULT carries no array. */
    Frame.Result run(long requestId) {
        if (inPlaceInputs != null) {
            java.util.OptionalLong p = wire.runInPlace(task.size(), task.seed(), task.fromBlock(), task.toBlock(),
                    inPlaceInputs, inPlaceOutputs);
            if (p.isPresent()) {
                return new Frame.Result(requestId, p.getAsLong(), Frame.Data.NONE);
            }
            inPlaceInputs = null; // the workload has no in-place loop: copy from now on
        }
        int size = task.size();
        int block = workload.blockSize();
        long partial = 0;
        for (int b = task.fromBlock(); b < task.toBlock(); b += CHUNK_BLOCKS) {
            int e = Math.min(b + CHUNK_BLOCKS, task.toBlock());
            int from = Workload.elementStart(b, block, size);
            int n = Workload.elementStart(e, block, size) - from;
            List<Object> arrays = scratchIn.computeIfAbsent(n, len -> inputKinds.stream()
                    .map(k -> k instanceof long[] ? (Object) new long[len] : new double[len]).toList());
            for (int i = 0; i < arrays.size(); i++) {
                inputs.get(i).get(from, arrays.get(i), 0, n);
            }
            WireForm.Local<Object> local = wire.receive(size, task.seed(), b, e, arrays,
                    scratchOut.getOrDefault(n, List.of()));
            partial = workload.combine(partial, workload.run(local.input(), local.fromBlock(), local.toBlock()));
            List<ArraySlice> out = wire.output(local.input());
            if (out.size() != outputs.size()) {
                throw new IllegalStateException(task.workload() + " returned " + out.size() + " output arrays, "
                        + outputs.size() + " mapped");
            }
            List<Object> outArrays = new ArrayList<>(out.size());
            for (int j = 0; j < out.size(); j++) {
                ArraySlice s = out.get(j);
                outputs.get(j).put(from, s.array(), s.offset(), s.length());
                outArrays.add(s.array());
            }
            scratchOut.put(n, outArrays);
        }
        return new Frame.Result(requestId, partial, Frame.Data.NONE);
    }

    private static Object emptyLike(Object array) {
        return array instanceof long[] ? new long[0] : new double[0];
    }
}
