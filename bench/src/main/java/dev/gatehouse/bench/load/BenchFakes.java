package dev.gatehouse.bench.load;

import dev.gatehouse.bench.BenchPolicy;
import dev.gatehouse.testkit.google.CloudRunOptions;
import dev.gatehouse.testkit.google.FakeCloudRun;
import dev.gatehouse.testkit.google.FakeGoogle;
import dev.gatehouse.testkit.google.FakeServiceAccount;
import dev.gatehouse.testkit.oidc.FakeOidcProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The outside world of the load benchmark, for {@code bench/run}: an OIDC provider that signs every login in as
 * {@link BenchPolicy}'s user, Google's token endpoint with a service account whose key file is the gateway's
 * identity, and a private Cloud Run service that only this account may invoke. Prints {@code name=value} lines
 * and then {@code fakes ready}; runs until it is terminated, then prints how many Google ID tokens were minted and
 * what the Cloud Run service admitted and refused. While it runs, {@code mints_uri} answers the mint counts so far
 * (JSON: {@code total}, and per service account and audience).
 *
 * <p>Usage: {@code BenchFakes WORK_DIR} (the key file is written there).
 */
public final class BenchFakes {
    static final String ISSUER_ID = "bench";
    static final String SERVICE_ACCOUNT = "gatehouse-bench@fake-project.iam.gserviceaccount.com";
    static final String CLOUD_RUN_URL = "https://bench-service-abc123-uc.a.run.app";

    private BenchFakes() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: BenchFakes WORK_DIR");
            System.exit(2);
        }
        Path workDir = Path.of(args[0]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        FakeOidcProvider oidc = FakeOidcProvider.start();
        oidc.signInAs(ISSUER_ID)
                .subject(BenchPolicy.SUBJECT)
                .email(BenchPolicy.EMAIL)
                .groups(BenchPolicy.GROUPS.toArray(new String[0]))
                .claim("department", BenchPolicy.DEPARTMENT)
                .lifetime(Duration.ofHours(8));
        FakeGoogle google = FakeGoogle.start();
        FakeServiceAccount account = google.createServiceAccount(SERVICE_ACCOUNT);
        Path keyFile = google.writeKeyFile(account, workDir);
        FakeCloudRun cloudRun = google.startCloudRun(CloudRunOptions.privateService(CLOUD_RUN_URL, SERVICE_ACCOUNT));

        out.println("issuer=" + oidc.issuer(ISSUER_ID));
        out.println("key_file=" + keyFile.toAbsolutePath());
        out.println("service_account=" + SERVICE_ACCOUNT);
        out.println("cloud_run_url=" + CLOUD_RUN_URL);
        out.println("cloud_run_uri=" + cloudRun.uri());
        out.println("mints_uri=" + google.mintsUri());
        out.println("free_port_1=" + freePort());
        out.println("free_port_2=" + freePort());
        out.println("fakes ready");

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("google_id_tokens_minted=" + google.totalMints());
            out.println("cloud_run_admitted=" + cloudRun.received().size());
            out.println("cloud_run_refused=" + cloudRun.rejections().size());
            google.close();
            oidc.close();
            stopped.countDown();
        }, "bench-fakes-stop"));
        stopped.await();
    }

    /** A port that was free a moment ago on 127.0.0.1 (for nginx, which cannot report the port it picked). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
