package dev.gatehouse.core.store;

import dev.gatehouse.core.crypto.SecretBox;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;

/**
 * P-256 key pairs for ES256 and their stored forms: the public key as a JWK (kty, crv, x, y), the kid as its
 * RFC 7638 thumbprint, the private key as PKCS#8 sealed with the master key under associated data that names the
 * tenant and the kid. Uses only the JDK's providers.
 */
public final class SigningKeyMaterial {
  private static final String CURVE = "P-256";
  private static final int COORDINATE_BYTES = 32;
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();
  private static final ECParameterSpec P256 = p256();

  private SigningKeyMaterial() {}

  /** A fresh key pair for {@code tenantId}, ready to store: kid, public JWK and sealed private key. */
  public record Generated(String kid, JsonObject publicJwk, byte[] privateKeySealed) {}

  public static Generated generate(UUID tenantId, SecretBox secrets) {
    KeyPair pair;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      pair = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("P-256 key generation is unavailable in this JVM", e);
    }
    JsonObject jwk = publicJwk((ECPublicKey) pair.getPublic());
    String kid = thumbprint(jwk);
    String pkcs8 = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    return new Generated(kid, jwk, secrets.seal(pkcs8, associatedData(tenantId, kid)));
  }

  /** What the sealed private key is bound to: its tenant and kid. */
  public static String associatedData(UUID tenantId, String kid) {
    return "tenant/" + tenantId + "/signing_key/" + kid;
  }

  /** The public part as a JWK with exactly the members the thumbprint covers. */
  public static JsonObject publicJwk(ECPublicKey key) {
    ECPoint w = key.getW();
    return new JsonObject()
        .put("kty", "EC")
        .put("crv", CURVE)
        .put("x", BASE64URL.encodeToString(unsigned(w.getAffineX())))
        .put("y", BASE64URL.encodeToString(unsigned(w.getAffineY())));
  }

  /** RFC 7638: SHA-256 of the required members in lexicographic order without whitespace, base64url. */
  public static String thumbprint(JsonObject jwk) {
    String canonical = "{\"crv\":\"" + jwk.getString("crv") + "\",\"kty\":\"" + jwk.getString("kty")
        + "\",\"x\":\"" + jwk.getString("x") + "\",\"y\":\"" + jwk.getString("y") + "\"}";
    try {
      return BASE64URL.encodeToString(
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
    }
  }

  /**
   * The stored public key, after checking it is a P-256 point whose thumbprint is the kid.
   *
   * @throws IllegalArgumentException when the JWK is malformed or does not match the kid
   */
  public static ECPublicKey publicKey(SigningKey key) {
    JsonObject jwk = key.publicJwk();
    if (!"EC".equals(jwk.getString("kty")) || !CURVE.equals(jwk.getString("crv"))) {
      throw new IllegalArgumentException("signing key " + key.kid() + " is not a P-256 key");
    }
    if (!thumbprint(jwk).equals(key.kid())) {
      throw new IllegalArgumentException("signing key " + key.kid() + " does not match its public JWK");
    }
    try {
      ECPoint point = new ECPoint(coordinate(jwk, "x"), coordinate(jwk, "y"));
      if (!onCurve(point)) {
        throw new IllegalArgumentException("the point is not on P-256");
      }
      return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, P256));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("signing key " + key.kid() + " has an invalid public JWK", e);
    }
  }

  /**
   * Opens the sealed private key.
   *
   * @throws dev.gatehouse.core.crypto.SecretBoxException when it was sealed with another master key, or for another
   *     tenant or kid
   */
  public static ECPrivateKey privateKey(SigningKey key, SecretBox secrets) {
    String pkcs8 = secrets.open(key.privateKeySealed(), associatedData(key.tenantId(), key.kid()));
    try {
      return (ECPrivateKey) KeyFactory.getInstance("EC")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8)));
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalArgumentException("signing key " + key.kid() + " has an invalid private key", e);
    }
  }

  /** y^2 = x^3 + ax + b (mod p): the JDK's key factory does not check it. */
  private static boolean onCurve(ECPoint point) {
    BigInteger p = ((ECFieldFp) P256.getCurve().getField()).getP();
    BigInteger x = point.getAffineX();
    BigInteger y = point.getAffineY();
    if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
      return false;
    }
    BigInteger right = x.pow(3).add(P256.getCurve().getA().multiply(x)).add(P256.getCurve().getB()).mod(p);
    return y.modPow(BigInteger.TWO, p).equals(right);
  }

  private static BigInteger coordinate(JsonObject jwk, String name) {
    String value = jwk.getString(name);
    byte[] bytes = value == null ? new byte[0] : BASE64URL_DECODER.decode(value);
    if (bytes.length != COORDINATE_BYTES) {
      throw new IllegalArgumentException(name + " must be " + COORDINATE_BYTES + " bytes");
    }
    return new BigInteger(1, bytes);
  }

  /** The coordinate as exactly 32 big-endian bytes (JWA section 6.2.1.2). */
  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length == COORDINATE_BYTES) {
      return bytes;
    }
    byte[] fixed = new byte[COORDINATE_BYTES];
    int copy = Math.min(bytes.length, COORDINATE_BYTES);
    System.arraycopy(bytes, bytes.length - copy, fixed, COORDINATE_BYTES - copy, copy);
    return fixed;
  }

  private static ECParameterSpec p256() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("P-256 is unavailable in this JVM", e);
    }
  }
}
