import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.regex.*;

/** Reads cases "op \t hex(re) \t flags \t hex(s) \t hex(repl) \t limit", prints one result line per case. */
public class RegexOracle {
    static String unhex(String h) {
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        return new String(b, StandardCharsets.UTF_8);
    }
    static String hex(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) sb.append(String.format("%02x", x & 0xff));
        return sb.toString();
    }
    static int flags(String f) {
        int r = 0;
        for (char c : f.toCharArray()) switch (c) {
            case 'i': r |= Pattern.CASE_INSENSITIVE; break;
            case 's': r |= Pattern.DOTALL; break;
            case 'm': r |= Pattern.MULTILINE; break;
            case 'u': r |= Pattern.UNICODE_CASE; break;
            case 'x': r |= Pattern.COMMENTS; break;
            case '-': break;
        }
        return r;
    }
    public static void main(String[] a) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, "UTF-8");
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.split("\t", -1);
            String op = f[0], re = unhex(f[1]), s = unhex(f[3]), repl = unhex(f[4]);
            int limit = Integer.parseInt(f[5]);
            Pattern p;
            try { p = Pattern.compile(re, flags(f[2])); }
            catch (PatternSyntaxException e) { out.println("SYNTAX " + hex(e.getDescription()) + " " + e.getIndex()); continue; }
            try {
                Matcher m = p.matcher(s);
                switch (op) {
                    case "match": out.println("OK " + (m.find() ? "true" : "false")); break;
                    case "matches": {
                        StringBuilder sb = new StringBuilder("LIST");
                        if (m.find()) {
                            int last = 0;
                            for (int i = 0; i <= m.groupCount(); i++) if (m.group(i) != null) last = i;
                            for (int i = 0; i <= last; i++) { String g = m.group(i); sb.append(' ').append(hex(g == null ? "" : g)).append('.'); }
                        }
                        out.println(sb); break;
                    }
                    case "replace": out.println("OK " + hex(m.replaceAll(repl)) + "."); break;
                    case "split": {
                        StringBuilder sb = new StringBuilder("LIST");
                        for (String x : p.split(s, limit)) sb.append(' ').append(hex(x)).append('.');
                        out.println(sb); break;
                    }
                }
            } catch (IndexOutOfBoundsException e) { out.println("NOGROUP " + hex(String.valueOf(e.getMessage())));
            } catch (IllegalArgumentException e) { out.println("INVALID " + hex(String.valueOf(e.getMessage())));
            } catch (StackOverflowError e) { out.println("STACK"); }
        }
    }
}
