package dev.parbench.engine;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.parbench.workload.ArraySlice;
import java.io.IOException;
import java.util.List;

/**
 * What a task sends back: its partial result and any output arrays, or the error it met. A failure travels as a
 * message, not as a serialized {@code Throwable} (which would need Java serialization between members).
 */
public final class TaskResult implements IdentifiedDataSerializable {
    private long partial;
    private String error;
    private List<ArraySlice> outgoing = List.of();
    private List<Object> output = List.of();

    TaskResult() {
    }

    static TaskResult ok(long partial, List<ArraySlice> output) {
        TaskResult r = new TaskResult();
        r.partial = partial;
        r.outgoing = output;
        return r;
    }

    static TaskResult failed(String error) {
        TaskResult r = new TaskResult();
        r.error = error;
        return r;
    }

    long partial() {
        return partial;
    }

    /** Null if the task succeeded. */
    String error() {
        return error;
    }

    List<Object> output() {
        return output;
    }

    @Override
    public int getFactoryId() {
        return EngineSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return EngineSerialization.RESULT;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(partial);
        out.writeString(error);
        EngineSerialization.writeArrays(out, outgoing);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        partial = in.readLong();
        error = in.readString();
        output = EngineSerialization.readArrays(in);
        outgoing = output.stream().map(ArraySlice::whole).toList();
    }
}
