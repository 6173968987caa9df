//! Prints the OpenAPI 3.1 document of every operation finch declares, rendered from the
//! declarations alone.
//!
//! ```text
//! cargo run -p finch --example openapi > finch-declared.json
//! ```

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let document = finch::openapi::document();
    let mut stdout = std::io::stdout().lock();
    match serde_json::to_writer_pretty(&mut stdout, &document)
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(stdout))
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("cannot write the document: {error}");
            ExitCode::FAILURE
        }
    }
}
