package dev.gatehouse.testkit.google;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A compact JWS split into its parts; nothing is verified here. */
public record Jwt(JsonObject header, JsonObject claims, String signingInput, byte[] signature) {

    /** Parses a compact JWS; throws {@link IllegalArgumentException} when it is not one. */
    public static Jwt parse(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS (" + parts.length + " parts)");
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            JsonObject header = new JsonObject(new String(decoder.decode(parts[0]), StandardCharsets.UTF_8));
            JsonObject claims = new JsonObject(new String(decoder.decode(parts[1]), StandardCharsets.UTF_8));
            return new Jwt(header, claims, parts[0] + "." + parts[1], decoder.decode(parts[2]));
        } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
            throw new IllegalArgumentException("not a compact JWS: " + e.getMessage(), e);
        }
    }

    /** The {@code aud} claim as a list (a JWT may carry one string or an array). */
    public List<String> audiences() {
        Object aud = claims.getValue("aud");
        if (aud instanceof String single) {
            return List.of(single);
        }
        if (aud instanceof JsonArray many) {
            return many.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    public Instant expiresAt() {
        Long exp = claims.getLong("exp");
        return exp == null ? Instant.MIN : Instant.ofEpochSecond(exp);
    }

    static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
