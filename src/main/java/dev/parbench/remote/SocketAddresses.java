package dev.parbench.remote;

import java.io.IOException;
import java.net.InetSocketAddress;

/** HOST:PORT parsing and the loopback rule of the worker. */
public final class SocketAddresses {
    private SocketAddresses() {
    }

    public static InetSocketAddress parse(String hostPort) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IOException("'" + hostPort + "' is not HOST:PORT");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(hostPort.substring(colon + 1));
            InetSocketAddress a = new InetSocketAddress(host, port);
            if (a.isUnresolved()) {
                throw new IOException("cannot resolve host '" + host + "'");
            }
            return a;
        } catch (IllegalArgumentException e) {
            throw new IOException("'" + hostPort + "' is not HOST:PORT (port 0-65535)");
        }
    }

    /** Loopback: 127.0.0.0/8 or ::1 (the wildcard is not). */
    public static boolean isLoopback(InetSocketAddress a) {
        return a.getAddress() != null && a.getAddress().isLoopbackAddress();
    }
}
