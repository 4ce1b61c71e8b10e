package io.cinch.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.cinch.Projects;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Spring Boot 4 application configured with {@code spring.datasource.url=jdbc:cinch:...} and the driver's class (Spring
 * Boot infers driver classes only for the databases it lists): HikariCP pools cinch connections, and JdbcTemplate
 * translates cinch's SQLStates into Spring's exceptions.
 */
class SpringBootAppTest {

    /** The application: nothing but Spring Boot's auto-configuration. */
    @SpringBootApplication
    static class App {
    }

    @TempDir
    Path dir;

    private ConfigurableApplicationContext context;
    private JdbcTemplate jdbc;

    private Path pm;

    @BeforeEach
    void start() throws Exception {
        pm = dir.resolve("pm");
        try (Connection c = Projects.open(pm)) {
            Projects.run(c, "CALL cinch.create_tenant('acme')");
        }
        context = application("spring.datasource.url=" + Projects.url(pm, "tenant=acme"),
                "spring.datasource.driver-class-name=io.cinch.jdbc.CinchDriver").run();
        jdbc = context.getBean(JdbcTemplate.class);
    }

    private static SpringApplicationBuilder application(String... properties) {
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).logStartupInfo(false).properties(properties);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    /** Pins what the README documents: without the driver's class, Spring Boot 4.0 refuses a URL it does not know. */
    @Test
    void theUrlAloneIsNotEnoughForSpringBoot() {
        BeanCreationException refused = assertThrows(BeanCreationException.class,
                () -> application("spring.datasource.url=" + Projects.url(pm)).run().close());
        assertTrue(refused.getMessage().contains("Failed to determine a suitable driver class"), refused.getMessage());
    }

    @Test
    void theUrlAndDriverClassGiveAHikariPoolOfCinchConnections() throws Exception {
        HikariDataSource pool = assertInstanceOf(HikariDataSource.class, context.getBean(DataSource.class));
        try (Connection c = pool.getConnection()) {
            assertEquals("acme", c.getSchema());
            assertEquals("SQLite", c.getMetaData().getDatabaseProductName());
        }
        jdbc.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL UNIQUE)");
        jdbc.update("INSERT INTO notes(body) VALUES (?)", "only acme sees this");
        assertEquals(List.of("only acme sees this"), jdbc.queryForList("SELECT body FROM notes", String.class));
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM main.notes", Integer.class));
    }

    @Test
    void jdbcTemplateTranslatesCinchsErrors() {
        jdbc.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE)");
        jdbc.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id))");
        jdbc.update("INSERT INTO customers(email) VALUES ('a@example.com')");
        assertThrows(DuplicateKeyException.class, () -> jdbc.update("INSERT INTO customers(email) VALUES ('a@example.com')"));
        assertThrows(DataIntegrityViolationException.class, () -> jdbc.update("INSERT INTO orders(customer_id) VALUES (42)"));
        assertThrows(DataIntegrityViolationException.class, () -> jdbc.update("INSERT INTO customers(email) VALUES (NULL)"));
        assertThrows(BadSqlGrammarException.class, () -> jdbc.queryForList("SELECT * FROM no_such_table"));
        assertThrows(BadSqlGrammarException.class, () -> jdbc.queryForList("SELEKT 1"));
    }
}
