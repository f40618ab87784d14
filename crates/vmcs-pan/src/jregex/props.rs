//! Java's character properties (`\p{...}`) and predefined classes as regex-crate class text.
//!
//! The resolution order is JDK 17's `Pattern.family`: `name=value` forms (`sc`, `blk`, `gc`),
//! `In` + block, `Is` + binary property / category / script, then the bare names (categories,
//! the ASCII-only POSIX classes and the `java*` methods of `Character`). POSIX names become
//! Unicode classes only under `UNICODE_CHARACTER_CLASS`. The regex crate has no Unicode blocks, so
//! blocks come from a table of the common ones.

use super::{CASE_INSENSITIVE, UNICODE_CHARACTER_CLASS};

pub(super) const UNICODE_WORD: &str = r"[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]";
pub(super) const UNICODE_NON_WORD: &str = r"[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]";
pub(super) const HORIZONTAL_SPACE: &str =
    r"[\x{20}\x{9}\x{A0}\x{1680}\x{180E}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}]";
pub(super) const NON_HORIZONTAL_SPACE: &str =
    r"[^\x{20}\x{9}\x{A0}\x{1680}\x{180E}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}]";

const ANY_CASE: &str = r"[\p{Lowercase}\p{Uppercase}\p{Lt}]";
const CASED_LETTER: &str = r"[\p{Lu}\p{Ll}\p{Lt}]";
const IGNORABLE: &str = r"\x{0}-\x{8}\x{E}-\x{1B}\x{7F}-\x{9F}\p{Cf}";
const GRAPH: &str = r"[^\p{White_Space}\p{Cc}\p{Cs}\p{Cn}]";
const PRINT: &str = r"[[[^\p{White_Space}\p{Cc}\p{Cs}\p{Cn}]\p{Zs}\x{9}]&&[^\p{Cc}]]";
const HEX_DIGIT: &str = r"[\p{Nd}\p{Hex_Digit}]";

/// The class for property `name` (`\p{name}`, or `\P{name}` when `negated`).
pub(super) fn property(name: &str, negated: bool, flags: u32) -> Result<String, String> {
    let ci = flags & CASE_INSENSITIVE != 0;
    let class = if let Some((key, value)) = name.split_once('=') {
        let key = key.to_ascii_lowercase();
        let found = match key.as_str() {
            "sc" | "script" => script(value),
            "blk" | "block" => block(value),
            "gc" | "general_category" => general(value, ci),
            _ => None,
        };
        found
            .ok_or_else(|| format!("Unknown Unicode property {{name=<{key}>, value=<{value}>}}"))?
    } else if let Some(b) = name.strip_prefix("In") {
        block(b).ok_or_else(|| format!("Unknown character property name {{{name}}}"))?
    } else if let Some(s) = name.strip_prefix("Is") {
        binary(s, ci)
            .or_else(|| general(s, ci))
            .or_else(|| script(s))
            .ok_or_else(|| format!("Unknown character property name {{{name}}}"))?
    } else {
        let posix = if flags & UNICODE_CHARACTER_CLASS != 0 {
            posix_unicode(name, ci)
        } else {
            None
        };
        posix
            .or_else(|| general(name, ci))
            .ok_or_else(|| format!("Unknown character property name {{{name}}}"))?
    };
    Ok(if !negated {
        class
    } else if let Some(rest) = class.strip_prefix(r"\p") {
        format!(r"\P{rest}")
    } else if let Some(rest) = class.strip_prefix(r"\P") {
        format!(r"\p{rest}")
    } else {
        format!("[^{class}]")
    })
}

fn p(name: &str) -> Option<String> {
    Some(format!(r"\p{{{name}}}"))
}

fn s(text: &str) -> Option<String> {
    Some(text.to_string())
}

/// Java's `CharPredicates.forProperty`: categories, POSIX (ASCII) and `java*` names.
fn general(name: &str, ci: bool) -> Option<String> {
    match name {
        "Lu" | "Ll" | "Lt" if ci => s(CASED_LETTER),
        "Cn" | "Lu" | "Ll" | "Lt" | "Lm" | "Lo" | "Mn" | "Me" | "Mc" | "Nd" | "Nl" | "No"
        | "Zs" | "Zl" | "Zp" | "Cc" | "Cf" | "Co" | "Cs" | "Pd" | "Ps" | "Pe" | "Pc" | "Po"
        | "Sm" | "Sc" | "Sk" | "So" | "Pi" | "Pf" | "L" | "M" | "N" | "Z" | "C" | "P" | "S" => {
            p(name)
        }
        "LC" => s(CASED_LETTER),
        "LD" => s(r"[\p{L}\p{Nd}]"),
        "L1" => s(r"[\x{0}-\x{FF}]"),
        "all" => s(r"[\x{0}-\x{10FFFF}]"),
        "ASCII" => s(r"[\x{0}-\x{7F}]"),
        "Alnum" => s("[0-9a-zA-Z]"),
        "Alpha" => s("[a-zA-Z]"),
        "Blank" => s(r"[\x{20}\x{9}]"),
        "Cntrl" => s(r"[\x{0}-\x{1F}\x{7F}]"),
        "Digit" => s("[0-9]"),
        "Graph" => s(r"[\x{21}-\x{7E}]"),
        "Lower" => s(if ci { "[a-zA-Z]" } else { "[a-z]" }),
        "Print" => s(r"[\x{20}-\x{7E}]"),
        "Punct" => s(r"[\x{21}-\x{2F}\x{3A}-\x{40}\x{5B}-\x{60}\x{7B}-\x{7E}]"),
        "Space" => s(r"[\x{9}-\x{D}\x{20}]"),
        "Upper" => s(if ci { "[a-zA-Z]" } else { "[A-Z]" }),
        "XDigit" => s("[0-9a-fA-F]"),
        "javaLowerCase" => s(if ci { ANY_CASE } else { r"\p{Lowercase}" }),
        "javaUpperCase" => s(if ci { ANY_CASE } else { r"\p{Uppercase}" }),
        "javaTitleCase" => s(if ci { ANY_CASE } else { r"\p{Lt}" }),
        "javaAlphabetic" => p("Alphabetic"),
        "javaIdeographic" => p("Ideographic"),
        "javaDigit" => p("Nd"),
        "javaDefined" => s(r"\P{Cn}"),
        "javaLetter" => p("L"),
        "javaLetterOrDigit" => s(r"[\p{L}\p{Nd}]"),
        "javaJavaIdentifierStart" => s(r"[\p{L}\p{Nl}\p{Sc}\p{Pc}]"),
        "javaJavaIdentifierPart" => Some(format!(
            r"[\p{{L}}\p{{Sc}}\p{{Pc}}\p{{Nd}}\p{{Nl}}\p{{Mc}}\p{{Mn}}{IGNORABLE}]"
        )),
        "javaUnicodeIdentifierStart" => s(r"[\p{ID_Start}\x{2E2F}]"),
        "javaUnicodeIdentifierPart" => Some(format!(r"[\p{{ID_Continue}}\x{{2E2F}}{IGNORABLE}]")),
        "javaIdentifierIgnorable" => Some(format!("[{IGNORABLE}]")),
        "javaSpaceChar" => p("Z"),
        "javaWhitespace" => s(r"[[\x{9}-\x{D}\x{1C}-\x{1F}\p{Z}]&&[^\x{A0}\x{2007}\x{202F}]]"),
        "javaISOControl" => s(r"[\x{0}-\x{1F}\x{7F}-\x{9F}]"),
        "javaMirrored" => p("Bidi_Mirrored"),
        _ => None,
    }
}

/// Java's `CharPredicates.forUnicodeProperty` (binary properties after `Is`).
fn binary(name: &str, ci: bool) -> Option<String> {
    match name.to_ascii_uppercase().as_str() {
        "ALPHABETIC" => p("Alphabetic"),
        "ASSIGNED" => s(r"\P{Cn}"),
        "CONTROL" => p("Cc"),
        "HEXDIGIT" | "HEX_DIGIT" => s(HEX_DIGIT),
        "IDEOGRAPHIC" => p("Ideographic"),
        "JOINCONTROL" | "JOIN_CONTROL" => p("Join_Control"),
        "LETTER" => p("L"),
        "LOWERCASE" => s(if ci { ANY_CASE } else { r"\p{Lowercase}" }),
        "UPPERCASE" => s(if ci { ANY_CASE } else { r"\p{Uppercase}" }),
        "TITLECASE" => s(if ci { ANY_CASE } else { r"\p{Lt}" }),
        "NONCHARACTERCODEPOINT" | "NONCHARACTER_CODE_POINT" => p("Noncharacter_Code_Point"),
        "PUNCTUATION" => p("P"),
        "WHITESPACE" | "WHITE_SPACE" => p("White_Space"),
        "WORD" => s(UNICODE_WORD),
        "ALNUM" => s(r"[\p{Alphabetic}\p{Nd}]"),
        "BLANK" => s(r"[\p{Zs}\x{9}]"),
        "GRAPH" => s(GRAPH),
        "PRINT" => s(PRINT),
        _ => None,
    }
}

/// POSIX names under `UNICODE_CHARACTER_CLASS` (Java's `forPOSIXName`).
fn posix_unicode(name: &str, ci: bool) -> Option<String> {
    match name.to_ascii_uppercase().as_str() {
        "ALPHA" => p("Alphabetic"),
        "LOWER" => s(if ci { ANY_CASE } else { r"\p{Lowercase}" }),
        "UPPER" => s(if ci { ANY_CASE } else { r"\p{Uppercase}" }),
        "SPACE" => p("White_Space"),
        "PUNCT" => p("P"),
        "XDIGIT" => s(HEX_DIGIT),
        "ALNUM" => s(r"[\p{Alphabetic}\p{Nd}]"),
        "CNTRL" => p("Cc"),
        "DIGIT" => p("Nd"),
        "BLANK" => s(r"[\p{Zs}\x{9}]"),
        "GRAPH" => s(GRAPH),
        "PRINT" => s(PRINT),
        _ => None,
    }
}

/// A script by name or alias (`Latin`, `LATIN`, `Latn`), checked against the regex crate.
fn script(name: &str) -> Option<String> {
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    let class = format!(r"\p{{sc={name}}}");
    regex::Regex::new(&class).ok().map(|_| class)
}

/// Unicode blocks the regex crate lacks: the common ones, by any of Java's spellings.
fn block(name: &str) -> Option<String> {
    let key: String = name
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .collect::<String>()
        .to_ascii_lowercase();
    let (lo, hi): (u32, u32) = match key.as_str() {
        "basiclatin" => (0x0000, 0x007F),
        "latin1supplement" => (0x0080, 0x00FF),
        "latinextendeda" => (0x0100, 0x017F),
        "latinextendedb" => (0x0180, 0x024F),
        "ipaextensions" => (0x0250, 0x02AF),
        "spacingmodifierletters" => (0x02B0, 0x02FF),
        "combiningdiacriticalmarks" => (0x0300, 0x036F),
        "greek" | "greekandcoptic" => (0x0370, 0x03FF),
        "cyrillic" => (0x0400, 0x04FF),
        "armenian" => (0x0530, 0x058F),
        "hebrew" => (0x0590, 0x05FF),
        "arabic" => (0x0600, 0x06FF),
        "devanagari" => (0x0900, 0x097F),
        "thai" => (0x0E00, 0x0E7F),
        "georgian" => (0x10A0, 0x10FF),
        "hanguljamo" => (0x1100, 0x11FF),
        "latinextendedadditional" => (0x1E00, 0x1EFF),
        "greekextended" => (0x1F00, 0x1FFF),
        "generalpunctuation" => (0x2000, 0x206F),
        "superscriptsandsubscripts" => (0x2070, 0x209F),
        "currencysymbols" => (0x20A0, 0x20CF),
        "letterlikesymbols" => (0x2100, 0x214F),
        "numberforms" => (0x2150, 0x218F),
        "arrows" => (0x2190, 0x21FF),
        "mathematicaloperators" => (0x2200, 0x22FF),
        "miscellaneoustechnical" => (0x2300, 0x23FF),
        "boxdrawing" => (0x2500, 0x257F),
        "blockelements" => (0x2580, 0x259F),
        "geometricshapes" => (0x25A0, 0x25FF),
        "miscellaneoussymbols" => (0x2600, 0x26FF),
        "dingbats" => (0x2700, 0x27BF),
        "cjksymbolsandpunctuation" => (0x3000, 0x303F),
        "hiragana" => (0x3040, 0x309F),
        "katakana" => (0x30A0, 0x30FF),
        "cjkunifiedideographs" => (0x4E00, 0x9FFF),
        "hangulsyllables" => (0xAC00, 0xD7AF),
        "privateusearea" => (0xE000, 0xF8FF),
        "alphabeticpresentationforms" => (0xFB00, 0xFB4F),
        "halfwidthandfullwidthforms" => (0xFF00, 0xFFEF),
        "specials" => (0xFFF0, 0xFFFF),
        "emoticons" => (0x1F600, 0x1F64F),
        _ => return None,
    };
    Some(format!(r"[\x{{{lo:X}}}-\x{{{hi:X}}}]"))
}
