//! The `quizdeck` binary: parses the command line, then runs a subcommand (or, with none,
//! the app). The commands live in `src/cli/`.

mod cli;

use clap::FromArgMatches;
use std::process::ExitCode;

fn main() -> ExitCode {
    quizdeck::ui::fixed_mmap_threshold();
    let cli = match cli::command()
        .try_get_matches()
        .and_then(|m| cli::Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!(
                "{}",
                quizdeck::tr!("cli-error", error = cli::error_chain(&e))
            );
            ExitCode::FAILURE
        }
    }
}
