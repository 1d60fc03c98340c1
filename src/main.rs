//! The `quizdeck` binary: parses the command line, then runs a subcommand (or, with none,
//! the app). The commands live in `src/cli/`.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
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
