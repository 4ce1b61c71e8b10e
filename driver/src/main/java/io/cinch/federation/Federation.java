package io.cinch.federation;

import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.util.Holder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** Opens the {@code tenant=*} connection: a Calcite connection over every tenant of a {@link TenantSource}. */
public final class Federation {
    static {
        // Reuse compiled plans: the per-query objects are stashed in the DataContext, so generated code repeats.
        if (System.getProperty("calcite.bindable.cache.maxSize") == null) {
            System.setProperty("calcite.bindable.cache.maxSize", "1000");
        }
        // Keep long IN lists as IN (Calcite makes a join with VALUES from 20 items on), so _tenant IN (...) still prunes.
        // A global hook: harmless once Calcite is relocated into cinch's jar, where cinch is its only user.
        Hook.SQL2REL_CONVERTER_CONFIG_BUILDER.add((Consumer<Holder<SqlToRelConverter.Config>>)
                holder -> holder.set(holder.get().withInSubQueryThreshold(Integer.MAX_VALUE)));
    }

    private Federation() {
    }

    /** Reads tenants, a few at a time per scan, on daemon threads shared by all cross-tenant connections. */
    private static final int PARALLELISM = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cinch-tenant-reader");
        t.setDaemon(true);
        return t;
    });

    /** Prepares a query on a connection from {@link #connect}; one Calcite cannot prepare fails in one line with a SQLState. */
    public static PreparedStatement prepare(Connection engine, String sql) throws SQLException {
        try {
            return engine.prepareStatement(sql);
        } catch (SQLException e) {
            throw QueryError.of(e);
        }
    }

    /** Opens a Calcite connection over every tenant of {@code source}. */
    public static Connection connect(TenantSource source) throws SQLException {
        return connect(source, READERS, PARALLELISM);
    }

    /** Connects; {@code executor} runs tenant reads, at most {@code parallelism} at once per scan (the caller included). */
    static Connection connect(TenantSource source, ExecutorService executor, int parallelism) throws SQLException {
        Properties info = new Properties();
        info.setProperty("quoting", "DOUBLE_QUOTE");
        info.setProperty("unquotedCasing", "UNCHANGED");
        info.setProperty("quotedCasing", "UNCHANGED");
        info.setProperty("caseSensitive", "false");
        info.setProperty("conformance", "LENIENT");
        info.setProperty("defaultNullCollation", "LOW"); // SQLite: NULL sorts first ascending, last descending
        info.setProperty("typeSystem", FederationTypeSystem.class.getName() + "#INSTANCE");
        // No materialized view or lattice exists here; looking for them loads Calcite's view-matching classes per JVM.
        info.setProperty("materializationsEnabled", "false");
        Connection connection = new org.apache.calcite.jdbc.Driver().withPrepareFactory(SqlitePrepare::new)
                .connect("jdbc:calcite:", info);
        CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
        SchemaPlus root = calcite.getRootSchema();
        root.add("main", new BranchSchema(source, executor, parallelism));
        root.add("cinch", new SystemSchema(source));
        calcite.setSchema("main");
        return connection;
    }
}
