package dev.s2v.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Edits of configuration trees before they are bound: a file over defaults, {@code --set}. */
final class ConfigTrees {
    private ConfigTrees() {}

    /**
     * Copies the file's keys over the defaults: mappings merge key by key, anything else (values,
     * lists) replaces. A key the defaults do not have is copied as is, so that binding reports it
     * as unknown with the allowed keys.
     */
    static void merge(ObjectNode defaults, ObjectNode file, Path source, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = file.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = defaults.get(field.getKey());
            if (existing instanceof ObjectNode target && field.getValue() instanceof ObjectNode o) {
                merge(target, o, source, path + field.getKey() + ".");
            } else {
                defaults.set(field.getKey(), field.getValue());
            }
        }
    }

    /**
     * Applies one {@code key.path=value} override; the value is read as YAML ({@code 0.01}, {@code
     * true}, {@code [rot90, flip_x]}).
     *
     * @throws ConfigException when the override is malformed or names an unknown key
     */
    static void set(ObjectNode tree, String override, Path file) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException(
                    file,
                    "--set " + override,
                    "must look like key.path=value, e.g. train.epochs=5");
        }
        String keyPath = override.substring(0, eq).trim();
        String text = override.substring(eq + 1).trim();
        String[] keys = keyPath.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < keys.length; i++) {
            boolean last = i == keys.length - 1;
            if (!node.has(keys[i])) {
                List<String> allowed = new ArrayList<>();
                node.fieldNames().forEachRemaining(allowed::add);
                throw new ConfigException(
                        file,
                        "--set " + keyPath,
                        "unknown key '" + keys[i] + "'; allowed: " + String.join(", ", allowed));
            }
            if (last) {
                JsonNode value;
                try {
                    value = YamlFiles.mapper().readTree(text.isEmpty() ? "null" : text);
                } catch (IOException e) {
                    throw new ConfigException(file, "--set " + keyPath, "the value is not YAML");
                }
                if (node.get(keys[i]) instanceof ObjectNode existing
                        && value instanceof ObjectNode given) {
                    merge(existing, given, file, keyPath + ".");
                } else {
                    node.set(keys[i], value);
                }
            } else if (node.get(keys[i]) instanceof ObjectNode child) {
                node = child;
            } else {
                throw new ConfigException(
                        file, "--set " + keyPath, "'" + keys[i] + "' holds a value, not keys");
            }
        }
    }
}
