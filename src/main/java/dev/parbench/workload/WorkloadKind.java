package dev.parbench.workload;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The workloads parbench knows, one constant each: its id (the CLI id, the report's section and the chart legend),
 * the simple name of its JMH shell in {@code dev.parbench.bench}, and how to build it for a kernel. Everything else
 * (kernel, memory traffic, probe, wire form) the workload itself says; the run plan, the analysis, the report, the
 * codec, CI's check and the gate subset all read it from here, so adding a workload is one class, one constant here
 * and one shell (a test fails if anything else would have been needed).
 */
public enum WorkloadKind {
    /** Sum of a {@code long[]}: memory-bound, one read stream. */
    SUM("sum", "SumBench", 0.9e-9, Sum::new),
    /** {@code c[i] = a[i] + b[i]} over {@code double[]}: memory-bound, two reads and one write. */
    VECTOR_ADD("vector-add", "VectorAddBench", 3.3e-9, VectorAdd::new),
    /** Monte Carlo estimate of pi (hits inside the unit circle): compute-bound, nothing but a seed travels. */
    RANDOM("random", "MonteCarloBench", 4.5e-9, kernel -> new MonteCarlo()),
    /** Mandelbrot escape counts: compute-bound and load-imbalanced (rows near the set cost far more). */
    MANDELBROT("mandelbrot", "MandelbrotBench", 18e-9, kernel -> new Mandelbrot());

    /** Package of the JMH shells. */
    public static final String BENCH_PACKAGE = "dev.parbench.bench";

    private final String id;
    private final String benchClass;
    private final double secondsPerElement;
    private final Function<Kernel, Workload<?>> factory;

    WorkloadKind(String id, String benchClass, double secondsPerElement, Function<Kernel, Workload<?>> factory) {
        this.id = id;
        this.benchClass = benchClass;
        this.secondsPerElement = secondsPerElement;
        this.factory = factory;
    }

    /**
     * Roughly what one sequential operation costs per element on one core (s), from the quietest runs on the
     * reference 2-core VM: only the run plan's time estimate reads it (an iteration lasts at least one operation).
     */
    public double secondsPerElement() {
        return secondsPerElement;
    }

    public String id() {
        return id;
    }

    /** Simple name of the JMH shell (its {@code sequential} and {@code parallel} benchmarks). */
    public String benchClass() {
        return benchClass;
    }

    /** Fully qualified name of the JMH shell. */
    public String benchClassName() {
        return BENCH_PACKAGE + "." + benchClass;
    }

    /** A new workload of this kind using the given kernel (workloads with one loop ignore it). */
    public Workload<?> create(Kernel kernel) {
        return factory.apply(kernel);
    }

    /** The workload's own description of its memory traffic (the same for every kernel). */
    public Traffic traffic() {
        return create(Kernel.SCALAR).traffic();
    }

    /** Bytes a kernel must move per element (STREAM counting, no write-allocate); 0 for compute-bound work. */
    public int bytesPerElement() {
        return traffic().bytesPerElement();
    }

    /** Elements per block. */
    public int blockSize() {
        return create(Kernel.SCALAR).blockSize();
    }

    /** True if the workload has a SIMD loop distinct from its scalar one (so the kernel is a real dimension). */
    public boolean hasKernels() {
        return create(Kernel.SIMD).kernel() == Kernel.SIMD;
    }

    public static WorkloadKind fromId(String id) {
        for (WorkloadKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + id + "'; known: " + ids());
    }

    /** The workload whose shell has this simple class name, if any. */
    public static java.util.Optional<WorkloadKind> ofBenchClass(String simpleName) {
        return Arrays.stream(values()).filter(k -> k.benchClass.equals(simpleName)).findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(WorkloadKind::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
