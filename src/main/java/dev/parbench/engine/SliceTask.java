package dev.parbench.engine;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.concurrent.Callable;

/** {@code hazelcast}: a task for the distributed executor that carries its slice of the input with it. */
public final class SliceTask implements Callable<TaskResult>, IdentifiedDataSerializable {
    private Slice slice;

    SliceTask() {
    }

    SliceTask(Slice slice) {
        this.slice = slice;
    }

    @Override
    public TaskResult call() {
        return slice.compute();
    }

    @Override
    public int getFactoryId() {
        return EngineSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return EngineSerialization.SLICE_TASK;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        slice.writeData(out);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        slice = new Slice();
        slice.readData(in);
    }
}
