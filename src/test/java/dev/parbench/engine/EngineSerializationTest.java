package dev.parbench.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.internal.serialization.impl.HeapData;
import dev.parbench.workload.ArraySlice;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Bulk arrays survive the trip (read back in chunks), partial slices included; a truncated message is refused. */
class EngineSerializationTest {
    private static final InternalSerializationService SERVICE = new DefaultSerializationServiceBuilder()
            .setConfig(EngineSerialization.configure(new SerializationConfig())).build();

    @Test
    void arraysLargerThanOneChunkAndPartialSlicesRoundTrip() {
        long[] longs = LongStream.range(0, 300_001).map(i -> i * 0x9E3779B97F4A7C15L).toArray(); // 2.4 MB: 3 chunks
        double[] doubles = LongStream.range(0, 1000).mapToDouble(i -> i / 7.0 - 3).toArray();
        TaskResult back = SERVICE.toObject(SERVICE.toData(TaskResult.ok(42, List.of(ArraySlice.whole(longs),
                new ArraySlice(doubles, 10, 500), ArraySlice.whole(new long[0])))));
        assertEquals(42, back.partial());
        assertEquals(3, back.output().size());
        assertArrayEquals(longs, (long[]) back.output().get(0));
        assertArrayEquals(Arrays.copyOfRange(doubles, 10, 510), (double[]) back.output().get(1));
        assertArrayEquals(new long[0], (long[]) back.output().get(2));
    }

    @Test
    void aTruncatedArrayIsRefusedBeforeItIsAllocated() {
        byte[] whole = SERVICE.toData(TaskResult.ok(1, List.of(ArraySlice.whole(new long[100_000])))).toByteArray();
        Data cut = new HeapData(Arrays.copyOf(whole, whole.length - 8));
        Exception e = assertThrows(Exception.class, () -> SERVICE.toObject(cut));
        String all = e + " " + e.getCause();
        org.junit.jupiter.api.Assertions.assertTrue(all.contains("only") || all.contains("EOF"), all);
    }
}
