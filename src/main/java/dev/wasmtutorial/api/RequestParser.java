package dev.wasmtutorial.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.wasmtutorial.sandbox.RunSpec;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a {@code POST /execute} body into an {@link ExecuteRequest}, or a 400 naming the field. */
final class RequestParser {

    private static final Set<String> FIELDS = Set.of("language", "code", "inputs", "limits", "call");
    /** Strict: a second value after the object, or a key given twice, is a mistake to name, not to guess at. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    ExecuteRequest parse(byte[] body) throws ApiError {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw bad("body is not JSON: " + e.getOriginalMessage(), "send a JSON object such as {\"language\":\"c\",\"code\":\"...\"}");
        } catch (java.io.IOException e) {
            throw bad("body cannot be read", "send a JSON object");
        }
        if (root == null || !root.isObject()) {
            throw bad("body must be a JSON object", "send {\"language\":\"c\",\"code\":\"...\"}");
        }
        onlyFields(root, "", FIELDS);
        String name = text(root, "language", true);
        Language language = Language.of(name).orElseThrow(() -> bad("language '" + name + "' is not supported",
                "use \"python\" (Python source), \"c\" (C source) or \"wasm\" (a base64 module)"));
        String code = text(root, "code", true);
        wellFormed(code, "code");
        if (code.isEmpty()) {
            throw bad("code is empty", switch (language) {
                case PYTHON -> "send Python source";
                case C -> "send C source with a main function";
                case WASM -> "send the module as base64";
            });
        }
        byte[] module = null;
        if (language == Language.WASM) {
            try {
                module = Base64.getDecoder().decode(code.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw bad("code is not valid base64: " + e.getMessage(), "encode the module, e.g. base64 -w0 module.wasm");
            }
        }
        if (module != null && module.length == 0) {
            throw bad("code decodes to no bytes", "encode the module, e.g. base64 -w0 module.wasm");
        }
        RunSpec.Call call = call(root.get("call"), language);
        JsonNode inputs = object(root, "inputs");
        String stdin = inputs == null ? "" : optionalText(inputs, "inputs.stdin");
        List<String> args = inputs == null ? List.of() : stringList(inputs.get("args"), "inputs.args");
        Map<String, String> files = inputs == null ? Map.of() : files(inputs.get("files"));
        onlyFields(inputs, "inputs.", Set.of("stdin", "args", "files"));
        wellFormed(stdin, "inputs.stdin");
        for (String arg : args) {
            wellFormed(arg, "inputs.args");
        }
        JsonNode limits = object(root, "limits");
        int timeMs = limit(limits, "timeMs", ApiLimits.DEFAULT_TIME_MS, 1, ApiLimits.MAX_TIME_MS);
        int memoryMiB = limit(limits, "memoryMiB", ApiLimits.DEFAULT_MEMORY_MIB, 1, ApiLimits.MAX_MEMORY_MIB);
        int outputKiB = limit(limits, "outputKiB", ApiLimits.DEFAULT_OUTPUT_KIB, 1, ApiLimits.MAX_OUTPUT_KIB);
        onlyFields(limits, "limits.", Set.of("timeMs", "memoryMiB", "outputKiB"));
        return new ExecuteRequest(language, code, module, call, stdin, args, files,
                new RunSpec.Limits(timeMs, memoryMiB * 16, outputKiB * 1024L));
    }

    /** JSON can escape half a UTF-16 pair (\\ud800), which no file or compiler can take as text. */
    private static void wellFormed(String text, String field) throws ApiError {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw bad(field + " holds an unpaired UTF-16 surrogate at character " + i, "send well-formed Unicode text");
            }
        }
    }

    /** A misspelt field would otherwise be ignored silently (a limit not applied, an input not given). */
    private static void onlyFields(JsonNode node, String prefix, Set<String> known) throws ApiError {
        if (node == null) {
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw bad("unknown field '" + prefix + name + "'", "known fields here: " + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
    }

    private static RunSpec.Call call(JsonNode node, Language language) throws ApiError {
        if (node == null || node.isNull()) {
            return null;
        }
        if (language != Language.WASM) {
            throw bad("call is only for language \"wasm\"", language == Language.C ? "a C program runs through main; remove call"
                    : "a Python program runs from its first line; remove call");
        }
        if (!node.isObject() || !node.path("export").isTextual() || node.path("export").asText().isEmpty()) {
            throw bad("call.export must be the name of an exported function", "e.g. \"call\": {\"export\": \"add\", \"args\": [2, 3]}");
        }
        List<Number> args = new ArrayList<>();
        JsonNode list = node.get("args");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw bad("call.args must be a list of numbers", "e.g. [2, 3]");
            }
            for (JsonNode n : list) {
                if (!n.isNumber()) {
                    throw bad("call.args must be a list of numbers", "e.g. [2, 3]");
                }
                // A whole number past 64 bits stays a double, so the sandbox refuses it rather than wrapping it.
                args.add(n.isIntegralNumber() && n.canConvertToLong() ? (Number) n.asLong() : (Number) n.asDouble());
            }
        }
        onlyFields(node, "call.", Set.of("export", "args"));
        return new RunSpec.Call(node.get("export").asText(), args);
    }

    private static int limit(JsonNode limits, String name, int fallback, int min, int max) throws ApiError {
        JsonNode n = limits == null ? null : limits.get(name);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < min || n.asInt() > max) {
            throw bad("limits." + name + " must be a whole number from " + min + " to " + max, "leave it out for the default, " + fallback);
        }
        return n.asInt();
    }

    private static Map<String, String> files(JsonNode node) throws ApiError {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw bad("inputs.files must be an object of name to text", "e.g. {\"in.txt\": \"hello\"}");
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (!name.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*") || name.contains("..")
                    || java.util.Arrays.asList(name.split("/")).contains(".")) {
                throw bad("inputs.files name '" + name + "' is not a plain relative path", "use names like in.txt or dir/in.txt");
            }
            if (!e.getValue().isTextual()) {
                throw bad("inputs.files['" + name + "'] must be text", "send the file's content as a string");
            }
            wellFormed(e.getValue().asText(), "inputs.files['" + name + "']");
            files.put(name, e.getValue().asText());
        }
        // A name cannot be a file and a folder at once ("a" and "a/b").
        for (String name : files.keySet()) {
            for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                if (files.containsKey(name.substring(0, slash))) {
                    throw bad("inputs.files names '" + name.substring(0, slash) + "' both a file and the folder of '" + name + "'",
                            "rename one of them");
                }
            }
        }
        return files;
    }

    private static List<String> stringList(JsonNode node, String field) throws ApiError {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw bad(field + " must be a list of strings", "e.g. [\"-v\", \"input.txt\"]");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw bad(field + " must be a list of strings", "e.g. [\"-v\", \"input.txt\"]");
            }
            out.add(n.asText());
        }
        return out;
    }

    private static JsonNode object(JsonNode root, String field) throws ApiError {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw bad(field + " must be an object", "see the contract in the README");
        }
        return n;
    }

    private static String text(JsonNode root, String field, boolean required) throws ApiError {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw bad("missing field '" + field + "'", field.equals("code") ? "send the source (or base64 module) in code"
                        : "set language to \"python\", \"c\" or \"wasm\"");
            }
            return "";
        }
        if (!n.isTextual()) {
            throw bad(field + " must be a string", "send " + field + " as a JSON string");
        }
        return n.asText();
    }

    private static String optionalText(JsonNode root, String field) throws ApiError {
        String name = field.substring(field.indexOf('.') + 1);
        JsonNode n = root.get(name);
        if (n == null || n.isNull()) {
            return "";
        }
        if (!n.isTextual()) {
            throw bad(field + " must be a string", "send " + field + " as a JSON string");
        }
        return n.asText();
    }

    private static ApiError bad(String error, String hint) {
        return new ApiError(400, error, hint);
    }
}
