package dev.parbench.engine;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Who may reach a Hazelcast member, checked before one starts or is joined. Hazelcast's open-source edition has no
 * authentication and no TLS: anyone who reaches a member's port can join, read the data and run code. So a member
 * binds loopback unless told otherwise, and any address that is not loopback (a {@code --bind} or an entry of
 * {@code -Dparbench.hazelcast.members}) needs an explicit opt-in: {@code worker --insecure-network} or
 * {@code -Dparbench.hazelcast.insecure=true}. The cluster name is never a default when members are named by hand: a
 * shared default would let two unrelated clusters on one network merge.
 */
public final class EngineNetwork {
    /** The master's (the forks') opt-in to non-loopback members. */
    public static final String INSECURE_PROPERTY = "parbench.hazelcast.insecure";
    /** The forks' list of members of a real cluster. */
    public static final String MEMBERS_PROPERTY = "parbench.hazelcast.members";
    /** The forks' name of that cluster (required with members). */
    public static final String CLUSTER_PROPERTY = "parbench.hazelcast.cluster";

    private EngineNetwork() {
    }

    /**
     * Checks a member's {@code --bind}: it must be an address of this machine (or 0.0.0.0), and loopback unless
     * {@code insecure}. A problem is an {@link IllegalArgumentException} with one line.
     */
    public static void checkBind(String bind, boolean insecure) {
        InetAddress a;
        try {
            a = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind " + bind + ": not an address of this machine (unknown host)");
        }
        if (!a.isAnyLocalAddress()) {
            try {
                if (NetworkInterface.getByInetAddress(a) == null) {
                    throw new IllegalArgumentException("--bind " + bind + ": not an address of this machine (no "
                            + "network interface has it)");
                }
            } catch (SocketException e) {
                throw new IllegalArgumentException("--bind " + bind + ": cannot list this machine's addresses ("
                        + e.getMessage() + ")");
            }
        }
        if (!a.isLoopbackAddress() && !insecure) {
            throw new IllegalArgumentException("refusing --bind " + bind + " without --insecure-network: a Hazelcast "
                    + "member has no authentication and no TLS, so any host that reaches it can join, read the data "
                    + "and run code on it");
        }
    }

    /** Checks a list of {@code host:port} members: any non-loopback one needs {@code insecure} ({@code flag} names it). */
    public static void checkMembers(List<String> members, boolean insecure, String flag) {
        for (String m : members) {
            if (!insecure && !isLoopback(host(m))) {
                throw new IllegalArgumentException("refusing member " + m + " without " + flag + ": Hazelcast has no "
                        + "authentication and no TLS (trusted networks only)");
            }
        }
    }

    /** The host part of {@code host:port} (or {@code [v6]:port}). */
    static String host(String hostPort) {
        String s = hostPort.trim();
        if (s.startsWith("[") && s.contains("]")) {
            return s.substring(1, s.indexOf(']'));
        }
        int colon = s.lastIndexOf(':');
        return colon > 0 && s.indexOf(':') == colon ? s.substring(0, colon) : s;
    }

    /** True if {@code host} resolves to loopback addresses only (an unknown host is not loopback). */
    static boolean isLoopback(String host) {
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            for (InetAddress a : all) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return all.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
