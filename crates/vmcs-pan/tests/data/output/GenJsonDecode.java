// Generates tests/data/output/json_decode.txt: what panc's json_decode makes of each input, with Gson 2.10.
// Run: java -cp /usr/share/java/gson.jar GenJsonDecode.java > json_decode.txt
// Each line: input (escapes \n newline, \t tab, \B byte order mark, \\ backslash) TAB result: compact pretty JSON of the Pan value, `null`, or `error: message`.
import com.google.gson.*;
import java.util.*;

public class GenJsonDecode {
    static final String[] INPUTS = {
        "", "   ", "\\n\\t ", "null", "NULL", "nUlL", "true", "TRUE", "tRuE", "false", "1", "-1", "0", "-0", "1.5", "-0.5", "10.0",
        "1e2", "1.5e2", "1.0E+400", "1.5E-2", "12345678901234567890", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "007", "0.0", ".5", "1.", "+1", "0x10", "NaN", "Infinity", "-Infinity", "\"s\"", "'s'",
        "abc", "a b", "[1, \"two\", 3.5, true]", "[1, null, 2]", "[]", "{}", "[,]", "[1,,2]", "[1;2]", "[1,]", "[,1]",
        "{\"a\": 1, \"a\": 2}", "{\"a\": null, \"b\": 1}", "{\"a\": 1, \"a\": null}", "{'a': 1}", "{a: 1}", "{a = 1}", "{a => 1}",
        "{\"a\": 1; \"b\": 2}", "{\"x\": {\"y\": [1, {\"z\": []}]}, \"e\": {}}", "{bad json", "[1] x", "[1]  ", "[1] // c",
        "[1] # c", "[1] /* c */", "// c\\n[1]", "# c\\n[1]", "/* c */ [1]", "/* c  [1]", ")]}'\\n[1]", "\\B[1]", "[1",
        "[1,", "{", "{\"a\"", "{\"a\":", "{\"a\": 1", "{\"a\" 1}", "{,}", "{\"a\": 1,}", "[\"a]", "\"abc", "\"\\\\u00e9\"",
        "\"\\\\ud83d\\\\ude00\"", "\"\\\\ud83d\"", "\"\\\\u12g4\"", "\"\\\\u12\"", "\"\\\\x\"", "\"a\\\\nb\\\\t\\\\/\\\\'\\\\\"\"",
        "\"line\\nbreak\"", "[\\n1,\\n2 x]", "{\\n\"a\":\\n1\\n\"b\": 2}", "null garbage", "true false", "[true false]",
        "[truex]", "[nullx]", "[1.2.3]", "[-]", "[1e]", "[1e+]", "[--1]", "[01]", "[1 2]", "{\"a\": [1, {\"b\": [true, x y]}]}",
        "{\"k\": tru}", "[\"é😀\"]", "{\"list\": [[], [[]], {}], \"n\": -12.5e-3}", "'it''s'", "[' a ', \"b\"]", "=", "[=]",
        "{\"a\"=>1, b=2}", "[1]]", "{}}", "\"\\\\u2028\"", "[0, -0, 0.0, -0.0]", "[1E2]", "[1.0e2]", "[2.5E-3, 3.0E10]", "{\"a\": {\"b\": 1}, \"a\": {\"c\": 2}}", "[\"\\\\u0000\"]",
    };

    static String unescape(String in) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            if (c != '\\') { s.append(c); continue; }
            char n = in.charAt(++i);
            s.append(n == 'n' ? '\n' : n == 't' ? '\t' : n == 'B' ? '\uFEFF' : n);
        }
        return s.toString();
    }

    static JsonElement convert(JsonElement e) {
        if (e.isJsonNull()) return JsonNull.INSTANCE;
        if (e.isJsonObject()) {
            JsonObject o = new JsonObject();
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                if (m.getValue().isJsonNull()) continue;
                o.add(m.getKey(), convert(m.getValue()));
            }
            JsonObject sorted = new JsonObject();
            new TreeMap<>(o.asMap()).forEach(sorted::add);
            return sorted;
        }
        if (e.isJsonArray()) {
            JsonArray a = new JsonArray();
            for (JsonElement x : e.getAsJsonArray()) a.add(convert(x));
            return a;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isNumber()) {
            String s = p.getAsString();
            return s.contains(".") ? new JsonPrimitive(Double.parseDouble(s)) : new JsonPrimitive(Long.parseLong(s));
        }
        return p;
    }

    public static void main(String[] a) {
        Gson gson = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();
        StringBuilder sb = new StringBuilder();
        for (String in : INPUTS) {
            String s = unescape(in);
            String result;
            try {
                JsonElement v = convert(JsonParser.parseString(s));
                if (v.isJsonNull()) result = "null";
                else {
                    StringBuilder c = new StringBuilder();
                    for (String line : gson.toJson(v).split("\n", -1)) c.append(line.replaceAll("^\\s+", ""));
                    result = c.toString();
                }
            } catch (JsonParseException ex) {
                result = "error: " + ex.getMessage();
            } catch (NumberFormatException ex) {
                result = "error: " + ex.getMessage();
            }
            sb.append(in).append('\t').append(result).append('\n');
        }
        System.out.print(sb);
    }
}
