/**
 * Offloading to a real distributed engine: Hazelcast (open-source edition, Apache 2.0) as two more models of the same
 * matrix, on the same workloads and oracle.
 *
 * <p><b>Models.</b> {@code hazelcast} ({@link dev.parbench.engine.HazelcastStrategy}) is the {@code executor} model
 * on a cluster: Hazelcast's {@code IExecutorService} is a distributed {@code ExecutorService}; one task per block
 * range goes to member {@code k}, carrying its input slice, like {@code socket}. {@code hazelcast-resident}
 * ({@link dev.parbench.engine.HazelcastResidentStrategy}) stores the input once per input (in warm-up) in a
 * partitioned {@code IMap}, range {@code k} under a key owned by member {@code k}, and sends a read-only entry
 * processor to each key: the task runs on the member holding the data, on the stored object (OBJECT in-memory
 * format, no backups), and only the request and the partial result travel, like {@code socket-resident}.
 * {@code parallelism} is the number of members.
 *
 * <p><b>Members and client.</b> By default {@link dev.parbench.engine.EngineCluster} starts {@code parallelism}
 * member JVMs per trial from the same class path ({@code Main worker --hazelcast}, {@link
 * dev.parbench.engine.HazelcastMember}), on loopback, TCP-IP join on their explicit addresses (no multicast, no
 * auto-detection), a cluster name unique to the trial, no phone-home, no metrics; the benchmark fork connects as a
 * Hazelcast client and waits (bounded) until it sees every member and every member owns partitions. All of that is
 * trial setup. {@code -Dparbench.hazelcast.members=host:port,...} uses an existing cluster instead.
 *
 * <p><b>Serialization.</b> Tasks, slices and results are {@code IdentifiedDataSerializable}; Java serialization is
 * refused on the way out (a global serializer overriding it throws) and on the way in (the deserialization filter
 * allows no class), on members and client alike ({@link dev.parbench.engine.EngineSerialization}). A task's failure
 * travels as a message, never as a serialized {@code Throwable}.
 *
 * <p><b>Faults.</b> A member that dies fails the operation it was in at once (the client's connection to it
 * closes), with its address and pid; later operations fail, saying it left (members are not replaced, tasks are not
 * retried elsewhere). Every wait has a deadline ({@code -Dparbench.remote.timeoutSeconds}, start-up
 * {@code -Dparbench.hazelcast.startTimeoutSeconds}). {@code close()} shuts the client down, then the member JVMs
 * (SIGTERM, 2 s, SIGKILL); members exit with their parent, and a shutdown hook kills any still alive. Hazelcast's
 * logging is off unless {@code -Dparbench.hazelcast.verbose}.
 *
 * <p>May depend on: workload, strategy, Hazelcast. Nothing depends on it except {@code remote.Models} (one line per
 * model) and {@code cli} (the member command). May not depend on: JMH, results, analysis, report.
 */
package dev.parbench.engine;
