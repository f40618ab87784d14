"""Join generated cases with Java's answers into JSON lines for the Rust test."""
import json, sys
cases = open(sys.argv[1], encoding='utf-8').read().split('\n')
answers = open(sys.argv[2], encoding='utf-8').read().split('\n')
def u(hx):
    return bytes.fromhex(hx).decode('utf-8')
for c, a in zip(cases, answers):
    if not c.strip():
        continue
    op, re_, fl, s, repl, limit = c.split('\t')
    kind, _, rest = a.partition(' ')
    if kind == 'STACK':
        continue
    rec = {'op': op, 're': u(re_), 'flags': fl, 's': u(s)}
    if op == 'replace':
        rec['repl'] = u(repl)
    if op == 'split':
        rec['limit'] = int(limit)
    if kind == 'OK':
        v = rest
        rec['expect'] = v == 'true' if v in ('true', 'false') else u(v[:-1])
    elif kind == 'LIST':
        rec['expect'] = [u(x[:-1]) for x in rest.split(' ') if x]
    elif kind == 'SYNTAX':
        d, idx = rest.split(' ')
        rec['error'] = 'syntax: ' + u(d)
    elif kind == 'INVALID':
        rec['error'] = 'invalid'
    elif kind == 'NOGROUP':
        rec['error'] = 'nogroup: ' + u(rest)
    print(json.dumps(rec, ensure_ascii=False))
