package dev.parbench.engine;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.concurrent.Callable;

/** What a member says about its machine (for env.json): cores, JDK, Hazelcast version. */
public final class MemberInfo implements IdentifiedDataSerializable {
    int cores;
    String jdk;
    String hazelcast;

    @Override
    public String toString() {
        return cores + " cores, JDK " + jdk + ", Hazelcast " + hazelcast;
    }

    /** The question, run on a member. */
    public static final class Task implements Callable<MemberInfo>, IdentifiedDataSerializable {
        @Override
        public MemberInfo call() {
            MemberInfo m = new MemberInfo();
            m.cores = Runtime.getRuntime().availableProcessors();
            m.jdk = System.getProperty("java.vendor") + " " + System.getProperty("java.version");
            m.hazelcast = com.hazelcast.instance.BuildInfoProvider.getBuildInfo().getVersion();
            return m;
        }

        @Override
        public int getFactoryId() {
            return EngineSerialization.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return EngineSerialization.MEMBER_INFO_TASK;
        }

        @Override
        public void writeData(ObjectDataOutput out) {
        }

        @Override
        public void readData(ObjectDataInput in) {
        }
    }

    @Override
    public int getFactoryId() {
        return EngineSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return EngineSerialization.MEMBER_INFO;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(cores);
        out.writeString(jdk);
        out.writeString(hazelcast);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        cores = in.readInt();
        jdk = in.readString();
        hazelcast = in.readString();
    }
}
