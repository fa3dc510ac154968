package dev.wasmtutorial.content;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Front matter blocks already parsed, by their exact text: parsing YAML is most of what reading
 * an unchanged page costs, and the result depends on nothing but the text. Only successful parses
 * are remembered (a bad block fails again, with its message, every time).
 */
@FunctionalInterface
public interface FrontMatterMemo {

    /** Remembers nothing. */
    FrontMatterMemo NONE = (yaml, parse) -> parse.get();

    /** The fields of {@code yaml}: remembered, or parsed by {@code parse} (which may throw). */
    Map<String, Object> fields(String yaml, Supplier<Map<String, Object>> parse);
}
