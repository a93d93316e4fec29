package com.liftguard.support.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceHeadersTest {
    @Test
    void encodedHeadersDecodeToTheSameNamesValuesAndOrder() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        headers.put("tracestate", "vendor=a=b,other=c");

        String encoded = TraceHeaders.encode(headers);

        assertEquals(
                "traceparent=00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\ntracestate=vendor=a=b,other=c\n",
                encoded);
        Map<String, String> decoded = TraceHeaders.decode(encoded);
        assertEquals(headers, decoded);
        assertEquals(List.of("traceparent", "tracestate"), List.copyOf(decoded.keySet()), "in the order stored");
    }

    @Test
    void noHeadersAreStoredAsNullAndReadBackAsNone() {
        assertNull(TraceHeaders.encode(Map.of()));
        assertEquals(Map.of(), TraceHeaders.decode(null));
        assertEquals(Map.of(), TraceHeaders.decode(""));
    }

    @Test
    void malformedLinesAreIgnored() {
        Map<String, String> decoded =
                TraceHeaders.decode("no-equals-sign\n=no-name\n\ntraceparent=00-abc-def-01\nempty=\n");

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("traceparent", "00-abc-def-01");
        expected.put("empty", "");
        assertEquals(expected, decoded);
    }
}
