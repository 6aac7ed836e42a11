package dev.parbench.strategy;

import java.util.ArrayList;
import java.util.List;

/**
 * Which flags of the JVM that starts a child JVM (a worker of the out-of-process models, a Hazelcast member) the child
 * inherits: the JMH fork's GC, heap ceiling, modules and the user's {@code -jvmArgsAppend}, so that a child computes
 * under the same runtime as the fork it serves. Shared by {@code remote} and {@code engine}, which must not depend on
 * each other.
 */
public final class ChildJvmFlags {
    private ChildJvmFlags() {
    }

    /** The flags of {@code forkFlags} (a JVM's input arguments) that {@link #copied pass on}, in order. */
    public static List<String> inherited(List<String> forkFlags) {
        List<String> out = new ArrayList<>();
        for (String f : forkFlags) {
            if (copied(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Whether a flag of the starting JVM is passed on to a child. Not copied: {@code -Xms} (up to 8 children, each
     * committing the fork's {@code -Xms4g} at start, would ask for more than the machine has, while a child holds at
     * most its slice); JMH's own ({@code -Djmh.*}, {@code -DcompilerBlackholesEnabled}, its
     * {@code -XX:CompileCommandFile}); agents, debuggers and recorders, which would attach to (or write the same file
     * from, or listen on the same port in) every child ({@code -javaagent}, {@code -agentlib}, {@code -agentpath},
     * {@code -Xdebug}, {@code -Xrunjdwp}, {@code -XX:StartFlightRecording}, {@code -XX:FlightRecorderOptions},
     * {@code -Xlog} with a file); the class path and main class, given separately; and a two-part
     * {@code --add-modules X} is never split (the JVM reports it as {@code --add-modules=X}).
     */
    public static boolean copied(String f) {
        return !(f.startsWith("-Xms") || f.startsWith("-Djmh.") || f.startsWith("-XX:CompileCommandFile")
                || f.startsWith("-DcompilerBlackholesEnabled")
                || f.startsWith("-javaagent") || f.startsWith("-agentlib") || f.startsWith("-agentpath")
                || f.startsWith("-Xdebug") || f.startsWith("-Xrunjdwp") || f.startsWith("-XX:StartFlightRecording")
                || f.startsWith("-XX:FlightRecorderOptions") || (f.startsWith("-Xlog") && f.contains("file="))
                || f.startsWith("-Djava.class.path") || f.startsWith("-Dsun.java.command")
                || f.equals("-cp") || f.equals("-classpath") || f.equals("--class-path"));
    }
}
