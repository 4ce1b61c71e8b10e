package io.cinch.schema;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cinch.store.Branch;
import io.cinch.store.Handle;
import io.cinch.store.Project;
import java.sql.Connection;
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

/** A branch's schema as read from its template: tables and views with their columns, keys and indexes. */
public final class SchemaInfo {

    /** A table or view. */
    public record Table(String name, boolean view, List<Column> columns, List<String> primaryKey, boolean withoutRowid,
                        List<Index> indexes, List<ForeignKey> foreignKeys) {

        /** The column called {@code name} (any case), if there is one. */
        public Optional<Column> column(String name) {
            return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
        }
    }

    /** A column: {@code primaryKey} is its 1-based place in the primary key, 0 when not in it. */
    public record Column(String name, String declaredType, boolean notNull, String defaultValue, int primaryKey,
                         int position) {
    }

    /** An index and its columns (a null name for an expression). */
    public record Index(String name, boolean unique, List<String> columns) {
    }

    /** A foreign key from this table's {@code from} columns to {@code table}'s {@code to} columns. */
    public record ForeignKey(int id, String table, List<String> from, List<String> to, String onUpdate,
                             String onDelete) {
    }

    /** A branch's schema at a version, in one opened project (a project made anew at the same path is another). */
    private record Key(Project project, long branchId, int version) {
    }

    private static final Cache<Key, SchemaInfo> CACHE = Caffeine.newBuilder().maximumSize(256).build();

    private final Map<String, Table> tables;

    private SchemaInfo(Map<String, Table> tables) {
        this.tables = tables;
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
        Map<String, Table> tables = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, type, sql FROM sqlite_master WHERE type IN ('table', 'view') "
                     + "AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            List<String[]> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
            for (String[] row : rows) {
                boolean view = row[1].equals("view");
                String sql = row[2] == null ? "" : row[2].toLowerCase(Locale.ROOT);
                List<Column> columns = columns(c, row[0]);
                List<String> pk = columns.stream().filter(col -> col.primaryKey() > 0)
                        .sorted(Comparator.comparingInt(Column::primaryKey)).map(Column::name).toList();
                tables.put(row[0].toLowerCase(Locale.ROOT), new Table(row[0], view, columns, pk,
                        sql.replaceAll("\\s+", " ").contains("without rowid"),
                        view ? List.of() : indexes(c, row[0]), view ? List.of() : foreignKeys(c, row[0])));
            }
        }
        return new SchemaInfo(tables);
    }

    /** All tables and views, by name. */
    public Collection<Table> tables() {
        return tables.values();
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

    private static List<Column> columns(Connection c, String table) throws SQLException {
        List<Column> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_xinfo(?) WHERE hidden IN (0, 2, 3)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Column(rs.getString(1), rs.getString(2), rs.getInt(3) == 1, rs.getString(4), rs.getInt(5),
                            out.size() + 1));
                }
            }
        }
        return out;
    }

    private static List<Index> indexes(Connection c, String table) throws SQLException {
        List<Index> out = new ArrayList<>();
        Map<String, Boolean> names = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, \"unique\" FROM pragma_index_list(?) ORDER BY name")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getString(1), rs.getInt(2) == 1);
                }
            }
        }
        for (Map.Entry<String, Boolean> index : names.entrySet()) {
            List<String> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM pragma_index_info(?) ORDER BY seqno")) {
                ps.setString(1, index.getKey());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                    }
                }
            }
            out.add(new Index(index.getKey(), index.getValue(), columns));
        }
        return out;
    }

    private static List<ForeignKey> foreignKeys(Connection c, String table) throws SQLException {
        Map<Integer, ForeignKey> keys = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, \"table\", \"from\", \"to\", on_update, on_delete "
                + "FROM pragma_foreign_key_list(?) ORDER BY id, seq")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ForeignKey fk = keys.get(rs.getInt(1));
                    if (fk == null) {
                        fk = new ForeignKey(rs.getInt(1), rs.getString(2), new ArrayList<>(), new ArrayList<>(),
                                rs.getString(5), rs.getString(6));
                        keys.put(fk.id(), fk);
                    }
                    fk.from().add(rs.getString(3));
                    fk.to().add(rs.getString(4));
                }
            }
        }
        return List.copyOf(keys.values());
    }
}
