package com.liftguard.notifications.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {
    private static final String SECRET = "whsec_0123456789abcdef";
    private static final String BODY = "{\"id\":\"n-1\",\"title\":\"Ann Lifter: red flag\"}";

    /** Computed outside Java: {@code printf '%s' "1700000000.$BODY" | openssl dgst -sha256 -hmac "$SECRET"}. */
    @Test
    void aFixedVector() {
        assertEquals(
                "t=1700000000,v1=a3ccc065e381f09603c0a63d844e0fe32b9fe5cc20088ed9e031ab66989855bd",
                WebhookSigner.signature(SECRET, 1_700_000_000L, BODY));
    }

    @Test
    void secretAndBodyAreUtf8() {
        assertEquals(
                "t=1700000000,v1=889cf3ea543f39db6cdad869866b226e58ec3cdf28bd79072f9500f620a0793d",
                WebhookSigner.signature("sëcret-with-ünicode!", 1_700_000_000L, "{\"note\":\"héllo €\"}"));
    }

    @Test
    void matchesAnHmacOfTheTimeDotBody() throws Exception {
        long t = 1_734_567_890L;
        String header = WebhookSigner.signature(SECRET, t, BODY);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + BODY).getBytes(StandardCharsets.UTF_8)));
        assertEquals("t=" + t + ",v1=" + expected, header);
        assertTrue(header.matches("t=\\d+,v1=[0-9a-f]{64}"), "lower-case hex of 32 bytes");
    }

    @Test
    void theTimeTheBodyAndTheSecretAllChangeTheSignature() {
        String base = WebhookSigner.signature(SECRET, 100, BODY);
        assertNotEquals(v1(base), v1(WebhookSigner.signature(SECRET, 101, BODY)));
        assertNotEquals(v1(base), v1(WebhookSigner.signature(SECRET, 100, BODY + " ")));
        assertNotEquals(v1(base), v1(WebhookSigner.signature(SECRET + "x", 100, BODY)));
    }

    private static String v1(String header) {
        return header.substring(header.indexOf(",v1=") + 4);
    }
}
