package com.liftguard.notifications.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetGuardTest {
    /** Names resolve only as listed here; IP literals are parsed, never looked up. */
    private static final Map<String, String[]> DNS = Map.of(
            "hooks.example.com", new String[] {"93.184.216.34"},
            "internal.example.com", new String[] {"10.1.2.3"},
            "metadata.example.com", new String[] {"169.254.169.254"},
            "split.example.com", new String[] {"93.184.216.34", "192.168.1.10"},
            "v6.example.com", new String[] {"2606:2800:220:1:248:1893:25c8:1946"});

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] addresses = DNS.get(host.toLowerCase(Locale.ROOT)); // names are case-insensitive
        if (addresses == null) {
            if (host.matches("[0-9.]+") || host.contains(":")) { // an address literal (IPv6 without brackets)
                return InetAddress.getAllByName(host);
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            resolved[i] = InetAddress.getByName(addresses[i]);
        }
        return resolved;
    }

    private final WebhookTargetGuard guard = new WebhookTargetGuard(false, WebhookTargetGuardTest::resolve);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/hook",
                "http://127.255.0.9:8080/hook", // loopback
                "http://0.0.0.0/",
                "http://0.1.2.3/", // any-local and 0.0.0.0/8
                "http://169.254.169.254/latest/meta-data/", // link-local (cloud metadata)
                "http://10.0.0.1/",
                "http://10.255.255.255/", // 10/8
                "http://172.16.0.1/",
                "http://172.31.255.254/", // 172.16/12
                "http://192.168.0.1/",
                "https://192.168.255.255/", // 192.168/16
                "http://100.64.0.1/",
                "http://100.127.255.254/", // CGNAT 100.64/10
                "http://224.0.0.1/",
                "http://239.255.255.250/", // multicast
                "http://255.255.255.255/", // broadcast
                "http://[::1]/",
                "http://[::]/", // IPv6 loopback and any-local
                "http://[fe80::1]/",
                "http://[febf::1]/", // fe80::/10
                "http://[fc00::1]/",
                "http://[fd12:3456:789a::1]/", // fc00::/7
                "http://[ff02::1]/", // IPv6 multicast
                "http://[::ffff:127.0.0.1]/",
                "http://[::ffff:10.0.0.1]/",
                "http://[::ffff:169.254.169.254]/",
                "http://[::ffff:7f00:1]/", // mapped, written in hex
                "http://[64:ff9b::a00:1]/", // NAT64 of 10.0.0.1
                "http://[2002:c0a8:101::1]/", // 6to4 of 192.168.1.1
                "http://2130706433/", // 127.0.0.1 as one decimal number
                "http://internal.example.com/hook", // names are refused by what they resolve to
                "http://metadata.example.com/",
                "http://split.example.com/" // one refused address among several is enough
            })
    void internalTargetsAreRefused(String url) throws UnknownHostException {
        Optional<String> refusal = guard.refusal(url);
        assertTrue(refusal.isPresent(), url + " must be refused");
        assertTrue(refusal.get().contains("internal address"), refusal.get());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://93.184.216.34/hook",
                "http://93.184.216.34:8080/x?y=z",
                "http://172.15.255.255/",
                "http://172.32.0.1/", // just outside 172.16/12
                "http://100.63.255.255/",
                "http://100.128.0.1/", // just outside 100.64/10
                "http://11.0.0.1/",
                "http://169.253.0.1/",
                "http://192.169.0.1/",
                "http://[2606:2800:220:1:248:1893:25c8:1946]/",
                "http://[::ffff:93.184.216.34]/",
                "https://hooks.example.com/liftguard",
                "https://HOOKS.example.com/",
                "HTTPS://v6.example.com/"
            })
    void publicTargetsAreAllowed(String url) throws UnknownHostException {
        assertEquals(Optional.empty(), guard.refusal(url), url);
    }

    @Test
    void theReasonNamesTheAddressANameResolvesTo() throws UnknownHostException {
        assertEquals(
                Optional.of("must not point at a loopback, private, link-local or otherwise internal address "
                        + "(internal.example.com resolves to 10.1.2.3)"),
                guard.refusal("https://internal.example.com/"));
        assertEquals(
                Optional.of("must not point at a loopback, private, link-local or otherwise internal address "
                        + "(127.0.0.1)"),
                guard.refusal("http://127.0.0.1/"));
    }

    @Test
    void theRealResolverRefusesLocalhost() throws UnknownHostException {
        assertTrue(new WebhookTargetGuard(false, InetAddress::getAllByName)
                .refusal("http://localhost:8080/hook")
                .isPresent());
    }

    @Test
    void anUnresolvableHostIsReportedAsSuch() {
        assertThrows(UnknownHostException.class, () -> guard.refusal("https://nowhere.invalid/"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://93.184.216.34/",
                "file:///etc/passwd",
                "gopher://93.184.216.34/",
                "javascript:alert(1)",
                "mailto:coach@example.com",
                "/relative/hook",
                "93.184.216.34/hook",
                "https:///no-host",
                "https://",
                "http://exa mple.com/",
                "http://user:pass@93.184.216.34/"
            })
    void malformedOrNonHttpUrlsAreRefused(String url) throws UnknownHostException {
        assertTrue(WebhookTargetGuard.malformation(url).isPresent(), url);
        assertTrue(guard.refusal(url).isPresent(), url);
        // even where private targets are allowed
        assertTrue(
                new WebhookTargetGuard(true, WebhookTargetGuardTest::resolve)
                        .refusal(url)
                        .isPresent(),
                url);
    }

    @Test
    void aUrlOverTheLengthLimitIsRefused() {
        String base = "https://hooks.example.com/";
        String longest = base + "a".repeat(WebhookTargetGuard.MAX_URL_LENGTH - base.length());
        assertEquals(Optional.empty(), WebhookTargetGuard.malformation(longest));
        assertEquals(Optional.of("must be at most 2000 characters"), WebhookTargetGuard.malformation(longest + "a"));
    }

    @Test
    void allowingPrivateTargetsSkipsTheAddressCheckAndTheLookup() throws UnknownHostException {
        WebhookTargetGuard local = new WebhookTargetGuard(true, host -> {
            throw new AssertionError("no lookup expected for " + host);
        });
        assertEquals(Optional.empty(), local.refusal("http://127.0.0.1:9000/hook"));
        assertEquals(Optional.empty(), local.refusal("http://[::1]/hook"));
        assertEquals(Optional.empty(), local.refusal("http://receiver.internal/hook"));
    }

    @Test
    void aDeliveryIsGivenTheAddressThatWasChecked() throws UnknownHostException {
        WebhookTargetGuard.Vetted vetted = guard.vet("https://hooks.example.com/hook");
        assertEquals(Optional.empty(), vetted.refusal());
        assertEquals("93.184.216.34", vetted.address().getHostAddress());
        assertEquals(
                "2606:2800:220:1:248:1893:25c8:1946",
                guard.vet("https://[2606:2800:220:1:248:1893:25c8:1946]:8443/hook")
                        .address()
                        .getHostAddress());
        // one internal answer among several refuses the name: the client is given no address at all
        WebhookTargetGuard.Vetted split = guard.vet("https://split.example.com/hook");
        assertEquals(null, split.address());
        assertTrue(split.refusal().orElseThrow().contains("split.example.com resolves to 192.168.1.10"));
        // private targets allowed (local profile): still one lookup, whose answer is the address to use
        WebhookTargetGuard local = new WebhookTargetGuard(true, WebhookTargetGuardTest::resolve);
        assertEquals(
                "10.1.2.3",
                local.vet("http://internal.example.com/hook").address().getHostAddress());
        assertThrows(UnknownHostException.class, () -> guard.vet("https://nowhere.example.com/hook"));
    }

    @Test
    void mappedIpv6FormsAreCheckedByTheirIpv4Address() throws UnknownHostException {
        // InetAddress turns ::ffff:a.b.c.d text into an Inet4Address; raw bytes keep the IPv6 form
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        assertTrue(WebhookTargetGuard.isRefused(Inet6Address.getByAddress(null, mapped, null)));
        mapped[12] = 93;
        mapped[13] = (byte) 184;
        mapped[14] = (byte) 216;
        mapped[15] = 34;
        assertFalse(WebhookTargetGuard.isRefused(Inet6Address.getByAddress(null, mapped, null)));
    }
}
