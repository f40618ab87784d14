//! Printing compiler errors: miette reports for people, one JSON object per line, GitHub
//! workflow-command annotations, or one SARIF document for code-scanning tools.

use std::io::Write;
use vmcs_pan::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ErrorFormat {
    /// miette diagnostics with source excerpts.
    Human,
    /// One JSON object per error on stderr.
    Json,
    /// `::error file=...,line=...::message` workflow commands.
    Github,
    /// A SARIF 2.1.0 log on stdout.
    Sarif,
}

/// Collects errors and prints them in the chosen format.
pub struct Reporter {
    format: ErrorFormat,
    sarif: Vec<serde_json::Value>,
    pub count: usize,
}

impl Reporter {
    pub fn new(format: ErrorFormat) -> Reporter {
        if format == ErrorFormat::Human && std::env::var_os("NO_COLOR").is_none() {
            let _ = miette::set_hook(Box::new(|_| {
                Box::new(miette::MietteHandlerOpts::new().build())
            }));
        }
        Reporter {
            format,
            sarif: Vec::new(),
            count: 0,
        }
    }

    pub fn error(&mut self, e: &Error) {
        self.count += 1;
        let mut err = std::io::stderr().lock();
        match self.format {
            ErrorFormat::Human => {
                let _ = writeln!(err, "{:?}", e.to_report());
            }
            ErrorFormat::Json => {
                let _ = writeln!(err, "{}", e.to_json());
            }
            ErrorFormat::Github => {
                let mut line = String::from("::error ");
                if let Some(f) = e.file_path() {
                    line.push_str(&format!("file={}", escape_prop(&f.display().to_string())));
                    if let Some((l, c)) = e.position() {
                        line.push_str(&format!(",line={l},col={c}"));
                    }
                    line.push(',');
                }
                line.push_str(&format!("title=pan {} error::", e.class.name()));
                line.push_str(&escape_data(&e.message));
                let _ = writeln!(std::io::stdout(), "{line}");
            }
            ErrorFormat::Sarif => {
                let mut result = serde_json::json!({
                    "ruleId": format!("pan/{}", e.class.name()),
                    "level": "error",
                    "message": { "text": e.message },
                });
                if let Some(f) = e.file_path() {
                    let mut region = serde_json::Map::new();
                    if let Some((l, c)) = e.position() {
                        region.insert("startLine".into(), l.into());
                        region.insert("startColumn".into(), c.into());
                    }
                    result["locations"] = serde_json::json!([{
                        "physicalLocation": {
                            "artifactLocation": { "uri": f.display().to_string() },
                            "region": region,
                        }
                    }]);
                }
                self.sarif.push(result);
            }
        }
    }

    /// Print whatever must come at the end (the SARIF document).
    pub fn finish(&mut self) {
        if self.format == ErrorFormat::Sarif {
            let rules: Vec<_> = ["parse", "syntax", "evaluation", "validation", "system"]
                .iter()
                .map(|c| serde_json::json!({ "id": format!("pan/{c}"), "shortDescription": { "text": format!("pan {c} error") } }))
                .collect();
            let doc = serde_json::json!({
                "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                "version": "2.1.0",
                "runs": [{
                    "tool": { "driver": { "name": "vmcs", "version": env!("CARGO_PKG_VERSION"), "rules": rules } },
                    "results": std::mem::take(&mut self.sarif),
                }]
            });
            println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
    }
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_prop(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}
