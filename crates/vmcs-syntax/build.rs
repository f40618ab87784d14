//! Build script: turns `src/grammar.lalrpop` into the parser (written to `OUT_DIR`).
fn main() {
    lalrpop::Configuration::new()
        .use_cargo_dir_conventions()
        .emit_rerun_directives(true)
        .process()
        .expect("lalrpop grammar");
}
