package io.cinch.schema;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cinch.store.Branch;
import io.cinch.store.Handle;
import io.cinch.store.Project;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A branch's schema as read from its template: tables and views with their columns, keys and indexes, and SQLite's
 * own tables.
 */
public final class SchemaInfo {

    /**
     * A table or view; {@code primaryKeyName} is the name its text gives the primary key (or null), and
     * {@code autoincrement} tells whether its text declares {@code AUTOINCREMENT}.
     */
    public record Table(String name, boolean view, List<Column> columns, List<String> primaryKey, String primaryKeyName,
                        boolean withoutRowid, boolean autoincrement, List<Index> indexes, List<ForeignKey> foreignKeys) {

        /** The column called {@code name} (any case), if there is one. */
        public Optional<Column> column(String name) {
            return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
        }
    }

    /**
     * A column: {@code primaryKey} is its 1-based place in the primary key, 0 when not in it; {@code generated} is
     * true for a generated column ({@code AS (...)}).
     */
    public record Column(String name, String declaredType, boolean notNull, String defaultValue, int primaryKey,
                         int position, boolean generated) {
    }

    /** An index and its columns (a null name for an expression), each ascending or descending. */
    public record Index(String name, boolean unique, List<String> columns, List<Boolean> descending) {
    }

    /**
     * A foreign key from this table's {@code from} columns to {@code table}'s {@code to} columns; {@code name} is
     * the name its text gives it (or null), {@code deferrability} one of {@link DatabaseMetaData}'s
     * {@code importedKey*Deferr*} constants.
     */
    public record ForeignKey(int id, String table, List<String> from, List<String> to, String onUpdate,
                             String onDelete, String name, int deferrability) {
    }

    /** A branch's schema at a version, in one opened project (a project made anew at the same path is another). */
    private record Key(Project project, long branchId, int version) {
    }

    private static final Cache<Key, SchemaInfo> CACHE = Caffeine.newBuilder().maximumSize(256).build();

    private final Map<String, Table> tables;
    private final List<Table> systemTables;

    private SchemaInfo(Map<String, Table> tables, List<Table> systemTables) {
        this.tables = tables;
        this.systemTables = systemTables;
    }

    /** The schema of {@code branch} at its current version. */
    public static SchemaInfo of(Project project, Branch branch) throws SQLException {
        Key key = new Key(project, branch.id(), project.version(branch));
        SchemaInfo info = CACHE.getIfPresent(key);
        if (info == null) {
            Handle h = project.files().borrow(project.layout().template(branch.databaseId(), branch.id()), true, null);
            try {
                project.tenantFiles().catchUp(h, branch);
                info = read(h.jdbc());
            } finally {
                project.files().release(h);
            }
            CACHE.put(key, info);
        }
        return info;
    }

    /** Reads the schema of an open database. */
    public static SchemaInfo read(Connection c) throws SQLException {
        return new SchemaInfo(tables(c, "main"), systemTables(c));
    }

    /** The temporary tables and views of a connection, by name, with their columns, keys and indexes. */
    public static List<Table> temporary(Connection c) throws SQLException {
        return List.copyOf(tables(c, "temp").values());
    }

    /** The tables and views of one schema of a connection ({@code main} or {@code temp}), by lower-cased name. */
    private static Map<String, Table> tables(Connection c, String schema) throws SQLException {
        Map<String, Table> tables = new TreeMap<>();
        List<String[]> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
             // main's unqualified: over a jdbc:cinch:// connection locked to its tenant, "main." names tenant main
             ResultSet rs = s.executeQuery("SELECT name, type, sql FROM "
                     + (schema.equals("main") ? "" : schema + ".") + "sqlite_master "
                     + "WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        for (String[] row : rows) {
            boolean view = row[1].equals("view");
            String sql = row[2] == null ? "" : row[2].toLowerCase(Locale.ROOT);
            List<Column> columns = columns(c, schema, row[0]);
            List<String> pk = columns.stream().filter(col -> col.primaryKey() > 0)
                    .sorted(Comparator.comparingInt(Column::primaryKey)).map(Column::name).toList();
            TableDeclaration declared = TableDeclaration.read(view ? "" : row[2]);
            tables.put(row[0].toLowerCase(Locale.ROOT), new Table(row[0], view, columns, pk,
                    declared.primaryKeyName(), sql.replaceAll("\\s+", " ").contains("without rowid"),
                    declared.autoincrement(), view ? List.of() : indexes(c, schema, row[0]),
                    view ? List.of() : foreignKeys(c, schema, row[0], declared.foreignKeys())));
        }
        return tables;
    }

    /** SQLite's own tables: {@code sqlite_schema}, and those such as {@code sqlite_sequence} it made in the file. */
    private static List<Table> systemTables(Connection c) throws SQLException {
        List<Table> out = new ArrayList<>();
        out.add(plain("sqlite_schema", false, columns(c, "main", "sqlite_schema")));
        for (String[] row : names(c, "SELECT name, type FROM sqlite_master WHERE type = 'table' "
                + "AND name LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
            out.add(plain(row[0], false, columns(c, "main", row[0])));
        }
        return out;
    }

    /** A table or view known only by its columns: no keys, indexes or constraint names. */
    private static Table plain(String name, boolean view, List<Column> columns) {
        return new Table(name, view, columns, List.of(), null, false, false, List.of(), List.of());
    }

    private static List<String[]> names(Connection c, String sql) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return out;
    }

    /** All tables and views, by name. */
    public Collection<Table> tables() {
        return tables.values();
    }

    /** SQLite's own tables in the branch's files ({@code sqlite_schema} first), by name. */
    public List<Table> systemTables() {
        return systemTables;
    }

    /** The table or view called {@code name} (any case), if there is one. */
    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The columns whose values an INSERT into {@code table} reports as generated keys: the primary key ({@code id}
     * for cinch's tables), else the rowid.
     */
    public List<String> keyColumns(Table table) {
        if (!table.primaryKey().isEmpty()) {
            return table.primaryKey();
        }
        return table.withoutRowid() ? List.of() : List.of("rowid");
    }

    private static List<Column> columns(Connection c, String schema, String table) throws SQLException {
        List<Column> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, type, \"notnull\", dflt_value, pk, hidden "
                + "FROM pragma_table_xinfo(?, ?) WHERE hidden IN (0, 2, 3)")) {
            ps.setString(1, table);
            ps.setString(2, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Column(rs.getString(1), rs.getString(2), rs.getInt(3) == 1, rs.getString(4), rs.getInt(5),
                            out.size() + 1, rs.getInt(6) != 0));
                }
            }
        }
        return out;
    }

    private static List<Index> indexes(Connection c, String schema, String table) throws SQLException {
        List<Index> out = new ArrayList<>();
        Map<String, Boolean> names = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, \"unique\" FROM pragma_index_list(?, ?) ORDER BY name")) {
            ps.setString(1, table);
            ps.setString(2, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getString(1), rs.getInt(2) == 1);
                }
            }
        }
        for (Map.Entry<String, Boolean> index : names.entrySet()) {
            List<String> columns = new ArrayList<>();
            List<Boolean> descending = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, \"desc\" FROM pragma_index_xinfo(?, ?) WHERE key = 1 ORDER BY seqno")) {
                ps.setString(1, index.getKey());
                ps.setString(2, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                        descending.add(rs.getInt(2) == 1);
                    }
                }
            }
            out.add(new Index(index.getKey(), index.getValue(), columns, descending));
        }
        return out;
    }

    /**
     * The foreign keys of a table, named from its text: SQLite numbers them from the last declared, so key {@code id}
     * is the text's {@code count - 1 - id}th, when its columns agree.
     */
    private static List<ForeignKey> foreignKeys(Connection c, String schema, String table,
                                                List<TableDeclaration.ForeignKeyClause> declared) throws SQLException {
        Map<Integer, ForeignKey> keys = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, \"table\", \"from\", \"to\", on_update, on_delete "
                + "FROM pragma_foreign_key_list(?, ?) ORDER BY id, seq")) {
            ps.setString(1, table);
            ps.setString(2, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ForeignKey fk = keys.get(rs.getInt(1));
                    if (fk == null) {
                        fk = new ForeignKey(rs.getInt(1), rs.getString(2), new ArrayList<>(), new ArrayList<>(),
                                rs.getString(5), rs.getString(6), null, DatabaseMetaData.importedKeyNotDeferrable);
                        keys.put(fk.id(), fk);
                    }
                    fk.from().add(rs.getString(3));
                    fk.to().add(rs.getString(4));
                }
            }
        }
        List<ForeignKey> out = new ArrayList<>();
        for (ForeignKey fk : keys.values()) {
            int place = declared.size() - 1 - fk.id();
            TableDeclaration.ForeignKeyClause clause = keys.size() == declared.size() && place >= 0
                    && sameNames(declared.get(place).from(), fk.from()) ? declared.get(place) : null;
            out.add(clause == null ? fk : new ForeignKey(fk.id(), fk.table(), fk.from(), fk.to(), fk.onUpdate(),
                    fk.onDelete(), clause.name(), clause.deferrability()));
        }
        return List.copyOf(out);
    }

    private static boolean sameNames(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equalsIgnoreCase(b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
