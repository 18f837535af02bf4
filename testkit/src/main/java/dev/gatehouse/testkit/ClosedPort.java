package dev.gatehouse.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A port of 127.0.0.1 where every connection is refused for as long as this is open: the port stays bound (without
 * listening), so no server started meanwhile (in this JVM or another process) can take it, and no outgoing connection
 * gets it as its own port (which would connect to itself). A port learnt from a socket closed at once guarantees
 * neither.
 */
public final class ClosedPort implements AutoCloseable {

    private final Socket bound;

    private ClosedPort(Socket bound) {
        this.bound = bound;
    }

    public static ClosedPort reserve() {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new ClosedPort(socket);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                e.addSuppressed(ignored);
            }
            throw new UncheckedIOException("cannot reserve a port on 127.0.0.1", e);
        }
    }

    public int port() {
        return bound.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String httpUrl() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        try {
            bound.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
