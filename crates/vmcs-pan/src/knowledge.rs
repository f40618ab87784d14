//! Knowledge-center rule failures: how a rule written in Pan reports itself so that the
//! diagnostic names the rule, points at the user's assignment and carries the suggestion.
//!
//! A rule is a `valid`/`with` clause that calls `error()` with a message of this form:
//!
//! ```text
//! [vmcs-rule hw.arch-64bit-os] a 64-bit OS cannot run on 32-bit hardware
//! path: /hardware/arch
//! suggest: set /hardware/arch to 'amd64' or choose an i386 suite
//! fix: /hardware/arch = 'amd64'
//! ```
//!
//! Only the first line is required. `path` is the element the user should change (the
//! diagnostic points at where the profile assigned it), `suggest` becomes the help text, and
//! `fix` (a path and a Pan literal) is what `vmcs fix` writes into the user's template.

use serde::Serialize;

/// A parsed rule failure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleHit {
    pub id: String,
    pub text: String,
    pub path: Option<String>,
    pub suggest: Option<String>,
    pub fix: Option<Fix>,
}

/// A concrete correction: assign `value` (Pan source text) to `path`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fix {
    pub path: String,
    pub value: String,
}

/// Recognise a rule failure in an `error()` message (with or without panc's
/// `[object] user-initiated error: ` prefix).
pub fn parse(message: &str) -> Option<RuleHit> {
    let start = message.find("[vmcs-rule ")?;
    let body = &message[start + "[vmcs-rule ".len()..];
    let close = body.find(']')?;
    let id = body[..close].trim().to_string();
    let mut lines = body[close + 1..].lines();
    let text = lines.next().unwrap_or("").trim().to_string();
    let mut hit = RuleHit {
        id,
        text,
        path: None,
        suggest: None,
        fix: None,
    };
    for l in lines {
        let l = l.trim();
        if let Some(p) = l.strip_prefix("path:") {
            hit.path = Some(p.trim().to_string());
        } else if let Some(s) = l.strip_prefix("suggest:") {
            hit.suggest = Some(s.trim().to_string());
        } else if let Some(f) = l.strip_prefix("fix:") {
            if let Some((p, v)) = f.split_once('=') {
                hit.fix = Some(Fix {
                    path: p.trim().to_string(),
                    value: v.trim().to_string(),
                });
            }
        }
    }
    Some(hit)
}

/// Rewrite the template so that `fix.path` gets `fix.value`: replace the value of the last
/// assignment of exactly that path (dropping the statement when the value is `null`), or
/// append an assignment after the last statement.
pub fn apply_fix(text: &str, fix: &Fix) -> Result<String, String> {
    let parsed = vmcs_syntax::parse(text);
    let tpl = parsed
        .template
        .ok_or_else(|| "the template does not parse; fix its syntax first".to_string())?;
    if tpl.kind != vmcs_syntax::TemplateKind::Object {
        return Err("`vmcs fix` corrects object templates".to_string());
    }
    let mut target = None;
    let mut last_end = 0usize;
    for s in &tpl.statements {
        last_end = last_end.max(s.span.end as usize);
        if let vmcs_syntax::StmtKind::Assign { path, value, .. } = &s.kind {
            if path.text == fix.path {
                target = Some((s.span, value.span));
            }
        }
    }
    let mut out = String::with_capacity(text.len() + 64);
    match target {
        Some((stmt, _)) if fix.value == "null" => {
            // Drop the whole line when the statement is alone on it.
            let (start, end) = (stmt.start as usize, stmt.end as usize);
            let line_start = text[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
            let line_end = text[end..]
                .find('\n')
                .map(|i| end + i + 1)
                .unwrap_or(text.len());
            let alone =
                text[line_start..start].trim().is_empty() && text[end..line_end].trim().is_empty();
            if alone {
                out.push_str(&text[..line_start]);
                out.push_str(&text[line_end..]);
            } else {
                out.push_str(&text[..start]);
                out.push_str(&text[end..]);
            }
        }
        Some((_, value)) => {
            out.push_str(&text[..value.start as usize]);
            out.push_str(&fix.value);
            out.push_str(&text[value.end as usize..]);
        }
        None => {
            let insert_at = text[last_end..]
                .find('\n')
                .map(|i| last_end + i + 1)
                .unwrap_or(text.len());
            out.push_str(&text[..insert_at]);
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&format!(
                "{} = {};\n",
                pan_path_literal(&fix.path),
                fix.value
            ));
            out.push_str(&text[insert_at..]);
        }
    }
    Ok(out)
}

fn pan_path_literal(path: &str) -> String {
    if path.contains('\'') {
        format!("\"{}\"", path.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        format!("'{path}'")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_full_rule_message() {
        let m = "[node1] user-initiated error: [vmcs-rule mem.max-below-initial] maxmem is below memory\npath: /hardware/maxmem\nsuggest: raise maxmem to 1024\nfix: /hardware/maxmem = 1024";
        let h = parse(m).unwrap();
        assert_eq!(h.id, "mem.max-below-initial");
        assert_eq!(h.text, "maxmem is below memory");
        assert_eq!(h.path.as_deref(), Some("/hardware/maxmem"));
        assert_eq!(h.suggest.as_deref(), Some("raise maxmem to 1024"));
        assert_eq!(
            h.fix,
            Some(Fix {
                path: "/hardware/maxmem".into(),
                value: "1024".into()
            })
        );
    }

    #[test]
    fn plain_errors_are_not_rules() {
        assert!(parse("[x] user-initiated error: nope").is_none());
    }
}
