package dev.gatehouse.migrations;

import java.nio.file.Path;

/** A process that starts the embedded database and then gets killed by a test, as a crashed Gatehouse would. */
public final class KilledOwner {

    private KilledOwner() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]));
        System.out.println("ready " + db.coordinates().port());
        System.out.flush();
        System.in.read();
    }
}
