package io.cinch.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This process's spare tenant files: per branch, images of the template at one schema version, each with a log that
 * already holds a frame ({@link WalImage}), written and synced in the background, that materialization claims by
 * renaming them into place. A branch has spares only during a burst of first writes (the third within a second of
 * each other) and until it has seen none for {@link #IDLE_MS}. They live under {@code data/spares/<owner>/}, where
 * {@code <owner>.lock} is locked while this process keeps spares; a directory whose lock is free was left by a
 * process that stopped.
 */
final class SpareFiles {

    /**
     * The most spares kept per branch; in a burst a branch starts with one and doubles after each first write that
     * found none.
     */
    static final int MOST_PER_BRANCH = 64;

    /** First writes to a branch closer together than this count as a burst. */
    private static final long BURST_GAP_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** The first writes of a burst, one after another, that a branch sees before it gets spares. */
    private static final int BURST = 3;

    /** A branch without a first write for this long gives its spares up (all gone, the directory and lock go too). */
    static final long IDLE_MS = 2_000;

    /** Spares written at once: their syncs then share the file system's journal commits. */
    private static final int WRITERS = 4;

    private final Project project;
    private volatile Path dir;
    private volatile Path lockFile;
    private final Map<Long, Deque<Spare>> ready = new ConcurrentHashMap<>();
    private final Map<Long, Demand> demand = new ConcurrentHashMap<>();
    private final Set<Path> unsyncedDirectories = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedDeque<Spare> stale = new ConcurrentLinkedDeque<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cinch-spare-files");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS, r -> {
        Thread t = new Thread(r, "cinch-spare-writer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private boolean expiryScheduled; // by the worker only
    private final AtomicLong names = new AtomicLong();
    private volatile FileChannel lockChannel; // this process's lock on its spare directory, taken by the worker
    private volatile boolean stopped;

    SpareFiles(Project project) {
        this.project = project;
        newOwner();
    }

    private void newOwner() {
        String owner = UUID.randomUUID().toString();
        dir = project.layout().spares().resolve(owner);
        lockFile = project.layout().spares().resolve(owner + ".lock");
    }

    /** One spare: its database image and its log, made from the branch's template at {@code version}. */
    private record Spare(long branchId, int version, Path image, Path wal) {
    }

    /** A branch's recent first writes and how many spares it wants (0 outside a burst). */
    private record Demand(long lastNanos, int streak, int target) {
        Demand next(long now, boolean missed) {
            int nowStreak = now - lastNanos < BURST_GAP_NANOS ? streak + 1 : 1;
            int nowTarget = nowStreak < BURST ? target : target == 0 ? 1 : missed ? Math.min(MOST_PER_BRANCH, target * 2) : target;
            return new Demand(now, nowStreak, nowTarget);
        }
    }

    /**
     * Under the metadata's write lock: moves a spare of the branch at {@code version} into place as {@code file}
     * (whose leftovers the caller has deleted) and says whether there was one. Either way, spares are made ready for
     * the next first writes.
     */
    boolean claim(long branchId, int version, Path file) {
        Deque<Spare> spares = ready.get(branchId);
        Spare spare;
        while (spares != null && (spare = spares.poll()) != null) {
            if (spare.version() != version) {
                stale.add(spare);
                continue;
            }
            Path wal = Path.of(file + "-wal");
            try {
                Files.move(spare.wal(), wal, StandardCopyOption.ATOMIC_MOVE);
                Files.move(spare.image(), file, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // deleted under it (another process's clean-up took it for abandoned): the caller writes the file,
                // which must not find this log beside it
                LOG.log(System.Logger.Level.INFO, "spare file " + spare.image() + " could not be claimed", e);
                stale.add(spare);
                try {
                    Files.deleteIfExists(wal);
                } catch (IOException notDeleted) {
                    throw new UncheckedIOException("cannot delete " + wal, notDeleted);
                }
                break;
            }
            unsyncedDirectories.add(file.getParent());
            refill(branchId, false);
            return true;
        }
        refill(branchId, true);
        return false;
    }

    /** The number of spares of a branch ready to be claimed. */
    int ready(long branchId) {
        Deque<Spare> spares = ready.get(branchId);
        return spares == null ? 0 : spares.size();
    }

    private void refill(long branchId, boolean missed) {
        long now = System.nanoTime();
        Demand d = demand.compute(branchId, (id, was) -> was == null ? new Demand(now, 1, 0) : was.next(now, missed));
        if (!stopped && d.target() > 0 && queued.compareAndSet(false, true)) {
            worker.execute(this::work);
        }
    }

    /**
     * Syncs the directories of claimed files, deletes stale spares and those of processes that stopped, and tops every
     * wanted branch up.
     */
    private void work() {
        queued.set(false);
        deleteAbandoned();
        try {
            for (Path d : unsyncedDirectories) {
                unsyncedDirectories.remove(d);
                syncDirectory(d);
            }
            for (Spare s; (s = stale.poll()) != null; ) {
                Files.deleteIfExists(s.image());
                Files.deleteIfExists(s.wal());
            }
            for (Map.Entry<Long, Demand> d : demand.entrySet()) {
                topUp(d.getKey(), d.getValue().target());
            }
        } catch (IOException | SQLException | RuntimeException e) {
            if (!stopped) {
                LOG.log(System.Logger.Level.WARNING, "cannot prepare spare tenant files in " + dir, e);
            }
        }
        if (!expiryScheduled && !stopped && lockChannel != null) {
            expiryScheduled = true;
            worker.schedule(this::expire, IDLE_MS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Gives up the spares of branches that saw no first write for {@link #IDLE_MS}; when none is left, deletes the
     * directory and the lock, so that a project without bursts holds no spare file.
     */
    private void expire() {
        expiryScheduled = false;
        long now = System.nanoTime();
        for (Map.Entry<Long, Demand> d : demand.entrySet()) {
            if (now - d.getValue().lastNanos() >= TimeUnit.MILLISECONDS.toNanos(IDLE_MS)) {
                demand.remove(d.getKey(), d.getValue());
                Deque<Spare> spares = ready.get(d.getKey());
                for (Spare s; spares != null && (s = spares.poll()) != null; ) {
                    stale.add(s); // polled: a claim cannot take it any more
                }
            }
        }
        try {
            for (Spare s; (s = stale.poll()) != null; ) {
                Files.deleteIfExists(s.image());
                Files.deleteIfExists(s.wal());
            }
            if (ready.values().stream().allMatch(Deque::isEmpty) && lockChannel != null) {
                disown();
                return;
            }
        } catch (IOException | SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete spare tenant files in " + dir, e);
        }
        if (!stopped) {
            expiryScheduled = true;
            worker.schedule(this::expire, IDLE_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Deletes this process's spare directory and lock; the next burst takes a new one. */
    private void disown() throws IOException, SQLException {
        TenantFiles.deleteTree(dir);
        Files.deleteIfExists(lockFile);
        lockChannel.close();
        lockChannel = null;
        newOwner();
    }

    private void topUp(long branchId, int target) throws IOException, SQLException {
        Optional<Branch> branch = project.branch(branchId);
        if (branch.isEmpty()) {
            demand.remove(branchId);
            Deque<Spare> gone = ready.remove(branchId);
            if (gone != null) {
                stale.addAll(gone);
            }
            return;
        }
        Deque<Spare> spares = ready.computeIfAbsent(branchId, id -> new ConcurrentLinkedDeque<>());
        int missing = target - spares.size();
        if (missing <= 0 || stopped || !demand.containsKey(branchId)) {
            return;
        }
        TenantFiles.TemplateImage template = project.tenantFiles().templateImage(branch.get());
        byte[] wal = WalImage.of(template.bytes());
        own();
        List<Spare> made = new ArrayList<>();
        List<Future<?>> writing = new ArrayList<>();
        for (int i = 0; i < missing; i++) {
            String name = branchId + "-" + names.incrementAndGet();
            Spare spare = new Spare(branchId, template.version(), dir.resolve(name + ".image"), dir.resolve(name + ".wal"));
            made.add(spare);
            writing.add(writers.submit(() -> {
                writeSynced(spare.image(), template.bytes());
                writeSynced(spare.wal(), wal);
                return null;
            }));
        }
        try {
            for (Future<?> w : writing) {
                w.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stale.addAll(made);
            return;
        } catch (ExecutionException e) {
            stale.addAll(made);
            throw new IOException("cannot write a spare file", e.getCause());
        }
        syncDirectory(dir);
        spares.addAll(made);
    }

    private static void writeSynced(Path file, byte[] bytes) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (ByteBuffer b = ByteBuffer.wrap(bytes); b.hasRemaining(); ) {
                c.write(b);
            }
            c.force(true);
        }
    }

    private static void syncDirectory(Path directory) throws IOException {
        try (FileChannel c = FileChannel.open(directory, StandardOpenOption.READ)) {
            c.force(true);
        }
    }

    /**
     * Takes this process's spare directory, once: locks {@code <owner>.lock} before the directory exists, so that a
     * directory without a lock is never a live one.
     */
    private void own() throws IOException {
        if (lockChannel == null) {
            Files.createDirectories(dir.getParent());
            lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            lockChannel.lock();
        }
        Files.createDirectories(dir);
    }

    /** Deletes the spare directories of processes that stopped (their lock is free, or they have none). */
    void deleteAbandoned() {
        Path spares = project.layout().spares();
        if (!Files.isDirectory(spares)) {
            return;
        }
        try (DirectoryStream<Path> all = Files.newDirectoryStream(spares)) {
            for (Path p : all) {
                String name = p.getFileName().toString();
                if (p.equals(lockFile) || p.equals(dir)) {
                    continue; // opening and closing our own lock file would drop our lock
                }
                if (name.endsWith(".lock")) {
                    deleteIfAbandoned(p, spares.resolve(name.substring(0, name.length() - ".lock".length())));
                } else if (!Files.exists(spares.resolve(name + ".lock"))) {
                    TenantFiles.deleteTree(p);
                }
            }
        } catch (IOException | SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete abandoned spare files in " + spares, e);
        }
    }

    private static void deleteIfAbandoned(Path lock, Path spareDir) throws IOException, SQLException {
        try (FileChannel c = FileChannel.open(lock, StandardOpenOption.WRITE); FileLock held = c.tryLock()) {
            if (held != null) {
                TenantFiles.deleteTree(spareDir);
                Files.deleteIfExists(lock);
            }
        } catch (OverlappingFileLockException e) {
            // another instance of this project in this process holds it
        }
    }

    /** Stops preparing spares and deletes this process's spare files and its lock. */
    void close() {
        stopped = true;
        worker.shutdownNow();
        writers.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
            writers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ready.clear();
        try {
            TenantFiles.deleteTree(dir);
            if (lockChannel != null) {
                disown();
            }
        } catch (IOException | SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete spare files in " + dir, e);
        }
    }

    private static final System.Logger LOG = System.getLogger(SpareFiles.class.getName());
}
