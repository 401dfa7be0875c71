package io.taskstream.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which addresses a webhook may never reach unless the admin allows private networks: loopback, unspecified, private,
 * link-local, site-local, unique-local, multicast, carrier-grade NAT, reserved and documentation ranges, and every
 * IPv6 form that carries an IPv4 address of those inside it (IPv4-mapped, IPv4-compatible, IPv4-translated, NAT64
 * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}, Teredo {@code 2001::/32}), so that {@code [::ffff:127.0.0.1]},
 * {@code [::ffff:7f00:1]} or {@code [2002:a00:1::]} cannot stand in for the address they embed. Used when a webhook URL
 * is saved (for an address literal) and when it is called (for every address its host resolves to).
 */
final class InternalAddresses {

    /** Hosts that are address literals, not names (OkHttp's own test; brackets of IPv6 literals already removed). */
    private static final Pattern IP_LITERAL = Pattern.compile("([0-9a-fA-F]*:[0-9a-fA-F:.]*)|([\\d.]+)");

    private InternalAddresses() {
    }

    /** The address a host written as an address literal stands for, parsed without any lookup; empty for a name. */
    static Optional<InetAddress> literal(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return IP_LITERAL.matcher(bare).matches() ? Optional.of(InetAddress.getByName(bare)) : Optional.empty();
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true; // for IPv6 also fe80::/10 link-local and fec0::/10 site-local
        }
        byte[] b = address.getAddress();
        return b.length == 4 ? internalV4(b) : internalV6(b);
    }

    private static boolean internalV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        return first == 0                                        // "this" network
                || first == 10 || first == 127                   // private, loopback
                || first == 169 && second == 254                 // link-local, cloud metadata
                || first == 172 && second >= 16 && second < 32   // private
                || first == 192 && second == 168                 // private
                || first == 100 && second >= 64 && second < 128  // carrier-grade NAT 100.64/10
                || first == 192 && second == 0 && (third == 0 || third == 2) // IETF protocol assignments, TEST-NET-1
                || first == 198 && (second == 18 || second == 19)            // benchmarking
                || first == 198 && second == 51 && third == 100               // TEST-NET-2
                || first == 203 && second == 0 && third == 113                // TEST-NET-3
                || first >= 224;                                 // multicast, reserved, broadcast
    }

    private static boolean internalV6(byte[] b) {
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc || first == 0xff) {
            return true; // unique local fc00::/7, multicast ff00::/8
        }
        if (first == 0xfe && (b[1] & 0x80) != 0) {
            return true; // fe80::/10 link-local and fec0::/10 site-local, whatever the JDK calls them
        }
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embeddedInternal(b, 12); // IPv4-mapped ::ffff:a.b.c.d
        }
        if (zero(b, 0, 12)) {
            return true; // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d, which nothing public uses
        }
        if (zero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && zero(b, 10, 12)) {
            return embeddedInternal(b, 12); // IPv4-translated ::ffff:0:a.b.c.d (SIIT)
        }
        if (word(b, 0) == 0x0064 && word(b, 2) == 0xff9b) {
            // NAT64: the well-known prefix 64:ff9b::/96 embeds the IPv4 address; 64:ff9b:1::/48 is for local use
            return word(b, 4) != 0 || !zero(b, 6, 12) || embeddedInternal(b, 12);
        }
        if (word(b, 0) == 0x2002) {
            return embeddedInternal(b, 2); // 6to4: 2002:AABB:CCDD::/48 routes to a.b.c.d
        }
        if (word(b, 0) == 0x2001 && word(b, 2) == 0x0000) {
            byte[] client = new byte[4]; // Teredo: the client's IPv4 address, each bit inverted, in the last 32 bits
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~b[12 + i];
            }
            return embeddedInternal(b, 4) || internalV4(client);
        }
        return word(b, 0) == 0x2001 && word(b, 2) == 0x0db8             // documentation 2001:db8::/32
                || word(b, 0) == 0x0100 && zero(b, 2, 8);               // discard-only 100::/64
    }

    private static boolean embeddedInternal(byte[] b, int from) {
        return internalV4(Arrays.copyOfRange(b, from, from + 4));
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int word(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }
}
