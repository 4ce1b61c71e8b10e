package io.cinch.spark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads one table of every host's {@code tenant=*} connection with Spark's JDBC source, one partition per group of a
 * host's tenants (a {@code _tenant IN (...)} predicate that cinch prunes on), and counts rows per tenant in Spark.
 */
public final class TenantCounts {

    private TenantCounts() {
    }

    /** The table's rows of every tenant on every host ({@code jdbc:cinch://host:port[?keys]} URLs), as one Dataset. */
    public static Dataset<Row> read(SparkSession spark, List<String> hosts, String table, int tenantsPerPartition)
            throws SQLException {
        Dataset<Row> all = null;
        for (String host : hosts) {
            String url = host + (host.contains("?") ? "&" : "?") + "tenant=*";
            Properties props = new Properties();
            props.setProperty("driver", "io.cinch.jdbc.CinchDriver");
            String[] predicates = partitions(tenants(url), tenantsPerPartition);
            Dataset<Row> rows = spark.read().jdbc(url, table, predicates, props);
            all = all == null ? rows : all.unionByName(rows);
        }
        return all;
    }

    /** Rows per tenant over all hosts: columns {@code _tenant}, {@code count}. */
    public static Dataset<Row> count(SparkSession spark, List<String> hosts, String table) throws SQLException {
        return read(spark, hosts, table, 2).groupBy("_tenant").count();
    }

    /** The tenants of one host. */
    static List<String> tenants(String url) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM cinch.tenants ORDER BY name")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** One {@code _tenant IN (...)} predicate per group of {@code size} tenants (tenant names need no escaping). */
    static String[] partitions(List<String> tenants, int size) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tenants.size(); i += size) {
            out.add(tenants.subList(i, Math.min(i + size, tenants.size())).stream().map(t -> "'" + t + "'")
                    .collect(Collectors.joining(", ", "_tenant IN (", ")")));
        }
        return out.toArray(String[]::new);
    }

    /** {@code spark-submit --class io.cinch.spark.TenantCounts cinch-spark.jar TABLE URL...}: prints the counts. */
    public static void main(String[] args) throws SQLException {
        SparkSession spark = SparkSession.builder().appName("cinch tenant counts").getOrCreate();
        count(spark, List.of(args).subList(1, args.length), args[0]).orderBy("_tenant").show(1000, false);
        spark.stop();
    }
}
