package com.liftguard.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Coach tokens for the local profile and for tests: RS256 JWTs signed with the key pair under
 * {@code local-jwt/}, whose public half only the {@code %local} and {@code %test} profiles of notifications
 * trust. Production issues tokens elsewhere and configures its own verification key.
 *
 * <p>{@code java -cp ... com.liftguard.infra.LocalTokens COACH [TENANT] [HOURS]} prints one.
 */
public final class LocalTokens {
    public static final String ISSUER = "https://liftguard.local/tokens";
    public static final String DEFAULT_TENANT = "demo";

    private LocalTokens() {}

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 3 || args[0].isBlank()) {
            System.err.println("usage: liftguard token COACH_ID [TENANT (default demo)] [HOURS (default 12)]");
            System.exit(2);
        }
        String tenant = args.length > 1 ? args[1] : DEFAULT_TENANT;
        long hours = args.length > 2 ? Long.parseLong(args[2]) : 12;
        System.out.println(mint(tenant, args[0], Duration.ofHours(hours)));
    }

    /** A token for {@code coachId} of {@code tenant}, valid for {@code validFor} from now. */
    public static String mint(String tenant, String coachId, Duration validFor) {
        Instant now = Instant.now();
        return sign(tenant, coachId, now, now.plus(validFor), ISSUER);
    }

    /** Any token, including invalid ones, for tests: expired, not yet valid, another issuer. */
    public static String sign(String tenant, String coachId, Instant issuedAt, Instant expiresAt, String issuer) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":" + json(issuer) + ",\"sub\":" + json(coachId) + ",\"upn\":" + json(coachId)
                + ",\"tenant\":" + json(tenant) + ",\"groups\":[\"coach\"],\"iat\":" + issuedAt.getEpochSecond()
                + ",\"exp\":" + expiresAt.getEpochSecond() + ",\"jti\":"
                + json(UUID.randomUUID().toString()) + "}";
        String signingInput = base64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a local token", e);
        }
    }

    private static PrivateKey privateKey() throws GeneralSecurityException {
        try (InputStream in = LocalTokens.class.getResourceAsStream("/local-jwt/private-key.pem")) {
            if (in == null) {
                throw new IllegalStateException("local-jwt/private-key.pem is missing from the classpath");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
