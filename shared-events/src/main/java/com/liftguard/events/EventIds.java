package com.liftguard.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Event ids derived from what the event is about, so that publishing the same fact twice (a retry, a
 * replay, a relay that crashed after sending) yields the same id and consumers drop the copy.
 */
public final class EventIds {
    /** A digest per thread: ingestion derives one id per item, and looking the algorithm up costs more than hashing. */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    });

    private EventIds() {}

    /** A name-based (version 3) UUID of the parts, equal to {@link UUID#nameUUIDFromBytes} of their encoding. */
    public static String derive(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            // length-prefixed so that ("ab","c") and ("a","bc") differ
            sb.append(part.length()).append(':').append(part).append('|');
        }
        byte[] md5 = MD5.get().digest(sb.toString().getBytes(StandardCharsets.UTF_8));
        md5[6] &= 0x0f;
        md5[6] |= 0x30;
        md5[8] &= 0x3f;
        md5[8] |= (byte) 0x80;
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (md5[i] & 0xff);
            lsb = (lsb << 8) | (md5[i + 8] & 0xff);
        }
        return new UUID(msb, lsb).toString();
    }
}
