"""Hand-picked Java regex cases: syntax errors, line terminators, flags, replacement syntax, split edges."""
def h(s): return s.encode('utf-8').hex()
out = []
def add(op, re_, s, fl='', repl='', limit=0):
    out.append('\t'.join([op, h(re_), fl, h(s), h(repl), str(limit)]))

BAD = ['(', '[a-', 'a{', '{', 'a{2', 'a{3,2}', 'x**', 'x+*', '\\', '(?<n>a)(?<n>b)', '[b-a]', '\\k<x>', '(?q)', '\\p{Foo}',
       '\\i', '[]', '[^]', '(?<1a>x)', '\\x4', '\\x{110000}', '\\u12', '\\0', '\\08', '\\c', ')', 'a)', '(?<=a*)b', '(?<=a+)b',
       '\\p{IsFoo}', '\\p{InFoo}', '\\p{sc=Foo}', '[a-\\d]', '(?', '(?<', '(?<=', '(?P<n>a)', 'a{,3}', '\\b{g', '\\E',
       '(?<n', '(?<n>', '\\k', '\\k<', '\\kn', '[a', '[a-b', '[[a]', 'a|*', '(*)', '(?i', '(?$)', '(?@)', '\\p', '\\p{', '\\p{}',
       '\\xg1', '\\x{', '\\x{}', '\\x{12', '\\uD800\\uDC0', '\\1a\\2', '\\y', '\\C', '\\L', '(?<=\\1)a', '(?<=(a)\\1)', '[\\1]',
       '[\\b]', '[\\A]', '\\Z{2}', 'a{2147483648}', 'a{1,2147483648}', '(?<=.{0,})', '(?<=\\R)a', '(?<=\\X)', '[a-&&b]', '[&&]',
       'x{2}{3}', 'x{2}*', 'a??+', 'a*?+', '(?x)a #(', '(?x)[a #]', '\\Q(', '(?=a)*', '(?!)', '[a&&[b]&&[c]]', '\\v', '[\\v-x]',
       '\\N{LATIN SMALL LETTER A}', '\\p{IsLu}', '\\p{gc=Lu}', '\\p{general_category=L}', '\\p{sc=Latin}', '\\p{script=Latn}',
       '\\p{blk=Greek}', '\\p{block=BasicLatin}', '\\p{InBasic_Latin}', '\\p{IsWhite_Space}', '\\p{Latin}', '\\p{IsLATIN}',
       '\\p{isLatin}', '\\p{lower}', '\\p{IsPunctuation}', '\\p{javaWhitespace}', '\\p{javaMirrored}', '\\p{LC}', '\\p{LD}',
       '\\p{L1}', '\\p{all}', '\\p{IsEmoji}', '\\p{Cn}', '\\p{IsHex_Digit}', '(?U)\\w', '(?U)\\p{Alpha}', '(?U)\\p{alpha}']
INPUTS = ['', 'a', 'abc', 'ABC', 'a1 b2', 'é', 'Ωσ', '\n', 'a\nb', 'x\u2028y', '_-.', 'AbC1']
for re_ in BAD:
    for s in ['a', 'xAé 1\n_']:
        add('matches', re_, s)

TERM = ['', '\n', '\r', '\r\n', '\u0085', '\u2028', '\u2029', '\n\n', '\r\r', '\n\r', 'x']
for re_ in ['a$', 'a\\Z', 'a\\z', '$', '^', '(?m)^', '(?m)$', '(?d)a$', '(?md)$', '(?md)^', '(?m)^a', '.', '(?s).', '(?d).',
            'a.', '\\R', '\\R\\n', '\\v', '\\h', '[^a]', '\\s', '(?m)a$', '^$', '(?m)^$', '\\b', '\\B']:
    for t in TERM:
        for s in ['a' + t, t + 'a' + t, t]:
            add('replace', re_, s, repl='<$0>')
            add('matches', re_, s)

CI = ['k', 'K', '[k]', '[a-z]', '[^a-z]', '\\p{Lower}', '\\p{Upper}', '\\p{javaLowerCase}', '\\p{Lu}', 'é', '[é]', 'ß', 'σ',
      '[a-c&&b]', '(a)\\1', '\\x4B', '\\w', '[A-Z]', '[Z-a]', 'ſ', 'ǅ']
for re_ in CI:
    for fl in ['', 'i', 'iu', 'u']:
        add('replace', re_, 'kK\u212aaAzZ\u017fsSéÉßσΣςǅǄǆ_1 [', fl=fl, repl='<$0>')

REPL = ['$0', '$1', '$2', '$10', '$12', '${g}', '${h}', '${1}', '${}', '${g', '$', '\\', '\\$', '\\\\', '$a', 'x\\y', '$00', '${G}']
for re_ in ['(a)(b)?', '(?<g>a)', 'a', '(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)', 'x']:
    for r in REPL:
        add('replace', re_, 'abcdefghijklab', repl=r)

for re_ in [',', '', 'x*', ',?', '(?=b)', '\\b', '^', '$', 'a', '(?m)^', '.', 'b+']:
    for s in ['', ',', 'a,b,,', ',a,', 'aaa', 'abcba', 'bab', ',,,']:
        for limit in [0, -1, 1, 2, 5]:
            add('split', re_, s, limit=limit)
for re_ in ['', 'a*', 'b*', '(?=a)', 'x?', '\\b', '^', '$', '(?m)$', '(?m)^']:
    for s in ['', 'a', 'baaac', 'ab ab', 'a\nb\n']:
        add('replace', re_, s, repl='-')
print('\n'.join(out))
