package dev.gatehouse.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks the port a PostgreSQL start will listen on. */
@FunctionalInterface
interface PortChooser {

    int next();

    /**
     * A port free on 127.0.0.1 at the time of the call. Another process may take it before PostgreSQL binds it,
     * which {@link PostmasterStart} survives by starting again on a new port.
     */
    static PortChooser freeLoopbackPort() {
        return () -> {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
            }
        };
    }
}
