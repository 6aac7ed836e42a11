package dev.parbench.engine;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.Map;

/**
 * {@code hazelcast-resident}: the request for one stored slice. Sent with {@code IMap.submitToKey}, it runs on the
 * member that owns the key's partition, on the stored object itself (the map keeps values in OBJECT format, so no
 * copy and no deserialization), and only the result travels back. Read-only: no backup, no write.
 */
public final class ResidentTask implements EntryProcessor<String, Slice, TaskResult>, ReadOnly,
        IdentifiedDataSerializable {

    @Override
    public TaskResult process(Map.Entry<String, Slice> entry) {
        Slice s = entry.getValue();
        if (s == null) {
            return TaskResult.failed("no stored slice under " + entry.getKey() + " (was its member lost?)");
        }
        return s.compute();
    }

    @Override
    public EntryProcessor<String, Slice, TaskResult> getBackupProcessor() {
        return null;
    }

    @Override
    public int getFactoryId() {
        return EngineSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return EngineSerialization.RESIDENT_TASK;
    }

    @Override
    public void writeData(ObjectDataOutput out) {
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
    }
}
