// Reference table generator for vmcs javafmt tests: prints Double.toString as JDK 17 writes it.
// Usage (then gzip -9 the .txt tables): java GenDoubles.java random 40000 > double_random.txt; java GenDoubles.java hash 500000 20000 > double_random_sha256.txt;
// java GenDoubles.java decimal 30000 > double_decimal.txt; java GenDoubles.java bits > double_bits.txt
import java.util.*;

public class GenDoubles {
    static long state;
    static long next() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
    static final long MANT = (1L << 52) - 1;
    // The i-th double of the pseudo-random sequence (mirrored in the Rust test).
    static double gen(int i) {
        long r = next();
        switch (i % 6) {
            case 0: return Double.longBitsToDouble(r);
            case 1: { long e = 1023 - 40 + Long.remainderUnsigned(next(), 110); return Double.longBitsToDouble((r & MANT) | (e << 52) | (r & Long.MIN_VALUE)); }
            case 2: return (double) (r >> (int) (next() & 63));
            case 3: return (double) (int) r / (double) (1L << (int) Long.remainderUnsigned(r >>> 32, 50));
            case 4: return Double.longBitsToDouble((r & (MANT >>> (int) (next() & 31))) | (r & Long.MIN_VALUE));
            default: { long e = 1023 - 1 + Long.remainderUnsigned(next(), 3); return Double.longBitsToDouble((r & MANT & ~((1L << (int) Long.remainderUnsigned(next(), 52)) - 1)) | (e << 52)); }
        }
    }
    public static void main(String[] a) {
        StringBuilder sb = new StringBuilder();
        if (a[0].equals("random")) {
            state = 20240601L;
            int n = Integer.parseInt(a[1]);
            for (int i = 0; i < n; i++) sb.append(Double.toString(gen(i))).append('\n');
        } else if (a[0].equals("hash")) {
            // SHA-256 of each chunk of the same sequence (outputs joined by newlines, final newline).
            state = 20240601L;
            int n = Integer.parseInt(a[1]), chunk = Integer.parseInt(a[2]);
            try {
                for (int c = 0; c < n / chunk; c++) {
                    StringBuilder part = new StringBuilder();
                    for (int i = c * chunk; i < (c + 1) * chunk; i++) part.append(Double.toString(gen(i))).append('\n');
                    byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(part.toString().getBytes("UTF-8"));
                    for (byte b : h) sb.append(String.format("%02x", b));
                    sb.append('\n');
                }
            } catch (Exception e) { throw new RuntimeException(e); }
        } else if (a[0].equals("decimal")) {
            // Short decimal literals: input, then output when it differs.
            TreeSet<String> seen = new TreeSet<>();
            List<String> ins = new ArrayList<>();
            for (int k = 1; k <= 300; k++) for (int n = -30; n <= 30; n++) ins.add(k + ".0E" + n);
            for (int n = -325; n <= 309; n++) { ins.add("1.0E" + n); ins.add("2.0E" + n); ins.add("5.0E" + n); ins.add("9.999999999999999E" + n); ins.add("4.9E" + n); }
            state = 777L;
            int n = Integer.parseInt(a[1]);
            for (int i = 0; i < n; i++) {
                long r = next();
                int nd = 1 + (int) Long.remainderUnsigned(r, 18);
                String digits = (Long.toUnsignedString(next()) + Long.toUnsignedString(next())).substring(0, nd);
                if (digits.length() > 1 && digits.charAt(0) == '0') digits = "1" + digits.substring(1);
                int exp = (i % 3 == 0) ? (int) Long.remainderUnsigned(r >>> 20, 640) - 330 : (int) Long.remainderUnsigned(r >>> 20, 40) - 20;
                String lit = digits.charAt(0) + "." + (digits.length() > 1 ? digits.substring(1) : "0") + "E" + exp;
                ins.add(lit);
            }
            for (String in : ins) {
                if (!seen.add(in)) continue;
                String out = Double.toString(Double.parseDouble(in));
                sb.append(in);
                if (!out.equals(in)) sb.append(' ').append(out);
                sb.append('\n');
            }
        } else {
            // Edge values given by their bits.
            List<Double> v = new ArrayList<>();
            double[] base = {0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1.0, 0.001, 1e7, 1e-3, 9999999.0, 0.1, 0.2, 0.3, 1e23, 2e23, 8.41e21, 2.82879384806159E17, Math.PI, Math.E, 1e15, 1e16, 1e17, 1e18, 1e19, 1e21, 1e22, 4.35e-300};
            for (double d : base) {
                double x = d;
                for (int k = 0; k < 5; k++) x = Math.nextDown(x);
                for (int k = 0; k < 11; k++) { v.add(x); v.add(-x); x = Math.nextUp(x); }
            }
            for (int e = -1074; e <= 1023; e++) { double p = Math.scalb(1.0, e); v.add(p); v.add(Math.nextUp(p)); v.add(Math.nextDown(p)); v.add(p * 3); v.add(p * 5); v.add(p * 7); }
            for (int k = 1; k < 5000; k++) { v.add(Double.longBitsToDouble(k)); }
            v.add(Double.NaN); v.add(Double.POSITIVE_INFINITY); v.add(Double.NEGATIVE_INFINITY);
            for (double d : v) sb.append(String.format("%016x", Double.doubleToRawLongBits(d))).append(' ').append(Double.toString(d)).append('\n');
        }
        System.out.print(sb);
    }
}
