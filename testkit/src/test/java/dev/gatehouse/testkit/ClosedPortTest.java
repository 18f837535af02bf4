package dev.gatehouse.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class ClosedPortTest {

    @Test
    void refusesConnectionsAndCannotBeTakenByAServerWhileOpen() throws Exception {
        try (ClosedPort closed = ClosedPort.reserve()) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", closed.port());

            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(address, 10_000);
                }
            }).isInstanceOf(ConnectException.class);
            assertThatThrownBy(() -> {
                try (ServerSocket server = new ServerSocket()) {
                    server.setReuseAddress(true);
                    server.bind(address);
                }
            }).isInstanceOf(BindException.class);
            assertThat(closed.httpUrl()).isEqualTo("http://127.0.0.1:" + closed.port());
        }
    }
}
