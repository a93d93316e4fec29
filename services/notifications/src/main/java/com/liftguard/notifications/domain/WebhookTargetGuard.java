package com.liftguard.notifications.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhooks from turning this service into a proxy into its own network (SSRF): a URL whose host is,
 * or resolves to, an address that is not publicly routable is refused. Every address a name resolves to
 * is checked. Checked when a webhook is stored and again before each delivery, as what a name resolves to
 * may change in between; a delivery then connects to the address this check vetted ({@link #vet}), never
 * to a second lookup's answer, so a name that changes its answer between the two (DNS rebinding) cannot
 * slip an internal address past it.
 *
 * <p>Plain Java, no Quarkus: {@code allowPrivate} comes from {@code liftguard.webhooks.allow-private-targets},
 * and the names are looked up by the {@link Resolver} it is given (the system's, from {@code config/WebhookBeans}),
 * so the decisions are tested against a fixed name table.
 */
public final class WebhookTargetGuard {
    public static final int MAX_URL_LENGTH = 2000;

    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public WebhookTargetGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** What is wrong with the URL as a URL (scheme, host, length); empty when it is well-formed. */
    public static Optional<String> malformation(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        return Optional.empty();
    }

    /**
     * Why the HTTP client must not call {@code url}; empty when it may. A malformed URL is refused with
     * the reason {@link #malformation(String)} gives.
     *
     * @throws UnknownHostException when the host does not resolve (now: it may later)
     */
    public Optional<String> refusal(String url) throws UnknownHostException {
        Optional<String> malformed = malformation(url);
        if (malformed.isPresent() || allowPrivate) {
            return malformed;
        }
        return vet(url).refusal();
    }

    /**
     * The outcome of resolving a URL's host for a delivery: the address to connect to, or why not to.
     *
     * @param address the first address the host resolved to, all of them allowed; null when refused
     * @param refusal why the URL must not be called; empty when it may
     */
    public record Vetted(InetAddress address, Optional<String> refusal) {}

    /**
     * Resolves the host of {@code url} and checks every address; the caller connects to {@link
     * Vetted#address()} (and names the host only in the request and for TLS). With private targets allowed
     * (local and test profiles) nothing is refused, but the address is still the one resolved here.
     *
     * @throws UnknownHostException when the host does not resolve (now: it may later)
     */
    public Vetted vet(String url) throws UnknownHostException {
        Optional<String> malformed = malformation(url);
        if (malformed.isPresent()) {
            return new Vetted(null, malformed);
        }
        String host = hostOf(url);
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (isRefused(address)) {
                    String literal = address.getHostAddress();
                    return new Vetted(
                            null,
                            Optional.of(
                                    host.equals(literal)
                                            ? "must not point at a loopback, private, link-local or otherwise internal address ("
                                                    + literal + ")"
                                            : "must not point at a loopback, private, link-local or otherwise internal address ("
                                                    + host + " resolves to " + literal + ")"));
                }
            }
        }
        return new Vetted(addresses[0], Optional.empty());
    }

    /** The URL's host as a resolver takes it: an IPv6 literal without its brackets. */
    private static String hostOf(String url) {
        String host = URI.create(url).getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Whether the address is anything but a publicly routable unicast address. */
    public static boolean isRefused(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isRefusedV4(b);
        }
        if (address instanceof Inet6Address) {
            return isRefusedV6(b);
        }
        return true;
    }

    private static boolean isRefusedV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 // 0.0.0.0/8, "this network"
                || first == 10
                || first == 127
                || (first == 100 && (second & 0xc0) == 64) // 100.64.0.0/10, carrier-grade NAT
                || (first == 169 && second == 254)
                || (first == 172 && (second & 0xf0) == 16)
                || (first == 192 && second == 168)
                || first >= 224; // multicast, reserved and broadcast
    }

    private static boolean isRefusedV6(byte[] b) {
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc // fc00::/7, unique local
                || first == 0xff // multicast
                || (first == 0xfe && (b[1] & 0xc0) == 0x80) // fe80::/10, link local
                || (first == 0xfe && (b[1] & 0xc0) == 0xc0)) { // fec0::/10, the former site local
            return true;
        }
        // forms that carry an IPv4 address, which is what a packet to them ends up reaching
        if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) { // ::ffff:a.b.c.d, mapped
            return isRefusedV4(slice(b, 12));
        }
        if (isZero(b, 0, 12)) { // ::a.b.c.d, the former IPv4-compatible form (also :: and ::1)
            return true;
        }
        if (first == 0x00
                && (b[1] & 0xff) == 0x64
                && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b
                && isZero(b, 4, 12)) { // 64:ff9b::/96, NAT64
            return isRefusedV4(slice(b, 12));
        }
        if (first == 0x20 && (b[1] & 0xff) == 0x02) { // 2002::/16, 6to4
            return isRefusedV4(slice(b, 2));
        }
        return false;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] b, int from) {
        return new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
    }
}
