// Generates the ground-truth tables java_*.txt for tests/builtins_a.rs with a real JDK 17.
// It emulates what panc's builtins hand to Java (String.format, Long.decode, ...) and
// writes one `call => expectation` line per case. Run from this directory with:
//   javac -d /tmp Gen.java && java -Duser.timezone=UTC -Duser.language=en -Duser.country=US -cp /tmp Gen
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.regex.*;

public class Gen {
    static String lit(Object o) {
        if (o instanceof Long) return o.toString();
        if (o instanceof Double) return Double.toString((Double) o);
        if (o instanceof Boolean) return o.toString();
        if (o instanceof List) {
            StringBuilder sb = new StringBuilder("list(");
            List<?> l = (List<?>) o;
            for (int i = 0; i < l.size(); i++) sb.append(i > 0 ? ", " : "").append(lit(l.get(i)));
            return sb.append(")").toString();
        }
        String s = (String) o;
        boolean plain = true;
        for (char c : s.toCharArray()) if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == '\'' || c == '\\' || Character.isSurrogate(c)) plain = false;
        if (plain) return "'" + s + "'";
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '\\' || c == '"') sb.append('\\').append(c);
            else if (c == '\n') sb.append("\\n");
            else if (c == '\t') sb.append("\\t");
            else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c)) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append("\"").toString();
    }

    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) { if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return true; i++; }
            else if (Character.isLowSurrogate(c)) return true;
        }
        return false;
    }

    static class Fail extends RuntimeException { Fail(String m) { super(m); } }

    interface Fn { Object call(Object[] a); }

    static PrintWriter out;
    static int count;

    static void emit(String name, Fn fn, Object... args) {
        StringBuilder call = new StringBuilder(name).append("(");
        for (int i = 0; i < args.length; i++) call.append(i > 0 ? ", " : "").append(lit(args[i]));
        call.append(")");
        String expect;
        try {
            Object r = fn.call(args);
            if (r instanceof String && hasLoneSurrogate((String) r)) return;
            expect = lit(r);
        } catch (Fail f) {
            expect = f.getMessage();
            // A message with control characters would not fit on one line: keep the class.
            if (expect.chars().anyMatch(ch -> ch < 0x20)) expect = expect.substring(0, expect.indexOf(':'));
        }
        out.println(call + " => " + expect);
        count++;
    }

    static Fail eval(String m) { return new Fail("evaluation: " + m); }

    // format(): what panc's Format.execute does with String.format.
    static Object format(Object[] a) {
        if (!(a[0] instanceof String)) throw eval("first argument to format() must be a string");
        try {
            return String.format((String) a[0], Arrays.copyOfRange(a, 1, a.length));
        } catch (IllegalFormatException e) {
            throw eval("invalid format specification or mismatched types in format(): " + e.getLocalizedMessage());
        }
    }

    static String grouped(long n) { return String.format("%,d", n); }

    static Object toLong(Object[] a) {
        Integer radix = null;
        if (a.length == 2) {
            Object r = a[1];
            if (!(r instanceof Long)) {
                String cls = r instanceof Boolean ? "BooleanProperty" : r instanceof Double ? "DoubleProperty" : "StringProperty";
                throw eval("radix must be a long not class org.quattor.pan.dml.data." + cls);
            }
            long rl = (Long) r;
            if (rl < 2 || rl > 36) throw eval("radix value " + grouped(rl) + " is not within valid range [2, 36]");
            radix = (int) rl;
        }
        Object v = a[0];
        if (v instanceof Boolean) return ((Boolean) v) ? 1L : 0L;
        if (v instanceof Double) return Math.round((Double) v);
        if (v instanceof Long) return v;
        String s = (String) v;
        try {
            return radix == null ? Long.decode(s) : Long.parseLong(s, radix);
        } catch (NumberFormatException e) {
            throw eval("string cannot be converted to long: " + s);
        }
    }

    static Object toDouble(Object[] a) {
        Object v = a[0];
        if (v instanceof Boolean) return ((Boolean) v) ? 1.0 : 0.0;
        if (v instanceof Long) return ((Long) v).doubleValue();
        if (v instanceof Double) return v;
        try {
            return Double.parseDouble((String) v);
        } catch (NumberFormatException e) {
            throw eval("string cannot be converted to double: " + v);
        }
    }

    static Object toBoolean(Object[] a) {
        Object v = a[0];
        if (v instanceof Long) return (Long) v != 0;
        if (v instanceof Double) return (Double) v != 0.0;
        if (v instanceof String) return !("".equals(v) || "false".equalsIgnoreCase((String) v));
        return v;
    }

    static Object toStr(Object[] a) { return a[0].toString(); }

    static final Pattern IP4 = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+)(?:/(\\d+))?$");
    static final String IP4_FORMAT = "argument to ip4_to_long() must be a string in dotted notation with an optional bitmask, like \"127.0.0.1/8\"";

    static Object ip4ToLong(Object[] a) {
        if (!(a[0] instanceof String)) throw eval("argument to ip4_to_long() must be a string");
        Matcher m = IP4.matcher((String) a[0]);
        if (!m.find()) throw eval(IP4_FORMAT);
        long nip = 0;
        for (int i = 1; i <= 4; i++) {
            long j;
            try { j = Long.parseLong(m.group(i)); } catch (NumberFormatException e) { throw new Fail("system"); }
            if (j > 255) throw eval(IP4_FORMAT);
            nip = (nip << 8) | j;
        }
        long mask = 0xFFFFFFFFL;
        try {
            int i = Integer.parseInt(m.group(5));
            if (i < 0 || i > 32) throw eval("bitmask to IP must be between 0 and 32.");
            i = 32 - i;
            mask = (mask >> i) << i;
        } catch (NumberFormatException e) {
            // no or unparsable mask: /32
        }
        return Arrays.asList(nip, mask);
    }

    static Object longToIp4(Object[] a) {
        if (!(a[0] instanceof Long)) throw eval("argument to ip4_to_long must be a long");
        long n = (Long) a[0];
        if (n > 0xFFFFFFFFL || n < 0) throw eval("argument to ip4_to_long must be a 32-bit integer");
        return (n >> 24) + "." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    static Fn minMax(boolean max) {
        return a -> {
            if (a[0] instanceof Long && a[1] instanceof Long) {
                long x = (Long) a[0], y = (Long) a[1];
                return max ? Math.max(x, y) : Math.min(x, y);
            }
            if ((a[0] instanceof Long || a[0] instanceof Double) && (a[1] instanceof Long || a[1] instanceof Double)) {
                double x = ((Number) a[0]).doubleValue(), y = ((Number) a[1]).doubleValue();
                return max ? Math.max(x, y) : Math.min(x, y);
            }
            throw eval("all arguments to " + (max ? "max" : "min") + " must be longs or doubles");
        };
    }

    static final Long[] LONGS = {0L, 1L, -1L, 7L, 42L, -42L, 255L, 1000L, 65535L, 1234567L, -7654321L, 4294967295L,
        1L << 40, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 1700000000123L, -86400001L};
    static final Double[] DOUBLES = {0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 3.5, 0.125, 0.375, 3.14159, -3.14159,
        2.718281828459045, 0.1, 0.05, 0.95, 0.045, 1.005, 9.995, 99.5, 999999.5, 0.000123, 12345.678, 123456789.0,
        1e-5, 1.5e-7, 1e7, 1e15, 1e16, 1.0E17, 1e20, 1e22, 1e23, 2e23, 1e100, 1e300, -1e300, 1.7976931348623157E308,
        4.9E-324, 2.2250738585072014E-308, 6.02214076e23, 0.30000000000000004, 0.3333333333333333, 100.0, 1000000.0,
        9999999.0, 0.001, 0.0009999, 5e-5, 123.456, -0.004, 42.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 1.1, 2.675, 0.015, 8.41e21};
    static final String[] STRINGS = {"", "a", "abc", "Hello, World", "héllo", "日本語", "\uD83D\uDE00x", "straße",
        "tab\there", "line\nbreak", "100%", "with 'quote'", "ǆ", "ﬁ"};

    public static void main(String[] argv) throws Exception {
        Random rnd = new Random(20240611L);
        out = new PrintWriter("java_format.txt", StandardCharsets.UTF_8);
        out.println("# Generated by Gen.java with JDK " + System.getProperty("java.version") + " (UTC, en_US): String.format as panc's format() calls it.");
        String[] convs = {"s", "S", "b", "B", "h", "H", "d", "o", "x", "X", "e", "E", "f", "g", "G", "a", "A", "c", "C", "%", "n"};
        String[] flagSets = {"", "", "", "-", "#", "+", " ", "0", ",", "(", "-#", "+0", " 0", "+,", "(,", "-+", "0,", "#0",
            "+(", " (", "-(", "0(", ",(", "-,", "#,", "<", "--", "+ "};
        String[] widths = {"", "", "1", "7", "14"};
        String[] precs = {"", "", ".0", ".1", ".3", ".8", ".17"};
        List<Object> pool = new ArrayList<>();
        pool.addAll(Arrays.asList(LONGS));
        pool.addAll(Arrays.asList(DOUBLES));
        pool.addAll(Arrays.asList(STRINGS));
        pool.add(true);
        pool.add(false);
        for (String c : convs) {
            for (String fl : flagSets) {
                for (int k = 0; k < 2; k++) {
                    String w = widths[rnd.nextInt(widths.length)], p = precs[rnd.nextInt(precs.length)];
                    String fmt = "[%" + fl + w + p + c + "]";
                    Object arg = pool.get(rnd.nextInt(pool.size()));
                    if ("doxX".contains(c) && rnd.nextInt(4) > 0) arg = LONGS[rnd.nextInt(LONGS.length)];
                    if ("eEfgGaA".contains(c) && rnd.nextInt(4) > 0) arg = DOUBLES[rnd.nextInt(DOUBLES.length)];
                    emit("format", Gen::format, fmt, arg);
                }
            }
        }
        String[] dfmts = {"%e", "%.3e", "%.0e", "%12.4E", "%f", "%.2f", "%.0f", "%,.3f", "%(.1f", "%+010.2f",
            "%g", "%.3g", "%.0g", "%a", "%.2a", "%020a", "%s", "%h"};
        for (Double d : DOUBLES) for (String f : dfmts) emit("format", Gen::format, f, d);
        String[] lfmts = {"%d", "%,d", "%x", "%X", "%#x", "%#o", "%o", "%(d", "%+d", "% d", "%08d", "%-8d|", "%(,015d",
            "%#018X", "%h", "%H", "%s", "%b", "%c"};
        for (Long l : LONGS) for (String f : lfmts) emit("format", Gen::format, f, l);
        String[] sfmts = {"%s", "%S", "%.2s", "%10s", "%-10s|", "%10.1S", "%h", "%b", "%B", "%d", "%e", "%c", "%#s", "%tY"};
        for (String s : STRINGS) for (String f : sfmts) emit("format", Gen::format, f, s);
        for (Boolean b : new Boolean[]{true, false}) for (String f : sfmts) emit("format", Gen::format, f, b);
        String dtConvs = "HIklMNLQpsSTzZaAbBCdehjmyYrRcDF";
        long[] millis = {0L, -1L, 951782400000L, 1700000000123L, -12219292800000L, -12219292800001L,
            -62135596800001L, 46800000L, Long.MAX_VALUE, Long.MIN_VALUE, -86400000L * 366 * 3000};
        for (long ms : millis) {
            for (char c : dtConvs.toCharArray()) emit("format", Gen::format, "%t" + c, ms);
            for (String f : new String[]{"%Tc", "%TA", "%Tp", "%-12tB|", "%12tF", "%1$tY-%1$tm-%1$td %<tH:%<tM"}) emit("format", Gen::format, f, ms);
        }
        for (String f : new String[]{"%tY", "%Tq", "%tq", "%t", "%T", "%.2tY", "%#tY", "%-tY", "%0tY", "%tY%n", "%,tY"}) {
            emit("format", Gen::format, f, 1.5);
            emit("format", Gen::format, f, "x");
            emit("format", Gen::format, f, 0L);
        }
        String[] bad = {"abc%", "%", "%q", "%0$s", "%1$1$s", "%99999999999$s", "%-0$s", "%--5d", "%+ e", "%-05d", "%t", "%5%", "%-%",
            "%+%", "%.2%", "%-n", "%3n", "%#b", "%#h", "%(s", "%99999999999d", "%.99999999999f", "%<s", "%2$s", "%s %<s %s",
            "%-s", "%0s", "%,s", "%.2c", "%-c", "%#c", "%+c", "%.2d", "%#d", "%-d", "%0d", "%,o", "%,x", "%(x", "% x", "%+o",
            "%,e", "%#g", "%(a", "%,a", "%-e", "%0f", "%D", "%F", "%O", "%N", "%i", "%u", "%1$", "%.", "%5.s", "%.x", "%$s",
            "%3$s %2$s %1$s", "%1$s %s %s", "%2$s %s", "%s %2$s %s", "%<d", "%s%<S%<h", "%%%n%%", "%-5%|", "%10%"};
        for (String f : bad) {
            emit("format", Gen::format, f);
            emit("format", Gen::format, f, "a");
            emit("format", Gen::format, f, 5L, "b");
        }
        out.close();
        System.err.println("java_format.txt: " + count);

        count = 0;
        out = new PrintWriter("java_convert.txt", StandardCharsets.UTF_8);
        out.println("# Generated by Gen.java with JDK " + System.getProperty("java.version") + ": Long.decode, Long.parseLong, Double.parseDouble, Math.round as panc's conversions use them.");
        String[] longStrings = {"42", "-42", "+42", "0", "-0", "00", "010", "0777", "09", "08", "0x1F", "0X1f", "-0x10", "+0x10",
            "#ff", "-#ff", "#", "0x", "-", "+", "", " 12", "12 ", "1e3", "1.5", "1_000", "0x-1", "0x+1", "--1", "+-1", "-+1",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "0x7fffffffffffffff",
            "0x8000000000000000", "-0x8000000000000000", "0777777777777777777777", "01777777777777777777777", "00000000000000000000042",
            "\u0661\u0662", "\uff11\uff12", "0x\uff46", "\u0967\u0966", "\uD835\uDFCF", "abc", "z", "ff", "FF", "101", "777", "0b101",
            "\u00bd", "1\u0000", "0xFFFFFFFF", "２", "٣"};
        for (String s : longStrings) emit("to_long", Gen::toLong, s);
        for (String s : longStrings) for (long r : new long[]{2, 8, 16, 36}) emit("to_long", Gen::toLong, s, r);
        for (Object r : new Object[]{1L, 37L, 0L, -5L, 1000L, Long.MIN_VALUE, true, 1.5, "16"}) {
            emit("to_long", Gen::toLong, "10", r);
            emit("to_long", Gen::toLong, 10L, r);
        }
        for (long r : new long[]{10, 16}) for (Object v : new Object[]{10L, -7L, true, false, 2.5, -2.5, 1e30}) emit("to_long", Gen::toLong, v, r);
        Double[] roundings = {0.0, -0.0, 0.4, 0.5, 0.49999999999999994, 1.4, 1.5, 2.5, -0.4, -0.5, -0.6, -1.5, -2.5, 1e15 + 0.5,
            4503599627370497.0, 9007199254740993.0, 9.223372036854776E18, -9.223372036854776E18, 1e19, -1e19, 1e30, -1e30,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 4.9E-324, -4.9E-324, 123456.789};
        for (Double d : roundings) emit("to_long", Gen::toLong, d);
        for (Object v : new Object[]{true, false, 0L, Long.MIN_VALUE}) emit("to_long", Gen::toLong, v);
        String[] doubleStrings = {"1.5", "1e3", "1", "-0.0", ".5", "5.", ".", "-.5e-3", "+.5", " 1.5", "1.5 ", "\t1.5\n", "\u00a01.5",
            "1.5d", "1.5D", "1.5f", "1.5F", "1.5dd", "1.5x", "1d5", "NaN", "-NaN", "+NaN", "nan", "NaNd", "Infinity", "-Infinity",
            "+Infinity", "infinity", "Inf", "0x10", "0x10p0", "0x1.8p1", "-0x1p-2", "0X.8P1d", "0x1p", "0x.p1", "0xp1", "0x1.p1",
            "0x0p99999999999", "0x1p99999999999", "0x1p-99999999999", "-0x1p99999999999", "0x1.fffffffffffff8p1023",
            "0x1.fffffffffffff7p1023", "0x0.0000000000001p-1022", "0x1p-1075", "0x1.1p-1075", "0x1p-1074", "0x3p-1075",
            "0x123456789abcdef123p0", "1e", "1e+", "1e-", "e5", "1e5.5", "1.2.3", "", " ", "-", "+", "1_0", "١", "1e400", "1e-400",
            "2.4703282292062327E-324", "2.4703282292062328E-324", "1.7976931348623158E308", "1.7976931348623159E308",
            "123456789012345678901234567890", "0.000000000000000000000000000000000000000000001e45", "9007199254740993",
            "1e2147483647", "1e-2147483648", "1e99999999999999999999", "0.1e-99999999999999999999", "00000.00001e5",
            "3.4028235E38f", "1.00000000000000011102230246251565404236316680908203125", "0x1P+3", "0x1p+3F"};
        for (String s : doubleStrings) emit("to_double", Gen::toDouble, s);
        for (Object v : new Object[]{true, false, 1L, -1L, Long.MAX_VALUE, 9007199254740993L, 1.5, Double.NaN}) emit("to_double", Gen::toDouble, v);
        String[] boolStrings = {"false", "FALSE", "False", "fAlSe", "", "true", "no", "0", " false", "false ", "falsee",
            "fal\u017fe", "FAL\u017fE", "\u0131", "f"};
        for (String s : boolStrings) emit("to_boolean", Gen::toBoolean, s);
        for (Object v : new Object[]{true, false, 0L, 1L, -1L, Long.MIN_VALUE, 0.0, -0.0, 0.5, Double.NaN, 4.9E-324}) emit("to_boolean", Gen::toBoolean, v);
        for (Object v : new Object[]{"abc", "", 42L, -1L, true, false, 1.5, -0.0, 1e7, 0.001, Double.NaN, Double.NEGATIVE_INFINITY}) emit("to_string", Gen::toStr, v);
        String[] ips = {"127.0.0.1", "0.0.0.0", "255.255.255.255", "127.0.0.1/8", "10.0.0.0/32", "10.0.0.0/0", "10.0.0.0/33",
            "10.0.0.0/99999999999", "10.0.0.0/2147483647", "10.0.0.0/-1", "192.168.17.99/20", "192.168.1.0/255.255.255.0",
            "not.an.ip.addr", "256.1.1.1", "10.1", "1.2.3.4.5", "1.2.3.4\n", "1.2.3.4\r\n", "1.2.3.4/24\r", "1.2.3.4\n\n",
            " 1.2.3.4", "1.2.3.4 ", "01.002.0003.255", "1.2.3.4/", "1.2.3.4/8/8", "1..3.4", "\u0661.2.3.4", "1.2.3.4\u2028",
            "1.2.3.4\u0085", "1.2.3.99999999999999999999", "1.2.3.9223372036854775807", "000000000000000000000001.2.3.4", ""};
        for (String s : ips) emit("ip4_to_long", Gen::ip4ToLong, s);
        for (Object v : new Object[]{1L, true, 1.5}) emit("ip4_to_long", Gen::ip4ToLong, v);
        for (Object v : new Object[]{0L, 1L, 0x01020304L, 2130706433L, 4294967295L, 4294967296L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, "1.2.3.4", 1.0, true})
            emit("long_to_ip4", Gen::longToIp4, v);
        Object[] nums = {1L, 2L, -5L, Long.MIN_VALUE, Long.MAX_VALUE, 9007199254740993L, 2.5, -0.0, 0.0, 9007199254740992.0,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, true, "a"};
        for (Object x : nums) for (Object y : nums) {
            emit("min", minMax(false), x, y);
            emit("max", minMax(true), x, y);
        }
        out.close();
        System.err.println("java_convert.txt: " + count);
    }
}
