package org.mqttstudio.topology;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads and writes topology files. Output is stable (fields in record order, two-space indent,
 * one array element per line, trailing newline) so files diff well; reading is strict (unknown
 * keys, duplicate keys, wrong types and broken references are errors with a location).
 */
public final class TopologyJson {
    private final ObjectMapper mapper;
    private final ObjectWriter writer;

    public TopologyJson() {
        mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .serializationInclusion(JsonInclude.Include.NON_EMPTY)
                .build();
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentArraysWith(indenter);
        printer.indentObjectsWith(indenter);
        writer = mapper.writer(printer);
    }

    public String write(Topology topology) {
        try {
            return writer.writeValueAsString(topology) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a topology always serialises", e);
        }
    }

    public void write(Topology topology, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // Write beside, then move: a crash mid-write never leaves a half file.
        Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, write(topology), StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public Topology read(Path file) throws TopologyFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TopologyFileException(file + ": cannot read: " + describeIo(e), e);
        }
        return read(file.toString(), text);
    }

    /** Parses {@code text}; {@code source} names it in error messages. */
    public Topology read(String source, String text) throws TopologyFileException {
        try {
            Topology topology = mapper.readValue(text, Topology.class);
            if (topology == null) {
                throw new TopologyFileException(source + ": the file is empty", null);
            }
            return topology;
        } catch (JsonProcessingException e) {
            throw new TopologyFileException(source + location(e.getLocation()) + ": " + describe(e), e);
        }
    }

    private static String location(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    private static String describe(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException m)) {
            return "not valid JSON: " + e.getOriginalMessage();
        }
        if (m instanceof UnrecognizedPropertyException u) {
            // The path ends with the unknown key itself; name the object that holds it.
            String parent = path(m.getPath().subList(0, m.getPath().size() - 1));
            String prefix = parent.isEmpty() ? "" : parent + ": ";
            String known = u.getKnownPropertyIds() == null ? "" : " (known keys: " + u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")";
            return prefix + "unknown key '" + u.getPropertyName() + "'" + known;
        }
        String path = path(m.getPath());
        String prefix = path.isEmpty() ? "" : path + ": ";
        if (m instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause() != null ? v.getCause() : v;
            return prefix + cause.getMessage();
        }
        if (m instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants()).map(TopologyJson::enumWord)
                    .collect(Collectors.joining(", "));
            return prefix + "\"" + f.getValue() + "\" is not one of: " + allowed;
        }
        if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            return prefix + "wrong type: expected " + typeWord(mi.getTargetType());
        }
        return prefix + m.getOriginalMessage();
    }

    private static String enumWord(Object constant) {
        try {
            return (String) constant.getClass().getMethod("word").invoke(constant);
        } catch (ReflectiveOperationException e) {
            return constant.toString();
        }
    }

    private static String typeWord(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object (" + type.getSimpleName() + ")";
    }

    private static String path(java.util.List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            }
        }
        return sb.toString();
    }

    private static String describeIo(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
