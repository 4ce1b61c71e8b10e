package io.cinch.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows given as JSON on the command line: an object, or an array of objects; nested values are kept as JSON text. */
final class JsonRows {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonRows() {
    }

    /** The rows of {@code json}, each a map from column to value, in the order written. */
    static List<Map<String, Object>> parse(String json) throws SQLException {
        try (JsonParser p = JSON.createParser(json)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                rows.add(object(p));
            } else if (first == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    rows.add(object(p));
                }
                if (p.currentToken() != JsonToken.END_ARRAY) {
                    throw invalid("an array of objects");
                }
            } else {
                throw invalid("an object or an array of objects");
            }
            if (p.nextToken() != null) {
                throw invalid("one JSON value");
            }
            if (rows.isEmpty() || rows.stream().anyMatch(Map::isEmpty)) {
                throw invalid("at least one column per row");
            }
            return rows;
        } catch (JsonProcessingException e) {
            throw new SQLException("invalid JSON in --data: " + e.getOriginalMessage(), "22023", e);
        } catch (IOException e) {
            throw new SQLException("cannot read --data: " + e.getMessage(), "22023", e);
        }
    }

    private static SQLException invalid(String expected) {
        return new SQLException("--data must be " + expected, "22023");
    }

    private static Map<String, Object> object(JsonParser p) throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String column = p.currentName();
            p.nextToken();
            row.put(column, value(p));
        }
        return row;
    }

    private static Object value(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT -> p.getNumberValue() instanceof Integer i ? Long.valueOf(i) : p.getNumberValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_STRING -> p.getText();
            default -> nested(p);
        };
    }

    private static String nested(JsonParser p) throws IOException {
        StringWriter text = new StringWriter();
        try (var g = JSON.createGenerator(text)) {
            g.copyCurrentStructure(p);
        }
        return text.toString();
    }
}
