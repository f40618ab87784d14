//! One module per subcommand, each with `Args` (clap) and `run(Args) -> miette::Result<ExitCode>`.

pub mod cache;
pub mod check;
pub mod compile;
pub mod deps;
pub mod fix;
pub mod new;
pub mod spawn;
