package io.cinch.clients;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.Projects.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cinch.Projects;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.Generated;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.generator.EventType;
import org.hibernate.id.IdentifierGenerationException;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hibernate 7 on cinch: SQLite dialect detection, schema validation and generation, generated ids, HQL and tenants. */
class HibernateTest {

    /** Kept referenced so that its level holds: Hibernate's start-up information is noise here. */
    private static final java.util.logging.Logger HIBERNATE_LOG = java.util.logging.Logger.getLogger("org.hibernate");

    static {
        HIBERNATE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** A row of a {@code cinch.create_table} table: the database makes its id and timestamps. */
    @Entity(name = "Note")
    @Table(name = "notes")
    public static class Note {
        @Id
        @Generated
        String id;

        @Generated
        @Column(name = "created_at")
        String createdAt;

        @Generated(event = {EventType.INSERT, EventType.UPDATE})
        @Column(name = "updated_at")
        String updatedAt;

        String body;

        Integer priority;

        boolean done;

        public Note() {
        }

        Note(String body, int priority) {
            this.body = body;
            this.priority = priority;
        }
    }

    /** The same kind of table, with the id assigned by the application (Hibernate's UUID generator). */
    @Entity(name = "Memo")
    @Table(name = "memos")
    public static class Memo {
        @Id
        @GeneratedValue(strategy = GenerationType.UUID)
        String id;

        @Generated
        @Column(name = "created_at")
        String createdAt;

        String body;

        public Memo() {
        }

        Memo(String body) {
            this.body = body;
        }
    }

    /** An entity whose table Hibernate itself creates. */
    @Entity(name = "Ticket")
    @Table(name = "tickets")
    public static class Ticket {
        @Id
        @GeneratedValue(strategy = GenerationType.UUID)
        String id;

        @Column(nullable = false)
        String title;

        int points;

        public Ticket() {
        }

        Ticket(String title, int points) {
            this.title = title;
            this.points = points;
        }
    }

    /** An entity with dates, times and a version, in a table Hibernate creates. */
    @Entity(name = "Event")
    @Table(name = "events")
    public static class Event {
        @Id
        @GeneratedValue(strategy = GenerationType.UUID)
        String id;

        LocalDate day;

        LocalDateTime at;

        Instant seen;

        int attendees;

        @Version
        int version;

        public Event() {
        }

        Event(LocalDate day, LocalDateTime at, Instant seen) {
            this.day = day;
            this.at = at;
            this.seen = seen;
        }
    }

    /**
     * The community SQLiteDialect does not declare SQLite's {@code INSERT ... RETURNING} (SQLite 3.35+), so Hibernate
     * cannot read back an id the database generates; this subclass declares it.
     */
    public static class ReturningSQLiteDialect extends SQLiteDialect {
        @Override
        public boolean supportsInsertReturning() {
            return true;
        }
    }

    @TempDir
    Path dir;

    private Path pm;

    @BeforeEach
    void project() {
        pm = dir.resolve("pm");
    }

    private void cinchTables() throws SQLException {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_table('notes', 'body:TEXT priority:INTEGER? done:BOOLEAN')",
                    "CALL cinch.create_table('memos', 'body:TEXT')");
        }
    }

    private EntityManagerFactory factory(String url, Action action, Consumer<HibernatePersistenceConfiguration> more,
                                         Class<?>... entities) {
        HibernatePersistenceConfiguration config = new HibernatePersistenceConfiguration("cinch-" + url.hashCode())
                .jdbcUrl(url)
                .jdbcDriver("io.cinch.jdbc.CinchDriver")
                .schemaToolingAction(action)
                .property("hibernate.connection.pool_size", "2");
        for (Class<?> entity : entities) {
            config.managedClass(entity);
        }
        more.accept(config);
        return config.createEntityManagerFactory();
    }

    private static long eventsWhere(EntityManagerFactory emf, String condition, String parameter, Object value) {
        return emf.callInTransaction(em -> em.createQuery("select count(*) from Event where " + condition, Long.class)
                .setParameter(parameter, value).getSingleResult());
    }

    private static long count(EntityManagerFactory emf, String entity) {
        return emf.callInTransaction(em -> em.createQuery("select count(*) from " + entity, Long.class).getSingleResult());
    }

    private EntityManagerFactory notes(String url, Action action) {
        return factory(url, action, c -> c.property("hibernate.dialect", ReturningSQLiteDialect.class.getName()), Note.class);
    }

    @Test
    void sqliteDialectIsChosenFromTheProductNameWithoutConfiguringIt() throws SQLException {
        cinchTables();
        try (EntityManagerFactory emf = factory(Projects.url(pm), Action.VALIDATE, c -> { }, Memo.class)) {
            SessionFactoryImplementor sf = emf.unwrap(SessionFactoryImplementor.class);
            assertEquals(SQLiteDialect.class, sf.getJdbcServices().getDialect().getClass());
        }
    }

    /**
     * With the stock dialect, Hibernate has no way to read back a database-generated id: it would need RETURNING,
     * getGeneratedKeys (which SQLiteDialect turns off) or a {@code @NaturalId}, and refuses the mapping at boot.
     */
    @Test
    void databaseGeneratedIdNeedsADialectThatDeclaresReturning() throws SQLException {
        cinchTables();
        PersistenceException refused = assertThrows(PersistenceException.class,
                () -> factory(Projects.url(pm), Action.VALIDATE, c -> { }, Note.class).close());
        assertInstanceOf(IdentifierGenerationException.class, refused.getCause());
    }

    @Test
    void validateAcceptsTheTablesCinchCreateTableMade() throws SQLException {
        cinchTables();
        try (EntityManagerFactory emf = notes(Projects.url(pm), Action.VALIDATE)) {
            assertTrue(emf.isOpen());
        }
    }

    @Test
    void databaseGeneratedIdAndTimestampsAreReadBackOnPersist() throws SQLException {
        cinchTables();
        try (EntityManagerFactory emf = notes(Projects.url(pm), Action.VALIDATE)) {
            Note note = new Note("first", 2);
            emf.runInTransaction(em -> em.persist(note));
            assertTrue(note.id.matches(UUID), note.id);
            assertNotNull(note.createdAt);
            assertNotNull(note.updatedAt);

            Note found = emf.callInTransaction(em -> em.find(Note.class, note.id));
            assertEquals("first", found.body);
            assertEquals(2, found.priority);
            assertEquals(note.createdAt, found.createdAt);
        }
        try (Connection c = open(pm)) {
            assertEquals(List.of("first|2|0"), rows(c, "SELECT body, priority, done FROM notes"));
        }
    }

    @Test
    void applicationAssignedUuidIdIsStoredAsGivenWithTheStockDialect() throws SQLException {
        cinchTables();
        try (EntityManagerFactory emf = factory(Projects.url(pm), Action.VALIDATE, c -> { }, Memo.class)) {
            Memo memo = new Memo("remember");
            emf.runInTransaction(em -> em.persist(memo));
            assertTrue(memo.id.matches(UUID), memo.id);
            assertNotNull(memo.createdAt);
            Memo found = emf.callInTransaction(em -> em.find(Memo.class, memo.id));
            assertEquals("remember", found.body);
            try (Connection c = open(pm)) {
                assertEquals(memo.id, value(c, "SELECT id FROM memos WHERE body = 'remember'"));
            }
        }
    }

    @Test
    void hqlQueriesUpdatesAndDeletesWorkOnPersistedEntities() throws SQLException {
        cinchTables();
        try (EntityManagerFactory emf = notes(Projects.url(pm), Action.VALIDATE)) {
            emf.runInTransaction(em -> {
                em.persist(new Note("low", 1));
                em.persist(new Note("high", 5));
                em.persist(new Note("middle", 3));
            });
            List<String> important = emf.callInTransaction(em -> em
                    .createQuery("select n.body from Note n where n.priority >= :min order by n.priority desc", String.class)
                    .setParameter("min", 3).getResultList());
            assertEquals(List.of("high", "middle"), important);

            emf.runInTransaction(em -> {
                Note low = em.createQuery("from Note where body = 'low'", Note.class).getSingleResult();
                low.done = true;
                low.priority = null;
            });
            emf.runInTransaction(em -> assertEquals(1, em.createQuery("delete from Note where body = 'middle'").executeUpdate()));

            List<Object[]> left = emf.callInTransaction(em -> em
                    .createQuery("select n.body, n.done, n.priority from Note n order by n.body", Object[].class).getResultList());
            assertEquals(2, left.size());
            assertEquals("high", left.get(0)[0]);
            assertEquals("low", left.get(1)[0]);
            assertEquals(true, left.get(1)[1]);
            assertNull(left.get(1)[2]);
            assertEquals(2, count(emf, "Note"));
        }
    }

    @Test
    void batchedInsertsAllArrive() throws SQLException {
        cinchTables();
        try (EntityManagerFactory emf = factory(Projects.url(pm), Action.VALIDATE,
                c -> c.property("hibernate.jdbc.batch_size", "5"), Memo.class)) {
            emf.runInTransaction(em -> {
                for (int i = 0; i < 12; i++) {
                    em.persist(new Memo("memo " + i));
                }
            });
            assertEquals(12, count(emf, "Memo"));
        }
        try (Connection c = open(pm)) {
            assertEquals("12", value(c, "SELECT COUNT(DISTINCT id) FROM memos"));
        }
    }

    @Test
    void datesAndTimesAreStoredAsIsoTextAndComparedByValue() throws SQLException {
        try (EntityManagerFactory emf = factory(Projects.url(pm), Action.CREATE, c -> { }, Event.class)) {
            emf.runInTransaction(em -> {
                for (int i = 1; i <= 3; i++) {
                    em.persist(new Event(LocalDate.of(2024, 1, i), LocalDateTime.of(2024, 1, i, 10, 11, 12, 345_000_000),
                            Instant.parse("2024-01-0" + i + "T23:30:00Z")));
                }
            });
            assertEquals(2, eventsWhere(emf, "day >= :d", "d", LocalDate.of(2024, 1, 2)));
            assertEquals(1, eventsWhere(emf, "at > :t", "t", LocalDateTime.of(2024, 1, 3, 10, 11, 12)));
            assertEquals(1, eventsWhere(emf, "seen < :i", "i", Instant.parse("2024-01-02T00:00:00Z")));
            Event first = emf.callInTransaction(em -> em.createQuery("from Event where day = :d", Event.class)
                    .setParameter("d", LocalDate.of(2024, 1, 1)).getSingleResult());
            assertEquals(LocalDateTime.of(2024, 1, 1, 10, 11, 12, 345_000_000), first.at);
            assertEquals(Instant.parse("2024-01-01T23:30:00Z"), first.seen);
        }
        try (Connection c = open(pm)) {
            assertEquals(List.of("2024-01-01|2024-01-01 10:11:12.345|2024-01-01 23:30:00.000"),
                    rows(c, "SELECT day, at, seen FROM events WHERE day = '2024-01-01'"));
            assertEquals("3", value(c, "SELECT COUNT(*) FROM events WHERE seen < datetime('now')"));
        }
    }

    @Test
    void writeOnAStaleSnapshotFailsWithSerializationFailure() throws SQLException {
        try (EntityManagerFactory emf = factory(Projects.url(pm), Action.CREATE, c -> { }, Event.class)) {
            Event event = new Event(LocalDate.of(2024, 1, 1), null, null);
            emf.runInTransaction(em -> em.persist(event));
            RuntimeException conflict = assertThrows(RuntimeException.class, () -> emf.runInTransaction(em -> {
                Event mine = em.find(Event.class, event.id);
                emf.runInTransaction(other -> other.find(Event.class, event.id).attendees = 10);
                mine.attendees = 20;
            }));
            assertEquals("40001", sqlState(conflict));
            Event now = emf.callInTransaction(em -> em.find(Event.class, event.id));
            assertEquals(10, now.attendees);
            assertEquals(1, now.version);
        }
    }

    private static String sqlState(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException e) {
                return e.getSQLState();
            }
        }
        throw new AssertionError("no SQLException in", t);
    }

    @Test
    void failedTransactionLeavesNothingBehind() throws SQLException {
        cinchTables();
        try (EntityManagerFactory emf = notes(Projects.url(pm), Action.VALIDATE)) {
            EntityManager em = emf.createEntityManager();
            try {
                em.getTransaction().begin();
                em.persist(new Note("rolled back", 1));
                em.flush();
                em.getTransaction().rollback();
            } finally {
                em.close();
            }
        }
        try (Connection c = open(pm)) {
            assertEquals("0", value(c, "SELECT COUNT(*) FROM notes"));
        }
    }

    @Test
    void createOnAFreshProjectMakesTheTablesOfTheWholeBranch() throws SQLException {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('before')");
        }
        try (EntityManagerFactory emf = factory(Projects.url(pm), Action.CREATE, c -> { }, Ticket.class)) {
            emf.runInTransaction(em -> em.persist(new Ticket("in main", 3)));
        }
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('after')");
        }
        for (String tenant : List.of("before", "after")) {
            try (EntityManagerFactory emf = factory(Projects.url(pm, "tenant=" + tenant), Action.VALIDATE, c -> { }, Ticket.class)) {
                assertEquals(0, count(emf, "Ticket"));
                emf.runInTransaction(em -> em.persist(new Ticket("in " + tenant, 1)));
            }
        }
        try (Connection c = open(pm)) {
            assertEquals(List.of("in main"), rows(c, "SELECT title FROM tickets"));
            assertEquals(List.of("in before"), rows(c, "SELECT title FROM before.tickets"));
        }
    }

    @Test
    void updateOnAFreshProjectCreatesTablesOnceAndThenChangesNothing() throws SQLException {
        try (EntityManagerFactory emf = factory(Projects.url(pm), Action.UPDATE, c -> { }, Ticket.class)) {
            emf.runInTransaction(em -> em.persist(new Ticket("kept", 2)));
        }
        List<String> changes;
        try (Connection c = open(pm)) {
            changes = rows(c, "CALL cinch.list_changes()");
            assertTrue(changes.stream().anyMatch(r -> r.contains("tickets")), changes.toString());
            run(c, "CALL cinch.create_tenant('acme')");
        }
        try (EntityManagerFactory emf = factory(Projects.url(pm, "tenant=acme"), Action.UPDATE, c -> { }, Ticket.class)) {
            assertEquals(0, count(emf, "Ticket"));
        }
        try (Connection c = open(pm)) {
            assertEquals(changes, rows(c, "CALL cinch.list_changes()"));
            assertEquals(List.of("kept|2"), rows(c, "SELECT title, points FROM tickets"));
        }
    }

    /** Schema generation is DDL like any other: {@code create} from one tenant drops and recreates the table for all. */
    @Test
    void createFromAnotherTenantRecreatesTheTableForTheWholeBranch() throws SQLException {
        try (EntityManagerFactory emf = factory(Projects.url(pm), Action.CREATE, c -> { }, Ticket.class)) {
            emf.runInTransaction(em -> em.persist(new Ticket("in main", 3)));
        }
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('acme')");
        }
        try (EntityManagerFactory emf = factory(Projects.url(pm, "tenant=acme"), Action.CREATE, c -> { }, Ticket.class)) {
            emf.runInTransaction(em -> em.persist(new Ticket("in acme", 1)));
        }
        try (Connection c = open(pm)) {
            assertEquals("0", value(c, "SELECT COUNT(*) FROM tickets"));
            assertEquals(List.of("in acme"), rows(c, "SELECT title FROM acme.tickets"));
            assertTrue(rows(c, "CALL cinch.list_changes()").stream().anyMatch(r -> r.contains("drop table if exists tickets")));
        }
    }

    @Test
    void factoriesOnTwoTenantUrlsKeepTheirEntitiesApart() throws SQLException {
        cinchTables();
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('acme')", "CALL cinch.create_tenant('globex')");
        }
        try (EntityManagerFactory acme = notes(Projects.url(pm, "tenant=acme"), Action.VALIDATE);
             EntityManagerFactory globex = notes(Projects.url(pm, "tenant=globex"), Action.VALIDATE)) {
            Note acmeNote = new Note("acme's", 1);
            acme.runInTransaction(em -> em.persist(acmeNote));
            globex.runInTransaction(em -> {
                em.persist(new Note("globex's", 1));
                em.persist(new Note("globex's too", 1));
            });
            assertNull(globex.callInTransaction(em -> em.find(Note.class, acmeNote.id)));
            assertEquals(List.of("acme's"),
                    acme.callInTransaction(em -> em.createQuery("select body from Note", String.class).getResultList()));
            assertEquals(2, count(globex, "Note"));
        }
        try (Connection c = open(pm)) {
            assertEquals("0", value(c, "SELECT COUNT(*) FROM notes"));
        }
    }

    @Test
    void schemaBasedMultiTenancyRoutesEachSessionToItsTenant() throws SQLException {
        cinchTables();
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('acme')", "CALL cinch.create_tenant('globex')");
        }
        String url = Projects.url(pm);
        try (EntityManagerFactory emf = factory(url, Action.NONE,
                c -> c.property("hibernate.multi_tenant_connection_provider", new SetSchemaConnections(url))
                        .property("hibernate.dialect", ReturningSQLiteDialect.class.getName()), Note.class)) {
            SessionFactory sf = emf.unwrap(SessionFactory.class);
            for (String tenant : List.of("acme", "globex")) {
                try (Session s = sf.withOptions().tenantIdentifier(tenant).openSession()) {
                    s.inTransaction(tx -> s.persist(new Note("for " + tenant, 1)));
                }
            }
            for (String tenant : List.of("acme", "globex")) {
                try (Session s = sf.withOptions().tenantIdentifier(tenant).openSession()) {
                    assertEquals(List.of("for " + tenant), s.createQuery("select body from Note", String.class).getResultList());
                }
            }
        }
        try (Connection c = open(pm)) {
            assertEquals("0", value(c, "SELECT COUNT(*) FROM notes"));
            assertEquals(List.of("for acme"), rows(c, "SELECT body FROM acme.notes"));
        }
    }

    /** Hibernate's schema-per-tenant hook: a cinch connection moved to the session's tenant with {@code setSchema}. */
    static final class SetSchemaConnections
            implements org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider<String> {

        private final String url;

        SetSchemaConnections(String url) {
            this.url = url;
        }

        @Override
        public Connection getAnyConnection() throws SQLException {
            return java.sql.DriverManager.getConnection(url);
        }

        @Override
        public void releaseAnyConnection(Connection connection) throws SQLException {
            connection.close();
        }

        @Override
        public Connection getConnection(String tenant) throws SQLException {
            Connection c = getAnyConnection();
            c.setSchema(tenant);
            return c;
        }

        @Override
        public void releaseConnection(String tenant, Connection connection) throws SQLException {
            connection.close();
        }

        @Override
        public boolean supportsAggressiveRelease() {
            return false;
        }

        @Override
        public boolean isUnwrappableAs(Class<?> type) {
            return false;
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }
}
