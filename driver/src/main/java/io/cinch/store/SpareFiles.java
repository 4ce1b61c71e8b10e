package io.cinch.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * This process's spare tenant files: per branch, images of the template at one schema version, each with a log that
 * already holds a frame ({@link WalImage}), written and synced in the background at the path they keep
 * ({@code premade/<owner>/...} in the branch's directory) and opened there, so that a first write claims one by
 * naming it in the tenant's record and finds its SQLite connection open. A branch keeps one spare once it has seen
 * two first writes within {@link #STANDING_MS}, until it has seen none for that long, and more during a burst of
 * first writes (the third within a second of each other) until it has seen none for {@link #IDLE_MS}. {@code
 * data/spares/<owner>.lock} is locked while this process keeps spares; a lock that is free was left by a process that
 * stopped, whose spares no tenant claimed are then deleted.
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

    /** A branch without a first write for this long gives up the spares of its burst but one. */
    static final long IDLE_MS = 2_000;

    /**
     * A branch that saw two first writes within this time keeps one spare ready until it has seen none for this long
     * (then it has none, and once no branch has any, the lock goes too): the next first write of a steady trickle of
     * new tenants then finds a spare, as those of a burst do.
     */
    static final long STANDING_MS = 60_000;

    /** Spares written at once: their syncs then share the file system's journal commits. */
    private static final int WRITERS = 4;

    /** Spares made in one go, before the next go looks again at how many the branch wants. */
    private static final int CHUNK = 2 * WRITERS;

    private final Project project;
    private volatile String owner;
    private volatile Path lockFile;
    private final Map<Long, Deque<Spare>> ready = new ConcurrentHashMap<>();
    private final Map<Long, Demand> demand = new ConcurrentHashMap<>();
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
    private final AtomicLong numbers = new AtomicLong();
    private final AtomicLong madeReady = new AtomicLong();
    private final AtomicLong claimed = new AtomicLong();
    private final AtomicLong missed = new AtomicLong();
    private volatile FileChannel lockChannel; // this process's lock, taken by the worker
    private volatile boolean stopped;

    SpareFiles(Project project) {
        this.project = project;
        newOwner();
    }

    private void newOwner() {
        owner = UUID.randomUUID().toString();
        lockFile = project.layout().spares().resolve(owner + ".lock");
    }

    /** One spare: made from the branch's template at {@code version}, named {@code name} in a tenant's record. */
    record Spare(long branchId, int version, String name, Path file) {
    }

    /**
     * A branch's recent first writes and how many spares it wants: none after its first, one after a second within
     * {@link #STANDING_MS}, more in a burst.
     */
    private record Demand(long lastNanos, int streak, int target) {
        Demand next(long now, boolean missed) {
            long gap = now - lastNanos;
            int nowStreak = gap < BURST_GAP_NANOS ? streak + 1 : 1;
            int nowTarget = nowStreak >= BURST && missed ? Math.min(MOST_PER_BRANCH, Math.max(1, target * 2))
                    : gap < TimeUnit.MILLISECONDS.toNanos(STANDING_MS) ? Math.max(1, target) : target;
            return new Demand(now, nowStreak, nowTarget);
        }
    }

    /**
     * Under the metadata's write lock: takes a spare of the branch at {@code version} for a tenant whose record the
     * caller then points at it, or null when none is ready. Either way, spares are made ready for the next first
     * writes.
     */
    Spare claim(long branchId, int version) {
        Deque<Spare> spares = ready.get(branchId);
        Spare spare;
        while (spares != null && (spare = spares.poll()) != null) {
            if (spare.version() == version && Files.exists(spare.file())) {
                refill(branchId, false);
                claimed.incrementAndGet();
                return spare;
            }
            stale.add(spare);
        }
        refill(branchId, true);
        missed.incrementAndGet();
        return null;
    }

    /** What the spares did so far. */
    SpareCounts counts() {
        return new SpareCounts(madeReady.get(), claimed.get(), missed.get());
    }

    /** Takes back a claimed spare whose tenant's record did not commit; the worker deletes it. */
    void discard(Spare spare) {
        stale.add(spare);
        if (!stopped && queued.compareAndSet(false, true)) {
            wake();
        }
    }

    /**
     * Forgets the spares under {@code dir}, a branch's or a database's directory that was deleted with them, and their
     * branches' demand; the lock goes once no spare is left.
     */
    void deleted(Path dir) {
        for (Map.Entry<Long, Deque<Spare>> e : ready.entrySet()) {
            if (e.getValue().removeIf(s -> s.file().startsWith(dir))) {
                demand.remove(e.getKey());
            }
        }
        try {
            worker.submit(this::disownIfNoSpare).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.log(System.Logger.Level.INFO, "the lock of " + owner + " stays until its spares are given up", e);
        }
    }

    /** Has the worker run soon, unless the project is closing. */
    private void wake() {
        try {
            worker.execute(this::work);
        } catch (RejectedExecutionException e) {
            // closing: close() deletes what is left
        }
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
            wake();
        }
    }

    /** Deletes stale spares and the unclaimed spares of processes that stopped, and tops every wanted branch up. */
    private void work() {
        queued.set(false);
        deleteAbandoned();
        try {
            deleteStale();
            for (Map.Entry<Long, Demand> d : demand.entrySet()) {
                topUp(d.getKey(), d.getValue().target());
            }
        } catch (IOException | SQLException | RuntimeException e) {
            if (!stopped) {
                LOG.log(System.Logger.Level.WARNING, "cannot prepare spare tenant files of " + owner, e);
            }
        }
        if (!expiryScheduled && !stopped && lockChannel != null) {
            expiryScheduled = true;
            worker.schedule(this::expire, IDLE_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Closes the connections of spares no tenant will claim and deletes them. */
    private void deleteStale() throws SQLException {
        for (Spare s; (s = stale.poll()) != null; ) {
            project.files().evict(s.file());
            TenantFiles.deleteTree(s.file());
        }
    }

    /**
     * Gives up the spares of a burst but one when its branch saw no first write for {@link #IDLE_MS}, and the last
     * after {@link #STANDING_MS}; when none is left, deletes the lock, so that a project without new tenants holds no
     * spare file.
     */
    private void expire() {
        expiryScheduled = false;
        long now = System.nanoTime();
        for (Map.Entry<Long, Demand> e : demand.entrySet()) {
            Demand d = e.getValue();
            long idle = now - d.lastNanos();
            boolean over = idle >= TimeUnit.MILLISECONDS.toNanos(STANDING_MS);
            int keep = over ? 0 : idle >= TimeUnit.MILLISECONDS.toNanos(IDLE_MS) ? Math.min(1, d.target()) : d.target();
            boolean kept = over ? demand.remove(e.getKey(), d)
                    : keep == d.target() || demand.replace(e.getKey(), d, new Demand(d.lastNanos(), d.streak(), keep));
            Deque<Spare> spares = ready.get(e.getKey());
            while (kept && spares != null && spares.size() > keep) {
                Spare s = spares.pollLast();
                if (s != null) {
                    stale.add(s); // polled: a claim cannot take it any more
                }
            }
        }
        try {
            deleteStale();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete spare tenant files of " + owner, e);
        }
        if (!disownIfNoSpare() && !stopped) {
            expiryScheduled = true;
            worker.schedule(this::expire, IDLE_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** On the worker: gives the lock up when no spare is left; says whether none is. */
    private boolean disownIfNoSpare() {
        if (!ready.values().stream().allMatch(Deque::isEmpty)) {
            return false;
        }
        try {
            if (lockChannel != null) {
                disown();
            }
        } catch (IOException | SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot give up the spare files of " + owner, e);
        }
        return true;
    }

    /**
     * With no spare left, deletes this process's lock and its directories that no claimed spare keeps; the next
     * burst takes a new owner.
     */
    private void disown() throws IOException, SQLException {
        for (Branch b : branches()) {
            deleteEmptyDirectories(project.layout().premade(b.databaseId(), b.id(), owner));
        }
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
        for (int missing = target - spares.size(); missing > 0 && !stopped; missing = wanted(branchId) - spares.size()) {
            TenantFiles.TemplateImage template = project.tenantFiles().templateImage(branch.get());
            own();
            List<Spare> made = new ArrayList<>();
            for (int i = 0; i < Math.min(missing, CHUNK); i++) {
                long n = numbers.incrementAndGet();
                made.add(new Spare(branchId, template.version(), Layout.premadeName(owner, n),
                        project.layout().premade(branch.get().databaseId(), branchId, owner, n)));
            }
            make(made, template, spares);
        }
    }

    /** How many spares a branch wants now: 0 once its burst is over. */
    private int wanted(long branchId) {
        Demand d = demand.get(branchId);
        return d == null ? 0 : d.target();
    }

    /**
     * Writes and syncs the spares (and the directories that name them), opens them, and adds each to {@code spares}
     * as soon as it is open.
     */
    private void make(List<Spare> made, TenantFiles.TemplateImage template, Deque<Spare> spares) throws IOException {
        Set<Path> directories = new LinkedHashSet<>();
        for (Spare spare : made) {
            directories.add(spare.file().getParent());
        }
        for (Path d : directories) {
            NewTenantFile.createDirectories(d);
        }
        List<Future<?>> writing = new ArrayList<>();
        int added = 0;
        try {
            for (Spare spare : made) {
                writing.add(writers.submit(() -> {
                    NewTenantFile.write(spare.file(), template);
                    return null;
                }));
            }
            for (Future<?> w : writing) {
                w.get();
            }
            for (Path d : directories) {
                NewTenantFile.syncDirectory(d);
            }
            List<Future<Spare>> opening = new ArrayList<>();
            for (Spare spare : made) {
                opening.add(writers.submit(() -> open(spare)));
            }
            for (Future<Spare> o : opening) {
                spares.add(o.get());
                added++;
                madeReady.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stale.addAll(made.subList(added, made.size()));
        } catch (IOException e) {
            // a directory's sync, which an interrupt (closing) also ends: the spares written are deleted
            stale.addAll(made.subList(added, made.size()));
            throw e;
        } catch (ExecutionException | RejectedExecutionException e) {
            // rejected: closing; what was written before is deleted with the rest, once the writers stopped
            stale.addAll(made.subList(added, made.size()));
            throw new IOException("cannot make a spare file", e.getCause() == null ? e : e.getCause());
        }
    }

    /**
     * Opens a spare's SQLite connection and reads its schema, then leaves it idle in the pool, where the first write
     * that claims the spare finds it (unless the pool needed the room meanwhile).
     */
    private Spare open(Spare spare) throws SQLException {
        Handle h = project.files().borrow(spare.file(), false, null);
        try {
            h.execute("SELECT count(*) FROM sqlite_schema"); // builds the log's index and parses the schema
        } finally {
            project.files().release(h);
        }
        return spare;
    }

    /**
     * Takes this process's lock, once per owner: {@code <owner>.lock} is locked before any spare of the owner exists,
     * so that spares without a held lock are never a live process's.
     */
    private void own() throws IOException {
        while (lockChannel == null) {
            Files.createDirectories(lockFile.getParent());
            lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            lockChannel.lock();
            if (!Files.exists(lockFile)) {
                // another process found it before it was locked, took it for a stopped one's and deleted it
                lockChannel.close();
                lockChannel = null;
                newOwner();
            }
        }
    }

    /**
     * Deletes the spares of processes that stopped (their lock is free) that no tenant claimed, and their locks; also
     * the spare directories an earlier version of cinch left in {@code data/spares}.
     */
    void deleteAbandoned() {
        Path locks = project.layout().spares();
        if (!Files.isDirectory(locks)) {
            return;
        }
        try (DirectoryStream<Path> all = Files.newDirectoryStream(locks)) {
            for (Path p : all) {
                String name = p.getFileName().toString();
                if (p.equals(lockFile)) {
                    continue; // opening and closing our own lock file would drop our lock
                }
                String stopped = name.endsWith(".lock") ? name.substring(0, name.length() - ".lock".length()) : name;
                if (!Layout.isOwner(stopped)) {
                    continue; // not cinch's
                }
                if (name.endsWith(".lock")) {
                    deleteIfAbandoned(p, stopped);
                } else if (!Files.exists(locks.resolve(name + ".lock"))) {
                    TenantFiles.deleteTree(p); // an earlier version's spare directory
                }
            }
        } catch (IOException | SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete abandoned spare files of " + project.layout().root(), e);
        }
    }

    private void deleteIfAbandoned(Path lock, String stopped) throws IOException, SQLException {
        try (FileChannel c = FileChannel.open(lock, StandardOpenOption.WRITE); FileLock held = c.tryLock()) {
            if (held != null) {
                deleteUnclaimed(stopped);
                TenantFiles.deleteTree(lock.resolveSibling(stopped)); // an earlier version's spare directory
                Files.deleteIfExists(lock);
            }
        } catch (OverlappingFileLockException e) {
            // another instance of this project in this process holds it
        }
    }

    /** Deletes the spares of {@code stopped}, a process that holds no lock, that no tenant's record names. */
    private void deleteUnclaimed(String stopped) throws IOException, SQLException {
        for (Branch b : branches()) {
            Path dir = project.layout().premade(b.databaseId(), b.id(), stopped);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            Set<String> claimed = project.metadata().read(v -> v.claimedSpares(b.id(), stopped));
            List<Path> unclaimed;
            try (Stream<Path> files = Files.walk(dir)) {
                unclaimed = files.filter(f -> f.getFileName().toString().matches("[0-9]+\\.db"))
                        .filter(f -> !claimed.contains(Layout.premadeName(stopped, numberOf(f)))).toList();
            }
            for (Path f : unclaimed) {
                TenantFiles.deleteTree(f);
            }
            deleteEmptyDirectories(dir);
        }
    }

    private static long numberOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - ".db".length()));
    }

    /** Deletes {@code dir}, an owner's spares in a branch, and the directories in it where no claimed spare stays. */
    private static void deleteEmptyDirectories(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path d : all.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(d);
                } catch (DirectoryNotEmptyException e) {
                    // a claimed spare's
                }
            }
        }
    }

    private List<Branch> branches() throws SQLException {
        return project.metadata().read(v -> {
            List<Branch> all = new ArrayList<>();
            for (Database d : v.databases()) {
                all.addAll(v.branches(d.id()));
            }
            return all;
        });
    }

    /** Stops preparing spares and deletes this process's unclaimed spares and its lock. */
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
        for (Deque<Spare> spares : ready.values()) {
            stale.addAll(spares);
        }
        ready.clear();
        try {
            deleteStale();
            if (lockChannel != null) {
                disown();
            }
        } catch (IOException | SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete spare files of " + owner, e);
        }
    }

    private static final System.Logger LOG = System.getLogger(SpareFiles.class.getName());
}
