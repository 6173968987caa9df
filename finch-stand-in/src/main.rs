//! `finch-stand-in`: serves the local stand-in of the Finch API on an address until it is
//! killed, for tests in any language.
//!
//! ```text
//! finch-stand-in [--addr HOST:PORT] [--employees N] [--seed S] [--today YYYY-MM-DD]
//!                [--client-id ID] [--client-secret SECRET] [--codes N]
//!                [--data-sync-in-progress N] [--job-refreshes N] [--job-polls N]
//!                [--job-completion STATUS]
//! ```
//!
//! Once it listens it prints, one `key=value` a line, the base URL, the credentials and ids a
//! test needs, then `ready`; see the crate's README.

use std::io::Write;
use std::net::{SocketAddr, ToSocketAddrs};
use std::process::ExitCode;

use finch_stand_in::{StandIn, StandInBuilder};

const USAGE: &str = "\
usage: finch-stand-in [options]

Serves a local stand-in of the Finch API until killed, and prints (key=value, one a line) its
base_url, client_id, client_secret, authorization_code (one per --codes, each accepted once by
POST /auth/token), access_token, connection_id, company_id, entity_id, employees and today, then
`ready`.

options:
  --addr HOST:PORT              where to listen (default 127.0.0.1:0, a free port)
  --employees N                 people in the first company (default 300)
  --seed S                      seed of the companies, ids and tokens (default fixed)
  --today YYYY-MM-DD            the stand-in's today; payroll history ends here (default 2025-12-31)
  --client-id ID                the application's client id (default fixed)
  --client-secret SECRET        the application's client secret (default fixed)
  --codes N                     authorization codes to print (default 1)
  --data-sync-in-progress N     answer each new connection's first N /employer/* requests with 202
  --job-refreshes N             data_sync_all jobs each connection may run (default 2)
  --job-polls N                 polls a job answers pending/in_progress before it ends (default 2)
  --job-completion STATUS       how data_sync_all jobs end: complete, reauth_error,
                                permissions_error or error (default complete)
  -h, --help                    this text
";

/// What the command line asked for.
struct Options {
    builder: StandInBuilder,
    codes: usize,
}

fn parse(args: impl IntoIterator<Item = String>) -> Result<Option<Options>, String> {
    let mut builder = StandIn::builder();
    let mut codes = 1;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(None);
        }
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => {
                (name.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        builder = match name.as_str() {
            "--addr" => builder.address(address(&value()?)?),
            "--employees" => builder.employees(number(&name, &value()?)?),
            "--seed" => builder.seed(number(&name, &value()?)?),
            "--today" => {
                let (year, month, day) = date(&value()?)?;
                builder.today(year, month, day)
            }
            "--client-id" => builder.client_id(value()?),
            "--client-secret" => builder.client_secret(value()?),
            "--codes" => {
                codes = number(&name, &value()?)?;
                builder
            }
            "--data-sync-in-progress" => builder.data_sync_in_progress(number(&name, &value()?)?),
            "--job-refreshes" => builder.job_refreshes(number(&name, &value()?)?),
            "--job-polls" => builder.job_polls(number(&name, &value()?)?),
            "--job-completion" => {
                let status = value()?;
                if !finch_stand_in::JOB_COMPLETIONS.contains(&status.as_str()) {
                    return Err(format!(
                        "--job-completion takes one of {}, not `{status}`",
                        finch_stand_in::JOB_COMPLETIONS.join(", ")
                    ));
                }
                builder.job_completion(&status)
            }
            _ => return Err(format!("unknown argument `{arg}`")),
        };
    }
    Ok(Some(Options { builder, codes }))
}

fn number<T: std::str::FromStr>(name: &str, value: &str) -> Result<T, String> {
    value
        .parse()
        .map_err(|_| format!("{name} takes a non-negative integer, not `{value}`"))
}

fn address(value: &str) -> Result<SocketAddr, String> {
    value
        .to_socket_addrs()
        .map_err(|error| format!("--addr `{value}`: {error}"))?
        .next()
        .ok_or_else(|| format!("--addr `{value}` names no address"))
}

fn date(value: &str) -> Result<(i32, u32, u32), String> {
    let mut parts = value.splitn(3, '-');
    let mut part = || parts.next().unwrap_or_default();
    match (part().parse(), part().parse(), part().parse()) {
        (Ok(year), Ok(month), Ok(day)) => Ok((year, month, day)),
        _ => Err(format!("--today takes YYYY-MM-DD, not `{value}`")),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let options = match parse(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("finch-stand-in: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let stand_in = match options.builder.start().await {
        Ok(stand_in) => stand_in,
        Err(error) => {
            eprintln!("finch-stand-in: cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut lines = vec![
        ("base_url", stand_in.base_url().to_owned()),
        ("client_id", stand_in.client_id().to_owned()),
        ("client_secret", stand_in.client_secret().to_owned()),
    ];
    for _ in 0..options.codes {
        lines.push(("authorization_code", stand_in.issue_authorization_code()));
    }
    lines.extend([
        ("access_token", stand_in.issue_access_token()),
        ("connection_id", stand_in.connection_id()),
        ("company_id", stand_in.company_id()),
        ("entity_id", stand_in.entity_id()),
        ("employees", stand_in.employee_count().to_string()),
        ("today", stand_in.today()),
    ]);
    let mut stdout = std::io::stdout().lock();
    let printed = lines
        .iter()
        .try_for_each(|(key, value)| writeln!(stdout, "{key}={value}"))
        .and_then(|()| writeln!(stdout, "ready"))
        .and_then(|()| stdout.flush());
    drop(stdout);
    if let Err(error) = printed {
        eprintln!("finch-stand-in: cannot write to stdout: {error}");
        return ExitCode::FAILURE;
    }
    // Serve until killed.
    std::future::pending::<()>().await;
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn arguments_in_both_forms() {
        let options = parse(args("--addr 127.0.0.1:0 --employees=12 --seed 3 --codes 2"))
            .unwrap()
            .unwrap();
        assert_eq!(options.codes, 2);
        let debug = format!("{:?}", options.builder);
        assert!(debug.contains("employees: 12"), "{debug}");
        assert!(debug.contains("seed: 3"), "{debug}");
        assert!(parse(args("--help")).unwrap().is_none());
    }

    #[test]
    fn bad_arguments_say_what_is_wrong() {
        for (line, message) in [
            (
                "--employees many",
                "--employees takes a non-negative integer",
            ),
            ("--employees", "--employees needs a value"),
            ("--today 2025/01/01", "--today takes YYYY-MM-DD"),
            ("--addr nowhere", "--addr `nowhere`"),
            ("--verbose", "unknown argument `--verbose`"),
        ] {
            let error = parse(args(line)).err().unwrap();
            assert!(error.contains(message), "{line}: {error}");
        }
    }
}
