package dev.parbench.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Shared-secret challenge-response: the worker sends a fresh nonce, the client answers HMAC-SHA256(token, nonce). */
public final class Tokens {
    static final int NONCE_BYTES = 32;
    static final int MIN_TOKEN_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** Reads a token file (surrounding white space ignored); at least 16 bytes. */
    public static byte[] read(Path file) throws IOException {
        byte[] token = Files.readString(file).strip().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (token.length < MIN_TOKEN_BYTES) {
            throw new IOException("token file " + file + " holds " + token.length + " bytes; use at least "
                    + MIN_TOKEN_BYTES + " random bytes (e.g. openssl rand -hex 32 > " + file + ")");
        }
        return token;
    }

    /**
     * A fresh random token for one trial's own workers: 32 bytes from {@link SecureRandom}, as 64 hex digits (the
     * key is those ASCII digits, as it is for a token file made with {@code openssl rand -hex 32}). A master hands
     * it to a worker it starts through the worker's stdin, never on the command line.
     */
    public static byte[] generate() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return java.util.HexFormat.of().formatHex(raw).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    public static byte[] nonce() {
        byte[] n = new byte[NONCE_BYTES];
        RANDOM.nextBytes(n);
        return n;
    }

    public static byte[] mac(byte[] token, byte[] nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token, "HmacSHA256"));
            return mac.doFinal(nonce);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison of the expected and the received MAC. */
    public static boolean verify(byte[] token, byte[] nonce, byte[] received) {
        return MessageDigest.isEqual(mac(token, nonce), received);
    }
}
