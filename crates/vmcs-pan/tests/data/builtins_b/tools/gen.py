"""Generate random Java regex cases (pattern, flags, input, op) for differential testing."""
import random, sys
rnd = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
N = int(sys.argv[2]) if len(sys.argv) > 2 else 2000

LITS = ['a', 'b', 'c', 'A', 'B', '1', '2', ' ', '-', '_', r'\.', '.', 'é', 'É', r'\n', r'\t', r'\x41', r'\u00e9', r'\0101', r'\cJ', r'\-', r'\$', r'\\', 'ß', 'k', 'K', 'σ', 'Σ', 'ſ', r'\e', '/', ',', ':', '=']
CLASSES = [r'\d', r'\D', r'\w', r'\W', r'\s', r'\S', r'\h', r'\H', r'\v', r'\V', r'\p{Alpha}', r'\p{Lower}', r'\p{Upper}', r'\p{Punct}',
           r'\p{L}', r'\p{Lu}', r'\p{IsLatin}', r'\p{javaLowerCase}', r'\p{javaUpperCase}', r'\P{L}', r'\pL', r'\p{IsAlphabetic}',
           r'\p{Digit}', r'\p{Space}', r'\p{XDigit}', r'\p{Alnum}', r'\p{ASCII}', r'\p{InGreek}', r'\p{IsGreek}', r'\p{Sc}', r'\p{IsLowercase}',
           '[abc]', '[a-c]', '[^a]', '[^a-c]', '[a-cA]', '[a-z&&[^aeiou]]', '[\\w&&[^\\d]]', '[a[bc]]', '[]a]', '[^]a]', '[a-]', '[-a]',
           '[\\d-z]', '[.]', '[\\p{L}&&\\p{Lu}]', '[a&&b]', '[^\\s]', '[\\Qa-c\\E]', '[é-ê]', '[A-Z&&[^B]]', '[a-z&&]', '[b-dx&&c-z]', '[ab&&bc]',
           '[\\x41-\\x43]', '[&]', '[a&b]', '[\\n\\r]', '[\\[\\]]', '[K]', '[k]', '[Z-a]']
ANCH = ['^', '$', r'\b', r'\B', r'\A', r'\z', r'\Z', r'\R']
FLAGS_INLINE = ['(?i)', '(?m)', '(?s)', '(?x)', '(?u)', '(?iu)', '(?-i)', '(?d)', '(?U)', '(?im)']

def atom(d):
    r = rnd.random()
    if d > 3 or r < 0.35:
        return rnd.choice(LITS)
    if r < 0.55:
        return rnd.choice(CLASSES)
    if r < 0.62:
        return rnd.choice(ANCH)
    if r < 0.67:
        return '.'
    if r < 0.80:
        kind = rnd.choice(['(', '(', '(?:', '(?<g{}>', '(?=', '(?!', '(?>', '(?i:', '(?s:', '(?x:'])
        if '<g' in kind:
            kind = kind.format(rnd.randint(1, 3))
        return kind + expr(d + 1) + ')'
    if r < 0.84:
        body = rnd.choice(['a', 'ab', 'a|bc', r'\d', '[ab]', 'a{2}', 'b|', '(?:a|b)c'])
        return rnd.choice(['(?<=', '(?<!']) + body + ')'
    if r < 0.90:
        return rnd.choice([r'\1', r'\2', r'\k<g1>', r'\10'])
    if r < 0.95:
        return rnd.choice(FLAGS_INLINE)
    return r'\Q' + rnd.choice(['a.b', '*', '(x)', 'a\\b', '$']) + r'\E'

def quant():
    r = rnd.random()
    if r < 0.6:
        return ''
    q = rnd.choice(['*', '+', '?', '{2}', '{1,3}', '{0,1}', '{2,}', '{0}'])
    m = rnd.choice(['', '', '', '?', '+'])
    return q + m

def seq(d):
    return ''.join(atom(d) + quant() for _ in range(rnd.randint(0 if d else 1, 4)))

def expr(d=0):
    parts = [seq(d)]
    while rnd.random() < 0.25:
        parts.append(seq(d))
    return '|'.join(parts)

ALPH = ['a', 'b', 'c', 'A', 'B', 'C', '1', '2', ' ', '\n', '\r', '.', '-', '_', 'é', 'É', 'ß', 'k', 'K', '\u212a', 'ſ', 'σ', 'Σ', 'ς', '\u2028', '\u0085', '\t', 'x', 'aa', 'ab', 'bc', '日', '\u00a0', '$', '\\', '/', ',', ':', '=', 'Ω']
def text():
    return ''.join(rnd.choice(ALPH) for _ in range(rnd.randint(0, 8)))

REPLS = ['-', '<$0>', '$1', '[$1|$2]', '\\$', '\\\\', 'x${g1}y', '', '$', '$9', '$x', '${', '${1}', 'a\\', '$11', '$0$0', '${g2}']

def h(s):
    return s.encode('utf-8').hex()

out = []
for i in range(N):
    re_ = expr()
    fl = rnd.choice(['', '', '', 'i', 'm', 's', 'x', 'iu', 'ims', 'u'])
    op = rnd.choice(['match', 'matches', 'matches', 'replace', 'split'])
    repl = rnd.choice(REPLS) if op == 'replace' else ''
    limit = rnd.choice([0, 0, 0, -1, 1, 2, 3]) if op == 'split' else 0
    for _ in range(2):
        out.append('\t'.join([op, h(re_), fl, h(text()), h(repl), str(limit)]))
print('\n'.join(out))
