package io.cinch.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.cinch.progress.Operation;
import io.cinch.progress.Progress;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code cinch tenant ...}: the tenants of the active branch, their backups and exports. */
@Command(name = "tenant", description = "List, create, delete, rename, copy, back up, restore and export tenants.")
final class TenantCommand extends Subcommand {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    @Command(description = "List the tenants of the branch.")
    int list() throws Exception {
        return call("CALL cinch.list_tenants()");
    }

    @Command(description = "Create a tenant (lazy: its file appears with its first write).")
    int create(@Parameters(paramLabel = "NAME") String name) throws Exception {
        return call("CALL cinch.create_tenant(?)", name);
    }

    @Command(description = "Delete a tenant and its data (not 'main').")
    int delete(@Parameters(paramLabel = "NAME") String name) throws Exception {
        return call("CALL cinch.delete_tenant(?)", name);
    }

    @Command(description = "Rename a tenant, keeping its data.")
    int rename(@Parameters(paramLabel = "OLD") String old, @Parameters(paramLabel = "NEW") String name) throws Exception {
        return call("CALL cinch.rename_tenant(?, ?)", old, name);
    }

    @Command(description = "Create tenant TARGET holding a copy of SOURCE's data.")
    int copy(@Parameters(paramLabel = "SOURCE") String source, @Parameters(paramLabel = "TARGET") String target)
            throws Exception {
        return call("CALL cinch.copy_tenant(?, ?)", source, target);
    }

    @Command(description = "Back up a tenant (or --all) into the project's backups, while writers go on.")
    int backup(@Parameters(arity = "0..1", paramLabel = "NAME", description = "The tenant.") String name,
               @Parameters(arity = "0..1", paramLabel = "FILE", description = "Default: NAME-<UTC time>.db.") String file,
               @Option(names = "--all", description = "Every tenant of the branch.") boolean all) throws Exception {
        if (all == (name != null)) {
            throw new ParameterException(spec.commandLine(), "give either a tenant NAME or --all");
        }
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
        try (Connection db = cinch().connect("main")) {
            if (!all) {
                print(db, "CALL cinch.backup_tenant(?, ?)", name, file != null ? file : name + "-" + stamp + ".db");
                return 0;
            }
            if (file != null) {
                throw new SQLException("backup --all names its files itself; drop FILE", "42000");
            }
            List<String> tenants = names(db);
            Output.Rows done = new Output.Rows(List.of("tenant", "file", "size_bytes"), new ArrayList<>());
            try (Operation progress = Progress.start("backup", "all tenants", tenants.size());
                 PreparedStatement ps = db.prepareStatement("CALL cinch.backup_tenant(?, ?)")) {
                for (String tenant : tenants) {
                    ps.setString(1, tenant);
                    ps.setString(2, tenant + "-" + stamp + ".db");
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        done.values().add(new Object[] {rs.getString("tenant"), rs.getString("file"), rs.getLong("size_bytes")});
                    }
                    progress.step();
                }
            }
            print(done);
        }
        return 0;
    }

    @Command(description = "Replace a tenant's data with one of its backups.")
    int restore(@Parameters(paramLabel = "NAME") String name, @Parameters(paramLabel = "FILE") String file) throws Exception {
        return call("CALL cinch.restore_tenant(?, ?)", name, file);
    }

    @Command(description = "Write a tenant's tables as JSON ({\"table\": [rows...]}), like the tutorial's backup.")
    int export(@Parameters(paramLabel = "NAME") String name,
               @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Default: stdout.") Path output)
            throws Exception {
        if (cinch().format != null && cinch().format != Output.Format.json) {
            throw new SQLException("export writes JSON only", "42000");
        }
        try (Connection db = cinch().connect(name)) {
            List<String> tables = TableCommand.tables(db);
            Writer out = output == null ? Output.nonClosing(spec.commandLine().getOut())
                    : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
            try (out; JsonGenerator g = new JsonFactory().createGenerator(out);
                 Operation progress = Progress.start("export", name, tables.size());
                 Statement s = db.createStatement()) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                for (String table : tables) {
                    g.writeFieldName(table);
                    Output.writeArray(g, Output.Rows.of(s.executeQuery("SELECT * FROM " + quote(table)), 0));
                    progress.step();
                }
                g.writeEndObject();
                g.writeRaw('\n');
            }
        }
        return 0;
    }

    /** The names of the branch's tenants. */
    static List<String> names(Connection db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("CALL cinch.list_tenants()")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }
}
