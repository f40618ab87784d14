//! Parse Pan files and print their errors (or, with `--ast`, their syntax tree).
//!
//! `cargo run -p vmcs-syntax --example pan_parse -- [--ast] FILE...`

fn main() {
    let mut show_ast = false;
    for arg in std::env::args().skip(1) {
        if arg == "--ast" {
            show_ast = true;
            continue;
        }
        let src = match std::fs::read_to_string(&arg) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{arg}: {e}");
                continue;
            }
        };
        let parsed = vmcs_syntax::parse(&src);
        let index = vmcs_syntax::LineIndex::new(&src);
        for e in &parsed.errors {
            let (l1, c1) = index.line_col(&src, e.span.start);
            let (l2, c2) = index.line_col(&src, e.span.end);
            println!("{arg}:{l1}.{c1}-{l2}.{c2}: {:?}: {}", e.class, e.message);
            if let Some(h) = &e.hint {
                println!("  hint: {h}");
            }
        }
        if show_ast {
            println!("{:#?}", parsed.template);
        }
    }
}
