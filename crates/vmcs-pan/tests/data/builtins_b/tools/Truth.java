import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/** Prints builtins_b data lines computed the way panc computes digest(), to_uppercase(), to_lowercase(). */
public class Truth {
    static String lit(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c == '"') sb.append("\\\""); else if (c == '\\') sb.append("\\\\");
            else if (c == '\n') sb.append("\\n"); else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) sb.append(String.format("\\x%02x", c));
            else if (c > 0xffff || Character.getType(c) == Character.NON_SPACING_MARK || Character.isWhitespace(c) && c != ' ') sb.append(String.format("\\u{%x}", c));
            else sb.appendCodePoint(c);
        });
        return sb.append('"').toString();
    }
    public static void main(String[] a) throws Exception {
        String[] msgs = {"", "hello", "é", "日本語", "😀", "a\nb", "The quick brown fox jumps over the lazy dog", "x😀y", "\u0000"};
        String[] algs = {"MD2", "MD5", "SHA-1", "SHA", "sha1", "SHA-224", "SHA-256", "SHA-384", "SHA-512", "SHA-512/224", "SHA-512/256", "SHA3-224", "SHA3-256", "SHA3-384", "SHA3-512", "2.16.840.1.101.3.4.2.1"};
        System.out.println("# digest(): Java 17 MessageDigest over the first length() bytes of the UTF-8 message, BigInteger hex");
        for (String alg : algs) for (String m : msgs) {
            MessageDigest d = MessageDigest.getInstance(alg);
            d.update(m.getBytes(StandardCharsets.UTF_8), 0, m.length());
            System.out.println("digest('" + alg + "', " + lit(m) + ") => \"" + new BigInteger(1, d.digest()).toString(16) + "\"");
        }
        String[] words = {"straße", "ΟΔΟΣ", "ΣΑΣ ΣΑΣ", "aΣ", "Σ", "İstanbul", "ıi", "ǅǆǄ", "ﬁ", "ŉ", "ǰ", "ΐ", "Ω", "K", "ß", "ẞ", "ſ", "µ", "ÿ", "ﬀ", "Ὠ", "ᾳ", "ᾼ", "\u0130\u0307", "aBc123", "ÀÉÎõü", "Ⅻ", "ⓐⒶ", "𐐀𐐨", "ΆΈΉ"};
        System.out.println("# to_uppercase()/to_lowercase(): Java 17 String.toUpperCase/toLowerCase(Locale.US)");
        for (String w : words) {
            System.out.println("to_uppercase(" + lit(w) + ") => " + lit(w.toUpperCase(Locale.US)));
            System.out.println("to_lowercase(" + lit(w) + ") => " + lit(w.toLowerCase(Locale.US)));
        }
    }
}
