//! Instructions, counted by callgrind, that finch and the hand-written reqwest + serde client of
//! `baseline` spend on the same work against the same local stand-in, side by side, with the
//! ratios checked against their targets: the process fails when one is above.
//!
//! ```text
//! cargo bench -p finch-benchmarks --bench instructions        # needs valgrind (VALGRIND=... picks one)
//! ```
//!
//! The work: a `POST /auth/token` exchange (per call, over a warm keep-alive connection), a walk
//! of a 10,000-person directory in pages of 100 into finch's typed pages (per walk), and building
//! a client and making its first call (per process). finch runs with its defaults: retries, the
//! per-attempt timeout and its tracing spans and events (no subscriber installed).
//!
//! Instruction counts do not depend on the machine's load, so they tell apart costs that CPU time
//! on a shared 2-core machine cannot. Each (work, client) pair runs in a fresh process under
//! `valgrind --tool=callgrind --collect-atstart=no --toggle-collect=<counted>`: only what runs
//! inside [`counted`] is counted, which drives the measured calls to completion on a
//! current-thread runtime (so the connection tasks reqwest spawns are counted too, for both
//! clients). Warm-up calls run before it, uncounted. The stand-in serves from another process,
//! which valgrind does not run, so only the client's instructions are counted.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a benchmark may fail loudly

#[path = "support/measure.rs"]
mod measure;

mod baseline;

use finch::hris::ListDirectory;
use finch::{CreateAccessToken, Finch};
use std::future::Future;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

/// People in the directory walked.
const PEOPLE: usize = 10_000;
/// People per page.
const PAGE: u64 = 100;
/// Token exchanges before the counted ones (connection, allocator, lazily built state).
const WARM_UP_CALLS: usize = 20;
/// Token exchanges counted.
const COUNTED_CALLS: usize = 200;

/// What is measured, and the most finch may spend on it relative to the hand-written client.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Work {
    Token,
    Walk,
    Items,
    Start,
}

impl Work {
    const ALL: [Work; 4] = [Work::Token, Work::Walk, Work::Items, Work::Start];

    fn name(self) -> &'static str {
        match self {
            Work::Token => "token",
            Work::Walk => "walk",
            Work::Items => "items",
            Work::Start => "start",
        }
    }

    fn parse(name: &str) -> Work {
        Self::ALL
            .into_iter()
            .find(|work| work.name() == name)
            .unwrap_or_else(|| panic!("unknown work `{name}`"))
    }

    fn describe(self) -> String {
        match self {
            Work::Token => "POST /auth/token, per call".to_owned(),
            Work::Walk => format!("{PEOPLE} people, pages of {PAGE}: pages(), per walk"),
            Work::Items => format!("{PEOPLE} people, pages of {PAGE}: list_all(), per walk"),
            Work::Start => "client construction + first call".to_owned(),
        }
    }

    /// The authorization codes a run uses.
    fn codes(self) -> usize {
        match self {
            Work::Token => WARM_UP_CALLS + COUNTED_CALLS,
            Work::Walk | Work::Items => 0,
            Work::Start => 1,
        }
    }

    /// The units the count is divided by.
    fn units(self) -> usize {
        match self {
            Work::Token => COUNTED_CALLS,
            Work::Walk | Work::Items | Work::Start => 1,
        }
    }

    /// The largest finch / hand-written ratio accepted; `None` for a figure only reported (the
    /// item stream hands over each person singly, which a loop over a page's `Vec` does not pay
    /// for in the same way; its pages are the `Walk`).
    fn target(self) -> Option<f64> {
        match self {
            Work::Token => Some(0.97),
            Work::Walk => Some(1.00),
            Work::Start => Some(1.00),
            Work::Items => None,
        }
    }
}

const CLIENTS: [&str; 2] = ["finch", "hand-written"];

/// Drives `future` to completion on `runtime`. The only function whose instructions callgrind
/// counts (`--toggle-collect`), so it must not be inlined, nor end in a tail call (`black_box`).
#[inline(never)]
fn counted<T>(runtime: &tokio::runtime::Runtime, future: impl Future<Output = T>) -> T {
    std::hint::black_box(runtime.block_on(future))
}

/// What a measured process needs to reach the stand-in.
struct Server {
    base_url: String,
    client_id: String,
    client_secret: String,
    access_token: String,
}

impl Server {
    fn finch(&self) -> Finch {
        Finch::builder()
            .base_url(&self.base_url)
            .client_id(&self.client_id)
            .client_secret(self.client_secret.as_str())
            .access_token(self.access_token.as_str())
            .build()
            .unwrap()
    }

    fn hand_written(&self) -> baseline::TokenExchange {
        baseline::TokenExchange::new(
            baseline::client(None),
            &self.base_url,
            &self.client_id,
            &self.client_secret,
        )
    }
}

/// The directory page by page, each person handed over as the hand-written loop does.
async fn finch_pages(finch: &Finch) -> usize {
    let mut pages = finch
        .hris()
        .directory()
        .pages(ListDirectory::new().limit(PAGE));
    let mut seen = 0;
    while let Some(page) = pages.next_page().await {
        for person in page.unwrap().individuals {
            baseline::take(person);
            seen += 1;
        }
    }
    seen
}

/// The directory person by person, from the item stream.
async fn finch_items(finch: &Finch) -> usize {
    let mut items = finch
        .hris()
        .directory()
        .list_all(ListDirectory::new().limit(PAGE));
    let mut seen = 0;
    while let Some(person) = items.next_item().await {
        baseline::take(person.unwrap());
        seen += 1;
    }
    seen
}

/// A measured process: warms up, does the counted work once, and prints how many units it did
/// (calls or people) for the driver to check.
fn run(work: Work, client: &str, server: &Server, codes: Vec<String>) {
    let runtime = measure::current_thread_runtime();
    let mut codes = codes.into_iter();
    let done = match (work, client) {
        (Work::Token, "finch") => {
            let finch = server.finch();
            let tokens = finch.access_tokens();
            runtime.block_on(async {
                for code in codes.by_ref().take(WARM_UP_CALLS) {
                    tokens.create(CreateAccessToken::new(code)).await.unwrap();
                }
            });
            counted(&runtime, async {
                let mut calls = 0;
                for code in codes {
                    tokens.create(CreateAccessToken::new(code)).await.unwrap();
                    calls += 1;
                }
                calls
            })
        }
        (Work::Token, _) => {
            let hand_written = server.hand_written();
            runtime.block_on(async {
                for code in codes.by_ref().take(WARM_UP_CALLS) {
                    hand_written.exchange(&code).await;
                }
            });
            counted(&runtime, async {
                let mut calls = 0;
                for code in codes {
                    hand_written.exchange(&code).await;
                    calls += 1;
                }
                calls
            })
        }
        (Work::Walk, "finch") => {
            let finch = server.finch();
            assert_eq!(runtime.block_on(finch_pages(&finch)), PEOPLE);
            counted(&runtime, finch_pages(&finch))
        }
        (Work::Items, "finch") => {
            let finch = server.finch();
            assert_eq!(runtime.block_on(finch_items(&finch)), PEOPLE);
            counted(&runtime, finch_items(&finch))
        }
        (Work::Walk | Work::Items, _) => {
            let client = baseline::client(None);
            let walk =
                || baseline::walk_directory(&client, &server.base_url, &server.access_token, PAGE);
            assert_eq!(runtime.block_on(walk()), PEOPLE);
            counted(&runtime, walk())
        }
        (Work::Start, "finch") => counted(&runtime, async {
            let finch = server.finch();
            let code = codes.next().unwrap();
            finch
                .access_tokens()
                .create(CreateAccessToken::new(code))
                .await
                .unwrap();
            1
        }),
        (Work::Start, _) => counted(&runtime, async {
            let hand_written = server.hand_written();
            hand_written.exchange(&codes.next().unwrap()).await;
            1
        }),
    };
    println!("{done}");
}

/// The stand-in's process: serves until its standard input closes, printing its address and
/// credentials, then a line of comma-separated authorization codes for each `codes N` line read.
fn serve() {
    let stand_in = baseline::stand_in_thread(finch_stand_in::StandIn::builder().employees(PEOPLE));
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} {} {} {}",
        stand_in.base_url(),
        stand_in.client_id(),
        stand_in.client_secret(),
        stand_in.issue_access_token()
    )
    .unwrap();
    out.flush().unwrap();
    for line in std::io::stdin().lock().lines() {
        let line = line.unwrap();
        let count: usize = line
            .strip_prefix("codes ")
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("unknown command `{line}`"));
        let codes: Vec<String> = (0..count)
            .map(|_| stand_in.issue_authorization_code())
            .collect();
        writeln!(out, "{}", codes.join(",")).unwrap();
        out.flush().unwrap();
    }
}

/// Runs one (work, client) pair under callgrind and returns the instructions counted.
fn measure(valgrind: &str, work: Work, client: &str, server: &Server, codes: &str) -> u64 {
    let out = std::env::temp_dir().join(format!(
        "finch-instructions-{}-{}-{client}.callgrind",
        std::process::id(),
        work.name()
    ));
    let output = Command::new(valgrind)
        .args([
            "--tool=callgrind",
            "--collect-atstart=no",
            "--toggle-collect=instructions::counted*",
        ])
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg(std::env::current_exe().unwrap())
        .args([
            "run",
            work.name(),
            client,
            &server.base_url,
            &server.client_id,
            &server.client_secret,
            &server.access_token,
            codes,
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{} {client} failed: {stdout}\n{}",
        work.name(),
        String::from_utf8_lossy(&output.stderr)
    );
    let expected = match work {
        Work::Token => COUNTED_CALLS,
        Work::Walk | Work::Items => PEOPLE,
        Work::Start => 1,
    };
    assert_eq!(
        stdout.trim().parse::<usize>().ok(),
        Some(expected),
        "{stdout}"
    );
    let profile = std::fs::read_to_string(&out).unwrap();
    let _ = std::fs::remove_file(&out);
    let total = profile
        .lines()
        .find_map(|line| {
            line.strip_prefix("totals:")
                .or(line.strip_prefix("summary:"))
        })
        .and_then(|n| n.trim().parse().ok())
        .expect("callgrind's totals");
    assert!(
        total > 0,
        "nothing counted in {} {client}: is `counted` inlined?",
        work.name()
    );
    total
}

/// `12345678` as `12,345,678`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with('-'))
        .collect();
    match args.first().map(String::as_str) {
        Some("serve") => return serve(),
        Some("run") => {
            let [
                _,
                work,
                client,
                base_url,
                client_id,
                client_secret,
                access_token,
                codes,
            ] = &args[..]
            else {
                panic!(
                    "usage: run WORK CLIENT BASE_URL CLIENT_ID CLIENT_SECRET ACCESS_TOKEN CODES"
                );
            };
            let server = Server {
                base_url: base_url.clone(),
                client_id: client_id.clone(),
                client_secret: client_secret.clone(),
                access_token: access_token.clone(),
            };
            let codes = codes.split(',').filter(|code| !code.is_empty());
            return run(
                Work::parse(work),
                client,
                &server,
                codes.map(str::to_owned).collect(),
            );
        }
        _ => {}
    }

    let valgrind = std::env::var("VALGRIND").unwrap_or_else(|_| "valgrind".to_owned());
    if Command::new(&valgrind).arg("--version").output().is_err() {
        eprintln!("`{valgrind}` cannot be run: install valgrind (or set VALGRIND to its path)");
        std::process::exit(2);
    }
    let mut stand_in = Command::new(std::env::current_exe().unwrap())
        .arg("serve")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut to_stand_in = stand_in.stdin.take().unwrap();
    let mut from_stand_in = BufReader::new(stand_in.stdout.take().unwrap());
    let mut line = String::new();
    from_stand_in.read_line(&mut line).unwrap();
    let fields: Vec<&str> = line.split_whitespace().collect();
    let [base_url, client_id, client_secret, access_token] = fields[..] else {
        panic!("the stand-in said `{line}`");
    };
    let server = Server {
        base_url: base_url.to_owned(),
        client_id: client_id.to_owned(),
        client_secret: client_secret.to_owned(),
        access_token: access_token.to_owned(),
    };

    println!(
        "Instructions counted by callgrind in the client's process (the server is another one)"
    );
    println!(
        "{:<48} {:>14} {:>14} {:>7} {:>7}",
        "", "finch", "hand-written", "ratio", "target"
    );
    let mut failed = Vec::new();
    for work in Work::ALL {
        let mut counts = [0u64; 2];
        for (count, client) in counts.iter_mut().zip(CLIENTS) {
            writeln!(to_stand_in, "codes {}", work.codes()).unwrap();
            let mut codes = String::new();
            from_stand_in.read_line(&mut codes).unwrap();
            *count = measure(&valgrind, work, client, &server, codes.trim()) / work.units() as u64;
        }
        let ratio = counts[0] as f64 / counts[1] as f64;
        let verdict = if work.target().is_none_or(|target| ratio <= target) {
            ""
        } else {
            "  ABOVE TARGET"
        };
        if !verdict.is_empty() {
            failed.push(work.describe());
        }
        let target = work
            .target()
            .map_or_else(|| "-".to_owned(), |target| format!("{target:.2}"));
        println!(
            "{:<48} {:>14} {:>14} {ratio:>7.3} {target:>7}{verdict}",
            work.describe(),
            grouped(counts[0]),
            grouped(counts[1]),
        );
    }
    drop(to_stand_in);
    let _ = stand_in.wait();
    if !failed.is_empty() {
        eprintln!("finch is above its target on: {}", failed.join("; "));
        std::process::exit(1);
    }
}
