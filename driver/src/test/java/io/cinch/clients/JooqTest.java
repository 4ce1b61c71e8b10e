package io.cinch.clients;

import static io.cinch.Projects.open;
import static io.cinch.Projects.run;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jOOQ's DSL with {@code SQLDialect.SQLITE} on a cinch connection: procedures, RETURNING, queries, transactions,
 * batches and tenants.
 */
class JooqTest {

    private static final Table<Record> CUSTOMERS = table(name("customers"));
    private static final Table<Record> ORDERS = table(name("orders"));
    private static final Field<String> ID = field(name("id"), String.class);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<String> TIER = field(name("tier"), String.class);
    private static final Field<String> CUSTOMER_ID = field(name("customer_id"), String.class);
    private static final Field<Integer> AMOUNT = field(name("amount"), Integer.class);

    @TempDir
    Path dir;

    private Path pm;
    private Connection connection;
    private DSLContext db;

    @BeforeEach
    void project() throws SQLException {
        pm = dir.resolve("pm");
        connection = open(pm);
        db = DSL.using(connection, SQLDialect.SQLITE);
        Result<Record> created = db.fetch("CALL cinch.create_table(?, ?)", "customers", "name:TEXT tier:TEXT?");
        assertEquals("customers", created.get(0).get("table"));
        db.fetch("CALL cinch.create_table('orders', 'customer_id:TEXT amount:INTEGER')");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private String addCustomer(DSLContext ctx, String name, String tier) {
        Record r = ctx.insertInto(CUSTOMERS, NAME, TIER).values(name, tier).returning(ID).fetchOne();
        assertNotNull(r);
        return r.get(ID);
    }

    @Test
    void insertReturningGivesTheIdTheDatabaseGenerated() {
        String id = addCustomer(db, "Ann", "gold");
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
        Record row = db.select(NAME, TIER, field(name("created_at"), String.class)).from(CUSTOMERS).where(ID.eq(id)).fetchOne();
        assertEquals("Ann", row.get(NAME));
        assertEquals("gold", row.get(TIER));
        assertTrue(row.get(2, String.class).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}"));
    }

    @Test
    void selectWhereJoinAndAggregateReadTheTenantsRows() {
        String ann = addCustomer(db, "Ann", "gold");
        String bob = addCustomer(db, "Bob", null);
        db.insertInto(ORDERS, CUSTOMER_ID, AMOUNT).values(ann, 10).values(ann, 32).values(bob, 5).execute();

        Result<?> totals = db.select(NAME, sum(AMOUNT).as("total"), count().as("n"))
                .from(CUSTOMERS).join(ORDERS).on(field(name("orders", "customer_id")).eq(field(name("customers", "id"))))
                .groupBy(NAME).orderBy(NAME).fetch();
        assertEquals(List.of("Ann", "Bob"), totals.getValues(NAME));
        assertEquals(List.of(42, 5), totals.getValues("total", Integer.class));
        assertEquals(List.of(2, 1), totals.getValues("n", Integer.class));

        assertEquals(List.of("Bob"), db.select(NAME).from(CUSTOMERS).where(TIER.isNull()).fetch(NAME));
    }

    /**
     * jOOQ 3.19 emulates {@code returning} on SQLITE with {@code last_insert_rowid()}, which yields one row only; for the
     * ids of a multi-row insert, SQLite's own {@code RETURNING} works through a plain-SQL result query.
     */
    @Test
    void multiRowInsertWithSqliteReturningGivesEveryIdInOrder() {
        Result<Record> ids = db.resultQuery("INSERT INTO customers(name) VALUES (?), (?), (?) RETURNING id, name", "A", "B", "C").fetch();
        assertEquals(List.of("A", "B", "C"), ids.getValues(NAME));
        for (Record r : ids) {
            assertEquals(r.get(NAME), db.select(NAME).from(CUSTOMERS).where(ID.eq(r.get(ID))).fetchOne(NAME));
        }
    }

    @Test
    void upsertOnConflictUpdatesTheExistingRow() {
        String id = addCustomer(db, "Ann", "gold");
        int changed = db.insertInto(CUSTOMERS, ID, NAME, TIER).values(id, "Ann", "platinum")
                .onConflict(ID).doUpdate().set(TIER, DSL.excluded(TIER)).execute();
        assertEquals(1, changed);
        assertEquals(List.of("Ann|platinum"), db.select(NAME, TIER).from(CUSTOMERS).fetch(r -> r.get(NAME) + "|" + r.get(TIER)));
        assertEquals(0, db.insertInto(CUSTOMERS, ID, NAME).values(id, "Again").onConflictDoNothing().execute());
    }

    @Test
    void localDatesAreWrittenAsIsoTextAndComparedByValue() {
        db.fetch("CALL cinch.create_table('visits', 'day:TEXT')");
        Table<Record> visits = table(name("visits"));
        Field<LocalDate> day = field(name("day"), LocalDate.class);
        db.insertInto(visits, day).values(LocalDate.of(2024, 1, 2)).values(LocalDate.of(2024, 3, 4)).execute();
        assertEquals(List.of(LocalDate.of(2024, 3, 4)),
                db.select(day).from(visits).where(day.gt(LocalDate.of(2024, 2, 1))).fetch(day));
        assertEquals(List.of("2024-01-02", "2024-03-04"),
                db.select(field(name("day"), String.class)).from(visits).orderBy(day).fetch(0, String.class));
    }

    @Test
    void updateChangesOnlyTheMatchingRows() {
        String ann = addCustomer(db, "Ann", "gold");
        addCustomer(db, "Bob", "silver");
        assertEquals(1, db.update(CUSTOMERS).set(TIER, "platinum").where(ID.eq(ann)).execute());
        assertEquals(List.of("Ann|platinum", "Bob|silver"),
                db.select(NAME, TIER).from(CUSTOMERS).orderBy(NAME).fetch(r -> r.get(NAME) + "|" + r.get(TIER)));
        assertEquals(0, db.deleteFrom(CUSTOMERS).where(NAME.eq("nobody")).execute());
    }

    @Test
    void transactionThatThrowsIsRolledBackAndOneThatReturnsIsCommitted() {
        db.transaction(cfg -> addCustomer(DSL.using(cfg), "Kept", null));
        assertThrows(IllegalStateException.class, () -> db.transaction(cfg -> {
            addCustomer(DSL.using(cfg), "Lost", null);
            assertEquals(2, DSL.using(cfg).fetchCount(CUSTOMERS));
            throw new IllegalStateException("roll back");
        }));
        assertEquals(List.of("Kept"), db.select(NAME).from(CUSTOMERS).fetch(NAME));
    }

    @Test
    void nestedTransactionRollsBackToItsSavepoint() {
        db.transaction(outer -> {
            addCustomer(DSL.using(outer), "Outer", null);
            assertThrows(IllegalStateException.class, () -> DSL.using(outer).transaction(inner -> {
                addCustomer(DSL.using(inner), "Inner", null);
                throw new IllegalStateException("roll back the inner part");
            }));
        });
        assertEquals(List.of("Outer"), db.select(NAME).from(CUSTOMERS).fetch(NAME));
    }

    @Test
    void batchesOfBoundAndOfStaticStatementsRunEveryEntry() {
        int[] bound = db.batch(db.insertInto(CUSTOMERS, NAME, TIER).values((String) null, null))
                .bind("A", "x").bind("B", "y").bind("C", null).execute();
        assertArrayEquals(new int[] {1, 1, 1}, bound);
        int[] mixed = db.batch(
                db.insertInto(CUSTOMERS, NAME).values("D"),
                db.update(CUSTOMERS).set(TIER, "z").where(NAME.in("A", "B")),
                db.deleteFrom(CUSTOMERS).where(NAME.eq("C"))).execute();
        assertArrayEquals(new int[] {1, 2, 1}, mixed);
        assertEquals(List.of("A|z", "B|z", "D|null"),
                db.select(NAME, TIER).from(CUSTOMERS).orderBy(NAME).fetch(r -> r.get(NAME) + "|" + r.get(TIER)));
    }

    @Test
    void failingStatementReportsTheSqlStateThroughJooq() {
        String id = addCustomer(db, "Ann", null);
        DataAccessException duplicate = assertThrows(DataAccessException.class,
                () -> db.insertInto(CUSTOMERS, ID, NAME).values(id, "Again").execute());
        assertEquals("23505", duplicate.sqlState());
        DataAccessException notNull = assertThrows(DataAccessException.class,
                () -> db.insertInto(CUSTOMERS, TIER).values("gold").execute());
        assertEquals("23502", notNull.sqlState());
    }

    @Test
    void eachTenantsContextSeesOnlyItsOwnRowsButTheSameTables() throws SQLException {
        run(connection, "CALL cinch.create_tenant('acme')", "CALL cinch.create_tenant('globex')");
        try (Connection acmeConnection = open(pm, "tenant=acme"); Connection globexConnection = open(pm, "tenant=globex")) {
            DSLContext acme = DSL.using(acmeConnection, SQLDialect.SQLITE);
            DSLContext globex = DSL.using(globexConnection, SQLDialect.SQLITE);
            String acmeId = addCustomer(acme, "Acme's customer", null);
            assertEquals(acmeId, acme.select(ID).from(CUSTOMERS).fetchOne(ID), "the id read back on the tenant's first write");
            addCustomer(globex, "Globex's customer", null);
            addCustomer(globex, "Globex's other customer", null);

            acme.createTable("tags").column("tag", SQLDataType.VARCHAR(20).notNull()).execute();
            globex.insertInto(table(name("tags")), field(name("tag"))).values("seen by globex").execute();

            assertEquals(List.of("Acme's customer"), acme.select(NAME).from(CUSTOMERS).fetch(NAME));
            assertEquals(2, globex.fetchCount(CUSTOMERS));
            assertEquals(0, db.fetchCount(CUSTOMERS));
            assertEquals(0, acme.fetchCount(table(name("tags"))));
            assertEquals(1, globex.fetchCount(table(name("tags"))));
            assertEquals(List.of("Globex's customer", "Globex's other customer"),
                    db.select(NAME).from(table(name("globex", "customers"))).orderBy(NAME).fetch(NAME));
        }
    }

    @Test
    void metaListsTheBranchTablesWithTheirColumns() {
        Table<?> customers = db.meta().getTables().stream().filter(t -> t.getName().equals("customers")).findFirst().orElseThrow();
        assertEquals(List.of("id", "created_at", "updated_at", "name", "tier"),
                java.util.Arrays.stream(customers.fields()).map(Field::getName).toList());
        assertNotNull(customers.getPrimaryKey());
        assertEquals(List.of("id"), customers.getPrimaryKey().getFields().stream().map(Field::getName).toList());
    }
}
