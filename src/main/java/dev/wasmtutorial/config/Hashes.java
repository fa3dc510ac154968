package dev.wasmtutorial.config;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in hex: the one digest the build uses (file versions, cache keys, module reports). */
public final class Hashes {

    private Hashes() {
    }

    /** A fresh SHA-256 digest, for hashing several parts in turn. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        return hex(sha256().digest(bytes));
    }

    /** Adds each part to {@code digest}, each followed by a zero byte, so ("ab", "c") and ("a", "bc") differ. */
    public static void update(MessageDigest digest, String... parts) {
        for (String part : parts) {
            digest.update(part.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
    }

    /** The hash of {@code parts} as {@link #update} adds them, in hex. */
    public static String sha256Hex(String... parts) {
        MessageDigest digest = sha256();
        update(digest, parts);
        return hex(digest.digest());
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
