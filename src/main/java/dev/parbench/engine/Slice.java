package dev.parbench.engine;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.parbench.workload.ArraySlice;
import dev.parbench.workload.Kernel;
import dev.parbench.workload.WireForm;
import dev.parbench.workload.Workload;
import dev.parbench.workload.WorkloadKind;
import java.io.IOException;
import java.util.List;

/**
 * One block range of one workload as it travels, without naming any workload: which workload and kernel (by id), the
 * whole input's size and seed, the block range, and the arrays the workload's {@link WireForm} says must travel with
 * it. The master builds it from its input (the arrays are not copied until written); a member rebuilds a local
 * input from it and computes exactly the partial result the in-JVM models compute.
 */
public final class Slice implements IdentifiedDataSerializable {
    private WorkloadKind workload;
    private Kernel kernel;
    private int size;
    private long seed;
    private int fromBlock;
    private int toBlock;
    /** Master side: what to send. */
    private List<ArraySlice> outgoing = List.of();
    /** Member side: the received arrays, whole. */
    private List<Object> arrays = List.of();

    Slice() {
    }

    /** The slice of blocks {@code [from, to)} of {@code input}. */
    static <I> Slice of(Workload<I> w, I input, int from, int to) {
        Slice s = new Slice();
        s.workload = w.kind();
        s.kernel = w.kernel();
        s.size = w.size(input);
        s.seed = w.wire().seed(input);
        s.fromBlock = from;
        s.toBlock = to;
        s.outgoing = w.wire().input(input, fromElement(from, w.blockSize(), s.size),
                fromElement(to, w.blockSize(), s.size));
        return s;
    }

    private static int fromElement(int block, int blockSize, int size) {
        return Workload.elementStart(block, blockSize, size);
    }

    int fromBlock() {
        return fromBlock;
    }

    int toBlock() {
        return toBlock;
    }

    @SuppressWarnings("unchecked")
    private Workload<Object> workloadInstance() {
        return (Workload<Object>) workload.create(kernel);
    }

    /** Member side: computes this slice and returns its partial result and any output; never throws. */
    TaskResult compute() {
        try {
            Workload<Object> w = workloadInstance();
            WireForm.Local<Object> local = w.wire().receive(size, seed, fromBlock, toBlock, arrays, List.of());
            long partial = w.run(local.input(), local.fromBlock(), local.toBlock());
            return TaskResult.ok(partial, w.wire().output(local.input()));
        } catch (RuntimeException | Error e) {
            return TaskResult.failed(workload + " blocks [" + fromBlock + ", " + toBlock + "): " + e);
        }
    }

    /** Master side: puts a result's output arrays where the in-JVM models write them. */
    void applyOutput(Object input, TaskResult r) {
        Workload<Object> w = workloadInstance();
        w.wire().applyOutput(input, fromElement(fromBlock, w.blockSize(), size),
                fromElement(toBlock, w.blockSize(), size), r.output());
    }

    @Override
    public int getFactoryId() {
        return EngineSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return EngineSerialization.SLICE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(workload.id());
        out.writeString(kernel.id());
        out.writeInt(size);
        out.writeLong(seed);
        out.writeInt(fromBlock);
        out.writeInt(toBlock);
        EngineSerialization.writeArrays(out, outgoing);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        try {
            workload = WorkloadKind.fromId(in.readString());
            kernel = Kernel.fromId(in.readString());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        size = in.readInt();
        seed = in.readLong();
        fromBlock = in.readInt();
        toBlock = in.readInt();
        if (size < 1 || fromBlock < 0 || toBlock < fromBlock) {
            throw new IOException("bad slice: size " + size + ", blocks [" + fromBlock + ", " + toBlock + ")");
        }
        arrays = EngineSerialization.readArrays(in);
        outgoing = arrays.stream().map(ArraySlice::whole).toList();
    }
}
