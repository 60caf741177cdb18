package io.teamplay.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamplay.common.ProblemException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of the JSON twin of a CSV upload: an array of objects whose keys are the CSV's column names and whose
 * values are its cells (strings, numbers, booleans; null or absent = an empty cell). The header is every key used,
 * in the order first seen, so the file is read twice: once for the keys (the header is checked before anything is
 * written, as a CSV header is), once for the rows. A row's "line" is its position in the array, from 1.
 */
final class JsonRows implements RowSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private JsonParser parser;
    private List<String> header;
    private Map<String, Integer> columns;
    private long position;

    JsonRows(Path file) {
        this.file = file;
    }

    @Override
    public List<String> header() {
        Map<String, String> keys = new LinkedHashMap<>();
        try (JsonParser keysOnly = start()) {
            while (keysOnly.nextToken() == JsonToken.START_OBJECT) {
                while (keysOnly.nextToken() == JsonToken.FIELD_NAME) {
                    keys.putIfAbsent(keysOnly.currentName(), keysOnly.currentName());
                    keysOnly.nextToken();
                    keysOnly.skipChildren();
                }
            }
            if (keysOnly.currentToken() != JsonToken.END_ARRAY) {
                throw notAnArray("each element of the array must be an object of column names and values");
            }
        } catch (JsonProcessingException malformed) {
            throw notAnArray("the body is not valid JSON: " + malformed.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (keys.isEmpty()) {
            throw ProblemException.badRequest("account_id", "no rows: the body must be a non-empty array of rows with account_id");
        }
        header = List.copyOf(keys.keySet());
        columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i), i);
        }
        try {
            parser = start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return header;
    }

    @Override
    public SourceRow next(ImportErrors errors) {
        try {
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                position++;
                JsonNode row = JSON.readTree(parser);
                List<String> cells = new ArrayList<>(java.util.Collections.nCopies(header.size(), ""));
                List<ImportError> problems = new ArrayList<>();
                row.properties().forEach(field -> {
                    int column = columns.get(field.getKey());
                    JsonNode value = field.getValue();
                    if (value.isTextual() || value.isBoolean()) {
                        cells.set(column, value.asText());
                    } else if (value.isNumber()) {
                        cells.set(column, value.decimalValue().toPlainString());
                    } else if (!value.isNull()) {
                        problems.add(new ImportError(position, field.getKey().trim(), field.getKey().trim()
                                + " must be a string, a number or a boolean, not " + value.getNodeType().name().toLowerCase(Locale.ROOT)));
                    }
                });
                if (!problems.isEmpty() || cells.stream().anyMatch(cell -> !cell.isBlank())) {
                    return new SourceRow(position, cells, problems);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
    }

    private JsonParser start() throws IOException {
        JsonParser json = new JsonFactory().createParser(Files.newInputStream(file));
        json.enable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        if (json.nextToken() != JsonToken.START_ARRAY) {
            json.close();
            throw notAnArray("the body must be a JSON array of rows (objects of column names and values)");
        }
        return json;
    }

    private static ProblemException notAnArray(String message) {
        return ProblemException.badRequest("body", message);
    }
}
