package dev.s2v.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.s2v.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * Reads and writes s2v's YAML files strictly: keys in snake_case, an unknown or misspelt key is an
 * error naming the key and the allowed ones, a record's own validation message is reported with the
 * key path where it failed, and writes go to a temporary file that is renamed.
 */
public final class YamlFiles {
    private static final ObjectMapper MAPPER =
            JsonMapper.builder(
                            new YAMLFactory()
                                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                    .build();

    private YamlFiles() {}

    /**
     * Reads a file into a record.
     *
     * @throws NoSuchFileException when the file does not exist
     * @throws ConfigException naming the file and key for any content problem
     * @throws IOException when the file cannot be read
     */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (JacksonException e) {
            throw describe(file, e);
        }
    }

    /**
     * Reads a file as a tree, for callers that edit it before binding (command-line overrides).
     *
     * @throws ConfigException when the file is not YAML
     */
    public static JsonNode readTree(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        try {
            return MAPPER.readTree(file.toFile());
        } catch (JacksonException e) {
            throw describe(file, e);
        }
    }

    /**
     * Binds a tree read from a file into a record.
     *
     * @throws ConfigException naming the file and key for any content problem
     */
    public static <T> T bind(Path file, JsonNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw describe(file, e);
        }
    }

    /** The mapper, for trees built in code. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Writes a value as YAML under a temporary name, then renames it.
     *
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, Object value) throws IOException {
        String text = MAPPER.writeValueAsString(value);
        AtomicFiles.writeString(file, text);
    }

    private static ConfigException describe(Path file, Exception e) {
        Throwable cause = e;
        if (e instanceof IllegalArgumentException && e.getCause() instanceof Exception inner) {
            cause = inner;
        }
        String path = cause instanceof JsonMappingException m ? keyPath(m) : "";
        if (cause instanceof UnrecognizedPropertyException u) {
            // The path ends with the unknown key itself: name the mapping that holds it.
            int dot = path.lastIndexOf('.');
            path = dot < 0 ? "" : path.substring(0, dot);
            String allowed =
                    u.getKnownPropertyIds().stream()
                            .map(Object::toString)
                            .sorted(Comparator.naturalOrder())
                            .collect(Collectors.joining(", "));
            return new ConfigException(
                    file, path, "unknown key '" + u.getPropertyName() + "'; allowed: " + allowed);
        }
        if (cause instanceof InvalidFormatException f) {
            return new ConfigException(file, path, wrongType(f.getValue(), f.getTargetType()));
        }
        // A record's compact constructor rejected a value: its message is the useful part.
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException && root != cause) {
            return new ConfigException(file, path, root.getMessage());
        }
        if (cause instanceof MismatchedInputException m) {
            String message = firstLine(m.getOriginalMessage());
            if (message.startsWith("Cannot map `null`")) {
                return new ConfigException(file, path, "needs a value");
            }
            if (m.getTargetType() != null) {
                return new ConfigException(file, path, wrongType(givenValue(m), m.getTargetType()));
            }
            return new ConfigException(file, path, message);
        }
        if (cause instanceof JacksonException j) {
            return new ConfigException(file, path, firstLine(j.getOriginalMessage()));
        }
        return new ConfigException(file, path, firstLine(cause.getMessage()));
    }

    /** What a key expects, in the words of the YAML file rather than of Java's types. */
    private static String wrongType(Object given, Class<?> expected) {
        String wanted;
        if (expected == int.class
                || expected == Integer.class
                || expected == long.class
                || expected == Long.class) {
            wanted = "a whole number, e.g. 40";
        } else if (expected == double.class
                || expected == Double.class
                || expected == float.class
                || expected == Float.class) {
            wanted = "a number, e.g. 0.001";
        } else if (expected == boolean.class || expected == Boolean.class) {
            wanted = "true or false";
        } else if (expected == String.class) {
            wanted = "a single value, e.g. quickstart";
        } else if (Collection.class.isAssignableFrom(expected) || expected.isArray()) {
            wanted = "a list, e.g. [B02, B03, B04, B08]";
        } else {
            wanted = "a mapping of keys, e.g. {key: value}";
        }
        return (given == null ? "the value given" : "'" + given + "'")
                + " does not fit: expects "
                + wanted;
    }

    /** The scalar the parser stood on when the value did not fit, when there was one. */
    private static Object givenValue(MismatchedInputException e) {
        if (e.getProcessor() instanceof JsonParser parser) {
            try {
                JsonToken token = parser.currentToken();
                if (token != null && token.isScalarValue()) {
                    return parser.getText();
                }
            } catch (IOException unreadable) {
                return null;
            }
        }
        return null;
    }

    private static String keyPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "cannot be read";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
