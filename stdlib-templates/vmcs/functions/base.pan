@{
Small helper functions used by the types and the rules: membership, addresses, Pan
literals and the rule failure protocol.
}
declaration template vmcs/functions/base;

@documentation{
`vmcs_one_of(value, choices)`: true when `value` equals one of the list `choices`.
}
function vmcs_one_of = {
    foreach (i; c; ARGV[1]) {
        if (c == ARGV[0]) return(true);
    };
    false;
};

@documentation{
`vmcs_keys_match(dict, regex)`: true when every key of `dict` matches `regex`. Types use it
to check names that a dict holds as keys (unit names, environment variables).
}
function vmcs_keys_match = {
    foreach (k; v; ARGV[0]) {
        if (!match(k, ARGV[1])) return(false);
    };
    true;
};

@documentation{
`vmcs_all_match(list, regex)`: true when every element of `list` is a string matching
`regex`.
}
function vmcs_all_match = {
    foreach (i; v; ARGV[0]) {
        if (!is_string(v) || !match(v, ARGV[1])) return(false);
    };
    true;
};

@documentation{
`vmcs_count(list_or_dict)`: the number of elements (0 for undef or null).
}
function vmcs_count = {
    if (!is_defined(ARGV[0])) return(0);
    length(ARGV[0]);
};

@documentation{
`vmcs_basename(path)`: the last component of a `/`-separated name (`net/web` gives `web`).
Used to derive the VM name from `OBJECT`.
}
function vmcs_basename = {
    parts = split('/', ARGV[0]);
    parts[length(parts) - 1];
};

@documentation{
`vmcs_ipv4_to_long(address)`: the 32-bit number of a dotted-quad IPv4 address, or undef
when the string is not one (each part 0 to 255, no leading zeros).
}
function vmcs_ipv4_to_long = {
    m = matches(ARGV[0], '^(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})$');
    if (length(m) != 5) return(undef);
    n = 0;
    foreach (i; part; splice(m, 0, 1)) {
        b = to_long(part);
        if (b > 255) return(undef);
        n = n * 256 + b;
    };
    n;
};

@documentation{
`vmcs_is_ipv4(string)`: true for a dotted-quad IPv4 address.
}
function vmcs_is_ipv4 = is_defined(vmcs_ipv4_to_long(ARGV[0]));

@documentation{
`vmcs_long_to_ipv4(n)`: the dotted-quad form of a 32-bit number.
}
function vmcs_long_to_ipv4 = {
    n = ARGV[0];
    format('%d.%d.%d.%d', (n / 16777216) % 256, (n / 65536) % 256, (n / 256) % 256, n % 256);
};

@documentation{
`vmcs_ipv4_block(prefix)`: the number of addresses in a subnet of that prefix length
(2 to the power 32 - prefix).
}
function vmcs_ipv4_block = {
    b = 1;
    i = ARGV[0];
    while (i < 32) {
        b = b * 2;
        i = i + 1;
    };
    b;
};

@documentation{
`vmcs_ipv4_network(address, prefix)`: the network number (a long) of `address` in a subnet
of length `prefix`.
}
function vmcs_ipv4_network = {
    block = vmcs_ipv4_block(ARGV[1]);
    (vmcs_ipv4_to_long(ARGV[0]) / block) * block;
};

@documentation{
`vmcs_ipv4_same_subnet(a, b, prefix)`: true when both addresses are in the same subnet.
}
function vmcs_ipv4_same_subnet = vmcs_ipv4_network(ARGV[0], ARGV[2]) == vmcs_ipv4_network(ARGV[1], ARGV[2]);

@documentation{
`vmcs_pan_literal(value)`: Pan source text that evaluates to `value` (strings, numbers,
booleans, null, lists and dicts). Rules use it to write the `fix:` line of a failure.
}
function vmcs_pan_literal = {
    v = ARGV[0];
    if (is_null(v)) return('null');
    if (is_string(v)) return("'" + replace("'", "''", v) + "'");
    if (is_list(v)) {
        s = '';
        foreach (i; e; v) {
            if (i > 0) s = s + ', ';
            s = s + vmcs_pan_literal(e);
        };
        return('list(' + s + ')');
    };
    if (is_dict(v)) {
        s = '';
        foreach (k; e; v) {
            if (s != '') s = s + ', ';
            s = s + "'" + k + "', " + vmcs_pan_literal(e);
        };
        return('dict(' + s + ')');
    };
    to_string(v);
};

@documentation{
`vmcs_rule_fail(id, text, path, suggest[, fix_path, fix_value])`: report a failed
knowledge-center rule and stop. `path` is the element the user should change, `suggest`
the help shown with the error, and `fix_path`/`fix_value` (any Pan value) the correction
`vmcs fix` writes. The message follows the rule failure protocol:
`[vmcs-rule ID] text`, then `path:`, `suggest:` and `fix:` lines.
}
function vmcs_rule_fail = {
    msg = '[vmcs-rule ' + ARGV[0] + '] ' + ARGV[1];
    if (ARGC > 2 && is_string(ARGV[2])) msg = msg + "\npath: " + ARGV[2];
    if (ARGC > 3 && is_string(ARGV[3])) msg = msg + "\nsuggest: " + ARGV[3];
    if (ARGC > 5) msg = msg + "\nfix: " + ARGV[4] + ' = ' + vmcs_pan_literal(ARGV[5]);
    error(msg);
};

@documentation{
`vmcs_merge(a, b)`: a dict with the entries of `a` (undef counts as empty) and those of
`b`, `b` winning on shared keys. Use it as
`'/software/packages' = vmcs_merge(SELF, vmcs_packages(list('gcc')));`.
}
function vmcs_merge = {
    d = dict();
    if (is_dict(ARGV[0])) d = ARGV[0];
    foreach (k; v; ARGV[1]) {
        d[k] = v;
    };
    d;
};

@documentation{
`vmcs_rule_fail_delete(id, text, path, suggest, fix_path)`: like `vmcs_rule_fail`, with a
fix that deletes `fix_path` (`fix: fix_path = null`). A separate function because a `null`
argument does not reach a function's `ARGV`.
}
function vmcs_rule_fail_delete = {
    error('[vmcs-rule ' + ARGV[0] + '] ' + ARGV[1] + "\npath: " + ARGV[2] + "\nsuggest: " + ARGV[3]
        + "\nfix: " + ARGV[4] + ' = null');
};
