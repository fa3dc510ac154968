package dev.wasmtutorial.config;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?" for a misspelt name: the known name within a small edit distance. */
public final class Suggestions {

    private Suggestions() {
    }

    /** The known name {@code word} is most likely a typo of (case, or one edit for short names and two for longer), or null. */
    public static String closest(String word, Collection<String> known) {
        String lower = word.toLowerCase(Locale.ROOT);
        return known.stream().filter(k -> editDistance(lower, k) <= (k.length() <= 4 ? 1 : 2)).findFirst().orElse(null);
    }

    /** {@code " (did you mean 'x'?)"}, or the empty string when nothing is close. */
    public static String didYouMean(String word, Collection<String> known) {
        String closest = closest(word, known);
        return closest == null ? "" : " (did you mean '" + closest + "'?)";
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
