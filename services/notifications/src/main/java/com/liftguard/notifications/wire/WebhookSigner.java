package com.liftguard.notifications.wire;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Liftguard-Signature} header of docs/api.md: {@code t=UNIX_SECONDS,v1=HEX(HMAC-SHA256(secret, t + "." + body))}.
 * The time is signed with the body so that a receiver can refuse a captured request replayed later.
 */
public final class WebhookSigner {
    public static final String HEADER = "Liftguard-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSigner() {}

    /** The header value for {@code body} sent at {@code unixSeconds}; secret and body are taken as UTF-8. */
    public static String signature(String secret, long unixSeconds, String body) {
        String t = Long.toString(unixSeconds);
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret, t + "." + body));
    }

    private static byte[] hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // every JDK has HmacSHA256, and an HMAC key of any length is valid
            throw new IllegalStateException("cannot compute " + ALGORITHM, e);
        }
    }
}
