// Local Neo4j 5.26 Community for development and tests, without Docker.
//
// Run as a single source file (Java 17+, no compile step):
//   java <add-opens flags> -Xms256m -Xmx512m -cp '<jars>/*' neo4j/Launcher.java <dataDir> <boltPort>
//
// Embedded DBMS with only the Bolt connector, on 127.0.0.1:<boltPort>, auth disabled. Protocol on
// the standard streams (read by src/db/local-neo4j.ts):
//   stdout  NEO4J_READY bolt://127.0.0.1:<port>   once, when the default database accepts work
//   stdout  NEO4J_STOPPED                         after a clean shutdown (SIGTERM / SIGINT)
//   stderr  NEO4J_INFO ready <timings>            just before NEO4J_READY
//   stderr  NEO4J_ERROR <reason>                  one line, then exit code 1 (2 for bad arguments)
// With -Dagencement.exitOnStdinEof=true the database also shuts down cleanly when stdin reaches
// end-of-file, i.e. when the parent process that holds the other end of the pipe has died.
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.ByteUnit;

public class Launcher {
    private static final String HOST = "127.0.0.1";
    private static volatile DatabaseManagementService service;
    private static final CountDownLatch startupDone = new CountDownLatch(1);
    private static long builtAt;

    public static void main(String[] args) {
        if (args.length != 2) {
            fail(2, "usage: java -cp '<jars>/*' Launcher.java <dataDir> <boltPort>");
        }
        long mainAt = System.currentTimeMillis();
        Path home = Path.of(args[0]).toAbsolutePath().normalize();
        int port;
        try {
            port = Integer.parseInt(args[1]);
            if (port < 1 || port > 65535) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            fail(2, "invalid Bolt port '" + args[1] + "' (expected 1-65535)");
            return;
        }

        Runtime.getRuntime().addShutdownHook(new Thread(Launcher::shutdown, "neo4j-launcher-shutdown"));
        if (Boolean.getBoolean("agencement.exitOnStdinEof")) watchStdin();

        // Cheap checks first: Neo4j itself only finds these after ~10 s of starting up.
        String early = portTaken(port) ? portMessage(port) : storeLocked(home) ? storeMessage(home) : null;
        if (early != null) {
            startupDone.countDown();
            fail(1, early);
            return;
        }

        try {
            Files.createDirectories(home);
            DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(128))
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // Netty's default 5 s quiet period, paid twice, made every stop take 10 s more;
                    // the Bolt connections are already closed by the time it applies.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .build();
            service = dbms;
            builtAt = System.currentTimeMillis();
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(TimeUnit.SECONDS.toMillis(60))) {
                throw new IllegalStateException("database '" + GraphDatabaseSettings.DEFAULT_DATABASE_NAME
                        + "' did not become available within 60 s");
            }
            try (Transaction tx = db.beginTx()) {
                tx.execute("RETURN 1").close();
                tx.commit();
            }
        } catch (Throwable t) {
            startupDone.countDown();
            fail(1, describe(t, home, port));
            return;
        }
        startupDone.countDown();
        long readyAt = System.currentTimeMillis();
        long jvmAt = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.err.printf(Locale.ROOT, "NEO4J_INFO ready %.1f s after JVM start (%.1f s JVM start and source compile,"
                        + " %.1f s DBMS start, %.1f s first query)%n",
                (readyAt - jvmAt) / 1000.0, (mainAt - jvmAt) / 1000.0, (builtAt - mainAt) / 1000.0, (readyAt - builtAt) / 1000.0);
        System.err.flush();
        System.out.println("NEO4J_READY bolt://" + HOST + ":" + port);
        System.out.flush();
        // The DBMS threads keep the JVM alive; the shutdown hook does the rest.
    }

    /** Runs on SIGTERM / SIGINT / System.exit: waits for a start in progress, then stops cleanly. */
    private static void shutdown() {
        try {
            startupDone.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
        DatabaseManagementService dbms = service;
        if (dbms == null) return;
        service = null;
        try {
            dbms.shutdown();
            System.out.println("NEO4J_STOPPED");
        } catch (Throwable t) {
            System.err.println("NEO4J_ERROR shutdown failed: " + oneLine(t));
        }
        System.out.flush();
        System.err.flush();
    }

    private static void watchStdin() {
        Thread watcher = new Thread(() -> {
            InputStream in = System.in;
            byte[] buf = new byte[256];
            try {
                while (in.read(buf) >= 0) { /* ignore input */ }
            } catch (IOException ignored) {
                // a broken pipe means the same thing as end-of-file
            }
            System.err.println("NEO4J parent process gone (stdin closed): shutting down");
            System.exit(0);
        }, "neo4j-launcher-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static String portMessage(int port) {
        return "Bolt port " + port + " on " + HOST + " is already in use by another process"
                + " (another Neo4j?); stop it or choose another port";
    }

    private static String storeMessage(Path home) {
        return "the store in " + home + " is locked by another running Neo4j process"
                + " (" + home.resolve("data/databases/store_lock") + " is held); stop that process or use another data directory";
    }

    private static boolean portTaken(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(HOST, port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** True when another process holds the lock Neo4j takes on <home>/data/databases/store_lock. */
    private static boolean storeLocked(Path home) {
        Path lockFile = home.resolve("data").resolve("databases").resolve("store_lock");
        if (!Files.exists(lockFile)) return false;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) return true;
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false; // let Neo4j report whatever is wrong with the file
        }
    }

    private static String describe(Throwable t, Path home, int port) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String name = c.getClass().getName();
            String msg = String.valueOf(c.getMessage());
            if (c instanceof BindException || name.endsWith("PortBindException")
                    || msg.contains("Address already in use") || msg.contains("already in use")) {
                return portMessage(port);
            }
            if (name.endsWith("FileLockException") || msg.contains("store_lock")) {
                return storeMessage(home);
            }
        }
        // Unrecognised: keep the stack trace for diagnosis, the one-line reason comes last.
        t.printStackTrace();
        return oneLine(t) + " (see " + home.resolve("logs").resolve("debug.log") + ")";
    }

    private static String oneLine(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String s = t.getClass().getSimpleName() + ": " + t.getMessage();
        if (root != t) s += " <- " + root.getClass().getSimpleName() + ": " + root.getMessage();
        return s.replaceAll("\\s+", " ").trim();
    }

    private static void fail(int code, String reason) {
        System.out.flush();
        System.err.println("NEO4J_ERROR " + reason.replaceAll("\\s+", " ").trim());
        System.err.flush();
        System.exit(code);
    }
}
