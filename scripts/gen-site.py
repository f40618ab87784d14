#!/usr/bin/env python3
"""Generate a Pan site for benchmarks: 50 library templates (functions with loops, types with
ranges/regexes/defaults, structure templates used with create()) and N object templates, each
including 10 libraries, calling create() and making 20 overrides.

usage: gen-site.py OUT [N_OBJECTS]"""
import os, sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
os.makedirs(f"{out}/site/lib", exist_ok=True)
os.makedirs(f"{out}/site/nodes", exist_ok=True)

def w(path, text):
    with open(f"{out}/site/{path}", "w") as f:
        f.write(text)

w("lib/functions.pan", """declaration template lib/functions;

function sum_list = {
    total = 0;
    foreach (i; v; ARGV[0]) total = total + v;
    total;
};

function port_range = {
    result = list();
    p = ARGV[0];
    while (p < ARGV[0] + ARGV[1]) {
        result[length(result)] = p;
        p = p + 1;
    };
    result;
};

function label = format('%s-%03d', ARGV[0], ARGV[1]);

type short_name = string(1..32) with match(SELF, '^[a-z][a-z0-9-]*$');
""")
w("lib/disk.pan", """structure template lib/disk;

'size' = 1024;
'format' = 'qcow2';
'mount' = '/data';
""")
for i in range(48):
    w(f"lib/comp{i:02d}.pan", f"""unique template lib/comp{i:02d};

include 'lib/functions';

type comp{i:02d}_t = {{
    'enabled' : boolean = true
    'port' : long(1..65535) = {8000 + i}
    'name' : short_name = 'svc{i:02d}'
    'workers' : long(1..64) = 4
    'ports' : long(1..65535)[] = list({9000 + 10 * i}, {9001 + 10 * i})
    'weight' : double(0..1) = 0.5
    'disk' ? dict
}};

bind '/comp/c{i:02d}' = comp{i:02d}_t;
'/comp/c{i:02d}/name' = label('svc', {i});
'/comp/c{i:02d}/ports' = port_range({9000 + 10 * i}, 4);
'/comp/c{i:02d}/disk' = create('lib/disk', 'size', {512 + i});
""")
for j in range(n):
    libs = [(j * 7 + k * 5) % 48 for k in range(10)]
    libs = sorted(set(libs))
    body = [f"object template nodes/node{j:04d};", "", "include 'lib/functions';"]
    body += [f"include 'lib/comp{c:02d}';" for c in libs]
    body.append(f"'/hostname' = 'node{j:04d}';")
    for k in range(20):
        c = libs[k % len(libs)]
        if k % 2 == 0:
            body.append(f"'/comp/c{c:02d}/workers' = {1 + (j + k) % 64};")
        else:
            body.append(f"'/comp/c{c:02d}/port' = {1024 + (j * 20 + k) % 60000};")
    body.append(f"'/total' = sum_list(list({j}, {k}, 3, 4));")
    w(f"nodes/node{j:04d}.pan", "\n".join(body) + "\n")
print(f"{n} objects and 50 library templates in {out}/site")
