package dev.parbench.engine;

import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.GlobalSerializerConfig;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.nio.serialization.StreamSerializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * How the engine's objects travel, the same on members and client: Hazelcast's {@link IdentifiedDataSerializable}
 * (one factory, a class id each, no reflection) and <b>no Java serialization</b>, refused twice:
 * <ul>
 * <li>on the way out, a global serializer that overrides Java serialization ({@code overrideJavaSerialization})
 * throws for any {@code java.io.Serializable} object that has no Hazelcast serializer of its own, so nothing is ever
 * written in Java's format;</li>
 * <li>on the way in, the Java deserialization filter has its defaults disabled and a whitelist of one class that
 * does not exist, so bytes in Java's format from any other client are refused before a class is resolved.</li>
 * </ul>
 * Bulk arrays travel as one byte array each (little-endian, copied in bulk), not element by element.
 */
final class EngineSerialization {
    static final int FACTORY_ID = 0x50424e47; // "PBNG"
    static final int SLICE = 1;
    static final int SLICE_TASK = 2;
    static final int RESIDENT_TASK = 3;
    static final int RESULT = 4;
    static final int MEMBER_INFO_TASK = 5;
    static final int MEMBER_INFO = 6;
    /** Type id of the serializer that refuses Java serialization (custom ids are positive). */
    static final int REFUSER_TYPE_ID = 0x50424a53;

    private EngineSerialization() {
    }

    static final DataSerializableFactory FACTORY = id -> switch (id) {
        case SLICE -> new Slice();
        case SLICE_TASK -> new SliceTask();
        case RESIDENT_TASK -> new ResidentTask();
        case RESULT -> new TaskResult();
        case MEMBER_INFO_TASK -> new MemberInfo.Task();
        case MEMBER_INFO -> new MemberInfo();
        default -> null;
    };

    /** Registers the factory and switches Java serialization off, in both directions. */
    static SerializationConfig configure(SerializationConfig c) {
        c.addDataSerializableFactory(FACTORY_ID, FACTORY);
        c.setGlobalSerializerConfig(new GlobalSerializerConfig().setImplementation(new RefuseJavaSerialization())
                .setOverrideJavaSerialization(true));
        c.setJavaSerializationFilterConfig(new JavaSerializationFilterConfig().setDefaultsDisabled(true)
                .setWhitelist(new ClassFilter().addClasses("dev.parbench.engine.NothingIsJavaSerialized")));
        return c;
    }

    /** Stands where Java serialization would: refuses to write or read anything. */
    static final class RefuseJavaSerialization implements StreamSerializer<Object> {
        @Override
        public int getTypeId() {
            return REFUSER_TYPE_ID;
        }

        @Override
        public void write(ObjectDataOutput out, Object object) {
            throw new HazelcastSerializationException("parbench: Java serialization is disabled; "
                    + object.getClass().getName() + " has no IdentifiedDataSerializable or Compact form");
        }

        @Override
        public Object read(ObjectDataInput in) {
            throw new HazelcastSerializationException("parbench: Java serialization is disabled; refusing to read "
                    + "an object in Java's format");
        }
    }

    /** Writes a list of whole or partial long[]/double[] arrays: count, then per array a tag and its bytes. */
    static void writeArrays(ObjectDataOutput out, List<dev.parbench.workload.ArraySlice> arrays) throws IOException {
        out.writeInt(arrays.size());
        for (dev.parbench.workload.ArraySlice s : arrays) {
            byte[] bytes = new byte[Math.multiplyExact(s.length(), 8)];
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (s.array() instanceof long[] l) {
                out.writeByte('L');
                b.asLongBuffer().put(l, s.offset(), s.length());
            } else {
                out.writeByte('D');
                b.asDoubleBuffer().put((double[]) s.array(), s.offset(), s.length());
            }
            out.writeByteArray(bytes);
        }
    }

    /**
     * Reads what {@link #writeArrays} wrote: whole long[] and double[] arrays. Each array's bytes (an int length, then
     * the bytes, as {@code writeByteArray} puts them) are read in chunks through a small buffer straight into the
     * typed array: no byte[] of the whole slice is allocated and filled first (for a 32M sum split two ways, that
     * was one 128 MiB allocation and one 128 MiB copy per task on the member).
     */
    static List<Object> readArrays(ObjectDataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 16) {
            throw new IOException("bad array count " + n);
        }
        List<Object> out = new ArrayList<>(n);
        byte[] chunk = null;
        for (int i = 0; i < n; i++) {
            byte tag = in.readByte();
            int bytes = in.readInt();
            if (bytes < 0 || bytes % 8 != 0) {
                throw new IOException("bad array of " + (bytes < 0 ? "null" : bytes + " bytes"));
            }
            if (tag != 'L' && tag != 'D') {
                throw new IOException("bad array tag " + tag);
            }
            if (in instanceof java.io.InputStream s && bytes > s.available()) { // Hazelcast's inputs are streams
                throw new IOException("array of " + bytes + " bytes but only " + s.available() + " left");
            }
            if (chunk == null) {
                chunk = new byte[Math.min(CHUNK_BYTES, Math.max(8, bytes))];
            }
            int length = bytes / 8;
            long[] longs = tag == 'L' ? new long[length] : null;
            double[] doubles = tag == 'D' ? new double[length] : null;
            for (int done = 0; done < length; ) {
                int count = Math.min(length - done, chunk.length / 8);
                in.readFully(chunk, 0, count * 8);
                ByteBuffer b = ByteBuffer.wrap(chunk, 0, count * 8).order(ByteOrder.LITTLE_ENDIAN);
                if (longs != null) {
                    b.asLongBuffer().get(longs, done, count);
                } else {
                    b.asDoubleBuffer().get(doubles, done, count);
                }
                done += count;
            }
            out.add(longs != null ? longs : doubles);
        }
        return out;
    }

    /** Bytes read at a time by {@link #readArrays}. */
    private static final int CHUNK_BYTES = 1 << 20;
}
