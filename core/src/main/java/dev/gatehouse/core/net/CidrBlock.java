package dev.gatehouse.core.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 network compiled to bytes and a prefix length: the {@code source_ip} policy criterion and the
 * gateway's trusted proxies. Parsing accepts only literals (never resolves names); a bare address means a single
 * host (/32 or /128). Host bits after the prefix are ignored, as Go's ParseCIDR does. An IPv4 block never contains
 * an IPv6 address and the other way round; an IPv4-mapped address ({@code ::ffff:a.b.c.d}) is IPv4 here because
 * {@link InetAddress} (and so {@link IpLiterals}) already reads it as the IPv4 address it maps, while the block
 * {@code ::ffff:a.b.c.d} itself is refused.
 */
public final class CidrBlock {

    private final byte[] network;
    private final int prefix;

    private CidrBlock(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** Parses {@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code 192.0.2.7} or {@code ::1}; null when invalid. */
    public static CidrBlock parse(String text) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = text.indexOf(':') >= 0 ? parseIpv6(address) : parseIpv4(address);
        if (bytes == null) {
            return null;
        }
        int maxPrefix = bytes.length * 8;
        int prefix = maxPrefix;
        if (slash >= 0) {
            prefix = parseNumber(text.substring(slash + 1), maxPrefix);
            if (prefix < 0) {
                return null;
            }
        }
        return new CidrBlock(bytes, prefix);
    }

    private static int parseNumber(String text, int max) {
        if (text.isEmpty() || text.length() > 3 || (text.length() > 1 && text.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }

    private static byte[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = parseNumber(parts[i], 255);
            if (octet < 0) {
                return null;
            }
            bytes[i] = (byte) octet;
        }
        return bytes;
    }

    private static byte[] parseIpv6(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                    || c == ':' || c == '.';
            if (!allowed) {
                return null;
            }
        }
        try {
            // A literal containing ':' is parsed as IPv6 text; no name lookup happens.
            InetAddress parsed = InetAddress.getByName("[" + text + "]");
            return parsed instanceof Inet4Address ? null : parsed.getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The prefix length: 0 to 32 for IPv4, 0 to 128 for IPv6. */
    public int prefixLength() {
        return prefix;
    }

    public boolean isIpv6() {
        return network.length == 16;
    }

    /** Whether {@code address} lies in this network; false for null. */
    public boolean contains(InetAddress address) {
        return address != null && contains(address.getAddress());
    }

    /** Whether the raw address (4 or 16 bytes, as {@link InetAddress#getAddress()} gives) lies in this network. */
    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int fullBytes = prefix >>> 3;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefix & 7;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - remainingBits)) & 0xFF;
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** The network in canonical form with its host bits cleared: {@code 10.0.0.0/8}, {@code 2001:db8:0:0:0:0:0:0/32}. */
    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(masked()).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a block always holds 4 or 16 bytes", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CidrBlock block && block.prefix == prefix && Arrays.equals(block.masked(), masked());
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(masked()) + prefix;
    }

    private byte[] masked() {
        byte[] bytes = network.clone();
        for (int bit = prefix; bit < bytes.length * 8; bit++) {
            bytes[bit >>> 3] &= (byte) ~(0x80 >>> (bit & 7));
        }
        return bytes;
    }
}
