package io.cinch.sql;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.UUID;

/**
 * Converts between SQLite's values (text, integer, real, blob, null) and the Java types of JDBC. Date and time
 * values are stored as ISO-8601 text in SQLite's format ({@code 2024-01-02 10:11:12.345}); reading accepts that,
 * the {@code T}/{@code Z} forms, and epoch milliseconds.
 */
public final class Values {

    private static final DateTimeFormatter TEXT_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);
    private static final DateTimeFormatter TEXT_TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().append(DateTimeFormatter.ISO_LOCAL_TIME).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    /** SQL for the current UTC time in SQLite's own text format with milliseconds ({@code 2024-01-02 10:11:12.345}). */
    public static final String NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now')";

    private Values() {
    }

    /** The value to bind for a Java object: dates and times become text, booleans 0/1, UUIDs text. */
    public static Object toSqlite(Object value) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof byte[]) {
            return value;
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        } else if (value instanceof java.util.Date d) {
            return dateText(d, ZoneId.systemDefault());
        } else if (value instanceof LocalDateTime t) {
            return TEXT_TIMESTAMP.format(t);
        } else if (value instanceof LocalDate || value instanceof LocalTime || value instanceof UUID) {
            return value.toString();
        } else if (value instanceof OffsetDateTime t) {
            return TEXT_TIMESTAMP.format(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        } else if (value instanceof ZonedDateTime t) {
            return TEXT_TIMESTAMP.format(t.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
        } else if (value instanceof Instant t) {
            return TEXT_TIMESTAMP.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
        } else if (value instanceof Character c) {
            return c.toString();
        } else if (value instanceof java.math.BigInteger b) {
            return b.toString();
        }
        return value;
    }

    /** A value as a String, blobs read as UTF-8. */
    public static String string(Object v) {
        if (v == null) {
            return null;
        }
        return v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : v.toString();
    }

    /** A value as a boolean: non-zero numbers and 'true'/'t'/'yes'/'y'/'1' text are true. */
    public static boolean bool(Object v) throws SQLException {
        if (v == null) {
            return false;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = string(v).trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "t", "yes", "y", "1", "on" -> true;
            case "false", "f", "no", "n", "0", "off", "" -> false;
            default -> throw SqlState.DATA_EXCEPTION.exception("not a boolean: '" + s + "'");
        };
    }

    /** A value as a long (0 for null). */
    public static long longValue(Object v) throws SQLException {
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n) {
            return n instanceof Double || n instanceof Float ? (long) n.doubleValue() : n.longValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        try {
            return new BigDecimal(string(v).trim()).longValue();
        } catch (NumberFormatException e) {
            throw SqlState.DATA_EXCEPTION.exception("not a number: '" + v + "'", e);
        }
    }

    /** A value as a double (0 for null). */
    public static double doubleValue(Object v) throws SQLException {
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        try {
            return Double.parseDouble(string(v).trim());
        } catch (NumberFormatException e) {
            throw SqlState.DATA_EXCEPTION.exception("not a number: '" + v + "'", e);
        }
    }

    /** A value as a BigDecimal, or null. */
    public static BigDecimal decimal(Object v) throws SQLException {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        try {
            return new BigDecimal(string(v).trim());
        } catch (NumberFormatException e) {
            throw SqlState.DATA_EXCEPTION.exception("not a number: '" + v + "'", e);
        }
    }

    /** A value as a LocalDateTime (text as written, offsets moved to UTC, epoch milliseconds in the JVM's zone), or null. */
    public static LocalDateTime dateTime(Object v) throws SQLException {
        if (v instanceof Number) {
            return zoned(v, ZoneId.systemDefault()).toLocalDateTime();
        }
        ZonedDateTime t = zoned(v, ZoneOffset.UTC);
        return t == null ? null : t.toLocalDateTime();
    }

    /**
     * A value as a date and time in {@code zone}, or null: text without an offset is read as local time there, text
     * with one and numbers (epoch milliseconds, or Julian days for reals) name an instant. '' is null, as sqlite-jdbc
     * reads it.
     */
    private static ZonedDateTime zoned(Object v, ZoneId zone) throws SQLException {
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return Instant.ofEpochMilli(epochMillis(n)).atZone(zone);
        }
        String s = string(v).trim();
        if (s.isEmpty()) {
            return null;
        }
        try {
            TemporalAccessor t = READ.parse(s);
            LocalDate date = LocalDate.from(t);
            LocalTime time = t.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(t) : LocalTime.MIDNIGHT;
            if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
                return ZonedDateTime.of(date, time, ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS)))
                        .withZoneSameInstant(zone);
            }
            return ZonedDateTime.of(date, time, zone);
        } catch (DateTimeParseException e) {
            try {
                return ZonedDateTime.of(LocalDate.EPOCH, LocalTime.parse(s), zone);
            } catch (DateTimeParseException e2) {
                throw SqlState.INVALID_DATETIME.exception("not a date or time: '" + s + "'", e);
            }
        }
    }

    /** Epoch milliseconds of a number as sqlite-jdbc writes dates: integers are milliseconds, reals Julian days. */
    private static long epochMillis(Number n) {
        if (n instanceof Double || n instanceof Float) {
            return Math.round((n.doubleValue() - 2440587.5) * 86_400_000);
        }
        return n.longValue();
    }

    /**
     * Epoch milliseconds (in the JVM's time zone, as sqlite-jdbc reads text dates) of text that holds a date, such as
     * cinch writes for {@code setDate} and {@code setTimestamp}; null for any other value.
     */
    public static Long dateMillis(Object v) {
        if (!(v instanceof String s) || s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-'
                || !Character.isDigit(s.charAt(0))) {
            return null;
        }
        try {
            LocalDateTime t = dateTime(s);
            return t == null ? null : t.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        } catch (SQLException e) {
            return null;
        }
    }

    /** A value as a java.sql.Date, or null. */
    public static Date date(Object v) throws SQLException {
        return date(v, ZoneId.systemDefault());
    }

    /** A value as a java.sql.Date: midnight in {@code zone} of the day the value names there, or null. */
    public static Date date(Object v, ZoneId zone) throws SQLException {
        ZonedDateTime t = zoned(v, zone);
        return t == null ? null : new Date(t.toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli());
    }

    /** A value as a java.sql.Time, or null. */
    public static Time time(Object v) throws SQLException {
        return time(v, ZoneId.systemDefault());
    }

    /** A value as a java.sql.Time: the time of day (whole seconds) the value names in {@code zone}, or null. */
    public static Time time(Object v, ZoneId zone) throws SQLException {
        ZonedDateTime t = zoned(v, zone);
        return t == null ? null : new Time(LocalDate.EPOCH.atTime(t.toLocalTime().truncatedTo(ChronoUnit.SECONDS))
                .atZone(zone).toInstant().toEpochMilli());
    }

    /** A value as a java.sql.Timestamp, or null. */
    public static Timestamp timestamp(Object v) throws SQLException {
        return timestamp(v, ZoneId.systemDefault());
    }

    /** A value as a java.sql.Timestamp, text without an offset read as local time in {@code zone}, or null. */
    public static Timestamp timestamp(Object v, ZoneId zone) throws SQLException {
        ZonedDateTime t = zoned(v, zone);
        return t == null ? null : Timestamp.from(t.toInstant());
    }

    /**
     * The text cinch stores for a date, time or timestamp by default, its fields as they read in {@code zone}: the
     * date of a {@code java.sql.Date}, the time of a {@code java.sql.Time} (whole seconds) and the date and time
     * (milliseconds) of any other.
     */
    public static String dateText(java.util.Date value, ZoneId zone) {
        ZonedDateTime t = (value instanceof Timestamp ts ? ts.toInstant() : Instant.ofEpochMilli(value.getTime()))
                .atZone(zone);
        if (value instanceof Date) {
            return t.toLocalDate().toString();
        } else if (value instanceof Time) {
            return TEXT_TIME.format(t.toLocalTime());
        }
        return TEXT_TIMESTAMP.format(t.toLocalDateTime());
    }

    /** A value as bytes (text as UTF-8), or null. */
    public static byte[] bytes(Object v) {
        if (v == null) {
            return null;
        }
        return v instanceof byte[] b ? b : v.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A value converted to {@code type}, as {@code ResultSet.getObject(int, Class)} promises. */
    @SuppressWarnings("unchecked")
    public static <T> T as(Object v, Class<T> type) throws SQLException {
        if (v == null) {
            return null;
        }
        Object out;
        if (type.isInstance(v) && type != Object.class) {
            out = v;
        } else if (type == String.class) {
            out = string(v);
        } else if (type == Integer.class || type == int.class) {
            out = (int) longValue(v);
        } else if (type == Long.class || type == long.class) {
            out = longValue(v);
        } else if (type == Short.class) {
            out = (short) longValue(v);
        } else if (type == Byte.class) {
            out = (byte) longValue(v);
        } else if (type == Double.class) {
            out = doubleValue(v);
        } else if (type == Float.class) {
            out = (float) doubleValue(v);
        } else if (type == Boolean.class) {
            out = bool(v);
        } else if (type == BigDecimal.class) {
            out = decimal(v);
        } else if (type == java.math.BigInteger.class) {
            out = decimal(v).toBigInteger();
        } else if (type == byte[].class) {
            out = bytes(v);
        } else if (type == LocalDateTime.class) {
            out = dateTime(v);
        } else if (type == LocalDate.class) {
            out = dateTime(v).toLocalDate();
        } else if (type == LocalTime.class) {
            out = dateTime(v).toLocalTime();
        } else if (type == OffsetDateTime.class) {
            out = dateTime(v).atOffset(ZoneOffset.UTC);
        } else if (type == Instant.class) {
            out = dateTime(v).toInstant(ZoneOffset.UTC);
        } else if (type == ZonedDateTime.class) {
            out = dateTime(v).atZone(ZoneOffset.UTC);
        } else if (type == Timestamp.class) {
            out = timestamp(v);
        } else if (type == Date.class) {
            out = date(v);
        } else if (type == Time.class) {
            out = time(v);
        } else if (type == java.util.Date.class) {
            out = new java.util.Date(timestamp(v).getTime());
        } else if (type == UUID.class) {
            out = UUID.fromString(string(v));
        } else if (type == Object.class) {
            out = v;
        } else {
            throw SqlState.NOT_SUPPORTED.exception("cannot read a value as " + type.getName());
        }
        return (T) out;
    }
}
